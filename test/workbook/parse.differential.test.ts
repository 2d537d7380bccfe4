/**
 * The parse stage (readInputs, fieldReader, sheetTable) against itself as it was before it was made
 * faster (test/workbook/support/parseOracle, copied from commit 873d8eb): on random input sheets,
 * good and bad, and on reporting lines full of loops, both give the very same parsed workbook —
 * inputs, tables, and every problem with its message and cell, in the same order.
 */
import fc from 'fast-check';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { APPRAISAL, EMPLOYEES, JOBS, MARKET } from '../../src/workbook/schema';
import { fuzzSettings, junkGrid, tableGrid } from '../fuzz/arbitraries';
import { parseWorkbook as oracleParse } from './support/parseOracle/readInputs';

/** Runs per property; FUZZ_SCALE multiplies them and FUZZ_SEED=<seed> replays a failure (as in test/fuzz). */
const RUNS = { sheets: 600, managers: 600 };

const SHEET_OF = new Map([
  ['jobs', 'Jobs'],
  ['market', 'Market'],
  ['employees', 'Employees'],
  ['appraisal', 'Appraisal'],
]);

/** Employees whose managers are each other, in any case and spacing: chains, loops, self-managers, strangers. */
const reportingLines: fc.Arbitrary<Grid> = fc
  .array(
    fc.record({
      id: fc.integer({ min: 1, max: 12 }),
      lower: fc.boolean(),
      manager: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
      style: fc.constantFrom('as is', 'lower', 'padded', 'number'),
      salary: fc.constantFrom<GridValue>(50_000, 72_500.5, '85,000', 0, null),
      job: fc.constantFrom<GridValue>('J1', 'j1', 'J2', 'X9', null),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((people) => ({
    sheet: 'Employees',
    top: 1,
    left: 1,
    rows: [
      ['Employee ID', 'Job Code', 'Base Salary', 'Manager ID', 'Region'],
      ...people.map((p): GridValue[] => {
        const manager = p.manager === undefined ? null : p.style === 'lower' ? `e${p.manager}` : p.style === 'padded' ? `  E${p.manager} ` : p.style === 'number' ? p.manager : `E${p.manager}`;
        return [p.lower ? `e${p.id}` : `E${p.id}`, p.job, p.salary, manager, p.id % 3 === 0 ? 'North' : null];
      }),
    ],
  }));

const jobsSheet: Grid = {
  sheet: 'Jobs',
  top: 1,
  left: 1,
  rows: [
    ['Job Code', 'Job Title', 'Points'],
    ['J1', 'Analyst', 100],
    ['J2', 'Lead', 200],
  ],
};

function gridsOf(sheets: (Grid | undefined)[]): Map<string, Grid> {
  const grids = new Map<string, Grid>();
  for (const g of sheets) if (g) grids.set(g.sheet, g);
  return grids;
}

describe('the parse stage reads exactly as it did before it was made faster', () => {
  it(`random Jobs, Market, Employees and Appraisal sheets, good and bad (${RUNS.sheets} runs)`, () => {
    const sheet = (def: typeof JOBS, name: string) => fc.option(fc.oneof({ arbitrary: tableGrid(def, fc.constant(name), 14), weight: 5 }, { arbitrary: junkGrid(fc.constant(name)), weight: 1 }), { nil: undefined });
    fc.assert(
      fc.property(sheet(JOBS, 'Jobs'), sheet(MARKET, 'Market'), sheet(EMPLOYEES, 'Employees'), sheet(APPRAISAL, 'Appraisal'), (jobs, market, employees, appraisal) => {
        const grids = gridsOf([jobs, market, employees, appraisal]);
        expect(parseWorkbook(grids, SHEET_OF)).toStrictEqual(oracleParse(grids, SHEET_OF));
      }),
      fuzzSettings(RUNS.sheets),
    );
  });

  it(`reporting lines with loops, duplicates and unknown managers (${RUNS.managers} runs)`, () => {
    fc.assert(
      fc.property(reportingLines, (employees) => {
        const grids = gridsOf([jobsSheet, employees]);
        const parsed = parseWorkbook(grids, SHEET_OF);
        expect(parsed).toStrictEqual(oracleParse(grids, SHEET_OF));
      }),
      fuzzSettings(RUNS.managers),
    );
  });

  it('finds a loop as before: one warning at the first employee of the loop in sheet order', () => {
    const employees: Grid = {
      sheet: 'Employees',
      top: 1,
      left: 1,
      rows: [
        ['Employee ID', 'Job Code', 'Base Salary', 'Manager ID'],
        ['E1', 'J1', 50000, 'E3'],
        ['E2', 'J1', 50000, 'e1'],
        ['E3', 'J1', 50000, ' E2 '],
        ['E4', 'J1', 50000, 'E1'],
        ['E5', 'J1', 50000, 'E5'],
      ],
    };
    const grids = gridsOf([jobsSheet, employees]);
    const parsed = parseWorkbook(grids, SHEET_OF);
    expect(parsed.problems.filter((p) => p.code === 'manager-loop').map((p) => p.message)).toEqual(['Employees!D2: Manager ID "E3" makes a loop in the reporting lines: E1 → E3 → E2 → E1']);
    expect(parsed).toStrictEqual(oracleParse(grids, SHEET_OF));
  });
});
