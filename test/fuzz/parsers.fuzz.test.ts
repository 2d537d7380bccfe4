/**
 * Property-based fuzzing of every parser of the workbook layer (issue 8, item 2). On arbitrary cell
 * values and grids each parser must never throw, must return values or problems, and every problem must
 * carry a sheet name and a valid A1 cell or row inside the grid it came from (ARCHITECTURE.md: "Parsing
 * never throws on bad data; it returns problems"). Where a format has an inverse, the round trip holds.
 *
 * Runs per property are the RUNS constants below (stated in each test name); FUZZ_SEED=<seed> replays a
 * failure with the seed fast-check prints.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Problem } from '../../src/engine/problem';
import type { Assumptions, CalendarDate, Employee } from '../../src/engine/types';
import { money } from '../../src/engine/money';
import { cellAddress, columnLetter, columnNumber, parseCell, parseRange, rangeAddress, absAddress } from '../../src/workbook/address';
import { assumptionsSheet, parseParameter, PARAMETERS, readAssumptions, type ParamDef } from '../../src/workbook/assumptions';
import { isBlank, parseNumberText, readDate, readFlag, readNumber, readText } from '../../src/workbook/cellValue';
import { dateToSerial, formatIsoDate, isValidDate, parseDateText, serialToDate } from '../../src/workbook/dates';
import { rowsOf } from '../../src/workbook/fieldReader';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { BONUS_MULTIPLIERS, BONUS_TARGETS, MERIT_PARAMETERS, meritColumnsFromEmployees, parseBonusMultipliers, parseBonusTargets, parseMeritGuidelines, readMeritOptions } from '../../src/workbook/layouts/merit/inputs';
import { matchInputSheets, parseWorkbook } from '../../src/workbook/readInputs';
import { APPRAISAL, EMPLOYEES, JOBS, MARKET, normalizeHeader, type ColumnKind, type SheetDef } from '../../src/workbook/schema';
import { dataRows, locateTable } from '../../src/workbook/sheetTable';
import { parseBroadbands, readStructureSettings, STRUCTURE_PARAMETERS } from '../../src/workbook/structureInputs/parameters';
import { parseStructureInputs } from '../../src/workbook/structureInputs/parse';
import { FACTOR_PLAN, GRADE_BANDS, JOB_EVALUATION, LOCATIONS } from '../../src/workbook/structureInputs/sheets';
import { anyText, bounds, ERROR_CODES, expectWellFormed, fuzzSettings, gridValue, junkGrid, letters, problemRow, TABLE_DEFS, tableGrid } from './arbitraries';

/** Runs per property (21,500 in all). */
const RUNS = {
  numberText: 2000,
  localeDecimals: 1000,
  localeCurrency: 1000,
  localeWholeAndPercent: 1000,
  numberMetamorphic: 500,
  cellReaders: 1500,
  serialRoundTrip: 1000,
  dateRoundTrip: 1000,
  dateText: 1000,
  columns: 1000,
  cells: 1000,
  cellText: 2000,
  locateJunk: 400,
  locateTables: 400,
  plantedHeader: 300,
  fieldReader: 500,
  parameter: 2000,
  assumptionsJunk: 300,
  assumptionsRoundTrip: 300,
  structureInputs: 300,
  structureSettings: 300,
  broadbands: 1000,
  guidelines: 400,
  guidelinesRoundTrip: 300,
  bonusAndOptions: 300,
  meritColumns: 400,
  workbook: 300,
} as const;

const sheetName = fc.constantFrom('Sheet1', 'Données 2025', "O'Brien", 'Jobs', 'A1', '2024');

// ---- cellValue.ts: numbers in text, in locales --------------------------------------------------

