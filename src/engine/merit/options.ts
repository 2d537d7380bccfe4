import type Decimal from 'decimal.js';
import { problem, type Problem, type Where } from '../problem';
import type { Assumptions, CalendarDate } from '../types';

/** How an employee's position in the range picks the matrix column. */
export type ZoneBasis = 'Compa Ratio' | 'Quartile';
/** Whether catch-up to minimum is paid from the merit budget (it then lowers everyone's merit) or on top of it. */
export type CatchUpFunding = 'Inside Budget' | 'Outside Budget';

/**
 * The merit, bonus and budget settings that the `Assumptions` sheet does not (yet) hold. Each maps to one
 * parameter (name in backticks) with the default below; see MERIT_PARAMETERS in the workbook layer.
 */
export interface MeritOptions {
  /** `Zone Basis`: Compa Ratio uses the `Compa Zones` boundaries; Quartile uses range penetration 25/50/75%. */
  zoneBasis: ZoneBasis;
  /** `Matrix Rounding`: calibrated cells are rounded to this multiple (0.001 = 0.1%); 0 leaves them unrounded. */
  matrixRounding: number;
  /** `Merit Budget Amount`: when set, the budget is this amount instead of Merit Budget × eligible payroll. */
  meritBudgetAmount?: Decimal;
  /** `Catch Up Funding`. */
  catchUpFunding: CatchUpFunding;
  /** `Merit Eligibility Cutoff`: people hired on or after this date get no merit increase (and leave eligible payroll). */
  eligibilityCutoff?: CalendarDate;
  /** `Target Distribution`: the share of employees wanted at each rating, rating 1 first, summing to 100%. */
  targetDistribution?: number[];
  /** `Budget Scenarios`: merit budgets (fractions of eligible payroll) shown side by side. */
  budgetScenarios: number[];
  /** `Score Scale`: the lowest and highest appraisal score; default 1 to Rating Scale. */
  scoreScale: { min: number; max: number };
  /** `Calibration Min Reports`: a manager with fewer rated reports is never flagged. */
  outlierMinReports: number;
  /** `Calibration Z`: a manager whose mean rating is this many standard errors from the overall mean is flagged. */
  outlierZ: number;
  /** `Bonus Rounding`: bonus amounts are rounded to this multiple. */
  bonusRounding: number;
}

/** The Assumptions parameters merit reads. */
export type MeritAssumptions = Pick<
  Assumptions,
  'meritBudget' | 'ratingScale' | 'ratingThresholds' | 'compaZones' | 'aboveMaximum' | 'catchUpToMinimum' | 'prorationStart' | 'bonusPool'
>;

/** The conventional bell: 5/20/50/20/5 on a five-point scale; no target on other scales. */
export const DEFAULT_TARGET_DISTRIBUTION_5 = [0.05, 0.2, 0.5, 0.2, 0.05];

export function defaultMeritOptions(a: Pick<Assumptions, 'meritBudget' | 'ratingScale'>): MeritOptions {
  return {
    zoneBasis: 'Compa Ratio',
    matrixRounding: 0.001,
    catchUpFunding: 'Outside Budget',
    targetDistribution: a.ratingScale === 5 ? [...DEFAULT_TARGET_DISTRIBUTION_5] : undefined,
    budgetScenarios: defaultScenarios(a.meritBudget),
    scoreScale: { min: 1, max: a.ratingScale },
    outlierMinReports: 3,
    outlierZ: 1.96,
    bonusRounding: 1,
  };
}

/** Half a point either side of the merit budget (3% → 2.5%, 3%, 3.5%), never below zero. */
export function defaultScenarios(budget: number): number[] {
  const out = [budget - 0.005, budget, budget + 0.005].map((x) => Number(x.toFixed(10))).filter((x) => x >= 0);
  return [...new Set(out)];
}

const ASSUMPTIONS: Where = { sheet: 'Assumptions' };

/** Problems with options and assumptions that would make the merit plan meaningless. Never throws. */
export function validateMeritSettings(a: MeritAssumptions, o: MeritOptions): Problem[] {
  const out: Problem[] = [];
  const bad = (code: string, text: string, severity: 'error' | 'warning' = 'error') => out.push(problem(severity, code, text, ASSUMPTIONS));
  if (!(Number.isInteger(a.ratingScale) && a.ratingScale >= 2)) bad('invalid-rating-scale', `Rating Scale must be a whole number of at least 2, got ${a.ratingScale}`);
  if (a.ratingThresholds.length !== a.ratingScale - 1) {
    bad('rating-thresholds-count', `Rating Thresholds has ${a.ratingThresholds.length} values; a ${a.ratingScale}-point scale needs ${a.ratingScale - 1} (ratings above ${a.ratingScale} are capped at ${a.ratingScale})`, 'warning');
  }
  if (a.ratingThresholds.some((t, i) => i > 0 && t <= a.ratingThresholds[i - 1])) bad('rating-thresholds-order', 'Rating Thresholds must be strictly ascending');
  if (a.compaZones.some((t, i) => (i > 0 && t <= a.compaZones[i - 1]) || !(t > 0))) bad('compa-zones-order', 'Compa Zones must be positive and strictly ascending');
  if (!(o.matrixRounding >= 0 && o.matrixRounding < 1)) bad('invalid-matrix-rounding', `Matrix Rounding must be at least 0 and below 100%, got ${o.matrixRounding}`);
  if (!(o.scoreScale.min < o.scoreScale.max)) bad('invalid-score-scale', `Score Scale ${o.scoreScale.min}-${o.scoreScale.max} is not an ascending range`);
  if (o.meritBudgetAmount && o.meritBudgetAmount.lt(0)) bad('invalid-merit-budget', 'Merit Budget Amount must not be negative');
  if (!(o.bonusRounding >= 0)) bad('invalid-bonus-rounding', `Bonus Rounding must be zero or more, got ${o.bonusRounding}`);
  if (o.budgetScenarios.some((s) => !(s >= 0))) bad('invalid-budget-scenarios', 'Budget Scenarios must be zero or more');
  const t = o.targetDistribution;
  if (t) {
    if (t.length !== a.ratingScale) {
      bad('target-distribution-count', `Target Distribution has ${t.length} shares; the ${a.ratingScale}-point scale needs one per rating, rating 1 first`, 'warning');
    } else if (t.some((x) => x < 0) || Math.abs(t.reduce((s, x) => s + x, 0) - 1) > 0.005) {
      bad('target-distribution-sum', `Target Distribution ${t.map((x) => `${+(x * 100).toFixed(4)}%`).join('/')} must be shares of at least 0 summing to 100%`, 'warning');
    }
  }
  return out;
}
