import { absRange, sheetRef } from '../../address';

/** Output sheets of the merit step (PRODUCT.md, "Outputs"). */
export const MERIT_SHEETS = {
  meritMatrix: 'Merit Matrix',
  meritPlan: 'Merit Plan',
  bonusPlan: 'Bonus Plan',
  budget: 'Budget',
} as const;

/** Table names (workbook-unique). */
export const MERIT_TABLES = {
  zones: 'tblMeritZones',
  guidelines: 'tblMeritGuidelines',
  matrix: 'tblMeritMatrix',
  distribution: 'tblRatingDistribution',
  managers: 'tblManagerCalibration',
  plan: 'tblMeritPlan',
  bonusPlan: 'tblBonusPlan',
  bonusTargets: 'tblBonusTargets',
  bonusMultipliers: 'tblBonusMultipliers',
  budgetDepartment: 'tblBudgetByDepartment',
  budgetGrade: 'tblBudgetByGrade',
  scenarios: 'tblBudgetScenarios',
} as const;

/** Defined names the merit layouts create and cite. */
export const MERIT_NAMES = {
  factor: 'MeritFactor',
  matrix: 'MeritMatrix',
  ratings: 'MeritRatings',
  zoneBounds: 'MeritZoneBounds',
  eligiblePayroll: 'MeritEligiblePayroll',
  budget: 'MeritBudgetTotal',
  bonusScale: 'BonusScale',
  bonusTargetGrades: 'BonusTargetGrades',
  bonusTargetPct: 'BonusTargetPct',
  bonusRatings: 'BonusRatings',
  bonusMultipliers: 'BonusMultipliers',
} as const;

/** Column letters of the `Merit Plan` table (header row 1, data from row 2), shared with Bonus Plan and Budget. */
export const MP = {
  id: 'A',
  name: 'B',
  department: 'C',
  jobCode: 'D',
  grade: 'E',
  base: 'F',
  fte: 'G',
  compaRatio: 'H',
  penetration: 'I',
  rating: 'J',
  zone: 'K',
  meritPct: 'L',
  proration: 'M',
  increase: 'N',
  catchUp: 'O',
  newSalary: 'P',
  lumpSum: 'Q',
  flag: 'R',
  eligible: 'S',
  override: 'T',
  hireDate: 'U',
  managerId: 'V',
  score: 'W',
  payroll: 'X',
  meritCost: 'Y',
  catchUpCost: 'Z',
  newPayroll: 'AA',
  budgetCost: 'AB',
} as const;

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** `'Merit Plan'!$F$2:$F$41`: one column of the plan's data rows. */
export const meritPlanColumn = (letter: string, lastRow: number): string => sheetRef(MERIT_SHEETS.meritPlan, absRange(2, colNumber(letter), lastRow, colNumber(letter)));

/** Formula tests of the text parameters, tolerant of how a person types them (Y / Yes / TRUE; "Cap"; "Inside"). */
export const FORMULA_TESTS = {
  catchUpOn: 'OR(LEFT(CatchUpToMinimum&"",1)="Y",CatchUpToMinimum&""="TRUE",CatchUpToMinimum&""="1")',
  cap: 'LEFT(TRIM(AboveMaximum),1)="C"',
  catchUpInside: 'LEFT(TRIM(CatchUpFunding),1)="I"',
} as const;
