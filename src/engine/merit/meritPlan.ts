import type Decimal from 'decimal.js';
import { ONE, roundExcel, toDouble } from '../money';
import { decimalOf } from './decimals';
import { problem, type Problem } from '../problem';
import type { GradeRange } from '../structure';
import type { CalendarDate, Employee } from '../types';
import { meritBudgetAmount, planCostAt, solveFactor, type CalibrationSolution, type CalibrationStatus } from './calibrate';
import { decimalCents, decimalUnits, ExactSum, RunningSum } from '../exactSum';
import { addExactCost, CentsOutcome, centsInto, exactCost, exactOutcome, sheetOutcome, sheetRow, type MeritCase, type MeritOutcome, type MeritPolicy, type OutcomeCents, type SheetCents } from './employeeMerit';
import type { MeritGuidelines } from './guidelines';
import type { MeritAssumptions, MeritOptions } from './options';
import { monthsInPeriod } from './proration';
import { compaRatio, rangePenetration, zoneOf, type Zones } from './zones';

/** An employee with what merit needs beyond the Employees row: grade, rating, override, explicit eligibility. */
export interface MeritPerson {
  employee: Employee;
  grade?: number;
  rating?: number;
  /** The appraisal score, as a double (the exact decimal is the rating's: MeritResult.ratings). */
  score?: number;
  /** Merit Override %, a fraction. */
  override?: number;
  /** The Merit Eligible column; undefined means eligible. */
  eligible?: boolean;
}

export type GradeBounds = Pick<GradeRange, 'grade' | 'minimum' | 'midpoint' | 'maximum'>;

export const INELIGIBLE = {
  noRating: 'No rating',
  noGrade: 'Not in a grade',
  cutoff: 'Hired after cutoff',
  excluded: 'Not eligible',
} as const;

const before = (a: CalendarDate, b: CalendarDate) => a.year * 10000 + a.month * 100 + a.day < b.year * 10000 + b.month * 100 + b.day;

/**
 * Every employee's merit case: range position, zone, guideline, proration and eligibility; and, when
 * `payroll` is given, Σ base × FTE over the eligible (eligiblePayrollOf) summed into it as the cases are made.
 */
