import { MemoryHost, type MemorySheetInit } from '../../../src/hosts/memory';
import type { Problem } from '../../../src/engine/problem';
import { readWorkbook, runPipeline, type RunResult } from '../../../src/run/pipeline';
import { parseCell } from '../../../src/workbook/address';
import { dateToSerial } from '../../../src/workbook/dates';
import type { GridValue } from '../../../src/workbook/grid';
import { parseWorkbook, type ParsedWorkbook } from '../../../src/workbook/readInputs';
import { SIX_JOBS } from '../../support/smallWorkbook';

/*
 * The bad-input catalogue (issue 8, item 1). Every case starts from one small valid workbook holding
 * every input sheet the product reads, applies one defect, and checks that the workbook either parses
 * to the right value or yields a problem naming the sheet and cell; for an error, that the whole
 * pipeline writes nothing at all. Nothing may throw.
 */

export const d = (year: number, month: number, day: number): number => dateToSerial({ year, month, day });

/** 2026-01-01, the effective date of the base workbook. */
export const EFFECTIVE = d(2026, 1, 1);

/**
 * The base workbook. Jobs and Market are the six benchmark jobs of the classic pay-line example
 * (test/support/smallWorkbook.ts); eight employees with managers, ratings, a merit override and an
 * ineligible one; E08 is rated through the Appraisal sheet; a 1,200-point factor plan; grade bands,
 * locations, merit guidelines and bonus tables. Column letters are fixed, so a case can name the cell
 * it edits: Employees D = Base Salary, E = FTE, F = Hire Date, H = Manager ID, J = Bonus,
 * K = Merit Override %, L = Merit Eligible.
 */
export function baseWorkbook(): MemorySheetInit[] {
  return [
    {
      name: 'Jobs',
      rows: [['Job Code', 'Job Title', 'Job Family', 'Points', 'Benchmark'], ...SIX_JOBS.map(([c, t, p]): GridValue[] => [c, t, 'General', p, 'Y'])],
    },
    {
      name: 'Market',
      rows: [
        ['Job Code', 'Survey', 'Effective Date', 'P25', 'P50', 'P75', 'Weight', 'Incumbents'],
        ...SIX_JOBS.map(([c, , , s]): GridValue[] => [c, 'Survey A', EFFECTIVE, Math.round(s * 0.9), s, Math.round(s * 1.1), 1, 12]),
      ],
    },
    {
      name: 'Employees',
      rows: [
        ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Hire Date', 'Gender', 'Manager ID', 'Rating', 'Bonus', 'Merit Override %', 'Merit Eligible'],
        ['E01', 'Ada', 'J1', 165000, 1, d(2015, 3, 1), 'F', null, 4, 20000, null, null],
        ['E02', 'Ben', 'J2', 150000, 1, d(2012, 6, 1), 'M', 'E01', 5, 15000, null, null],
        ['E03', 'Cy', 'J3', 100000, 1, d(2019, 1, 15), 'M', 'E01', 3, 8000, null, null],
        ['E04', 'Di', 'J3', 104000, 0.8, d(2018, 9, 1), 'F', 'E01', 4, 8000, 0.04, null],
        ['E05', 'Ed', 'J4', 82000, 1, d(2021, 4, 15), 'M', 'E02', 3, 5000, null, null],
        ['E06', 'Flo', 'J5', 61000, 0.5, d(2022, 2, 1), 'F', 'E02', 2, 0, null, null],
        ['E07', 'Gus', 'J6', 41000, 1, d(2023, 11, 1), 'M', 'E02', 3, 0, null, 'N'],
        ['E08', 'Hal', 'J6', 39000, 1, d(2020, 7, 1), 'M', 'E02', null, 0, null, null],
      ],
    },
    {
      name: 'Appraisal',
      rows: [
        ['Employee ID', 'Objective', 'Weight', 'Score'],
        ['E08', 'Service', 0.6, 4],
        ['E08', 'Quality', 0.4, 3],
      ],
    },
    {
      name: 'Assumptions',
      rows: [
        ['Parameter', 'Value'],
        ['Effective Date', EFFECTIVE],
        ['Pay Line', 'Linear'],
        ['Grades', 3],
        ['Grade Bands', 'Equal'],
        ['Range Spread', 0.5],
        ['Rounding', 100],
        ['Merit Budget', 0.03],
        ['Total Points', 1200],
      ],
    },
    {
      name: 'Factor Plan',
      rows: [
        ['Factor', 'Weight', 'Levels'],
        ['Knowledge', 0.5, 4],
        ['Accountability', 0.25, 4],
        ['Complexity', 0.25, 4],
      ],
    },
    {
      name: 'Job Evaluation',
      rows: [
        ['Job Code', 'Knowledge', 'Accountability', 'Complexity'],
        ['J1', 4, 4, 4],
        ['J2', 3, 3, 3],
        ['J3', 3, 2, 2],
        ['J5', 1, 1, 1],
      ],
    },
    {
      name: 'Grade Bands',
      rows: [
        ['Grade', 'Min Points', 'Max Points'],
        [1, 200, 449],
        [2, 450, 799],
        [3, 800, 1200],
      ],
    },
    {
      name: 'Locations',
      rows: [
        ['Location', 'Differential %'],
        ['London', 0.12],
        ['Leeds', -0.08],
      ],
    },
    {
      name: 'Merit Guidelines',
      rows: [
        ['Rating', '< 0.90', '0.90-1.00', '1.00-1.10', '>= 1.10'],
        [5, 0.07, 0.06, 0.05, 0.04],
        [4, 0.055, 0.045, 0.035, 0.025],
        [3, 0.04, 0.03, 0.025, 0.015],
        [2, 0.02, 0.015, 0.01, 0],
        [1, 0, 0, 0, 0],
      ],
    },
    {
      name: 'Bonus Targets',
      rows: [
        ['Grade', 'Target %'],
        [1, 0.05],
        [2, 0.1],
        [3, 0.2],
      ],
    },
    {
      name: 'Bonus Multipliers',
      rows: [
        ['Rating', 'Multiplier'],
        [1, 0],
        [2, 0.5],
        [3, 1],
        [4, 1.25],
        [5, 1.5],
      ],
    },
  ];
}

