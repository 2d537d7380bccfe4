/**
 * Property-based fuzzing of the whole pipeline (issue 8, item 2): read → parse → compute → lay out → write,
 * on the memory host, over random mutations of the small valid workbooks built on test/support/smallWorkbook.ts
 * (cells deleted, blanked, swapped or replaced by junk; rows shuffled, duplicated or deleted; columns and
 * sheets dropped). Whatever the mutation:
 * - runPipeline never throws;
 * - a failed run reports at least one error and leaves the workbook exactly as it was (PRODUCT.md
 *   principle 3: "nothing is written until the whole run has succeeded");
 * - a successful run reports no error, writes its output sheets, and leaves every user sheet untouched
 *   ("Input data sheets are read, never written");
 * - every problem is well-formed: a sheet, and a cell or row inside the grid it was read from.
 *
 * Runs per property are in RUNS (and in each test name); FUZZ_SEED=<seed> replays a failure.
 */
import fc from 'fast-check';
import { MemoryHost, type MemorySheetInit } from '../../src/hosts/memory';
import { readWorkbook, runPipeline, type RunResult } from '../../src/run/pipeline';
import type { GridValue } from '../../src/workbook/grid';
import { EFFECTIVE, sixJobSheets } from '../support/smallWorkbook';
import { meritWorkbook } from '../workbook/merit/workbook';
import { structureWorkbook } from '../workbook/structure/workbook';
import { fuzzSettings, gridValue, problemFault } from './arbitraries';

const RUNS = { sixJobs: 400, merit: 200, structure: 200 } as const;

/** One edit to the workbook, as data so that fast-check can shrink it and print it. Indices wrap around. */
type Mutation =
  | { kind: 'blank'; sheet: number; row: number; col: number; to: null | '' | '   ' }
  | { kind: 'deleteCell'; sheet: number; row: number; col: number }
  | { kind: 'swap'; a: [number, number, number]; b: [number, number, number] }
  | { kind: 'junk'; sheet: number; row: number; col: number; value: GridValue }
  | { kind: 'shuffleRows'; sheet: number; order: number[]; keepHeader: boolean }
  | { kind: 'duplicateRow'; sheet: number; row: number; at: number }
  | { kind: 'deleteRow'; sheet: number; row: number }
  | { kind: 'dropColumn'; sheet: number; col: number }
  | { kind: 'dropSheet'; sheet: number };

const ix = fc.nat(60);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('blank' as const), sheet: ix, row: ix, col: ix, to: fc.constantFrom(null, '' as const, '   ' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('deleteCell' as const), sheet: ix, row: ix, col: ix }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('swap' as const), a: fc.tuple(ix, ix, ix), b: fc.tuple(ix, ix, ix) }), weight: 3 },
  // Junk mostly inside the tables, sometimes beyond their edges.
  { arbitrary: fc.record({ kind: fc.constant('junk' as const), sheet: ix, row: fc.nat(25), col: fc.nat(14), value: gridValue }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('shuffleRows' as const), sheet: ix, order: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), keepHeader: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('duplicateRow' as const), sheet: ix, row: ix, at: ix }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('deleteRow' as const), sheet: ix, row: ix }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), sheet: ix, col: ix }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('dropSheet' as const), sheet: ix }), weight: 1 },
);

const wrap = (i: number, n: number) => (n === 0 ? 0 : i % n);

/** Applies one mutation to the sheets (in place). */
function apply(sheets: MemorySheetInit[], m: Mutation): void {
  if (sheets.length === 0) return;
  const sheetAt = (i: number) => sheets[wrap(i, sheets.length)];
  const set = (s: MemorySheetInit, r: number, c: number, v: GridValue) => {
    while (s.rows.length <= r) s.rows.push([]);
    while (s.rows[r].length <= c) s.rows[r].push(null);
    s.rows[r][c] = v;
  };
  const cellOf = (s: MemorySheetInit, r: number, c: number) => {
    const row = wrap(r, Math.max(1, s.rows.length));
    return [row, wrap(c, Math.max(1, s.rows[row]?.length ?? 1))] as const;
  };
  switch (m.kind) {
    case 'blank':
    case 'junk': {
      const s = sheetAt(m.sheet);
      const [r, c] = m.kind === 'blank' ? cellOf(s, m.row, m.col) : [m.row, m.col];
      set(s, r, c, m.kind === 'blank' ? m.to : m.value);
      return;
    }
    case 'deleteCell': {
      const s = sheetAt(m.sheet);
      const [r, c] = cellOf(s, m.row, m.col);
      s.rows[r]?.splice(c, 1);
      return;
    }
    case 'swap': {
      const [sa, sb] = [sheetAt(m.a[0]), sheetAt(m.b[0])];
      const [ra, ca] = cellOf(sa, m.a[1], m.a[2]);
      const [rb, cb] = cellOf(sb, m.b[1], m.b[2]);
      const va = sa.rows[ra]?.[ca] ?? null;
      const vb = sb.rows[rb]?.[cb] ?? null;
      set(sa, ra, ca, vb);
      set(sb, rb, cb, va);
      return;
    }
    case 'shuffleRows': {
      const s = sheetAt(m.sheet);
      const start = m.keepHeader ? 1 : 0;
      const body = s.rows.slice(start);
      // A permutation from the random keys: sort the rows by them.
      const keyed = body.map((row, i) => ({ row, key: m.order[i % m.order.length] * 64 + i }));
      keyed.sort((x, y) => x.key - y.key);
      s.rows = [...s.rows.slice(0, start), ...keyed.map((k) => k.row)];
      return;
    }
    case 'duplicateRow': {
      const s = sheetAt(m.sheet);
      if (s.rows.length === 0) return;
      const row = s.rows[wrap(m.row, s.rows.length)];
      s.rows.splice(wrap(m.at, s.rows.length + 1), 0, [...row]);
      return;
    }
    case 'deleteRow': {
      const s = sheetAt(m.sheet);
      s.rows.splice(wrap(m.row, s.rows.length), 1);
      return;
    }
    case 'dropColumn': {
      const s = sheetAt(m.sheet);
      const width = Math.max(1, ...s.rows.map((r) => r.length));
      const c = wrap(m.col, width);
      for (const r of s.rows) r.splice(c, 1);
      return;
    }
    case 'dropSheet':
      sheets.splice(wrap(m.sheet, sheets.length), 1);
      return;
  }
}