export function meritCases(
  people: readonly MeritPerson[],
  grades: readonly GradeBounds[],
  guidelines: MeritGuidelines,
  zones: Zones,
  a: Pick<MeritAssumptions, 'prorationStart'>,
  o: Pick<MeritOptions, 'eligibilityCutoff'>,
  payroll?: ExactSum,
): { cases: MeritCase[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // Each grade's bounds as doubles and whole cents, once.
  const rangeOf = new Map(
    grades.map((g) => [
      g.grade,
      { range: g, minimum: toDouble(g.minimum), midpoint: toDouble(g.midpoint), maximum: toDouble(g.maximum), minimumCents: decimalCents(g.minimum), maximumCents: decimalCents(g.maximum) },
    ]),
  );
  // Guideline rows by rating.
  const guidelineRow = new Map<number, number[]>();
  guidelines.ratings.forEach((r, i) => {
    if (!guidelineRow.has(r)) guidelineRow.set(r, guidelines.cells[i]);
  });
  const cases: MeritCase[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const e = p.employee;
    const bounds = p.grade === undefined ? undefined : rangeOf.get(p.grade);
    const months = monthsInPeriod(e.hireDate, a.prorationStart);
    const baseCents = decimalCents(e.baseSalary);
    let compa: number | undefined;
    let penetration: number | undefined;
    let zone: number | undefined;
    if (bounds) {
      const base = baseCents !== undefined ? baseCents / 100 : toDouble(e.baseSalary);
      compa = compaRatio(base, bounds.midpoint);
      penetration = rangePenetration(base, bounds.minimum, bounds.maximum);
      zone = zoneOf(zones.basis === 'Quartile' ? penetration : compa, zones.bounds);
    }
    let ineligibility: string | undefined;
    if (p.rating === undefined) ineligibility = INELIGIBLE.noRating;
    else if (!bounds) ineligibility = INELIGIBLE.noGrade;
    else if (o.eligibilityCutoff && e.hireDate && !before(e.hireDate, o.eligibilityCutoff)) ineligibility = INELIGIBLE.cutoff;
    else if (p.eligible === false) ineligibility = INELIGIBLE.excluded;
    const eligible = ineligibility === undefined;
    if (p.override !== undefined && !eligible) {
      problems.push(problem('warning', 'override-not-eligible', `employee "${e.id}" has a Merit Override % but is not eligible for merit (${ineligibility}); the override is ignored`, e.ref));
    }
    const range = bounds?.range;
    // Every case is made whole at once, its properties always in this order: one shape for the engine's loops.
    cases[i] = {
      id: e.id,
      base: e.baseSalary,
      baseCents,
      fte: e.fte,
      grade: range?.grade,
      minimum: range?.minimum,
      midpoint: range?.midpoint,
      maximum: range?.maximum,
      minimumCents: bounds?.minimumCents,
      maximumCents: bounds?.maximumCents,
      compaRatio: compa,
      rangePenetration: penetration,
      rating: p.rating,
      zone,
      months,
      proration: months / 12,
      eligible,
      ineligibility,
      override: eligible ? p.override : undefined,
      // guidelineOf: the first row for the rating, the zone's column.
      guideline: eligible ? guidelineRow.get(p.rating!)?.[zone! - 1] ?? 0 : 0,
    };
    if (payroll && eligible) addPayroll(payroll, cases[i]);
  }
  return { cases, problems };
}

/** The calibrated matrix: the guideline × factor, exactly and as the sheet shows it (rounded to Matrix Rounding). */
export interface CalibratedMatrix {
  ratings: number[];
  guideline: number[][];
  /** k × guideline, unrounded. */
  exact: Decimal[][];
  /** ROUND(guideline × factor / MatrixRounding, 0) × MatrixRounding, as the sheet computes it (a double). */
  cells: number[][];
}

export interface MeritCalibration {
  /** The merit budget as a fraction of eligible payroll (undefined when an amount is given). */
  budgetPercent?: number;
  budget: Decimal;
  /** Σ base × FTE over eligible employees. */
  eligiblePayroll: Decimal;
  /** The solved factor k (40 significant digits). */
  factor: Decimal;
  status: CalibrationStatus;
  /** The guideline matrix's cost (k = 1), exactly. */
  guidelineCost: Decimal;
  /** The exact, unrounded cost at k: the budget to the cent when status is exact. */
  calibratedCost: Decimal;
  /** The exact cost with the rounded matrix cells (no cent rounding); not computed for the scenarios. */
  roundedCellsCost?: Decimal;
  /** The plan's cost as the sheet computes it: rounded cells, amounts rounded to the cent. */
  planCost: Decimal;
  /** planCost − calibratedCost: what rounding the cells and the amounts costs (or saves). */
  roundingDifference: Decimal;
}

export interface MeritPlanRow {
  case: MeritCase;
  outcome: MeritOutcome;
}

export interface MeritTotals {
  headcount: number;
  eligible: number;
  payroll: Decimal;
  meritCost: Decimal;
  catchUpCost: Decimal;
  lumpSum: Decimal;
  newPayroll: Decimal;
  totalCost: Decimal;
}

export interface CalibratedPlan {
  matrix: CalibratedMatrix;
  calibration: MeritCalibration;
  rows: MeritPlanRow[];
  totals: MeritTotals;
  problems: Problem[];
}

/** ROUND(g × k / m, 0) × m in double precision, as the sheet's calibrated cell; m = 0 leaves g × k. */
export function roundedCell(guideline: number, factor: number, rounding: number): number {
  const x = guideline * factor;
  return rounding > 0 ? roundExcel(x / rounding, 0).toNumber() * rounding : x;
}

export function meritPolicy(a: Pick<MeritAssumptions, 'aboveMaximum' | 'catchUpToMinimum'>, o: Pick<MeritOptions, 'catchUpFunding'>): MeritPolicy {
  return { cap: a.aboveMaximum === 'Cap', catchUp: a.catchUpToMinimum, catchUpInside: o.catchUpFunding === 'Inside Budget' };
}

/**
 * Calibrate the guideline matrix to the budget and compute every employee's plan with the rounded cells,
 * as the sheet does. `budgetPercent` defaults to Merit Budget; `Merit Budget Amount` wins when set.
 */
export function calibratePlan(
  cases: readonly MeritCase[],
  guidelines: MeritGuidelines,
  a: MeritAssumptions,
  o: MeritOptions,
  budgetPercent: number = a.meritBudget,
  budgetAmount: Decimal | undefined = o.meritBudgetAmount,
  shared: PlanShortcuts = {},
): CalibratedPlan {
  const problems: Problem[] = [];
  const policy = meritPolicy(a, o);
  const eligiblePayroll = shared.eligiblePayroll ?? eligiblePayrollOf(cases);
  const budget = meritBudgetAmount(eligiblePayroll, budgetPercent, budgetAmount);
  const solved = shared.solution ?? solveFactor(cases, budget, policy);
  const k = solved.factor;
  const kd = k.toNumber();
  const matrix: CalibratedMatrix = {
    ratings: [...guidelines.ratings],
    guideline: guidelines.cells.map((r) => [...r]),
    exact: guidelines.cells.map((r) => r.map((g) => k.mul(decimalOf(g)))),
    cells: guidelines.cells.map((r) => r.map((g) => roundedCell(g, kd, o.matrixRounding))),
  };
  const rowOf = new Map(matrix.ratings.map((r, i) => [r, i]));
  const cellOf = (rating: number, zone: number): number => {
    const i = rowOf.get(rating);
    return i === undefined ? 0 : matrix.cells[i][zone - 1] ?? 0;
  };
  const sheetPct = (c: MeritCase): number => (!c.eligible ? 0 : c.override !== undefined ? c.override : cellOf(c.rating!, c.zone!));
  let rows: MeritPlanRow[] = [];
  const sums = new PlanSums(policy.catchUpInside);
  if (shared.light) {
    // Only the totals are wanted: the amounts are summed in whole cents, with no row kept.
    const amounts: SheetCents = { increase: 0, catchUp: 0, lumpSum: 0, uncapped: 0 };
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const pct = sheetPct(c);
      if (centsInto(c, pct, policy, amounts)) sums.addCents(c, amounts);
      else sums.add(c, sheetOutcome(c, pct, policy, false));
    }
  } else {
    rows = new Array<MeritPlanRow>(cases.length);
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      // The outcome object is the row itself (its case and outcome): one object per employee.
      const row = sheetRow(c, sheetPct(c), policy);
      rows[i] = row;
      sums.add(c, row);
    }
  }
  const totals = sums.totals();
  // Σ exactCost at each row's Merit %, term by term (see RunningSum): no sheet shows it, so it is summed when first read.
  let roundedCellsCost: Decimal | undefined;
  const roundedCost = (): Decimal => {
    if (roundedCellsCost === undefined) {
      const total = new RunningSum();
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i];
        const pct = sheetPct(c);
        const u = decimalUnits(pct);
        if (!(u && addExactCost(total, c, u.units, u.places, policy))) total.addDecimal(exactCost(c, decimalOf(pct), policy));
      }
      roundedCellsCost = total.total();
    }
    return roundedCellsCost;
  };
  const calibration: MeritCalibration = {
    budgetPercent: budgetAmount ? undefined : budgetPercent,
    budget,
    eligiblePayroll,
    factor: k,
    status: solved.status,
    guidelineCost: shared.guidelineCost ?? planCostAt(cases, ONE, policy),
    calibratedCost: solved.cost,
    get roundedCellsCost() {
      return shared.light ? undefined : roundedCost();
    },
    planCost: totals.totalCost,
    roundingDifference: totals.totalCost.minus(solved.cost),
  };
  const label = budgetAmount ? `the merit budget of ${budget.toFixed(2)}` : `the merit budget of ${+(budgetPercent * 100).toFixed(4)}% (${budget.toFixed(2)})`;
  if (solved.status === 'over-committed') {
    problems.push(problem('warning', 'merit-over-committed', `overrides and catch-up inside the budget already cost ${solved.cost.toFixed(2)}, more than ${label}; the matrix is scaled to 0`, { sheet: 'Assumptions' }));
  } else if (solved.status === 'unreachable') {
    problems.push(problem('warning', 'merit-budget-unreachable', `the plan cannot spend ${label}: at most ${solved.cost.toFixed(2)} with everyone at their maximum or without a guideline`, { sheet: 'Assumptions' }));
  } else if (solved.status === 'no-eligible') {
    problems.push(problem('warning', 'merit-no-eligible', 'no employee is eligible for merit (each needs a rating and a grade)', { sheet: 'Employees' }));
  }
  return { matrix, calibration, rows, totals, problems };
}

