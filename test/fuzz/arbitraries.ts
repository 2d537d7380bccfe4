/**
 * Shared generators and checks for the fuzz suites: arbitrary cell values (everything a host can hand
 * over: doubles including NaN, ±Infinity, −0 and extremes, any Unicode text, formula-looking text, Excel
 * error values, booleans, blanks), grids built from them, grids that look like a given input table, and
 * the well-formedness check every problem must pass.
 */
import fc from 'fast-check';
import type { Problem } from '../../src/engine/problem';
import type { ColumnDef, ColumnKind, SheetDef } from '../../src/workbook/schema';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { APPRAISAL, EMPLOYEES, JOBS, MARKET } from '../../src/workbook/schema';
import { FACTOR_PLAN, GRADE_BANDS, JOB_EVALUATION, LOCATIONS } from '../../src/workbook/structureInputs/sheets';
import { BONUS_MULTIPLIERS, BONUS_TARGETS, MERIT_PARAMETERS } from '../../src/workbook/layouts/merit/inputs';
import { PARAMETERS } from '../../src/workbook/assumptions';
import { STRUCTURE_PARAMETERS } from '../../src/workbook/structureInputs/parameters';

/** Every table-shaped input sheet the workbook layer reads. */
export const TABLE_DEFS: SheetDef[] = [JOBS, MARKET, EMPLOYEES, APPRAISAL, FACTOR_PLAN, JOB_EVALUATION, GRADE_BANDS, LOCATIONS, BONUS_TARGETS, BONUS_MULTIPLIERS];

/** Excel's error values (Microsoft, "How to correct a #… error"). */
export const ERROR_CODES = ['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

const HEADER_WORDS = [...new Set(TABLE_DEFS.flatMap((d) => d.columns.flatMap((c) => [c.name, ...(c.synonyms ?? [])])))];
const PARAMETER_WORDS = [...PARAMETERS, ...STRUCTURE_PARAMETERS, ...MERIT_PARAMETERS].flatMap((p) => [p.name, ...(p.choices ?? [])]);

const specialNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e21, 0.1 + 0.2, 60, 2958465, 2958466);

const numberText = fc.constantFrom(
  '$85,000', '85.000,00 €', '85 000', '85\u00a0000', '85\u202f000', '(1,250)', '3%', "1'234.50", '1,23,456.00', '−5', ' 42 ', '1e5', '0x10',
  'Infinity', 'NaN', '1.2.3', ',', '.', '%', '()', '-', '+', '--5', '5-', '(5)%', '€', 'USD', '12USD34', '1,2345', '1.000.000', '0,5', '.5', '5.',
  '١٢٣', '１２３', '9'.repeat(400), '1' + ',000'.repeat(120),
);

const dateText = fc.constantFrom(
  '2025-01-31', '31/01/2025', '01/31/2025', '29.02.2023', '29.02.2024', '2024-02-29', '0000-00-00', '9999-12-31T23:59', '1900-02-29', '13/13/2025',
  '2025-1-1', '1-1-2025', '2025-01-31 10:00', '31-12-1899',
);

const formulaText = fc.constantFrom('=SUM(A1:A3)', '+1', '-', '@x', '=1/0', '=HYPERLINK("http://x","y")', '=', "'=1", '#N/A', '#DIV/0!');

const words = fc.constantFrom(
  ...HEADER_WORDS, ...PARAMETER_WORDS, 'Total', 'Grand Total', 'Subtotal', 'Sum', 'Y', 'N', 'yes', 'no', 'x', 'F', 'M', 'Female', 'X', '', '   ', 'Rating',
  'Parameter', 'Value', 'Lump Sum', 'Cap', 'Linear', 'Post', 'Skill', 'Ability', 'Custom', 'J1', 'j1', 'E1', 'Survey A',
);

/** Any string at all, including lone surrogates and control characters. */
export const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));