/** A sheet of a workbook under construction. */
export function sheetOf(sheets: MemorySheetInit[], name: string): MemorySheetInit {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`test bug: no sheet ${name}`);
  return s;
}

/** Set one cell by its A1 address, growing the rows as needed. */
export function setCell(sheets: MemorySheetInit[], sheet: string, a1: string, value: GridValue): void {
  const { row, col } = parseCell(a1);
  const rows = sheetOf(sheets, sheet).rows;
  while (rows.length < row) rows.push([]);
  const r = rows[row - 1];
  while (r.length < col) r.push(null);
  r[col - 1] = value;
}

/** The base workbook with edits applied. */
export function withEdits(...edits: ((s: MemorySheetInit[]) => void)[]): MemorySheetInit[] {
  const s = baseWorkbook();
  for (const e of edits) e(s);
  return s;
}

/** `edit('Employees', 'D3', -5000)` as an edit for `withEdits`. */
export const put = (sheet: string, a1: string, value: GridValue) => (s: MemorySheetInit[]) => setCell(s, sheet, a1, value);

/** Read and parse the workbook as the pipeline does (memory host → grids → parse). */
export async function parse(sheets: MemorySheetInit[]): Promise<ParsedWorkbook> {
  const host = new MemoryHost(sheets);
  const { grids, sheetOf: which } = await readWorkbook(host);
  return parseWorkbook(grids, which);
}

export type Expected = { code: string; message: string; sheet: string; cell?: string; row?: number };

