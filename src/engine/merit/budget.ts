import type Decimal from 'decimal.js';
import { decimalCents, ExactSum } from '../exactSum';
import type { CalibrationSolution, CalibrationStatus } from './calibrate';
import type { MeritCase } from './employeeMerit';
import type { MeritGuidelines } from './guidelines';
import { meritBudgetAmount, solveFactors } from './calibrate';
import { calibratePlan, eligiblePayrollOf, meritPolicy, PlanSums, type CalibratedPlan, type MeritPlanRow } from './meritPlan';
import type { MeritAssumptions, MeritOptions } from './options';
import { exactBonus, type BonusPlan } from './bonus';

/** One line of the Budget sheet: the plan's money for a department or a grade. */
export interface BudgetLine<K> {
  key: K;
  headcount: number;
  payroll: Decimal;
  meritCost: Decimal;
  catchUpCost: Decimal;
  lumpSum: Decimal;
  newPayroll: Decimal;
  bonus: Decimal;
  /** Merit + lump sums + catch-up (all of it, whatever its funding). */
  totalCost: Decimal;
}

/**
 * The plan summed by a key (department, grade), as the Budget sheet's SUMIFS do. Bonus rows are matched to
 * plan rows by position (both sheets list the employees in the same order). Keys sort ascending; the
 * undefined key (no department, no grade) comes last.
 */
export function budgetBy<K extends string | number>(rows: readonly MeritPlanRow[], keyOf: (r: MeritPlanRow, index: number) => K | undefined, bonus?: BonusPlan): BudgetLine<K | undefined>[] {
  return budgetsBy(rows, [keyOf], bonus)[0];
}

/** budgetBy for several keys (department, grade) in one pass over the rows. */
export function budgetsBy<K extends string | number>(rows: readonly MeritPlanRow[], keyOfs: readonly ((r: MeritPlanRow, index: number) => K | undefined)[], bonus?: BonusPlan): BudgetLine<K | undefined>[][] {
  // One pass; each group's sums are exact (whole cents as integers, see PlanSums), as the SUMIFS add them.
  type Group = { sums: PlanSums; bonus: ExactSum };
  const groups = keyOfs.map(() => new Map<K | undefined, Group>());
  const last: (Group | undefined)[] = keyOfs.map(() => undefined);
  const lastKey: (K | undefined)[] = keyOfs.map(() => undefined);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // The row's bonus in whole cents, or in decimal.
    const paid = bonus?.rows[i];
    let cents: number | undefined;
    let exact: Decimal | undefined;
    if (paid) {
      cents = paid.bonusCents;
      if (cents === undefined) {
        exact = exactBonus(bonus!, paid).bonus;
        cents = decimalCents(exact);
      }
    }
    for (let j = 0; j < keyOfs.length; j++) {
      const key = keyOfs[j](r, i);
      let group = last[j] !== undefined && key === lastKey[j] ? last[j] : groups[j].get(key);
      if (!group) {
        group = { sums: new PlanSums(true), bonus: new ExactSum() };
        groups[j].set(key, group);
      }
      last[j] = group;
      lastKey[j] = key;
      group.sums.add(r.case, r.outcome);
      if (cents !== undefined) group.bonus.addCents(cents);
      else if (exact) group.bonus.addDecimal(exact);
    }
  }
  return groups.map((byKey) => {
    const keys = [...byKey.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : a > b ? 1 : 0));
    return keys.map((key) => {
      const group = byKey.get(key)!;
      // Catch-up counts in the line's total cost whatever its funding.
      const t = group.sums.totals();
      return { key, headcount: t.headcount, payroll: t.payroll, meritCost: t.meritCost, catchUpCost: t.catchUpCost, lumpSum: t.lumpSum, newPayroll: t.newPayroll, bonus: group.bonus.total(), totalCost: t.totalCost };
    });
  });
}

/** The plan at one budget of the Budget Scenarios. */
export interface BudgetScenario {
  budgetPercent: number;
  budget: Decimal;
  factor: Decimal;
  status: CalibrationStatus;
  calibratedCost: Decimal;
  planCost: Decimal;
  meritCost: Decimal;
  lumpSum: Decimal;
  catchUpCost: Decimal;
  newPayroll: Decimal;
  roundingDifference: Decimal;
}

/**
 * Calibrate the same plan at each scenario budget (always a % of eligible payroll). The breakpoints are
 * swept once for all budgets; `main`, the plan already calibrated at Merit Budget, is reused when a
 * scenario is that budget; `solved` holds solutions already found (by budget %), as buildMerit sweeps
 * the main budget and the scenarios' together.
 */
export function budgetScenarios(
  cases: readonly MeritCase[],
  guidelines: MeritGuidelines,
  a: MeritAssumptions,
  o: MeritOptions,
  main?: CalibratedPlan,
  solved?: ReadonlyMap<number, CalibrationSolution>,
): BudgetScenario[] {
  const policy = meritPolicy(a, o);
  const eligiblePayroll = main?.calibration.eligiblePayroll ?? eligiblePayrollOf(cases);
  const guidelineCost = main?.calibration.guidelineCost;
  const reuse = (pct: number) => main !== undefined && main.calibration.budgetPercent === pct;
  const fresh = o.budgetScenarios.filter((pct) => !reuse(pct) && !solved?.has(pct));
  const solutions = new Map(solved);
  const found = fresh.length > 0 ? solveFactors(cases, fresh.map((pct) => meritBudgetAmount(eligiblePayroll, pct)), policy) : [];
  fresh.forEach((pct, i) => {
    if (!solutions.has(pct)) solutions.set(pct, found[i]);
  });
  return o.budgetScenarios.map((pct) => {
    const p = reuse(pct) ? main! : calibratePlan(cases, guidelines, a, o, pct, undefined, { solution: solutions.get(pct), eligiblePayroll, guidelineCost, light: true });
    return {
      budgetPercent: pct,
      budget: p.calibration.budget,
      factor: p.calibration.factor,
      status: p.calibration.status,
      calibratedCost: p.calibration.calibratedCost,
      planCost: p.calibration.planCost,
      meritCost: p.totals.meritCost,
      lumpSum: p.totals.lumpSum,
      catchUpCost: p.totals.catchUpCost,
      newPayroll: p.totals.newPayroll,
      roundingDifference: p.calibration.roundingDifference,
    };
  });
}
