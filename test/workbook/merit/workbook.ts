import type { GridValue } from '../../../src/workbook/grid';
import type { MemorySheetInit } from '../../../src/hosts/memory';
import { dateToSerial } from '../../../src/workbook/dates';
import { sixJobSheets } from '../../support/smallWorkbook';

const d = (y: number, m: number, day = 1) => dateToSerial({ year: y, month: m, day });

/*
 * The six-job structure (test/support/smallWorkbook.ts): grade 1 = 51,900 / 64,900 / 77,900 (J4, J5, J6),
 * grade 2 = 86,800 / 108,500 / 130,200 (J3), grade 3 = 121,600 / 152,000 / 182,400 (J1, J2).
 * Fourteen employees covering every case: below minimum, above and near the maximum, part-time, recent
 * hires, an override, one excluded, one unrated, two managers' teams.
 */
export const MERIT_EMPLOYEES: GridValue[][] = [
  ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Hire Date', 'Gender', 'Department', 'Manager ID', 'Rating', 'Merit Override %', 'Merit Eligible'],
  ['E01', 'Ada', 'J1', 165000, 1, d(2015, 3, 1), 'F', 'Sales', null, 4, null, null],
  ['E02', 'Ben', 'J2', 180000, 1, d(2012, 6, 1), 'M', 'Ops', 'E01', 5, null, null],
  ['E03', 'Cy', 'J3', 100000, 1, d(2019, 1, 15), 'M', 'Sales', 'E01', 3, null, null],
  ['E04', 'Di', 'J3', 128000, 0.8, d(2018, 9, 1), 'F', 'Ops', 'E01', 4, null, null],
  ['E05', 'Ed', 'J4', 50000, 1, d(2025, 4, 15), 'M', 'Sales', 'E01', 3, null, null],
  ['E06', 'Flo', 'J4', 80500, 1, d(2010, 1, 1), 'F', 'Sales', 'E01', 2, null, null],
  ['E07', 'Gus', 'J5', 61000, 0.5, d(2021, 5, 1), 'M', 'Ops', 'E02', 1, null, null],
  ['E08', 'Hal', 'J5', 66000, 1, d(2022, 2, 1), 'M', 'Ops', 'E02', 3, 0.06, null],
  ['E09', 'Ivy', 'J6', 58000, 1, d(2023, 11, 1), 'F', 'Ops', 'E02', 2, null, null],
  ['E10', 'Jo', 'J6', 64900, 1, d(2020, 7, 1), 'F', null, 'E02', 3, null, null],
  ['E11', 'Kit', 'J6', 70000, 1, d(2016, 1, 1), 'F', 'Ops', 'E02', null, null, null],
  ['E12', 'Lu', 'J3', 95000, 1, d(2025, 10, 1), 'M', 'Sales', 'E01', 4, null, 'N'],
  ['E13', 'Mo', 'J2', 150000, 0.6, d(2017, 5, 1), 'M', 'Sales', 'E01', null, null, null],
  ['E14', 'Ned', 'J4', 76000, 1, d(2019, 8, 1), 'M', 'Ops', 'E02', 5, null, null],
];

/** E13 is rated through the Appraisal sheet: 60% × 4 + 40% × 5 = 4.4 → rating 4. */
export const MERIT_APPRAISAL: GridValue[][] = [
  ['Employee ID', 'Objective', 'Weight', 'Score'],
  ['E13', 'Revenue', 0.6, 4],
  ['E13', 'Team', 0.4, 5],
];

/** A 5 × 4 guideline matrix in percentage points, rating 5 first. */
export const MERIT_GUIDELINES: GridValue[][] = [
  ['Rating', '< 0.90', '0.90-1.00', '1.00-1.10', '>= 1.10'],
  [5, 7, 6, 5, 4],
  [4, 5.5, 4.5, 3.5, 2.5],
  [3, 4, 3, 2.5, 1.5],
  [2, 2, 1.5, 1, 0],
  [1, 0, 0, 0, 0],
];

export const BONUS_TARGETS_ROWS: GridValue[][] = [
  ['Grade', 'Target %'],
  [1, '5%'],
  [2, '10%'],
  [3, '20%'],
];

export function meritWorkbook(over: { assumptions?: [string, GridValue][]; guidelines?: boolean; bonusTargets?: boolean } = {}): MemorySheetInit[] {
  const defaults: [string, GridValue][] = [
    ['Merit Budget', 0.035],
    ['Proration Start', d(2025, 1, 1)],
    ['Catch Up To Minimum', 'Y'],
    ['Bonus Pool', 60000],
    ['Above Maximum', 'Lump Sum'],
  ];
  const given = new Set((over.assumptions ?? []).map(([name]) => name));
  const base = sixJobSheets({ employees: MERIT_EMPLOYEES, assumptions: [...defaults.filter(([name]) => !given.has(name)), ...(over.assumptions ?? [])] });
  return [
    ...base,
    { name: 'Appraisal', rows: MERIT_APPRAISAL },
    ...(over.guidelines === false ? [] : [{ name: 'Merit Guidelines', rows: MERIT_GUIDELINES }]),
    ...(over.bonusTargets === false ? [] : [{ name: 'Bonus Targets', rows: BONUS_TARGETS_ROWS }]),
  ];
}