describe('parseNumberText', () => {
  it(`never throws, and returns a finite number or nothing, on any text (${RUNS.numberText} runs)`, () => {
    const text = fc.oneof(anyText, gridValue.filter((v): v is string => typeof v === 'string'), fc.array(fc.constantFrom('1', '0', ',', '.', ' ', '%', '(', ')', '-', '+', "'", '$', '€', 'e', '\u2212'), { maxLength: 14 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, fc.boolean(), (s, hint) => {
        const n = parseNumberText(s, hint);
        expect(n === undefined || Number.isFinite(n)).toBe(true);
      }),
      fuzzSettings(RUNS.numberText),
    );
  });

  // Locales whose payroll exports the parser is meant to read (PRODUCT.md: "$85,000", "85.000,00 €", "85 000",
  // "1'234.50"), formatted by the platform's Intl (ICU/CLDR) rather than by hand.
  const LOCALES: [string, string][] = [
    ['en-US', 'USD'], ['en-GB', 'GBP'], ['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['es-ES', 'EUR'], ['it-IT', 'EUR'], ['nl-NL', 'EUR'],
    ['de-CH', 'CHF'], ['fr-CH', 'CHF'], ['sv-SE', 'SEK'], ['nb-NO', 'NOK'], ['fi-FI', 'EUR'], ['da-DK', 'DKK'], ['pl-PL', 'PLN'],
    ['cs-CZ', 'CZK'], ['ru-RU', 'RUB'], ['en-IN', 'INR'], ['ja-JP', 'JPY'], ['zh-CN', 'CNY'], ['pt-BR', 'BRL'], ['en-AU', 'AUD'],
    ['en-CA', 'CAD'], ['fr-CA', 'CAD'], ['tr-TR', 'TRY'], ['ko-KR', 'KRW'], ['zh-HK', 'HKD'], ['hu-HU', 'HUF'],
  ];
  /** The text read back as x (−0 and 0 alike); the text is shown when it is not. */
  const same = (text: string, read: number | undefined, x: number) => {
    if (read !== x) expect({ text, read }).toEqual({ text, read: x });
  };
  const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });

  it(`reads back an amount formatted with two decimals in any of ${LOCALES.length} locales (${RUNS.localeDecimals} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), cents, fc.boolean(), ([locale], c, hint) => {
        const x = c / 100;
        const s = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
        same(s, parseNumberText(s, hint), x);
      }),
      fuzzSettings(RUNS.localeDecimals),
    );
  });

  it(`reads back money in each locale's currency format, symbol and all, as money (${RUNS.localeCurrency} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), cents, ([locale, currency], c) => {
        const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
        const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
        const x = Math.round(c / 10 ** (2 - Math.min(digits, 2))) / 10 ** Math.min(digits, 2);
        const s = f.format(x);
        same(s, parseNumberText(s, true), x);
      }),
      fuzzSettings(RUNS.localeCurrency),
    );
  });

  it(`reads back whole amounts with thousands separators as money, and percentages with two decimals (${RUNS.localeWholeAndPercent} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), ([locale], whole, bp) => {
        const s = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(whole);
        same(s, parseNumberText(s, true), whole);
        // 12.34% is the fraction 0.1234: to double rounding of the same decimal.
        const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 10000);
        const back = parseNumberText(pct);
        expect(back).toBeDefined();
        expect(Math.abs(back! - bp / 10000)).toBeLessThanOrEqual(Math.abs(bp / 10000) * 1e-15);
      }),
      fuzzSettings(RUNS.localeWholeAndPercent),
    );
  });

  it(`is unmoved by a currency sign, spaces, or brackets for a negative, and "%" divides by 100 (${RUNS.numberMetamorphic} runs)`, () => {
    const amount = fc.tuple(fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN'), fc.integer({ min: 1, max: 9_999_999_999 })).map(([l, c]) => ({
      text: new Intl.NumberFormat(l, { minimumFractionDigits: 2 }).format(c / 100),
      value: c / 100,
    }));
    fc.assert(
      fc.property(amount, fc.constantFrom('$', '€', '£', '¥', '₹', 'USD ', 'EUR', ' CHF', 'kr'), fc.boolean(), ({ text, value }, sign, before) => {
        const withSign = before ? `${sign}${text}` : `${text} ${sign}`;
        expect(parseNumberText(withSign)).toBe(value);
        expect(parseNumberText(`  ${text}\u00a0`)).toBe(value);
        expect(parseNumberText(`(${text})`)).toBe(-value);
        expect(parseNumberText(`-${text}`)).toBe(-value);
        expect(parseNumberText(`${text}%`)).toBe(value / 100);
      }),
      fuzzSettings(RUNS.numberMetamorphic),
    );
  });
});

// ---- cellValue.ts: reading one cell as a column kind ---------------------------------------------

describe('readNumber, readDate, readText, readFlag', () => {
  const kinds: ColumnKind[] = ['text', 'code', 'number', 'integer', 'money', 'percent', 'date', 'flag'];

  it(`never throw; blank exactly for blank cells; values typed; errors never read as values (${RUNS.cellReaders} runs)`, () => {
    fc.assert(
      fc.property(gridValue, fc.constantFrom(...kinds), (v, kind) => {
        const blank = v === null || (typeof v === 'string' && v.trim() === '');
        const isError = typeof v === 'object' && v !== null;
        for (const r of [readNumber(v, kind), readDate(v), readText(v), readFlag(v)]) {
          if (r.ok) expect(isError).toBe(false);
          else if (r.blank) expect(blank).toBe(true);
          else {
            expect(blank).toBe(false);
            expect(r.reason.trim()).not.toBe('');
            if (isError) expect(r.reason).toContain(v.error);
          }
        }
        const n = readNumber(v, kind);
        if (n.ok) {
          expect(Number.isFinite(n.value)).toBe(true);
          if (kind === 'integer') expect(Number.isInteger(n.value)).toBe(true);
          if (typeof v === 'number' && kind !== 'percent') expect(n.value).toBe(v);
        } else if (typeof v === 'number' && Number.isFinite(v) && kind !== 'integer') throw new Error(`finite ${v} not read as ${kind}`);
        const d = readDate(v);
        // Serial 60 is Excel's fictitious 1900-02-29, kept so the date writes back as the same serial.
        if (d.ok) expect(excelDate(d.value)).toBe(true);
        const t = readText(v);
        if (t.ok) expect(t.value).toBe(t.value.trim());
        if (t.ok) expect(t.value).not.toBe('');
        const f = readFlag(v);
        if (f.ok) expect(typeof f.value).toBe('boolean');
        expect(isBlank(v)).toBe(blank);
      }),
      fuzzSettings(RUNS.cellReaders),
    );
  });
});

/** A real date, or Excel's fictitious 1900-02-29 (serial 60), which reads back as the same serial. */
const excelDate = (d: CalendarDate): boolean => isValidDate(d) || (d.year === 1900 && d.month === 2 && d.day === 29);

// ---- dates.ts: Excel serials and date text --------------------------------------------------------

describe('Excel serial dates', () => {
  // Microsoft, DATEVALUE function: "January 1, 1900 is serial number 1, and January 1, 2008 is serial number
  // 39448". Microsoft, "Excel incorrectly assumes that the year 1900 is a leap year": serial 60 is the
  // fictitious 1900-02-29, so 1900-03-01 is 61. 9999-12-31 is the last date (2958465).
  it('agrees with the published anchors', () => {
    expect(dateToSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
    expect(dateToSerial({ year: 2008, month: 1, day: 1 })).toBe(39448);
    expect(dateToSerial({ year: 1900, month: 3, day: 1 })).toBe(61);
    expect(serialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(serialToDate(2958465)).toEqual({ year: 9999, month: 12, day: 31 });
    expect(serialToDate(2958466)).toBeUndefined();
  });

  it(`serial → date → serial is the identity on 1…2958465, and a time of day keeps the date (${RUNS.serialRoundTrip} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (serial, time) => {
        const d = serialToDate(serial)!;
        expect(d).toBeDefined();
        expect(serial === 60 || isValidDate(d)).toBe(true);
        expect(dateToSerial(d)).toBe(serial);
        expect(serialToDate(serial + time)).toEqual(d);
      }),
      fuzzSettings(RUNS.serialRoundTrip),
    );
  });

  const validDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((t) => ({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }));

  it(`date → serial → date is the identity, the next day is the next serial, and ISO and day-first text read back (${RUNS.dateRoundTrip} runs)`, () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom('/', '.', '-'), (d, sep) => {
        const s = dateToSerial(d);
        expect(serialToDate(s)).toEqual(d);
        const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
        if (next.getUTCFullYear() <= 9999) {
          const gap = d.year === 1900 && d.month === 2 && d.day === 28 ? 2 : 1; // over the fictitious 29 February
          expect(dateToSerial({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }) - s).toBe(gap);
        }
        expect(parseDateText(formatIsoDate(d))).toEqual(d);
        const dd = String(d.day).padStart(2, '0');
        const mm = String(d.month).padStart(2, '0');
        expect(parseDateText(`${dd}${sep}${mm}${sep}${d.year}`)).toEqual(d);
        // Month first is read as such only when it cannot be day first.
        if (d.day > 12) expect(parseDateText(`${mm}${sep}${dd}${sep}${d.year}`)).toEqual(d);
      }),
      fuzzSettings(RUNS.dateRoundTrip),
    );
  });

  it(`parseDateText never throws and returns only real dates (${RUNS.dateText} runs)`, () => {
    const dateish = fc
      .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('-', '/', '.'), fc.boolean())
      .map(([y, m, d, sep, iso]) => (iso ? `${String(y).padStart(4, '0')}-${m}-${d}` : `${d}${sep}${m}${sep}${String(y).padStart(4, '0')}`));
    fc.assert(
      fc.property(fc.oneof(anyText, dateish), (s) => {
        const d = parseDateText(s);
        if (d !== undefined) expect(isValidDate(d)).toBe(true);
      }),
      fuzzSettings(RUNS.dateText),
    );
  });
});

