import type Decimal from 'decimal.js';
import { fromDouble, money, toDouble, ZERO } from '../money';
import { decimalOf as dec } from './decimals';
import { exactCost, exactPct, type MeritCase, type MeritPolicy } from './employeeMerit';

/**
 * Calibration: the one factor k by which every guideline cell is scaled so that the plan costs the budget.
 *
 * Each employee's cost is piecewise linear and non-decreasing in k (see exactCost): flat at the catch-up
 * floor until k·b reaches it, then rising with slope FTE·b, then flat again once the increase reaches the
 * range maximum under Cap (it keeps rising under Lump Sum), where b = base × guideline × proration. The
 * total is therefore piecewise linear and monotone, with breakpoints where employees reach their floor
 * or their maximum. We sweep the breakpoints in order, carrying the total and its slope, and solve the
 * linear piece that crosses the budget exactly (in 40-digit decimals): no iteration, no tolerance.
 */

export type CalibrationStatus =
  /** The factor spends the budget exactly. */
  | 'exact'
  /** Overrides, and catch-up inside the budget, already cost more than the budget: k = 0. */
  | 'over-committed'
  /** Even an unlimited factor cannot spend the budget (everyone capped, or no guideline above 0): k = the smallest factor at the highest cost. */
  | 'unreachable'
  /** No one is eligible: nothing to calibrate. */
  | 'no-eligible';

export interface CalibrationSolution {
  factor: Decimal;
  /** The exact cost at that factor. */
  cost: Decimal;
  status: CalibrationStatus;
}

interface Event {
  k: Decimal;
  /** k as a double, to sort by before the exact pass. */
  kd: number;
  slope: Decimal;
  /** +1 when an employee starts rising with k, −1 when they stop (reach the maximum under Cap). */
  active: 1 | -1;
}

/** The cost of the whole plan at factor k, exactly (the sum of exactCost). */
export function planCostAt(cases: readonly MeritCase[], k: Decimal, policy: MeritPolicy): Decimal {
  let total = ZERO;
  for (const c of cases) total = total.plus(exactCost(c, exactPct(c, k), policy));
  return total;
}

/** Solve cost(k) = budget for k ≥ 0 on the piecewise-linear cost curve. */
export function solveFactor(cases: readonly MeritCase[], budget: Decimal, policy: MeritPolicy): CalibrationSolution {
  return solveFactors(cases, [budget], policy)[0];
}

/**
 * Solve cost(k) = budget for several budgets in one sweep of the breakpoints (the scenarios share the
 * curve): the events are built and sorted once, and each budget is answered where the curve crosses it.
 */
export function solveFactors(cases: readonly MeritCase[], budgets: readonly Decimal[], policy: MeritPolicy): CalibrationSolution[] {
  const floorOn = policy.catchUp && policy.catchUpInside;
  let cost = ZERO;
  let slope = ZERO;
  const events: Event[] = [];
  let scalable = 0;
  for (const c of cases) {
    if (!c.eligible || c.override !== undefined || c.grade === undefined || c.maximum === undefined || c.minimum === undefined) {
      // Fixed costs: overrides, and catch-up inside the budget for everyone in a grade.
      cost = cost.plus(exactCost(c, exactPct(c, ZERO), policy));
      continue;
    }
    scalable++;
    const f = dec(c.fte);
    const room = max(ZERO, c.maximum.minus(c.base));
    const floor = floorOn ? max(ZERO, c.minimum.minus(c.base)) : ZERO;
    if (floor.gt(0)) cost = cost.plus(floor.mul(f));
    // u = k·b: b is the increase at factor 1.
    const b = c.base.mul(dec(c.guideline)).mul(c.months).div(12);
    if (!b.gt(0)) continue;
    // Under Cap someone with no room to rise (at or above the maximum) never rises: no events.
    if (policy.cap && !room.gt(floor)) continue;
    const rate = b.mul(f);
    const bd = toDouble(b);
    events.push({ k: floor.isZero() ? ZERO : floor.div(b), kd: floor.isZero() ? 0 : toDouble(floor) / bd, slope: rate, active: 1 });
    if (policy.cap) events.push({ k: room.div(b), kd: toDouble(room) / bd, slope: rate.neg(), active: -1 });
  }
  const out: CalibrationSolution[] = new Array(budgets.length);
  const order = budgets.map((b, i) => ({ b, i })).sort((x, y) => x.b.comparedTo(y.b));
  let q = 0;
  const answer = (s: CalibrationSolution) => {
    out[order[q++].i] = s;
  };
  if (scalable === 0 && cases.every((c) => !c.eligible)) {
    while (q < order.length) answer({ factor: ZERO, cost, status: 'no-eligible' });
    return out;
  }
  while (q < order.length && cost.gt(order[q].b)) answer({ factor: ZERO, cost, status: 'over-committed' });
  while (q < order.length && cost.eq(order[q].b)) answer({ factor: ZERO, cost, status: 'exact' });
  sortExactly(events);
  let at = ZERO;
  let active = 0;
  for (let i = 0; i < events.length && q < order.length; ) {
    const k = events[i].k;
    if (slope.gt(0)) {
      const end = cost.plus(slope.mul(k.minus(at)));
      while (q < order.length && end.gte(order[q].b)) answer({ factor: at.plus(order[q].b.minus(cost).div(slope)), cost: order[q].b, status: 'exact' });
      cost = end;
    }
    at = k;
    while (i < events.length && events[i].k.eq(k)) {
      slope = slope.plus(events[i].slope);
      active += events[i++].active;
    }
    // Sums of 40-digit rates need not cancel to the last digit: with no one rising the slope is exactly 0.
    if (active === 0) slope = ZERO;
  }
  while (q < order.length) {
    const budget = order[q].b;
    if (cost.eq(budget)) answer({ factor: at, cost, status: 'exact' });
    else if (slope.gt(0)) answer({ factor: at.plus(budget.minus(cost).div(slope)), cost: budget, status: 'exact' });
    else answer({ factor: at, cost, status: 'unreachable' });
  }
  return out;
}

const max = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);

/**
 * Sorts the events by k exactly: first by the doubles (cheap, and right except between events whose
 * k differ by a rounding error), then one insertion pass with exact comparisons, which only has
 * near-equal neighbours left to swap.
 */
function sortExactly(events: Event[]): void {
  events.sort((x, y) => x.kd - y.kd);
  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    let j = i - 1;
    while (j >= 0 && events[j].k.gt(e.k)) {
      events[j + 1] = events[j];
      j--;
    }
    events[j + 1] = e;
  }
}

/** A budget from a % of eligible payroll, or the amount when one is given. */
export function meritBudgetAmount(eligiblePayroll: Decimal, percent: number, amount?: Decimal): Decimal {
  return amount ? money(amount) : fromDouble(percent).mul(eligiblePayroll);
}
