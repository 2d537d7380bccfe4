/**
 * Sheet and table names against Excel's rules, as Microsoft documents them:
 * - sheets ("Rename a worksheet", support.microsoft.com): not blank, at most 31 characters, none of
 *   / \ ? * : [ ], not beginning or ending with an apostrophe, not "History" (reserved);
 * - tables ("Rename an Excel table"): a letter, an underscore or a backslash first, then letters,
 *   digits, periods and underscores; not a cell reference such as A1 or R1C1, nor "C" or "R"; at most
 *   255 characters; unique, upper and lower case not distinguished.
 * Names that come from data go through the sanitizers, and the fake Excel (which checks these rules
 * on its own, apart from this module) accepts every sanitized name.
 */
import fc from 'fast-check';
import {
  looksLikeCellReference,
  MAX_SHEET_NAME_LENGTH,
  nextFreeSheetName,
  sameSheetName,
  sanitizeSheetName,
  sanitizeTableName,
  sheetNameKey,
  sheetNameProblem,
  tableNameProblem,
} from '../../src/hosts/sheetNames';
import { FakeExcel } from '../support/fakeExcel';

describe('sheet names', () => {
  it.each([
    ['Pay Structure', undefined],
    ['Données 2026', undefined],
    ['A'.repeat(31), undefined],
    ['A'.repeat(32), /31/],
    ['', /blank/],
    ['   ', /blank/],
    ...['/', '\\', '?', '*', ':', '[', ']'].map((c): [string, RegExp] => [`a${c}b`, /contains/]),
    ["'quoted", /apostrophe/],
    ["quoted'", /apostrophe/],
    ["it's", undefined],
    ['History', /reserved/],
    ['HISTORY', /reserved/],
    ['History 2', undefined],
    ['tab\there', /control/],
  ])('%j → %s', (name, problem) => {
    if (problem === undefined) expect(sheetNameProblem(name)).toBeUndefined();
    else expect(sheetNameProblem(name)).toMatch(problem);
  });

  it.each([
    [" 'Q1: [draft]/*? ", 'Q1   draft'],
    ['history', 'History (1)'],
    ["''", 'Sheet'],
    ['=cmd|\' /C calc\'!A0', "=cmd|'  C calc'!A0"],
    ['\t=1+1\r', '=1+1'],
    [`${'x'.repeat(30)}'y`, `${'x'.repeat(30)}`],
    // 30 letters then an emoji (two UTF-16 units): cut before it, never through it.
    [`${'x'.repeat(30)}😀`, 'x'.repeat(30)],
  ])('sanitizes %j to %j', (raw, expected) => {
    expect(sanitizeSheetName(raw)).toBe(expected);
  });

  it('are checked by the fake Excel on its own, so it refuses what Excel refuses', () => {
    const fake = new FakeExcel([{ name: 'Other', rows: [] }]);
    for (const bad of ['a/b', 'a:b', '[x]', "'x", 'x'.repeat(32), 'history', ' ']) expect(() => fake.model.addSheet(bad)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => fake.model.addSheet('other')).toThrow(expect.objectContaining({ code: 'ItemAlreadyExists' }));
  });

  it('sanitizes any text to a name Excel (the fake) accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (raw) => {
        const name = sanitizeSheetName(raw);
        expect(sheetNameProblem(name)).toBeUndefined();
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
        // The fake's own rules (test/support/fakeExcelModel.ts), not this module's.
        const fake = new FakeExcel([{ name: 'Other', rows: [] }]);
        fake.model.addSheet(name);
        expect(fake.sheetNames()).toContain(name);
      }),
      { numRuns: 300 },
    );
  });

  it('compares case-insensitively beyond ASCII, as Excel does', () => {
    expect(sameSheetName('Pay Structure', 'PAY STRUCTURE')).toBe(true);
    expect(sameSheetName('Ärger', 'äRGER')).toBe(true);
    expect(sameSheetName('Дані', 'ДАНІ')).toBe(true);
    // The Greek final sigma is the same letter as σ and Σ: lower-casing alone would tell ΟΔΟΣ from οδοσ.
    expect('ΟΔΟΣ'.toLowerCase()).not.toBe('οδοσ');
    expect(sameSheetName('ΟΔΟΣ', 'οδοσ')).toBe(true);
    expect(sameSheetName('ΟΔΟΣ', 'οδος')).toBe(true);
    expect(sameSheetName('Pay Structure', 'Pay Structure 2')).toBe(false);
    expect(sheetNameKey('straße')).toBe('STRAßE');
    // And so does the fake: a second sheet of the same name in another case is refused.
    const fake = new FakeExcel([{ name: 'ΟΔΟΣ', rows: [] }]);
    expect(() => fake.model.addSheet('οδος')).toThrow(expect.objectContaining({ code: 'ItemAlreadyExists' }));
  });

  it('finds the next free "(n)" name, case-insensitively, within 31 characters and whole characters', () => {
    const taken = new Set(['pay structure (2)', 'ΟΔΟΣ (2)'].map(sheetNameKey));
    const isTaken = (n: string) => taken.has(sheetNameKey(n));
    expect(nextFreeSheetName('Pay Structure', isTaken)).toBe('Pay Structure (3)');
    expect(nextFreeSheetName('οδος', isTaken)).toBe('οδος (3)');
    expect(nextFreeSheetName('X'.repeat(31), () => false)).toBe(`${'X'.repeat(27)} (2)`);
    expect(nextFreeSheetName(`${'X'.repeat(26)}😀`, () => false)).toBe(`${'X'.repeat(26)} (2)`);
  });
});