/** Any value a host can put in a grid. */
export const gridValue: fc.Arbitrary<GridValue> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }), weight: 3 },
  { arbitrary: specialNumber, weight: 2 },
  { arbitrary: anyText, weight: 3 },
  { arbitrary: numberText, weight: 2 },
  { arbitrary: dateText, weight: 1 },
  { arbitrary: formulaText, weight: 1 },
  { arbitrary: words, weight: 3 },
  { arbitrary: fc.constantFrom(...ERROR_CODES).map((error) => ({ error })), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 4 },
);

/** A value that reads well as the column kind, most of the time. */
export function valueOfKind(kind: ColumnKind): fc.Arbitrary<GridValue> {
  const good: Record<ColumnKind, fc.Arbitrary<GridValue>> = {
    text: fc.oneof(fc.constantFrom('Analyst', 'Manager', 'General', 'F', 'M', 'Sales', 'London'), fc.string({ minLength: 1, maxLength: 8 })),
    code: fc.oneof(fc.constantFrom('J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'j1', 'E1', 'E2', 'E3'), fc.integer({ min: 1, max: 50 })),
    number: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: -10, max: 2000, noNaN: true }), fc.constantFrom('1,5', '250', '1 000')),
    integer: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(1.5, '3')),
    money: fc.oneof(fc.integer({ min: 1, max: 300_000 }), fc.constantFrom('$85,000', '85.000,00 €', '1,23,456.00', '−500', '0')),
    percent: fc.oneof(fc.double({ min: -1, max: 1.5, noNaN: true }), fc.constantFrom('5%', 35, '35', '120%', '-3%')),
    date: fc.oneof(fc.integer({ min: -10, max: 3_000_000 }), dateText),
    flag: fc.constantFrom('Y', 'N', 'yes', 'no', true, false, 'maybe', 1, 0),
  };
  return fc.oneof({ arbitrary: good[kind], weight: 6 }, { arbitrary: gridValue, weight: 2 }, { arbitrary: fc.constant(null), weight: 1 });
}

/** Header text for a column: its name or a synonym, in any case, spaced or punctuated differently. */
function headerText(c: ColumnDef): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(c.name, ...(c.synonyms ?? [])), fc.constantFrom('as is', 'upper', 'lower', 'squashed', 'padded', 'punctuated'))
    .map(([n, style]) =>
      style === 'upper' ? n.toUpperCase() : style === 'lower' ? n.toLowerCase() : style === 'squashed' ? n.replace(/\s+/g, '') : style === 'padded' ? `  ${n} ` : style === 'punctuated' ? n.replace(/\s+/g, '_') + ':' : n,
    );
}

export interface GridShape {
  maxRows?: number;
  maxCols?: number;
}

/** A grid of arbitrary values at an arbitrary place on the sheet, rows possibly ragged, with arbitrary tables. */
export function junkGrid(sheet: fc.Arbitrary<string>, shape: GridShape = {}): fc.Arbitrary<Grid> {
  const maxRows = shape.maxRows ?? 12;
  const maxCols = shape.maxCols ?? 8;
  return fc
    .record({
      sheet,
      top: fc.integer({ min: 1, max: 40 }),
      left: fc.integer({ min: 1, max: 30 }),
      rows: fc.array(fc.array(gridValue, { maxLength: maxCols }), { maxLength: maxRows }),
      tables: fc.option(fc.array(fc.tuple(fc.nat(maxRows + 2), fc.nat(maxCols + 2), fc.nat(maxRows + 2), fc.nat(maxCols + 2)), { maxLength: 2 }), { nil: undefined }),
    })
    .map(({ tables, ...g }) => ({ ...g, tables: tables?.map((t, i) => tableOn(g, t, i)) }));
}

/** A table over part of the grid (possibly reaching past its edges, as Excel tables with blank rows do). */
function tableOn(g: { top: number; left: number }, [r1, c1, r2, c2]: [number, number, number, number], i: number) {
  const a = `${letters(g.left + Math.min(c1, c2))}${g.top + Math.min(r1, r2)}`;
  const b = `${letters(g.left + Math.max(c1, c2))}${g.top + Math.max(r1, r2)}`;
  return { name: `Table${i + 1}`, range: `${a}:${b}` };
}