/** Everything a user could see in the workbook: sheets in order with their cells and tables, and the defined names. */
function snapshot(host: MemoryHost) {
  return { sheets: host.sheetNames().map((n) => structuredClone(host.getSheet(n))), names: host.names() };
}

const OUTPUTS = ['Market Analysis', 'Pay Structure', 'Job Slotting'];

async function checkRun(base: () => MemorySheetInit[], mutations: Mutation[]): Promise<RunResult> {
  const sheets = base().map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const m of mutations) apply(sheets, m);
  const host = new MemoryHost(sheets);
  const before = snapshot(host);
  const { grids } = await readWorkbook(host);
  let result: RunResult;
  try {
    result = await runPipeline(host);
  } catch (e) {
    throw new Error(`runPipeline threw ${e instanceof Error ? e.stack : String(e)}`);
  }
  const faults = result.problems.map((p) => problemFault(p, [...grids.values()])).filter((f) => f !== undefined);
  expect(faults).toEqual([]);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.ok) {
    expect(errors.length).toBeGreaterThan(0);
    expect(snapshot(host)).toEqual(before);
  } else {
    expect(errors).toEqual([]);
    // A structure was built: positive ranges, minimum ≤ midpoint ≤ maximum in every grade.
    expect(result.summary!.grades.length).toBeGreaterThan(0);
    for (const g of result.summary!.grades) expect(0 < g.minimum && g.minimum <= g.midpoint && g.midpoint <= g.maximum).toBe(true);
    const after = snapshot(host);
    for (const name of OUTPUTS) expect(after.sheets.find((s) => s?.name === name)?.owned).toBe(true);
    // Every sheet the user had is still there, cell for cell.
    for (const s of before.sheets) expect(after.sheets.find((x) => x?.name === s!.name)).toEqual(s);
  }
  return result;
}

describe('runPipeline on mutated workbooks (memory host)', () => {
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

  it('runs the unmutated workbooks cleanly (the properties below start from valid inputs)', async () => {
    for (const base of [sixJobSheets, meritWorkbook, structureWorkbook]) {
      const r = await checkRun(() => base(), []);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  // Found while fuzzing the engine (engine.fuzz.test.ts): an Exponential pay line through two benchmarks a point
  // apart overflows on the top band; the run threw "RangeError: not a finite number: Infinity" and now fails
  // with a problem (pay-line-overflow) and writes nothing.
  it('reports, rather than throws on, a pay line that overflows (Exponential, benchmarks at 100 and 101 points)', async () => {
    const sheets = sixJobSheets();
    sheets.find((s) => s.name === 'Assumptions')!.rows.find((r) => r[0] === 'Pay Line')![1] = 'Exponential';
    const jobs = sheets.find((s) => s.name === 'Jobs')!;
    jobs.rows = [jobs.rows[0], ['J1', 'A', 'General', 100, 'Y'], ['J2', 'B', 'General', 101, 'Y'], ['J3', 'C', 'General', 1500, 'N']];
    const market = sheets.find((s) => s.name === 'Market')!;
    market.rows = [market.rows[0], ['J1', 'Survey A', EFFECTIVE, 36000, 40000, 44000], ['J2', 'Survey A', EFFECTIVE, 72000, 80000, 88000]];
    const employees = sheets.find((s) => s.name === 'Employees')!;
    employees.rows = [employees.rows[0], ['E1', 'Ann', 'J1', 41000, 1, 'F'], ['E2', 'Bob', 'J3', 90000, 1, 'M']];
    const host = new MemoryHost(sheets);
    const before = snapshot(host);
    const result = await runPipeline(host);
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(result.ok).toBe(false);
    expect(snapshot(host)).toEqual(before);
  });

  it(`six-job workbook: never throws; failure writes nothing; success writes only the outputs (${RUNS.sixJobs} runs)`, async () => {
    await fc.assert(fc.asyncProperty(mutations, async (ms) => void (await checkRun(() => sixJobSheets(), ms))), fuzzSettings(RUNS.sixJobs));
  });

  it(`merit workbook (appraisal, guidelines, bonus targets and pool): the same (${RUNS.merit} runs)`, async () => {
    await fc.assert(fc.asyncProperty(mutations, async (ms) => void (await checkRun(() => meritWorkbook(), ms))), fuzzSettings(RUNS.merit));
  });

  it(`structure workbook (factor plan, job evaluation): the same (${RUNS.structure} runs)`, async () => {
    await fc.assert(fc.asyncProperty(mutations, async (ms) => void (await checkRun(() => structureWorkbook(), ms))), fuzzSettings(RUNS.structure));
  });
});
