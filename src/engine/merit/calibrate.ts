import type Decimal from 'decimal.js';
import { decimalCents, decimalUnits, RunningSum, type DecimalUnits } from '../exactSum';
import { fromDouble, money, toDouble, ZERO } from '../money';
import { decimalOf as dec } from './decimals';
import { addExactCost, exactCost, exactPct, type MeritCase, type MeritPolicy } from './employeeMerit';

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

/** The cost of the whole plan at factor k, exactly (the sum of exactCost, term by term). */
export function planCostAt(cases: readonly MeritCase[], k: Decimal, policy: MeritPolicy): Decimal {
  const total = new RunningSum();
  const ku = unitsOfDecimal(k);
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    // The merit % in units where it is short: 0 when not eligible, the override, or k × guideline.
    let pu = NaN;
    let pp = 0;
    if (!c.eligible) pu = 0;
    else if (c.override !== undefined) {
      const o = decimalUnits(c.override);
      if (o) {
        pu = o.units;
        pp = o.places;
      }
    } else if (ku) {
      const g = decimalUnits(c.guideline);
      if (g && Number.isSafeInteger(ku.units * g.units) && ku.places + g.places <= 22) {
        pu = ku.units * g.units;
        pp = ku.places + g.places;
      }
    }
    if (Number.isNaN(pu) || !addExactCost(total, c, pu, pp, policy)) total.addDecimal(exactCost(c, exactPct(c, k), policy));
  }
  return total.total();
}

/** A decimal as units × 10^-places when that is a safe integer with at most 22 places. */
function unitsOfDecimal(d: Decimal): DecimalUnits | undefined {
  const places = d.decimalPlaces();
  if (places > 22) return undefined;
  const scaled = d.mul(TEN.pow(places));
  return scaled.abs().lt(2 ** 53) ? { units: scaled.toNumber(), places } : undefined;
}

const TEN = money(10);

/** Solve cost(k) = budget for k ≥ 0 on the piecewise-linear cost curve. */
export function solveFactor(cases: readonly MeritCase[], budget: Decimal, policy: MeritPolicy): CalibrationSolution {
  return solveFactors(cases, [budget], policy)[0];
}

/**
 * The breakpoints of the cost curve: where an employee starts rising with k (`end` false) and, under Cap,
 * where they stop at the maximum (`end` true). k is kept as a double (`kd`, to sort by) and exactly, the
 * decimal computed only when the sweep or a near tie needs it; the slope change (FTE × b) is kept as an
 * integer of units when exact, else in decimal.
 */
class Breakpoints {
  readonly caseIndex: Int32Array;
  readonly end: Uint8Array;
  readonly kd: Float64Array;
  /** The slope change in units of 10^-places (NaN: see `rate`). */
  readonly units: Float64Array;
  readonly places: Uint8Array;
  /** Decimals kept for the breakpoints computed in decimal, and exact k computed so far. */
  readonly rate = new Map<number, Decimal>();
  readonly k = new Map<number, Decimal>();
  length = 0;

  constructor(
    private readonly cases: readonly MeritCase[],
    private readonly floorOn: boolean,
    capacity: number,
  ) {
    this.caseIndex = new Int32Array(capacity);
    this.end = new Uint8Array(capacity);
    this.kd = new Float64Array(capacity);
    this.units = new Float64Array(capacity);
    this.places = new Uint8Array(capacity);
  }

  push(caseIndex: number, end: boolean, kd: number, units: number, places: number, rate?: Decimal, k?: Decimal): void {
    const e = this.length++;
    this.caseIndex[e] = caseIndex;
    this.end[e] = end ? 1 : 0;
    this.kd[e] = kd;
    this.units[e] = units;
    this.places[e] = places;
    if (rate) this.rate.set(e, rate);
    if (k) this.k.set(e, k);
  }

  /** The exact k of breakpoint e: floor / b where an employee starts rising, room / b where they stop. */
  exactK(e: number): Decimal {
    if (this.kd[e] === 0) return ZERO;
    let k = this.k.get(e);
    if (k === undefined) {
      const c = this.cases[this.caseIndex[e]];
      const b = bOf(c);
      const bound = this.end[e] ? max(ZERO, c.maximum!.minus(c.base)) : this.floorOn ? max(ZERO, c.minimum!.minus(c.base)) : ZERO;
      k = bound.isZero() ? ZERO : bound.div(b);
      this.k.set(e, k);
    }
    return k;
  }