/** Problems of one severity as { code, message, sheet, cell | row }. */
export const problemsOf = (problems: readonly Problem[], severity: Problem['severity']): Expected[] =>
  problems
    .filter((p) => p.severity === severity)
    .map((p) => ({
      code: p.code,
      message: p.message,
      sheet: p.where?.sheet ?? '',
      ...(p.where?.cell !== undefined ? { cell: p.where.cell } : {}),
      ...(p.where?.row !== undefined ? { row: p.where.row } : {}),
    }));

/**
 * Everything a host holds: the sheets in order, each sheet in full (cells, tables, formats…) as JSON,
 * and the defined names. JSON keeps the comparison fast on a sheet of a million rows; a difference
 * still shows which sheet changed.
 */
export function snapshot(host: MemoryHost): { sheets: string[]; content: Record<string, string>; names: string } {
  const sheets = host.sheetNames();
  return { sheets, content: Object.fromEntries(sheets.map((n) => [n, JSON.stringify(host.getSheet(n))])), names: JSON.stringify(host.names()) };
}

/** Run the whole pipeline on a memory host; returns the result and whether the workbook is unchanged. */
export async function runOn(sheets: MemorySheetInit[]): Promise<{ result: RunResult; before: unknown; after: unknown; host: MemoryHost }> {
  const host = new MemoryHost(sheets);
  const before = snapshot(host);
  const result = await runPipeline(host);
  return { result, before, after: snapshot(host), host };
}

/**
 * An error case: the whole pipeline, run on a memory host, stops with exactly `errors` (sheet, cell
 * and message), writes nothing (the workbook equals its snapshot from before the run) and does not
 * throw. The pipeline stops after parsing when parsing finds an error, so these are the parser's.
 */
export async function expectRejected(sheets: MemorySheetInit[], errors: Expected[]): Promise<RunResult> {
  const { result, before, after } = await runOn(sheets);
  expect(problemsOf(result.problems, 'error')).toEqual(errors);
  expect(result.ok).toBe(false);
  expect(result.report).toBeUndefined();
  expect(after).toEqual(before);
  return result;
}

/**
 * A case that parses: no error problem at all, and (unless `run` is false) the whole pipeline runs
 * through to a write without throwing. Returns the parse for the value checks.
 */
export async function expectParsed(sheets: MemorySheetInit[], options: { run?: boolean } = {}): Promise<ParsedWorkbook> {
  const parsed = await parse(sheets);
  expect(problemsOf(parsed.problems, 'error')).toEqual([]);
  if (options.run !== false) {
    const { result } = await runOn(sheets);
    expect(problemsOf(result.problems, 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  }
  return parsed;
}

/** The employee with this ID (the test fails when there is none). */
export function employee(parsed: ParsedWorkbook, id: string) {
  const e = parsed.inputs.employees.find((x) => x.id === id);
  expect(e).toBeDefined();
  return e!;
}

/**
 * An error only the engine can see (it needs the parsed whole): parsing is clean, the pipeline stops
 * with exactly `errors`, writes nothing and does not throw.
 */
export async function expectRejectedByEngine(sheets: MemorySheetInit[], errors: Expected[]): Promise<RunResult> {
  const parsed = await parse(sheets);
  expect(problemsOf(parsed.problems, 'error')).toEqual([]);
  const { result, before, after } = await runOn(sheets);
  expect(result.ok).toBe(false);
  expect(result.report).toBeUndefined();
  expect(problemsOf(result.problems, 'error')).toEqual(errors);
  expect(after).toEqual(before);
  return result;
}

/**
 * An expected problem from its address as the user reads it: `at('bad-value', "'Job Evaluation'!B3", 'text')`
 * is the problem whose message is `'Job Evaluation'!B3: text`, on that sheet and cell (`Jobs!1:1`: a row).
 */
export function at(code: string, address: string, text: string): Expected {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang < 0 ? address : address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const ref = bang < 0 ? '' : address.slice(bang + 1);
  const rowOnly = /^(\d+):\1$/.exec(ref);
  const where = ref === '' ? {} : rowOnly ? { row: Number(rowOnly[1]) } : { cell: ref };
  return { code, message: `${address}: ${text}`, sheet, ...where };
}