/** Work a caller has already done (the scenarios share the curve, the payroll and the guideline cost). */
export interface PlanShortcuts {
  solution?: CalibrationSolution;
  eligiblePayroll?: Decimal;
  guidelineCost?: Decimal;
  /** Skip what only the main plan reports (the exact cost at the rounded cells, the rows' Flag). */
  light?: boolean;
}

/**
 * A plan's totals, summed exactly: the amounts in whole cents per FTE (see ExactSum), the salaries too
 * when they are whole cents, anything else in decimal. New payroll is payroll + merit cost + catch-up
 * cost, exactly, as Σ (base + increase + catch-up) × FTE is.
 */
export class PlanSums {
  headcount = 0;
  eligible = 0;
  private readonly payroll = new ExactSum();
  private readonly merit = new ExactSum();
  private readonly catchUp = new ExactSum();
  private readonly lump = new ExactSum();

  constructor(private readonly catchUpInside: boolean) {}

  /** Adds one row's amounts in whole cents. */
  addCents(c: MeritCase, amounts: OutcomeCents): void {
    this.addAmounts(c, amounts.increase, amounts.catchUp, amounts.lumpSum);
  }

  private addAmounts(c: MeritCase, increase: number, catchUp: number, lumpSum: number): void {
    this.count(c);
    if (increase !== 0) this.merit.addCents(increase, c.fte);
    if (catchUp !== 0) this.catchUp.addCents(catchUp, c.fte);
    if (lumpSum !== 0) this.lump.addCents(lumpSum);
  }