  /** Adds breakpoint e's slope change to `slope`. */
  addSlope(e: number, slope: RunningSum): void {
    const sign = this.end[e] ? -1 : 1;
    if (!Number.isNaN(this.units[e])) return slope.addUnits(sign * this.units[e], this.places[e]);
    let rate = this.rate.get(e);
    if (rate === undefined) rate = bOf(this.cases[this.caseIndex[e]]).mul(dec(this.cases[this.caseIndex[e]].fte));
    slope.addDecimal(sign < 0 ? rate.neg() : rate);
  }
}

/** u = k·b: b = base × guideline × months / 12 is the increase at factor 1 (in decimal, as exactCost computes u). */
const bOf = (c: MeritCase): Decimal => c.base.mul(dec(c.guideline)).mul(c.months).div(12);

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Solve cost(k) = budget for several budgets in one sweep of the breakpoints (the scenarios share the
 * curve): the breakpoints are built and sorted once, and each budget is answered where the curve crosses
 * it. The decimals are those of the plain sweep (the same operations in the same order, so the same
 * digits): sums of exact terms wait as integers (RunningSum), doubles decide the order of breakpoints
 * whose k are far apart, and an exact k is only computed for a breakpoint the sweep reaches or a near tie.
 */
export function solveFactors(cases: readonly MeritCase[], budgets: readonly Decimal[], policy: MeritPolicy): CalibrationSolution[] {
  const floorOn = policy.catchUp && policy.catchUpInside;
  const fixed = new RunningSum();
  const events = new Breakpoints(cases, floorOn, policy.cap ? 2 * cases.length : cases.length);
  let scalable = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    if (!c.eligible || c.override !== undefined || c.grade === undefined || c.maximum === undefined || c.minimum === undefined) {
      // Fixed costs: overrides, and catch-up inside the budget for everyone in a grade.
      const pct = c.eligible && c.override !== undefined ? decimalUnits(c.override) : NO_MERIT;
      if (!(pct && addExactCost(fixed, c, pct.units, pct.places, policy))) fixed.addDecimal(exactCost(c, exactPct(c, ZERO), policy));
      continue;
    }
    scalable++;
    if (!addFast(events, i, c, fixed, policy, floorOn)) addExactly(events, i, c, fixed, policy, floorOn);
  }
  const out: CalibrationSolution[] = new Array(budgets.length);
  const order = budgets.map((b, i) => ({ b, i })).sort((x, y) => x.b.comparedTo(y.b));
  let q = 0;
  const answer = (s: CalibrationSolution) => {
    out[order[q++].i] = s;
  };
  let cost = fixed.total();
  if (scalable === 0 && cases.every((c) => !c.eligible)) {
    while (q < order.length) answer({ factor: ZERO, cost, status: 'no-eligible' });
    return out;
  }
  while (q < order.length && cost.gt(order[q].b)) answer({ factor: ZERO, cost, status: 'over-committed' });
  while (q < order.length && cost.eq(order[q].b)) answer({ factor: ZERO, cost, status: 'exact' });
  const { sorted, near } = sortExactly(events);
  const slope = new RunningSum();
  let at = ZERO;
  let active = 0;
  for (let i = 0; i < sorted.length && q < order.length; ) {
    const k = events.exactK(sorted[i]);
    const s = slope.total();
    if (s.gt(0)) {
      const end = cost.plus(s.mul(k.minus(at)));
      while (q < order.length && end.gte(order[q].b)) answer({ factor: at.plus(order[q].b.minus(cost).div(s)), cost: order[q].b, status: 'exact' });
      cost = end;
    }
    at = k;
    do {
      events.addSlope(sorted[i], slope);
      active += events.end[sorted[i++]] ? -1 : 1;
    } while (i < sorted.length && near[i] === 1 && events.exactK(sorted[i]).eq(k));
    // Sums of 40-digit rates need not cancel to the last digit: with no one rising the slope is exactly 0.
    if (active === 0) slope.reset();
  }
  while (q < order.length) {
    const budget = order[q].b;
    const s = slope.total();
    if (cost.eq(budget)) answer({ factor: at, cost, status: 'exact' });
    else if (s.gt(0)) answer({ factor: at.plus(budget.minus(cost).div(s)), cost: budget, status: 'exact' });
    else answer({ factor: at, cost, status: 'unreachable' });
  }
  return out;
}

const NO_MERIT: DecimalUnits = { units: 0, places: 0 };

/**
 * A scalable employee's catch-up floor cost and breakpoints in integers (whole cents, a guideline and an FTE
 * of few places, every product a safe integer); false, having added nothing, when they are not so.
 */