// ---- address.ts ------------------------------------------------------------------------------------

describe('A1 addresses', () => {
  it(`column letters and numbers are inverse on 1…16384, in sheet order (${RUNS.columns} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 16384 }), (a, b) => {
        expect(columnLetter(a)).toBe(letters(a));
        expect(columnNumber(columnLetter(a))).toBe(a);
        expect(columnNumber(columnLetter(a).toLowerCase())).toBe(a);
        const [x, y] = [columnLetter(a), columnLetter(b)];
        const before = x.length < y.length || (x.length === y.length && x < y);
        expect(before).toBe(a < b);
      }),
      fuzzSettings(RUNS.columns),
    );
    expect(columnLetter(16384)).toBe('XFD');
    expect(() => columnLetter(16385)).toThrow(RangeError);
    expect(() => columnLetter(0)).toThrow(RangeError);
  });

  it(`parseCell and parseRange read back what cellAddress and rangeAddress write, corners in any order (${RUNS.cells} runs)`, () => {
    const cell = fc.tuple(fc.integer({ min: 1, max: 1048576 }), fc.integer({ min: 1, max: 16384 }));
    fc.assert(
      fc.property(cell, cell, ([r1, c1], [r2, c2]) => {
        expect(parseCell(cellAddress(r1, c1))).toEqual({ row: r1, col: c1 });
        expect(parseCell(absAddress(r1, c1))).toEqual({ row: r1, col: c1 });
        expect(parseCell(` ${cellAddress(r1, c1).toLowerCase()} `)).toEqual({ row: r1, col: c1 });
        const want = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
        expect(parseRange(`${cellAddress(r1, c1)}:${cellAddress(r2, c2)}`)).toEqual(want);
        expect(parseRange(rangeAddress(want.top, want.left, want.bottom, want.right))).toEqual(want);
      }),
      fuzzSettings(RUNS.cells),
    );
  });

  it(`parseCell on any text returns a cell on the sheet (row 1…1,048,576, column A…XFD) or throws a RangeError (${RUNS.cellText} runs)`, () => {
    const near = fc
      .tuple(fc.constantFrom('', '$'), fc.stringMatching(/^[A-Za-z]{0,4}$/), fc.constantFrom('', '$'), fc.oneof(fc.nat().map(String), fc.constantFrom('0', '00', '1048576', '1048577', '99999999999999999999', '')))
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, near), (s) => {
        let got: { row: number; col: number } | undefined;
        try {
          got = parseCell(s);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          return;
        }
        expect(Number.isInteger(got.row) && got.row >= 1 && got.row <= 1048576).toBe(true);
        expect(Number.isInteger(got.col) && got.col >= 1 && got.col <= 16384).toBe(true);
        expect(cellAddress(got.row, got.col)).toBe(s.trim().replace(/\$/g, '').toUpperCase().replace(/^([A-Z]+)0+(?=\d)/, '$1'));
      }),
      fuzzSettings(RUNS.cellText),
    );
  });
});

// ---- sheetTable.ts: header and table location -----------------------------------------------------

const anyDef = fc.constantFrom(...TABLE_DEFS);

function checkLocated(grid: Grid, def: SheetDef) {
  const located = locateTable(grid, def);
  expectWellFormed(located.problems, [grid]);
  const t = located.table;
  if (!t) {
    expect(located.problems.some((p) => p.severity === 'error')).toBe(true);
    return located;
  }
  const b = bounds(grid);
  expect(t.sheet).toBe(grid.sheet);
  expect(t.headerRow >= b.top && t.headerRow <= b.bottom).toBe(true);
  // One header row, or two: a group label above some of the names, read as one header (src/workbook/sheetTable.ts, continueHeader).
  const headerRows = t.firstDataRow - t.headerRow;
  expect(headerRows === 1 || headerRows === 2).toBe(true);
  expect(t.lastDataRow).toBeLessThanOrEqual(Math.max(b.bottom, ...(grid.tables ?? []).map((x) => parseRange(x.range).bottom)));
  for (const c of def.columns.filter((c) => c.required)) expect(t.columns.has(c.key)).toBe(true);
  const cols = [...t.columns.values(), ...t.extras.map((x) => x.col)];
  expect(new Set(cols).size).toBe(cols.length);
  for (const [key, col] of t.columns) {
    // A header cell of the column names it (its name or a synonym, ignoring case, spaces and punctuation).
    const c = def.columns.find((x) => x.key === key)!;
    const names = [c.name, ...(c.synonyms ?? [])].map(normalizeHeader);
    const headers = Array.from({ length: headerRows }, (_, k) => grid.rows[t.headerRow + k - grid.top]?.[col - grid.left]);
    expect(headers.some((h) => typeof h === 'string' && names.includes(normalizeHeader(h)))).toBe(true);
  }
  const key = def.columns.find((c) => c.required)!.key;
  const data = dataRows(grid, t, key);
  expectWellFormed(data.problems, [grid]);
  const rows = data.rows.map((r) => r.row);
  expect(rows).toEqual([...rows].sort((x, y) => x - y));
  for (const r of rows) {
    expect(r >= t.firstDataRow && r <= t.lastDataRow).toBe(true);
    expect(cols.some((c) => !isBlank(grid.rows[r - grid.top]?.[c - grid.left] ?? null))).toBe(true);
  }
  // Any field's address (a column the table lacks included) is a cell of this row inside the grid.
  for (const r of data.rows) {
    for (const c of def.columns) {
      const { row, col } = parseCell(r.address(c.key));
      expect(row).toBe(r.row);
      expect(col >= b.left && col <= b.right).toBe(true);
    }
  }
  return located;
}

describe('locateTable and dataRows', () => {
  it(`never throw on junk grids; a table found has every required column, headed by its name or a synonym (${RUNS.locateJunk} runs)`, () => {
    fc.assert(fc.property(junkGrid(sheetName), anyDef, (grid, def) => void checkLocated(grid, def)), fuzzSettings(RUNS.locateJunk));
  });

  it(`hold on grids shaped like each input table, with stray rows, totals and repeated headers (${RUNS.locateTables} runs)`, () => {
    fc.assert(fc.property(anyDef.chain((def) => fc.tuple(fc.constant(def), tableGrid(def, sheetName))), ([def, grid]) => void checkLocated(grid, def)), fuzzSettings(RUNS.locateTables));
  });

  it(`find a header planted anywhere in the first 30 rows among non-text junk, with its columns where they were put (${RUNS.plantedHeader} runs)`, () => {
    const junk = gridValue.filter((v) => typeof v !== 'string');
    fc.assert(
      fc.property(anyDef, fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.array(junk, { maxLength: 8 }), { minLength: 30, maxLength: 32 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (def, at, offset, rows, top, left) => {
        const header: GridValue[] = [...Array(offset).fill(null), ...def.columns.map((c) => c.name)];
        const grid: Grid = { sheet: 'S', top, left, rows: rows.map((r, i) => (i === at ? header : r)) };
        const { table } = locateTable(grid, def);
        expect(table?.headerRow).toBe(top + at);
        def.columns.forEach((c, i) => expect(table!.columns.get(c.key)).toBe(left + offset + i));
      }),
      fuzzSettings(RUNS.plantedHeader),
    );
  });
});

// ---- fieldReader.ts --------------------------------------------------------------------------------

describe('FieldReader', () => {
  it(`reads every field of every row as its kind, or reports that very cell (${RUNS.fieldReader} runs)`, () => {
    fc.assert(
      fc.property(anyDef.chain((def) => fc.tuple(fc.constant(def), fc.oneof(tableGrid(def, sheetName), junkGrid(sheetName)))), ([def, grid]) => {
        const problems: Problem[] = [];
        const key = def.columns.find((c) => c.required)!.key;
        const t = rowsOf(grid, def, key, problems);
        expectWellFormed(problems, [grid]);
        if (!t) return;
        for (const r of t.rows) {
          for (const c of def.columns) {
            if (!t.table.columns.has(c.key)) continue;
            const before = problems.length;
            const raw = r.get(c.key);
            const v =
              c.kind === 'date' ? t.reader.date(r, c.key) : c.kind === 'flag' ? t.reader.flag(r, c.key) : c.kind === 'text' || c.kind === 'code' ? t.reader.text(r, c.key) : t.reader.number(r, c.key);
            const added = problems.slice(before);
            expectWellFormed(added, [grid]);
            if (v !== undefined) {
              expect(added).toEqual([]);
              if (typeof v === 'number') {
                expect(Number.isFinite(v)).toBe(true);
                if (c.positive) expect(v).toBeGreaterThan(0);
                if (c.nonNegative) expect(v).toBeGreaterThanOrEqual(0);
                if (c.kind === 'integer') expect(Number.isInteger(v)).toBe(true);
              }
              if (typeof v === 'string') expect(v.trim()).not.toBe('');
            } else if (!isBlank(raw) || c.required) {
              // Exactly one problem, at this row's cell of this column.
              expect(added.map((p) => p.where)).toEqual([{ sheet: grid.sheet, cell: `${letters(t.table.columns.get(c.key)!)}${r.row}` }]);
            } else expect(added).toEqual([]);
          }
        }
      }),
      fuzzSettings(RUNS.fieldReader),
    );
  });
});

// ---- assumptions.ts --------------------------------------------------------------------------------

type AnyParam = Pick<ParamDef, 'name' | 'kind' | 'min' | 'max' | 'choices'> & { key: string };

/** Is `value` a value parameter `def` can hold? (its kind, its choices, its bounds) */
function validFor(def: AnyParam, value: unknown): boolean {
  const inRange = (n: number) => Number.isFinite(n) && (def.min === undefined || n >= def.min) && (def.max === undefined || n <= def.max);
  switch (def.kind) {
    case 'choice':
      return def.choices!.includes(value as string);
    case 'text':
      return typeof value === 'string' && value === value.trim();
    case 'number':
    case 'percent':
      return typeof value === 'number' && inRange(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && inRange(value);
    case 'money':
      return Decimal.isDecimal(value) && (value as Decimal).isFinite() && (value as Decimal).gte(0);
    case 'date':
      return excelDate(value as CalendarDate);
    case 'flag':
      return typeof value === 'boolean';
    case 'list': {
      const l = value as number[];
      return Array.isArray(l) && l.length > 0 && l.every((x, i) => Number.isFinite(x) && (i === 0 || x > l[i - 1]));
    }
    case 'spread': {
      const s = value as { low: number; high: number };
      return s.low > 0 && s.high > 0 && s.low <= 5 && s.high <= 5;
    }
    default:
      return false;
  }
}

const allParamNames = [...PARAMETERS, ...STRUCTURE_PARAMETERS, ...MERIT_PARAMETERS].flatMap((p) => [p.name, p.definedName, ...(p.synonyms ?? [])]);

/** A Parameter | Value sheet: known names (any spelling), unknown names, junk values, blank rows. */
const assumptionsGrid = fc
  .record({
    top: fc.integer({ min: 1, max: 4 }),
    left: fc.integer({ min: 1, max: 4 }),
    header: fc.boolean(),
    compact: fc.boolean(),
    rows: fc.array(
      fc.tuple(
        fc.array(fc.constant(null), { maxLength: 2 }),
        // A few names often, so that parameters are given twice.
        fc.oneof(fc.constantFrom('Grades', 'Range Spread', 'Compa Zones', 'Steps', 'Zone Basis', 'Broadbands'), fc.constantFrom(...allParamNames), fc.constantFrom(...allParamNames).map((n) => n.toUpperCase().replace(/ /g, '_')), anyText, gridValue),
        fc.option(fc.oneof(gridValue, valueLike()), { nil: undefined, freq: 5 }),
        fc.option(gridValue, { nil: undefined }),
      ),
      { maxLength: 25 },
    ),
  })
  .map(({ top, left, header, compact, rows }) => {
    const out: GridValue[][] = header ? [compact ? ['Parameter', 'Value'] : ['Parameter', 'Value', 'Description']] : [];
    // A row may end at its name (no value cell at all), or hold a value and a note; compact sheets are two columns wide.
    for (const [pad, name, value, note] of rows) {
      if (compact) out.push(value === undefined ? (pad.length > 0 ? [null, name] : [name]) : [name, value]);
      else out.push(value === undefined ? [...pad, name] : note === undefined ? [...pad, name, value] : [...pad, name, value, note]);
    }
    return { sheet: 'Assumptions', top, left, rows: out } as Grid;
  });

/** Values that parameters accept, so that the valid paths are exercised as much as the bad ones. */
function valueLike(): fc.Arbitrary<GridValue> {
  return fc.oneof(
    fc.constantFrom('Post', 'Skill', 'Compound', 'Power', 'Geometric', 'Custom', 'Lump Sum', 'Cap', 'Quartile', 'Inside', 'Y', 'N', 'Arithmetic', 'Progression', 'Equal Percentage'),
    fc.constantFrom('40%-60%', '50%', '0.9; 1.0; 1.1', '1.5; 2.5; 3.5; 4.5', '5/20/50/20/5', '3%; 3.5%; 4%', '1-5', '3; 3; 4', '3', '$50,000', '2025-07-01', 'Grade; Tenure'),
    fc.double({ min: -2, max: 200, noNaN: true }),
    fc.integer({ min: -5, max: 100 }),
    fc.integer({ min: 40000, max: 50000 }),
  );
}

describe('parseParameter and readAssumptions', () => {
  it(`parseParameter never throws, and what it accepts is a value the parameter can hold (${RUNS.parameter} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAMETERS, ...(STRUCTURE_PARAMETERS as unknown as ParamDef[])), fc.oneof(gridValue, valueLike()), (def, v) => {
        const r = parseParameter(def, v);
        if (r.ok) expect([def.name, validFor(def, r.value)]).toEqual([def.name, true]);
        else expect(r.reason.trim()).not.toBe('');
      }),
      fuzzSettings(RUNS.parameter),
    );
  });

  it(`readAssumptions never throws on any Parameter | Value sheet, and every assumption in force is valid (${RUNS.assumptionsJunk} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(assumptionsGrid, junkGrid(fc.constant('Assumptions'))), (grid) => {
        const read = readAssumptions(grid);
        expectWellFormed(read.problems, [grid]);
        const a = read.assumptions as unknown as Record<string, unknown>;
        for (const def of PARAMETERS) {
          if (a[def.key] === undefined) expect(def.defaultValue).toBeNull();
          else expect([def.name, validFor(def, a[def.key])]).toEqual([def.name, true]);
        }
        // Only cells holding a usable value are cited, and they are on the sheet.
        const b = bounds(grid);
        for (const { row, col } of read.cells.values()) expect(row >= b.top && row <= b.bottom && col >= b.left && col <= b.right).toBe(true);
      }),
      fuzzSettings(RUNS.assumptionsJunk),
    );
  });

  // Values as a user sets them in the task pane: the sheet the add-in writes must read back as the same assumptions.
  const fraction = (min: number, max: number) => fc.integer({ min: Math.round(min * 10000), max: Math.round(max * 10000) }).map((n) => n / 10000);
  const ascending = (min: number, max: number) => fc.uniqueArray(fraction(min, max), { minLength: 1, maxLength: 6 }).map((l) => [...l].sort((x, y) => x - y));
  const validAssumptions = fc
    .record({
      paySystem: fc.constantFrom('Post', 'Skill', 'Ability'),
      currency: fc.constantFrom('USD', 'EUR', 'GBP', 'CHF', 'JPY'),
      effectiveDate: fc.integer({ min: 61, max: 2958465 }).map((s) => serialToDate(s)!),
      agingRate: fraction(-0.5, 1),
      agingMethod: fc.constantFrom('Simple', 'Compound'),
      marketPercentile: fc.integer({ min: 1, max: 99 }),
      marketPosition: fraction(-0.5, 1),
      payLine: fc.constantFrom('Linear', 'Exponential', 'Power'),
      grades: fc.integer({ min: 1, max: 60 }),
      gradeBands: fc.constantFrom('Equal', 'Geometric', 'Custom'),
      rangeSpread: fc.tuple(fraction(0.0001, 5), fraction(0.0001, 5)).map(([low, high]) => ({ low, high })),
      rounding: fc.constantFrom(0.01, 1, 10, 50, 100, 1000),
      slottingTolerance: fraction(0, 1),
      meritBudget: fraction(0, 1),
      ratingScale: fc.integer({ min: 2, max: 10 }),
      ratingThresholds: ascending(0, 10),
      compaZones: ascending(0.0001, 3),
      aboveMaximum: fc.constantFrom('Lump Sum', 'Cap'),
      catchUpToMinimum: fc.boolean(),
      prorationStart: fc.option(fc.integer({ min: 61, max: 2958465 }).map((s) => serialToDate(s)!), { nil: undefined }),
      bonusPool: fc.option(fc.integer({ min: 0, max: 1e10 }).map((c) => money(c).div(100)), { nil: undefined }),
      payGapThreshold: fraction(0, 1),
      equityControls: fc.constantFrom('Grade; Job Family', 'Tenure^2', 'Points'),
      minimumGroupSize: fc.integer({ min: 1, max: 1000 }),
      payCategories: fc.constantFrom('Grade', 'Department', 'Location'),
      fullTimeHours: fc.integer({ min: 10, max: 80 }),
      remediationMethod: fc.constantFrom('Regression', 'Compa-Ratio'),
      progressionTarget: fc.option(fraction(0, 1), { nil: undefined }),
      progressionTolerance: fraction(0, 1),
      maxOverlap: fraction(-1, 1),
      minOverlap: fraction(-1, 1),
      minRankCorrelation: fraction(-1, 1),
      compressionMargin: fraction(0, 1),
      circleThreshold: fraction(0, 1),
    })
    .map((a) => {
      const out = { ...a } as Record<string, unknown>;
      for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
      return out as unknown as Assumptions;
    });

  it(`the Assumptions sheet the add-in writes reads back as the same assumptions, without a problem (${RUNS.assumptionsRoundTrip} runs)`, () => {
    fc.assert(
      fc.property(validAssumptions, (a) => {
        const spec = assumptionsSheet(a);
        const grid: Grid = { sheet: spec.name, top: 1, left: 1, rows: spec.cells as GridValue[][] };
        const read = readAssumptions(grid);
        expect(read.problems).toEqual([]);
        const { rangeSpread, ...rest } = read.assumptions;
        const { rangeSpread: wantSpread, ...wantRest } = a;
        expect({ ...rest, bonusPool: rest.bonusPool?.toString() }).toEqual({ ...wantRest, bonusPool: wantRest.bonusPool?.toString() });
        // A low-high spread is written as percentages with 4 decimals: to double rounding.
        expect(rangeSpread.low).toBeCloseTo(wantSpread.low, 12);
        expect(rangeSpread.high).toBeCloseTo(wantSpread.high, 12);
      }),
      fuzzSettings(RUNS.assumptionsRoundTrip),
    );
  });
});

// ---- structureInputs/ ------------------------------------------------------------------------------

describe('structure inputs', () => {
  const STRUCTURE_SHEETS: [string, SheetDef][] = [['factorPlan', FACTOR_PLAN], ['jobEvaluation', JOB_EVALUATION], ['gradeBands', GRADE_BANDS], ['locations', LOCATIONS]];
  const sheets = fc
    .tuple(...STRUCTURE_SHEETS.map(([, def]) => fc.option(fc.oneof(tableGrid(def), junkGrid(fc.constant(def.name))), { nil: undefined })))
    .map((gs) => gs.filter((g): g is Grid => g !== undefined));

  it(`parseStructureInputs never throws; what it returns is well-typed and each problem points into its sheet (${RUNS.structureInputs} runs)`, () => {
    fc.assert(
      fc.property(sheets, (grids) => {
        const byName = new Map(grids.map((g) => [g.sheet, g]));
        const sheetOf = new Map(STRUCTURE_SHEETS.filter(([, d]) => byName.has(d.name)).map(([k, d]) => [k, d.name]));
        const s = parseStructureInputs(byName, sheetOf);
        expectWellFormed(s.problems, grids);
        for (const f of s.factors) expect(f.name.trim() !== '' && Number.isFinite(f.weight) && Number.isFinite(f.levels)).toBe(true);
        for (const b of s.bands) {
          expect(Number.isInteger(b.grade) && b.grade > 0 && b.minPoints >= 0 && b.maxPoints >= 0).toBe(true);
          if (b.midpoint) expect(b.midpoint.gt(0)).toBe(true);
          if (b.spread !== undefined) expect(b.spread).toBeGreaterThan(0);
        }
        for (const l of s.locations) expect(Number.isFinite(l.differential)).toBe(true);
        for (const r of s.evaluation.rows) {
          expect(r.levels.length).toBe(s.evaluation.columns.length);
          for (const v of r.levels) expect(v === undefined || Number.isFinite(v)).toBe(true);
        }
      }),
      fuzzSettings(RUNS.structureInputs),
    );
  });

  it(`readStructureSettings never throws, and every setting in force is valid (${RUNS.structureSettings} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(assumptionsGrid, junkGrid(fc.constant('Assumptions'))), (grid) => {
        const read = readStructureSettings(grid);
        expectWellFormed(read.problems, [grid]);
        const s = read.settings as unknown as Record<string, unknown>;
        for (const def of STRUCTURE_PARAMETERS) {
          if (s[def.key] === undefined) expect(def.defaultValue).toBeNull();
          else if (def.key !== 'broadbands') expect([def.name, validFor(def, s[def.key])]).toEqual([def.name, true]);
        }
        if (read.settings.broadbands !== undefined && 'error' in parseBroadbands(read.settings.broadbands)) {
          expect(read.problems.some((p) => p.severity === 'error' && p.message.includes('Broadbands'))).toBe(true);
        }
      }),
      fuzzSettings(RUNS.structureSettings),
    );
  });

  it(`parseBroadbands reads any text as a positive whole number of bands, band sizes, or an error (${RUNS.broadbands} runs)`, () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(anyText, sizes.map((s) => s.join('; '))), sizes, fc.constantFrom('; ', ',', ' | ', ' '), (text, given, sep) => {
        const b = parseBroadbands(text);
        if ('bands' in b) expect(Number.isInteger(b.bands) && b.bands >= 1).toBe(true);
        else if ('sizes' in b) expect(b.sizes.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
        else expect(b.error).toContain(text);
        expect(parseBroadbands(given.join(sep))).toEqual(given.length === 1 ? { bands: given[0] } : { sizes: given });
      }),
      fuzzSettings(RUNS.broadbands),
    );
  });
});