describe('table names', () => {
  it.each([
    ['tblPayStructure', undefined],
    ['_private', undefined],
    ['\\slash', undefined],
    ['Données.2026', undefined],
    ['Table_1.a', undefined],
    ['', /blank/],
    ['1table', /start/],
    ['.table', /start/],
    ['pay structure', /only letters/],
    ['pay-structure', /only letters/],
    ['A1', /cell reference/],
    ['xfd1048576', /cell reference/],
    ['R1C1', /cell reference/],
    ['r2c3', /cell reference/],
    ['R', /cell reference/],
    ['c', /cell reference/],
    ['RC', /cell reference/],
    ['R1C1x', undefined],
    ['T'.repeat(255), undefined],
    ['T'.repeat(256), /255/],
  ])('%j → %s', (name, problem) => {
    if (problem === undefined) expect(tableNameProblem(name)).toBeUndefined();
    else expect(tableNameProblem(name)).toMatch(problem);
  });

  it('reads cell references as Excel does', () => {
    // tbl1 is column TBL (13,584 ≤ 16,384), row 1: a cell.
    expect(['A1', 'XFD1', 'ab12', 'tbl1', 'R', 'C', 'R5', 'C7', 'R5C7'].every(looksLikeCellReference)).toBe(true);
    expect(['Rate', 'Column1', 'tbl_1', 'ABCD1', 'R1C1x'].some(looksLikeCellReference)).toBe(false);
  });

  it.each([
    ['Pay Structure', 'Pay_Structure'],
    ['2026 plan', '_2026_plan'],
    ['A1', '_A1'],
    ['R1C1', '_R1C1'],
    ['=cmd|x', '_cmd_x'],
    ['', 'Table'],
    ['Données', 'Données'],
  ])('sanitizes %j to %j', (raw, expected) => {
    expect(sanitizeTableName(raw)).toBe(expected);
  });

  it('sanitizes to a unique name, case-insensitively, within 255 characters', () => {
    const taken = new Set(['paystructure', 'paystructure_2']);
    expect(sanitizeTableName('PayStructure', (n) => taken.has(n.toLowerCase()))).toBe('PayStructure_3');
    const long = sanitizeTableName('T'.repeat(300), (n) => n === 'T'.repeat(255));
    expect(long).toBe(`${'T'.repeat(253)}_2`);
  });

  it('are checked by the fake Excel on its own, so it refuses what Excel refuses', () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['h'], [1]] }]);
    const table = fake.model.addTable(fake.sheet('Data'), { top: 1, left: 1, bottom: 2, right: 1 }, true);
    for (const bad of ['A1', 'R1C1', 'c', '1x', 'a b', 'x'.repeat(256)]) expect(() => fake.model.renameTable(table, bad)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('sanitizes any text to a name Excel (the fake) accepts for a table', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (raw) => {
        const name = sanitizeTableName(raw);
        expect(tableNameProblem(name)).toBeUndefined();
        const fake = new FakeExcel([{ name: 'Data', rows: [['h'], [1]] }]);
        const table = fake.model.addTable(fake.sheet('Data'), { top: 1, left: 1, bottom: 2, right: 1 }, true);
        fake.model.renameTable(table, name);
        expect(table.name).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});