function addFast(events: Breakpoints, i: number, c: MeritCase, fixed: RunningSum, policy: MeritPolicy, floorOn: boolean): boolean {
  const base = c.baseCents ?? decimalCents(c.base);
  const mx = c.maximumCents ?? decimalCents(c.maximum!);
  const mn = c.minimumCents ?? decimalCents(c.minimum!);
  const f = decimalUnits(c.fte);
  const g = decimalUnits(c.guideline);
  if (base === undefined || mx === undefined || mn === undefined || !f || !g || g.places > 19 || f.places > 20) return false;
  const room = Math.max(0, mx - base);
  const floor = floorOn ? Math.max(0, mn - base) : 0;
  // b × 12 in units of 10^-(2 + g.places).
  const x = base * g.units * c.months;
  const floorCost = floor * f.units;
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(floorCost)) return false;
  // The rate FTE × b in units, when b ends (x divisible by 3); NaN: in decimal when swept.
  let units = NaN;
  let places = 0;
  if (x % 12 === 0) {
    units = (x / 12) * f.units;
    places = 2 + g.places + f.places;
  } else if (x % 3 === 0) {
    units = (x / 3) * 25 * f.units;
    places = 4 + g.places + f.places;
  }
  if (!Number.isSafeInteger(units) || places > 22) units = NaN;
  if (floorCost > 0) fixed.addUnits(floorCost, 2 + f.places);
  if (!(x > 0)) return true;
  if (policy.cap && !(room > floor)) return true;
  // b as a double: one correctly rounded division of exact integers, the double nearest b (and so the
  // double of b's 40-digit decimal, which cannot lie across a midpoint: its denominator 12 × 10^p is small).
  const bd = x / (12 * POW10[2 + g.places]);
  events.push(i, false, floor === 0 ? 0 : floor / 100 / bd, units, places);
  if (policy.cap) events.push(i, true, room / 100 / bd, units, places);
  return true;
}

/** addFast in decimal, as the plain sweep computes it. */
function addExactly(events: Breakpoints, i: number, c: MeritCase, fixed: RunningSum, policy: MeritPolicy, floorOn: boolean): void {
  const f = dec(c.fte);
  const room = max(ZERO, c.maximum!.minus(c.base));
  const floor = floorOn ? max(ZERO, c.minimum!.minus(c.base)) : ZERO;
  if (floor.gt(0)) fixed.addDecimal(floor.mul(f));
  const b = bOf(c);
  if (!b.gt(0)) return;
  // Under Cap someone with no room to rise (at or above the maximum) never rises: no events.
  if (policy.cap && !room.gt(floor)) return;
  const rate = b.mul(f);
  const bd = toDouble(b);
  events.push(i, false, floor.isZero() ? 0 : toDouble(floor) / bd, NaN, 0, rate, floor.isZero() ? ZERO : floor.div(b));
  if (policy.cap) events.push(i, true, toDouble(room) / bd, NaN, 0, rate, room.div(b));
}

const max = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);

/**
 * The breakpoints in the order of the plain sweep: sorted by the doubles (stably), then one insertion pass
 * with exact comparisons. The doubles are within a few units in the last place of the exact k, so only
 * neighbours whose doubles are within a relative 10^-13 can be out of order, or equal: `near[i]` is 1 when
 * sorted[i] is such a neighbour of sorted[i − 1], and the exact pass runs within those runs only (it could
 * not move anything past a clear gap). Breakpoints at k = 0 (kd = 0 exactly) come first, in order.
 */
function sortExactly(events: Breakpoints): { sorted: Uint32Array; near: Uint8Array } {
  const n = events.length;
  const kd = events.kd;
  const sorted = new Uint32Array(n);
  let zeros = 0;
  for (let e = 0; e < n; e++) if (kd[e] === 0) sorted[zeros++] = e;
  const rest: number[] = [];
  for (let e = 0; e < n; e++) if (kd[e] !== 0) rest.push(e);
  rest.sort((x, y) => kd[x] - kd[y] || x - y);
  for (let j = 0; j < rest.length; j++) sorted[zeros + j] = rest[j];
  const near = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const a = kd[sorted[i - 1]];
    const b = kd[sorted[i]];
    if (a === 0 ? b === 0 : b - a <= 1e-13 * b) near[i] = 1;
  }
  for (let i = 1; i < n; i++) {
    if (!near[i] || kd[sorted[i]] === 0) continue;
    // Insertion within the run of near neighbours that ends at i.
    const e = sorted[i];
    const k = events.exactK(e);
    let j = i - 1;
    while (j >= 0 && (j === i - 1 || near[j + 1]) && events.exactK(sorted[j]).gt(k)) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = e;
  }
  return { sorted, near };
}

/** A budget from a % of eligible payroll, or the amount when one is given. */
export function meritBudgetAmount(eligiblePayroll: Decimal, percent: number, amount?: Decimal): Decimal {
  return amount ? money(amount) : fromDouble(percent).mul(eligiblePayroll);
}
