import { absRange, columnNumber, sheetRef } from '../../address';
import type { DefinedName } from '../../sheetSpec';

/** Output sheets of the consistency and fairness checks (the add-in owns and replaces them). */
export const FAIRNESS_SHEETS = {
  placement: 'Placement',
  consistency: 'Consistency',
  payEquity: 'Pay Equity',
} as const;

/** Table names (workbook-unique). */
export const FAIRNESS_TABLES = {
  placement: 'tblPlacement',
  placementByGrade: 'tblPlacementByGrade',
  placementByDepartment: 'tblPlacementByDepartment',
  consistency: 'tblConsistency',
  headcount: 'tblGenderHeadcount',
  unadjusted: 'tblUnadjustedGaps',
  compaRatio: 'tblCompaRatioByGender',
  regression: 'tblAdjustedGap',
  euMetrics: 'tblEuArticle9',
  euCategories: 'tblEuCategories',
  euQuartiles: 'tblEuQuartiles',
  ukMetrics: 'tblUkGenderPayGap',
  ukQuartiles: 'tblUkQuartiles',
  remediation: 'tblRemediation',
} as const;

/**
 * Columns of the `Placement` table, which the Consistency and Pay Equity formulas read (one row per
 * employee from row 2, in the order of the Employees sheet).
 */
export const PL = {
  id: 'A',
  name: 'B',
  department: 'C',
  jobCode: 'D',
  family: 'E',
  gender: 'F',
  grade: 'G',
  salary: 'H',
  fte: 'I',
  minimum: 'J',
  midpoint: 'K',
  maximum: 'L',
  marketRate: 'M',
  compaRatio: 'N',
  penetration: 'O',
  circle: 'P',
  costToMinimum: 'Q',
  costToMidpoint: 'R',
  costToMarket: 'S',
  excess: 'T',
  weeklyHours: 'U',
  hourlyPay: 'V',
  bonus: 'W',
  hourlyTotalPay: 'X',
  hireDate: 'Y',
  tenure: 'Z',
  managerId: 'AA',
  managerSalary: 'AB',
  compression: 'AC',
  category: 'AD',
} as const;

/** Last data row of the Placement table (an empty table still has one blank row). */
export const placementLastRow = (employees: number): number => Math.max(2, employees + 1);

/** `Placement!$H$2:$H$301`: a column of the Placement table. */
export const placementColumn = (letter: string, lastRow: number): string => sheetRef(FAIRNESS_SHEETS.placement, absRange(2, columnNumber(letter), lastRow, columnNumber(letter)));

/**
 * The Assumptions parameters these layouts' formulas cite by defined name, with their defaults. The
 * lead adds them to the Assumptions parameter table (workbook/assumptions.ts); until then
 * `fairnessParameterNames` defines them as named constants so the formulas evaluate.
 */
export const FAIRNESS_PARAMETERS = {
  ProgressionTolerance: 0.05,
  MaxOverlap: 0.5,
  MinOverlap: 0,
  MinRankCorrelation: 0.9,
  CompressionMargin: 0.05,
  CircleThreshold: 0.05,
  MinGroupSize: 5,
  FullTimeHours: 40,
} as const;

export type FairnessParameter = keyof typeof FAIRNESS_PARAMETERS;

/** Named constants for the parameters above (values in force), for a workbook without them on Assumptions. */
export function fairnessParameterNames(values: Partial<Record<FairnessParameter, number>> = {}): DefinedName[] {
  return (Object.keys(FAIRNESS_PARAMETERS) as FairnessParameter[]).map((name) => ({ name, ref: String(values[name] ?? FAIRNESS_PARAMETERS[name]) }));
}