  /** Adds one row. */
  add(c: MeritCase, o: MeritOutcome): void {
    if (o instanceof CentsOutcome) return this.addAmounts(c, o.increaseCents, o.catchUpCents, o.lumpSumCents);
    if (o.cents) return this.addCents(c, o.cents);
    this.count(c);
    const exact = exactOutcome(c, o);
    this.merit.addDecimal(exact.meritCost);
    this.catchUp.addDecimal(exact.catchUpCost);
    this.lump.addDecimal(exact.lumpSum);
  }

  private count(c: MeritCase): void {
    this.headcount++;
    if (c.eligible) this.eligible++;
    const cents = c.baseCents ?? decimalCents(c.base);
    if (cents !== undefined) this.payroll.addCents(cents, c.fte);
    else this.payroll.addDecimal(c.base.mul(decimalOf(c.fte)));
  }

  totals(): MeritTotals {
    const payroll = this.payroll.total();
    const meritCost = this.merit.total();
    const catchUpCost = this.catchUp.total();
    const lumpSum = this.lump.total();
    const cost = meritCost.plus(lumpSum);
    return {
      headcount: this.headcount,
      eligible: this.eligible,
      payroll,
      meritCost,
      catchUpCost,
      lumpSum,
      newPayroll: payroll.plus(meritCost).plus(catchUpCost),
      totalCost: this.catchUpInside ? cost.plus(catchUpCost) : cost,
    };
  }
}

/** Σ base × FTE over the eligible. */
export const eligiblePayrollOf = (cases: readonly MeritCase[]): Decimal => {
  const total = new ExactSum();
  for (let i = 0; i < cases.length; i++) if (cases[i].eligible) addPayroll(total, cases[i]);
  return total.total();
};

/** Adds base × FTE: in whole cents per FTE when base is whole cents, else in decimal. */
function addPayroll(total: ExactSum, c: MeritCase): void {
  const cents = c.baseCents ?? decimalCents(c.base);
  if (cents !== undefined) total.addCents(cents, c.fte);
  else total.addDecimal(c.base.mul(decimalOf(c.fte)));
}