/** Column letters, written here independently of the code under test. */
export function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A grid that looks like the input table `def`: junk rows above, then a header naming a random
 * selection of its columns (the required ones most of the time) in random order and spelling, maybe a
 * column unknown to the def, then data rows of mostly well-typed values with junk mixed in, blank rows,
 * totals rows and a repeated header.
 */
export function tableGrid(def: SheetDef, sheet: fc.Arbitrary<string> = fc.constant(def.name), maxData = 10): fc.Arbitrary<Grid> {
  const columns = fc.shuffledSubarray(def.columns, { minLength: 1 }).chain((picked) =>
    fc.tuple(
      fc.boolean().map((all) => (all ? [...new Set([...def.columns.filter((c) => c.required), ...picked])] : picked)),
      fc.option(fc.constantFrom('Notes', 'Extra', 'Merit Override %', 'Merit Eligible', 'Skill Points X', 'Region', 'Level'), { nil: undefined }),
    ),
  );
  return columns.chain(([cols, extra]) => {
    const order = fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length });
    return fc
      .record({
        sheet,
        top: fc.integer({ min: 1, max: 5 }),
        left: fc.integer({ min: 1, max: 4 }),
        above: fc.array(fc.array(fc.oneof(gridValue.filter((v) => typeof v !== 'string'), fc.constant(null)), { maxLength: 4 }), { maxLength: 3 }),
        order,
        headers: fc.tuple(...cols.map(headerText)),
        dataRows: fc.array(
          fc.oneof(
            { arbitrary: fc.tuple(...cols.map((c) => valueOfKind(c.kind)), valueOfKind('number')).map((vs) => ({ kind: 'data' as const, vs })), weight: 8 },
            { arbitrary: fc.constant({ kind: 'blank' as const, vs: [] as GridValue[] }), weight: 1 },
            { arbitrary: fc.constantFrom('Total', 'Grand Total', 'Subtotal').map((t) => ({ kind: 'total' as const, vs: [t] as GridValue[] })), weight: 1 },
            { arbitrary: fc.constant({ kind: 'header' as const, vs: [] as GridValue[] }), weight: 1 },
          ),
          { maxLength: maxData },
        ),
        asTable: fc.boolean(),
      })
      .map(({ sheet: name, top, left, above, order: ordered, headers, dataRows, asTable }) => {
        const at = new Map(cols.map((c, i) => [c.key, headers[i]]));
        const header: GridValue[] = ordered.map((c) => at.get(c.key)!);
        if (extra) header.push(extra);
        const rows: GridValue[][] = [...above.map((r) => [...r])];
        rows.push(header);
        for (const d of dataRows) {
          if (d.kind === 'data') {
            const byKey = new Map(cols.map((c, i) => [c.key, d.vs[i]]));
            const row: GridValue[] = ordered.map((c) => byKey.get(c.key) ?? null);
            if (extra) row.push(d.vs[cols.length]);
            rows.push(row);
          } else if (d.kind === 'header') rows.push([...header]);
          else rows.push(d.vs);
        }
        const width = Math.max(...rows.map((r) => r.length));
        const grid: Grid = { sheet: name, top, left, rows };
        if (asTable) {
          const headerRow = top + above.length;
          grid.tables = [{ name: 'tbl', range: `${letters(left)}${headerRow}:${letters(left + width - 1)}${top + rows.length - 1}` }];
        }
        return grid;
      });
  });
}

/** Bounds of a grid's used range (1-based, inclusive); `right` < `left` for a grid without columns. */
export function bounds(g: Grid): { top: number; bottom: number; left: number; right: number } {
  const width = g.rows.reduce((w, r) => Math.max(w, r.length), 0);
  return { top: g.top, bottom: g.top + g.rows.length - 1, left: g.left, right: g.left + width - 1 };
}

