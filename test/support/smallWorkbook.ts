import type { GridValue } from '../../src/workbook/grid';
import type { MemorySheetInit } from '../../src/hosts/memory';
import { dateToSerial } from '../../src/workbook/dates';

/**
 * The six benchmark jobs of the classic pay-line regression example (points, salary):
 * (1200, 170000), (900, 150000), (750, 100000), (500, 85000), (300, 60000), (200, 40000).
 * One survey dated on the effective date, so the market rate is the P50 as published.
 */
export const SIX_JOBS: [string, string, number, number][] = [
  ['J1', 'Director', 1200, 170000],
  ['J2', 'Senior Manager', 900, 150000],
  ['J3', 'Manager', 750, 100000],
  ['J4', 'Senior Analyst', 500, 85000],
  ['J5', 'Analyst', 300, 60000],
  ['J6', 'Assistant', 200, 40000],
];

export const EFFECTIVE = dateToSerial({ year: 2026, month: 1, day: 1 });

export function sixJobSheets(overrides: { assumptions?: [string, GridValue][]; employees?: GridValue[][] } = {}): MemorySheetInit[] {
  const jobs: GridValue[][] = [['Job Code', 'Job Title', 'Job Family', 'Points', 'Benchmark'], ...SIX_JOBS.map(([c, t, p]) => [c, t, 'General', p, 'Y'])];
  const market: GridValue[][] = [
    ['Job Code', 'Survey', 'Effective Date', 'P25', 'P50', 'P75'],
    ...SIX_JOBS.map(([c, , , s]) => [c, 'Survey A', EFFECTIVE, s * 0.9, s, s * 1.1]),
  ];
  const employees: GridValue[][] = overrides.employees ?? [
    ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Gender'],
    ['E1', 'Ann', 'J1', 165000, 1, 'F'],
    ['E2', 'Bob', 'J2', 152000, 1, 'M'],
    ['E3', 'Cid', 'J4', 80000, 0.5, 'M'],
    ['E4', 'Dee', 'J6', 41000, 1, 'F'],
    ['E5', 'Eve', 'J6', 39000, 1, 'F'],
  ];
  const assumptions: GridValue[][] = [
    ['Parameter', 'Value'],
    ['Effective Date', EFFECTIVE],
    ['Pay Line', 'Linear'],
    ['Grades', 3],
    ['Grade Bands', 'Equal'],
    ['Range Spread', 0.5],
    ['Rounding', 100],
    ...(overrides.assumptions ?? []),
  ];
  return [
    { name: 'Jobs', rows: jobs },
    { name: 'Market', rows: market },
    { name: 'Employees', rows: employees },
    { name: 'Assumptions', rows: assumptions },
  ];
}
