import type { MemorySheetInit } from '../../../src/hosts/memory';
import type { GridValue } from '../../../src/workbook/grid';
import { sixJobSheets } from '../../support/smallWorkbook';

/**
 * The six-job workbook (test/support/smallWorkbook.ts: J1 1,200 … J6 200 points, the classic pay-line
 * example) with a 1,200-point factor plan: Knowledge 50% (4 levels, 150 a level), Accountability 25%
 * and Complexity 25% (4 levels, 75 a level). The evaluation reproduces J1 (4,4,4 = 1,200), J2 (3,3,3 =
 * 900), J3 (3,2,2 = 750) and J5 (1,1,1 = 300); J4 evaluates to 525 against 500 given; J6 has none.
 */
export const FACTOR_PLAN_ROWS: GridValue[][] = [
  ['Factor', 'Weight', 'Levels'],
  ['Knowledge', 0.5, 4],
  ['Accountability', 0.25, 4],
  ['Complexity', 0.25, 4],
];

export const JOB_EVALUATION_ROWS: GridValue[][] = [
  ['Job Code', 'Knowledge', 'Accountability', 'Complexity', 'Notes'],
  ['J1', 4, 4, 4, 'top of the plan'],
  ['J2', 3, 3, 3, null],
  ['J3', 3, 2, 2, null],
  ['J4', 2, 2, 1, 'reviewed'],
  ['J5', 1, 1, 1, null],
];

export const EMPLOYEES_ROWS: GridValue[][] = [
  ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Gender', 'Location', 'Skill Level', 'Competency Score'],
  ['E1', 'Ann', 'J1', 165000, 1, 'F', 'London', 1150, 1100],
  ['E2', 'Bob', 'J2', 152000, 1, 'M', 'Leeds', 780, 950],
  ['E3', 'Cid', 'J4', 80000, 0.5, 'M', null, 520, 480],
  ['E4', 'Dee', 'J6', 41000, 1, 'F', 'London', 250, 210],
  ['E5', 'Eve', 'J6', 39000, 1, 'F', 'Paris', 205, 300],
];

export const LOCATIONS_ROWS: GridValue[][] = [
  ['Location', 'Differential %'],
  ['London', 0.12],
  ['Leeds', -0.08],
];

export const GRADE_BANDS_ROWS: GridValue[][] = [
  ['Grade', 'Min Points', 'Max Points', 'Midpoint', 'Spread'],
  [1, 200, 449, null, 0.4],
  [2, 450, 799, null, null],
  [3, 800, 1200, 160000, null],
];

/** The six-job workbook's sheets with the Assumptions rows set (a parameter already there is replaced, not repeated). */
export function structureWorkbook(options: { assumptions?: [string, GridValue][]; sheets?: MemorySheetInit[]; evaluation?: boolean } = {}): MemorySheetInit[] {
  const base = sixJobSheets({ employees: EMPLOYEES_ROWS });
  const assumptions = base.find((s) => s.name === 'Assumptions')!;
  for (const [name, value] of [['Total Points', 1200] as [string, GridValue], ...(options.assumptions ?? [])]) {
    const row = assumptions.rows.find((r) => r[0] === name);
    if (row) row[1] = value;
    else assumptions.rows.push([name, value]);
  }
  const evaluation: MemorySheetInit[] = options.evaluation === false ? [] : [
    { name: 'Factor Plan', rows: FACTOR_PLAN_ROWS },
    { name: 'Job Evaluation', rows: JOB_EVALUATION_ROWS },
  ];
  return [...base, ...evaluation, ...(options.sheets ?? [])];
}