// ---- layouts/merit/inputs.ts -------------------------------------------------------------------------

describe('merit inputs', () => {
  const guidelineGrid = fc
    .record({
      top: fc.integer({ min: 1, max: 5 }),
      left: fc.integer({ min: 1, max: 5 }),
      above: fc.array(fc.array(fc.oneof(fc.constant(null), fc.integer()), { maxLength: 3 }), { maxLength: 3 }),
      ratingHeader: fc.constantFrom('Rating', 'Performance Rating', 'RATING', 'Ratings', 'Score'),
      zones: fc.array(fc.oneof(fc.constantFrom('< 0.90', '0.90–1.00', '≥ 1.10', 'Q1'), gridValue), { maxLength: 5 }),
      body: fc.array(fc.tuple(valueOf('number'), fc.array(fc.oneof(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constantFrom('5%', '3', 4, '0,5%'), gridValue), { maxLength: 6 })), { maxLength: 7 }),
    })
    .map(({ top, left, above, ratingHeader, zones, body }) => ({ sheet: 'Merit Guidelines', top, left, rows: [...above, [ratingHeader, ...zones], ...body.map(([r, cells]) => [r, ...cells])] }) as Grid);

  function valueOf(kind: ColumnKind) {
    return fc.oneof(fc.integer({ min: 1, max: 5 }), gridValue, fc.constant(kind === 'number' ? '3' : null));
  }

  it(`parseMeritGuidelines never throws; a matrix read is rectangular and finite (${RUNS.guidelines} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(guidelineGrid, junkGrid(fc.constant('Merit Guidelines'))), (grid) => {
        const g = parseMeritGuidelines(grid);
        expectWellFormed(g.problems, [grid]);
        if (!g.guidelines) {
          expect(g.problems.some((p) => p.severity === 'error')).toBe(true);
          return;
        }
        expect(g.guidelines.cells.length).toBe(g.guidelines.ratings.length);
        for (const row of g.guidelines.cells) {
          expect(row.length).toBe(g.labels!.length);
          for (const x of row) expect(Number.isFinite(x)).toBe(true);
        }
        for (const r of g.guidelines.ratings) expect(Number.isFinite(r)).toBe(true);
        const b = bounds(grid);
        for (const row of g.guidelines.where!.rows) expect(row > b.top - 1 && row <= b.bottom).toBe(true);
      }),
      fuzzSettings(RUNS.guidelines),
    );
  });

  it(`a guideline matrix reads back as typed: fractions, percentage points (5 = 5%) or "5%" text (${RUNS.guidelinesRoundTrip} runs)`, () => {
    const pct = fc.integer({ min: 0, max: 2000 }).map((bp) => bp / 10000);
    const matrix = fc.integer({ min: 1, max: 5 }).chain((nz) => fc.array(fc.array(pct, { minLength: nz, maxLength: nz }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(matrix, fc.constantFrom('fraction', 'points', 'text'), (cells, style) => {
        // Points are recognised by a cell above 1: make one.
        if (style === 'points') cells[0][0] = 0.05;
        const shown = (x: number): GridValue => (style === 'fraction' ? x : style === 'points' ? Number((x * 100).toFixed(2)) : `${Number((x * 100).toFixed(2))}%`);
        const grid: Grid = { sheet: 'Merit Guidelines', top: 1, left: 1, rows: [['Rating', ...cells[0].map((_, j) => `Z${j + 1}`)], ...cells.map((row, i) => [i + 1, ...row.map(shown)])] };
        const g = parseMeritGuidelines(grid);
        expect(g.problems).toEqual([]);
        expect(g.guidelines!.ratings).toEqual(cells.map((_, i) => i + 1));
        g.guidelines!.cells.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(cells[i][j], 12)));
      }),
      fuzzSettings(RUNS.guidelinesRoundTrip),
    );
  });

  it(`Bonus Targets, Bonus Multipliers and the merit parameters never throw, and what they return is valid (${RUNS.bonusAndOptions} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(tableGrid(BONUS_TARGETS), junkGrid(fc.constant('Bonus Targets'))), fc.oneof(tableGrid(BONUS_MULTIPLIERS), junkGrid(fc.constant('Bonus Multipliers'))), fc.oneof(assumptionsGrid, junkGrid(fc.constant('Assumptions'))), (targets, multipliers, assumptions) => {
        const problems: Problem[] = [];
        const t = parseBonusTargets(targets, problems);
        const m = parseBonusMultipliers(multipliers, problems);
        for (const [grade, pct] of t ?? []) expect(Number.isInteger(grade) && grade > 0 && pct >= 0 && Number.isFinite(pct)).toBe(true);
        for (const [rating, x] of m ?? []) expect(Number.isInteger(rating) && rating > 0 && x >= 0 && Number.isFinite(x)).toBe(true);
        const read = readMeritOptions(assumptions, { meritBudget: 0.03, ratingScale: 5 });
        expectWellFormed([...problems, ...read.problems], [targets, multipliers, assumptions]);
        const o = read.options as unknown as Record<string, unknown>;
        for (const def of MERIT_PARAMETERS) {
          const v = o[def.key];
          if (v === undefined) continue;
          if (def.kind === 'shares') expect((v as number[]).every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
          else if (def.kind === 'scale') expect((v as { min: number; max: number }).min).toBeLessThan((v as { max: number }).max);
          else expect([def.name, validFor(def as unknown as AnyParam, v)]).toEqual([def.name, true]);
        }
        expect(read.options.budgetScenarios.length).toBeGreaterThan(0);
      }),
      fuzzSettings(RUNS.bonusAndOptions),
    );
  });

  it(`Merit Override % and Merit Eligible read as a fraction in 0…1 and Y/N, or report the cell (${RUNS.meritColumns} runs)`, () => {
    const headers = ['Merit Override %', 'Override', 'Merit Eligible', 'Eligible', 'Region'];
    fc.assert(
      fc.property(fc.shuffledSubarray(headers, { minLength: 1 }), fc.array(fc.array(fc.oneof(gridValue, fc.constantFrom(0.05, '4%', 5, 'Y', 'N', 'no')), { minLength: 5, maxLength: 5 }), { maxLength: 8 }), (cols, values) => {
        const extras = cols.map((name, i) => ({ name, col: 3 + i }));
        const employees: Employee[] = values.map((vs, i) => ({
          id: `E${i + 1}`,
          jobCode: 'J1',
          baseSalary: money(50000),
          fte: 1,
          extra: Object.fromEntries(cols.map((c, j) => [c, typeof vs[j] === 'number' || typeof vs[j] === 'string' ? (vs[j] as string | number) : null])),
          ref: { sheet: 'Employees', row: i + 2 },
        }));
        const rows: GridValue[][] = [['Employee ID', 'Job Code', ...cols], ...employees.map((e) => [e.id, 'J1', ...cols.map((c) => e.extra![c])])];
        const grid: Grid = { sheet: 'Employees', top: 1, left: 1, rows };
        const table = { sheet: 'Employees', headerRow: 1, columns: new Map([['id', 1], ['jobCode', 2]]), extras, firstDataRow: 2, lastDataRow: rows.length };
        const read = meritColumnsFromEmployees(employees, table);
        expectWellFormed(read.problems, [grid]);
        for (const v of read.overrides.values()) expect(v >= 0 && v <= 1).toBe(true);
        for (const v of read.eligibility.values()) expect(typeof v).toBe('boolean');
      }),
      fuzzSettings(RUNS.meritColumns),
    );
  });
});