const A1 = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/** The column number of letters, independently of the code under test. */
export function columnOf(letterText: string): number {
  let n = 0;
  for (const ch of letterText) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Excel's rule for a sheet name in a reference: quoted unless a plain identifier. */
const quoted = (s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

/**
 * Every problem is well-formed: a known severity, a kebab-case code, a message that starts with its
 * address (`Employees!D14: …`, PRODUCT.md principle 3), a sheet name, and a cell or row that is a valid
 * A1 address inside the grid it was read from. `grids` lists the sheets that were read; a problem that
 * names a cell or row must be on one of them. Returns the first fault found, or undefined.
 */
export function problemFault(p: Problem, grids: readonly Grid[]): string | undefined {
  const show = () => JSON.stringify(p);
  if (!['error', 'warning', 'info'].includes(p.severity)) return `bad severity: ${show()}`;
  if (typeof p.code !== 'string' || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(p.code)) return `bad code: ${show()}`;
  if (typeof p.message !== 'string' || p.message.trim() === '') return `empty message: ${show()}`;
  if (!p.where) return undefined;
  const { sheet, cell, row } = p.where;
  if (typeof sheet !== 'string' || sheet === '') return `no sheet: ${show()}`;
  if (cell === undefined && row === undefined) return p.message.startsWith(`${quoted(sheet)}: `) ? undefined : `message does not start with the sheet: ${show()}`;
  const grid = grids.find((g) => g.sheet === sheet);
  if (!grid) return `cell or row on a sheet that was not read: ${show()}`;
  const b = bounds(grid);
  if (cell !== undefined) {
    const m = A1.exec(cell);
    if (!m) return `not an A1 cell: ${show()}`;
    const c = columnOf(m[1]);
    const r = Number(m[2]);
    if (c > 16384 || r > 1048576) return `cell beyond the sheet: ${show()}`;
    if (r < b.top || r > b.bottom || c < b.left || c > b.right) return `cell outside the grid ${JSON.stringify(b)}: ${show()}`;
    if (!p.message.startsWith(`${quoted(sheet)}!${cell}: `)) return `message does not start with the address: ${show()}`;
  } else if (row !== undefined) {
    if (!Number.isInteger(row) || row < b.top || row > b.bottom) return `row outside the grid ${JSON.stringify(b)}: ${show()}`;
    if (!p.message.startsWith(`${quoted(sheet)}!${row}:${row}: `)) return `message does not start with the row: ${show()}`;
  }
  return undefined;
}

/** Asserts every problem is well-formed (see problemFault). */
export function expectWellFormed(problems: readonly Problem[], grids: readonly Grid[]): void {
  const faults = problems.map((p) => problemFault(p, grids)).filter((f): f is string => f !== undefined);
  expect(faults).toEqual([]);
}

/** The sheet row a problem points at (its row, or its cell's row), if any. */
export function problemRow(p: Problem): number | undefined {
  if (p.where?.row !== undefined) return p.where.row;
  const m = p.where?.cell ? A1.exec(p.where.cell) : null;
  return m ? Number(m[2]) : undefined;
}

/**
 * fast-check settings: FUZZ_SEED reproduces a run (fast-check prints the seed and path of any failure).
 * `shrink: false` reports the first counterexample as found, for properties whose large inputs take minutes
 * to shrink; FUZZ_SHRINK=1 (with FUZZ_SEED) shrinks it anyway. FUZZ_SCALE=10 runs every property ten times as
 * often, for a longer search by hand (the numbers in the test names stay the defaults).
 */
export function fuzzSettings<T>(numRuns: number, o: { shrink?: boolean } = {}): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
  const endOnFailure = o.shrink === false && !process.env.FUZZ_SHRINK;
  const scale = Number(process.env.FUZZ_SCALE ?? 1) || 1;
  return { numRuns: Math.max(1, Math.round(numRuns * scale)), ...seed, ...(endOnFailure ? { endOnFailure } : {}) };
}