// ---- readInputs.ts: the whole workbook ---------------------------------------------------------------

describe('parseWorkbook', () => {
  const CORE: [SheetDef, string][] = [[JOBS, 'code'], [MARKET, 'jobCode'], [EMPLOYEES, 'id'], [APPRAISAL, 'employeeId']];
  const names = (def: SheetDef) => fc.constantFrom(def.name, ...(def.synonyms ?? []).slice(0, 2), def.name.toUpperCase());
  const workbook = fc
    .tuple(
      ...CORE.map(([def]) => fc.option(fc.oneof({ arbitrary: tableGrid(def, names(def)), weight: 4 }, { arbitrary: junkGrid(names(def)), weight: 1 }), { nil: undefined, freq: 6 })),
      fc.option(fc.oneof(assumptionsGrid, junkGrid(fc.constant('Assumptions'))), { nil: undefined }),
      fc.option(fc.oneof(tableGrid(FACTOR_PLAN), tableGrid(LOCATIONS), tableGrid(BONUS_TARGETS)), { nil: undefined }),
      fc.option(junkGrid(fc.constantFrom('Merit Guidelines', 'Job Evaluation', 'Grade Bands', 'Sheet1')), { nil: undefined }),
    )
    .map((gs) => {
      const seen = new Set<string>();
      return gs.filter((g): g is Grid => g !== undefined && !seen.has(g.sheet.toLowerCase()) && !!seen.add(g.sheet.toLowerCase()));
    });

  it(`never throws on any workbook; records are valid, every problem points into its sheet, and no data row vanishes silently (${RUNS.workbook} runs)`, () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const byName = new Map(grids.map((g) => [g.sheet, g]));
        const sheetOf = matchInputSheets(grids.map((g) => ({ name: g.sheet, owned: false })));
        const parsed = parseWorkbook(byName, sheetOf);
        expectWellFormed(parsed.problems, grids);
        const { jobs, market, employees, appraisal } = parsed.inputs;
        const codes = jobs.map((j) => j.code.toUpperCase());
        expect(new Set(codes).size).toBe(codes.length);
        for (const j of jobs) expect(j.code !== '' && j.title !== '' && Number.isFinite(j.points) && j.points > 0).toBe(true);
        for (const m of market) {
          expect(codes).toContain(m.jobCode.toUpperCase());
          expect(isValidDate(m.effectiveDate)).toBe(true);
          const ps = Object.keys(m.percentiles).map(Number).sort((x, y) => x - y).map((p) => m.percentiles[p]!);
          expect(ps.length).toBeGreaterThan(0);
          ps.forEach((v, i) => expect(v.gt(0) && (i === 0 || v.gte(ps[i - 1]))).toBe(true));
          expect(m.weight.gte(0)).toBe(true);
        }
        const ids = employees.map((e) => e.id.toUpperCase());
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of employees) expect(e.baseSalary.gt(0) && e.fte > 0 && e.fte <= 1).toBe(true);
        for (const a of appraisal) expect(Number.isFinite(a.weight) && a.weight >= 0 && Number.isFinite(a.score)).toBe(true);
        // A data row either becomes a record or has a problem of its own (PRODUCT.md principle 3: every problem, by cell).
        // One exception, by design (readInputs.ts, parseJobs): survey rows of a job whose own Jobs row is in error are
        // left out without a second "unknown job" message; the error on the Jobs row stands for them.
        const jobsTable = parsed.tables.get('jobs');
        const jobsInError = new Set<string>();
        if (jobsTable) {
          const jg = byName.get(jobsTable.sheet)!;
          const errorRows = new Set(parsed.problems.filter((p) => p.severity === 'error' && p.where?.sheet === jg.sheet).map(problemRow));
          for (const r of dataRows(jg, jobsTable, 'code').rows) {
            const code = readText(r.get('code'));
            if (code.ok && errorRows.has(r.row)) jobsInError.add(code.value.toUpperCase());
          }
        }
        for (const [def, key] of CORE) {
          const t = parsed.tables.get(def.key);
          if (!t) continue;
          if (def === MARKET && !parsed.tables.has('jobs')) {
            // Without a readable Jobs table no survey row can be matched to a job: one error says so, on Jobs.
            expect(parsed.problems.some((p) => p.severity === 'error' && (p.where?.sheet === JOBS.name || p.where?.sheet === sheetOf.get('jobs')))).toBe(true);
            continue;
          }
          const grid = byName.get(t.sheet)!;
          const records = { jobs, market, employees, appraisal }[def.key as 'jobs'] as { ref?: { sheet: string; row: number } }[];
          const kept = new Set(records.map((r) => r.ref!.row));
          for (const r of records) expect(r.ref!.sheet).toBe(grid.sheet);
          const flagged = new Set(parsed.problems.filter((p) => p.where?.sheet === grid.sheet).map(problemRow));
          for (const r of dataRows(grid, t, key).rows) {
            if (kept.has(r.row) || flagged.has(r.row)) continue;
            const code = def === MARKET ? readText(r.get('jobCode')) : undefined;
            expect([def.name, r.row, code?.ok === true && jobsInError.has(code.value.toUpperCase())]).toEqual([def.name, r.row, true]);
          }
        }
        if (parsed.problems.every((p) => p.severity !== 'error')) expect(jobs.length).toBeGreaterThan(0);
      }),
      fuzzSettings(RUNS.workbook),
    );
  });
});

// Guard the list: every Excel error code reads as an error, not as text, in every reader.
it('reads every Excel error value as a problem naming the error', () => {
  for (const error of ERROR_CODES) {
    for (const r of [readNumber({ error }, 'money'), readDate({ error }), readText({ error }), readFlag({ error })]) expect(r).toEqual({ ok: false, blank: false, reason: `holds the error ${error}` });
  }
});
