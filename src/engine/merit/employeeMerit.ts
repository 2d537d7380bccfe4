import type Decimal from 'decimal.js';
import { decimalCents, decimalUnits, roundCents, roundCentsOfText, unitsDecimal, type RunningSum } from '../exactSum';
import { money, roundExcel, toDouble, ZERO } from '../money';
import { decimalOf } from './decimals';

/** One employee as the merit plan sees them: pay, range, rating, zone, proration and eligibility. */
export interface MeritCase {
  id: string;
  /** Annual full-time base salary. */
  base: Decimal;
  /** base × 100 when base is a whole number of cents (see decimalCents). */
  baseCents?: number;
  fte: number;
  grade?: number;
  minimum?: Decimal;
  midpoint?: Decimal;
  maximum?: Decimal;
  /** minimum × 100 and maximum × 100 when whole numbers of cents. */
  minimumCents?: number;
  maximumCents?: number;
  compaRatio?: number;
  rangePenetration?: number;
  rating?: number;
  zone?: number;
  /** Months of the review period worked (12 unless hired after Proration Start). */
  months: number;
  /** months / 12, as the sheet holds it. */
  proration: number;
  eligible: boolean;
  /** Why not eligible, as the Flag column says it. */
  ineligibility?: string;
  /** Merit Override %: replaces the matrix cell (proration and the maximum still apply). */
  override?: number;
  /** The uncalibrated guideline for the rating and zone (0 when the matrix has none). */
  guideline: number;
}

/** The policy switches of the Assumptions sheet, resolved. */
export interface MeritPolicy {
  /** Above Maximum = Cap (else Lump Sum). */
  cap: boolean;
  /** Catch Up To Minimum = Y. */
  catchUp: boolean;
  /** Catch-up counts against the merit budget. */
  catchUpInside: boolean;
}

/**
 * One employee's plan, as the Merit Plan sheet's formulas compute it. The amounts are numbers as the sheet
 * holds them: the double nearest the exact amount (increase, catch-up and lump sum are whole cents, kept
 * exactly in `cents`; the costs are those × FTE). `exactOutcome` gives every amount as an exact decimal.
 */
export interface MeritOutcome {
  /** The Merit % column: the override or the rounded matrix cell; 0 when not eligible. */
  readonly meritPct: number;
  /** Increase to the full-time base, rounded to the cent and stopped at the range maximum. */
  readonly increase: number;
  readonly catchUp: number;
  /** base + increase + catch-up, exactly (it becomes the base salary of the after-merit analysis). */
  readonly newSalary: Decimal;
  /** newSalary as a double (the double nearest it), without making the decimal. */
  readonly newSalaryValue: number;
  /** The part of the increase above the maximum, paid once × FTE (Lump Sum policy). */
  readonly lumpSum: number;
  /** base × FTE. */
  readonly payroll: number;
  /** increase × FTE. */
  readonly meritCost: number;
  /** catch-up × FTE. */
  readonly catchUpCost: number;
  /** new salary × FTE. */
  readonly newPayroll: number;
  /** What counts against the merit budget: merit cost + lump sum (+ catch-up cost when inside the budget). */
  readonly totalCost: number;
  flag: string;
  /** The three amounts in whole cents, when they fit a double (always, below 10^13 currency units). */
  readonly cents?: OutcomeCents;
}

/** A row's sheet amounts in whole cents (increase and catch-up on the full-time base; the lump sum × FTE). */
export interface OutcomeCents {
  increase: number;
  catchUp: number;
  lumpSum: number;
}

/** A plan row's amounts as exact decimals. */
export interface ExactOutcome {
  increase: Decimal;
  catchUp: Decimal;
  newSalary: Decimal;
  lumpSum: Decimal;
  payroll: Decimal;
  meritCost: Decimal;
  catchUpCost: Decimal;
  newPayroll: Decimal;
  totalCost: Decimal;
}

/**
 * The Merit Plan row for a merit %, computed as the sheet does: products in double precision, each
 * amount rounded to the cent by Excel's ROUND (half away from zero on the 15-digit value):
 *   increase = ROUND(MIN(base × merit% × proration, MAX(0, max − base)), 2)
 *   catch-up = MAX(0, ROUND(min − base − increase, 2)) when on
 *   lump sum = ROUND(MAX(0, base × merit% × proration − MAX(0, max − base)) × FTE, 2) under Lump Sum.
 * The three amounts are whole cents, kept as integers (`cents`); the other figures derive from them.
 * `withFlag = false` leaves the Flag blank, for plans only totalled (the budget scenarios).
 */
export function sheetOutcome(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag = true): MeritOutcome {
  return sheetRow(c, meritPct, policy, withFlag);
}

/** sheetOutcome as a plan row: the outcome object is also the row (its `case` and itself as `outcome`), one object per employee. */
export function sheetRow(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag = true): MeritOutcome & { readonly case: MeritCase; readonly outcome: MeritOutcome } {
  if (!centsInto(c, meritPct, policy, scratch)) return decimalOutcome(c, meritPct, policy, withFlag);
  const out = new CentsOutcome(meritPct, c, scratch.increase, scratch.catchUp, scratch.lumpSum, policy.catchUpInside);
  if (withFlag) out.flag = flagOf(c, out, scratch.uncapped, scratch.increase);
  return out;
}

/** ROUND(x, 2) in whole cents; undefined beyond MAX_CENTS. */
const roundToCents = (x: number): number | undefined => roundCents(x) ?? roundCentsOfText(x) ?? decimalCents(roundExcel(x, 2));

/** A decimal as a double: from its whole cents when known (the same double: one correctly rounded division). */
const valueOf = (d: Decimal, cents: number | undefined): number => (cents !== undefined ? cents / 100 : toDouble(d));

/** The sheet's three amounts for a row and the uncapped increase, in whole cents. */
export interface SheetCents extends OutcomeCents {
  uncapped: number;
}

const scratch: SheetCents = { increase: 0, catchUp: 0, lumpSum: 0, uncapped: 0 };

/**
 * The sheet's three amounts for a merit %, in whole cents (and the uncapped increase, rounded, for the
 * Flag): the arithmetic of sheetOutcome in doubles. Undefined when an amount is beyond MAX_CENTS.
 */
export function sheetCents(c: MeritCase, meritPct: number, policy: MeritPolicy): SheetCents | undefined {
  const out: SheetCents = { increase: 0, catchUp: 0, lumpSum: 0, uncapped: 0 };
  return centsInto(c, meritPct, policy, out) ? out : undefined;
}

/** sheetCents into `out`, without an object per call; false when an amount is beyond MAX_CENTS. */
export function centsInto(c: MeritCase, meritPct: number, policy: MeritPolicy, out: SheetCents): boolean {
  out.increase = out.catchUp = out.lumpSum = out.uncapped = 0;
  if (c.grade === undefined || c.maximum === undefined || c.minimum === undefined) return true;
  const base = valueOf(c.base, c.baseCents);
  const uncapped = base * meritPct * c.proration;
  const room = Math.max(0, valueOf(c.maximum, c.maximumCents) - base);
  const increase = roundToCents(Math.min(uncapped, room));
  if (increase === undefined) return false;
  if (policy.catchUp) {
    const gap = roundToCents(valueOf(c.minimum, c.minimumCents) - base - increase / 100);
    if (gap === undefined) return false;
    out.catchUp = gap > 0 ? gap : 0;
  }
  if (!policy.cap) {
    const lump = roundToCents(Math.max(0, uncapped - room) * c.fte);
    if (lump === undefined) return false;
    out.lumpSum = lump;
  }
  const uncappedCents = roundToCents(uncapped);
  if (uncappedCents === undefined) return false;
  out.increase = increase;
  out.uncapped = uncappedCents;
  return true;
}

const centsDecimal = (cents: number): Decimal => (cents === 0 ? ZERO : money(cents).div(100));

/**
 * cents/100 × fte as a double: the double nearest the exact decimal product (what the decimal product
 * read as a double gives). In integers when cents × FTE's units is a safe integer: one division by a
 * power of ten is then correctly rounded.
 */
export function centsTimesFte(cents: number, fte: number): number {
  if (cents === 0) return 0;
  const f = decimalUnits(fte);
  if (f && f.places <= 20) {
    const n = cents * f.units;
    if (Number.isSafeInteger(n)) return n / POW10[2 + f.places];
  }
  return toDouble(centsDecimal(cents).mul(decimalOf(fte)));
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A plan row whose amounts are whole cents: the other figures derive from them when read. */
export class CentsOutcome implements MeritOutcome {
  flag = '';
  readonly case: MeritCase;
  private salary?: Decimal;
  private centsView?: OutcomeCents;
  constructor(
    readonly meritPct: number,
    private readonly c: MeritCase,
    /** The increase, catch-up and lump sum in whole cents. */
    readonly increaseCents: number,
    readonly catchUpCents: number,
    readonly lumpSumCents: number,
    readonly catchUpInside: boolean,
  ) {
    this.case = c;
  }
  get outcome(): MeritOutcome {
    return this;
  }
  get cents(): OutcomeCents {
    return (this.centsView ??= { increase: this.increaseCents, catchUp: this.catchUpCents, lumpSum: this.lumpSumCents });
  }
  get increase(): number {
    return this.increaseCents / 100;
  }
  get catchUp(): number {
    return this.catchUpCents / 100;
  }
  get lumpSum(): number {
    return this.lumpSumCents / 100;
  }
  get newSalary(): Decimal {
    return (this.salary ??= newSalaryOf(this.c, this.increaseCents + this.catchUpCents));
  }
  get newSalaryValue(): number {
    const b = this.c.baseCents;
    // Whole cents: one correctly rounded division, the double of the exact decimal.
    return b !== undefined ? (b + this.increaseCents + this.catchUpCents) / 100 : toDouble(this.newSalary);
  }
  get payroll(): number {
    const b = this.c.baseCents;
    return b !== undefined ? centsTimesFte(b, this.c.fte) : toDouble(this.c.base.mul(decimalOf(this.c.fte)));
  }
  get meritCost(): number {
    return centsTimesFte(this.increaseCents, this.c.fte);
  }
  get catchUpCost(): number {
    return centsTimesFte(this.catchUpCents, this.c.fte);
  }
  get newPayroll(): number {
    const b = this.c.baseCents;
    if (b !== undefined) return centsTimesFte(b + this.increaseCents + this.catchUpCents, this.c.fte);
    return toDouble(this.newSalary.mul(decimalOf(this.c.fte)));
  }
  get totalCost(): number {
    // (increase × FTE + lump sum (+ catch-up × FTE)) in units of 10^-(2 + FTE's places), when exact.
    const increase = this.increaseCents;
    const catchUp = this.catchUpCents;
    const lumpSum = this.lumpSumCents;
    const f = decimalUnits(this.c.fte);
    if (f && f.places <= 20) {
      const n = (increase + (this.catchUpInside ? catchUp : 0)) * f.units + lumpSum * POW10[f.places];
      if (Number.isSafeInteger(n) && Number.isSafeInteger((increase + catchUp) * f.units)) return n / POW10[2 + f.places];
    }
    return toDouble(exactOutcome(this.c, this).totalCost);
  }
}

/** base + raise (in cents), exactly. */
function newSalaryOf(c: MeritCase, raise: number): Decimal {
  if (raise === 0) return c.base;
  return c.baseCents !== undefined ? unitsDecimal(c.baseCents + raise, 2) : c.base.plus(centsDecimal(raise));
}

/** A plan row whose amounts are beyond whole cents in a double: computed and kept in decimal. */
class DecimalOutcome implements MeritOutcome {
  flag = '';
  readonly case: MeritCase;
  readonly increase: number;
  readonly catchUp: number;
  readonly lumpSum: number;
  readonly payroll: number;
  readonly meritCost: number;
  readonly catchUpCost: number;
  readonly newPayroll: number;
  readonly totalCost: number;
  readonly newSalary: Decimal;
  readonly newSalaryValue: number;
  constructor(
    readonly meritPct: number,
    c: MeritCase,
    readonly exact: ExactOutcome,
  ) {
    this.case = c;
    this.increase = toDouble(exact.increase);
    this.catchUp = toDouble(exact.catchUp);
    this.lumpSum = toDouble(exact.lumpSum);
    this.payroll = toDouble(exact.payroll);
    this.meritCost = toDouble(exact.meritCost);
    this.catchUpCost = toDouble(exact.catchUpCost);
    this.newPayroll = toDouble(exact.newPayroll);
    this.totalCost = toDouble(exact.totalCost);
    this.newSalary = exact.newSalary;
    this.newSalaryValue = toDouble(exact.newSalary);
  }
  get outcome(): MeritOutcome {
    return this;
  }
}

/** sheetOutcome in decimal throughout: amounts too large for whole cents in a double. */
function decimalOutcome(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag: boolean): DecimalOutcome {
  const base = toDouble(c.base);
  const fte = decimalOf(c.fte);
  const graded = c.grade !== undefined && c.maximum !== undefined && c.minimum !== undefined;
  let increase = ZERO;
  let catchUp = ZERO;
  let lumpSum = ZERO;
  let uncapped = 0;
  if (graded) {
    uncapped = base * meritPct * c.proration;
    const room = Math.max(0, toDouble(c.maximum!) - base);
    increase = roundExcel(Math.min(uncapped, room), 2);
    if (policy.catchUp) {
      const gap = roundExcel(toDouble(c.minimum!) - base - toDouble(increase), 2);
      catchUp = gap.gt(0) ? gap : ZERO;
    }
    if (!policy.cap) lumpSum = roundExcel(Math.max(0, uncapped - room) * c.fte, 2);
  }
  const newSalary = c.base.plus(increase).plus(catchUp);
  const meritCost = increase.mul(fte);
  const catchUpCost = catchUp.mul(fte);
  const out = new DecimalOutcome(meritPct, c, {
    increase,
    catchUp,
    newSalary,
    lumpSum,
    payroll: c.base.mul(fte),
    meritCost,
    catchUpCost,
    newPayroll: newSalary.mul(fte),
    totalCost: meritCost.plus(lumpSum).plus(policy.catchUpInside ? catchUpCost : ZERO),
  });
  if (withFlag) {
    const uncappedAmount = graded ? roundExcel(uncapped, 2) : ZERO;
    out.flag = flagOf(c, out, uncappedAmount.gt(increase) ? 1 : 0, 0);
  }
  return out;
}

/** A plan row's amounts as exact decimals (the numbers of MeritOutcome are the doubles nearest these). */
export function exactOutcome(c: MeritCase, o: MeritOutcome): ExactOutcome {
  if (o instanceof DecimalOutcome) return o.exact;
  const cents = o.cents!;
  const fte = decimalOf(c.fte);
  const increase = centsDecimal(cents.increase);
  const catchUp = centsDecimal(cents.catchUp);
  const lumpSum = centsDecimal(cents.lumpSum);
  const newSalary = o.newSalary;
  const meritCost = increase.mul(fte);
  const catchUpCost = catchUp.mul(fte);
  const cost = meritCost.plus(lumpSum);
  return {
    increase,
    catchUp,
    newSalary,
    lumpSum,
    payroll: c.base.mul(fte),
    meritCost,
    catchUpCost,
    newPayroll: newSalary.mul(fte),
    totalCost: o instanceof CentsOutcome && o.catchUpInside ? cost.plus(catchUpCost) : cost,
  };
}

/** The Flag column, in the order the sheet's nested IF tests it. */
function flagOf(c: MeritCase, o: MeritOutcome, uncappedCents: number, increaseCents: number): string {
  if (!c.eligible) return c.ineligibility ?? 'Not eligible';
  if (c.override !== undefined) return 'Override';
  if (o.lumpSum > 0) return 'Lump sum';
  if (uncappedCents > increaseCents) return 'Capped at maximum';
  if (o.catchUp > 0) return 'Catch-up to minimum';
  if (c.proration < 1) return 'Prorated';
  return '';
}

/**
 * What one employee costs against the budget at an exact merit %, with no rounding at all:
 * FTE × (MAX(MIN(u, room), floor) + lump), u = base × merit% × months/12, room = MAX(0, max − base),
 * floor = the catch-up gap MAX(0, min − base) when catch-up is inside the budget (else 0), lump = MAX(0, u − room)
 * under Lump Sum (else 0). The calibration solves on this.
 */
export function exactCost(c: MeritCase, meritPct: Decimal, policy: MeritPolicy): Decimal {
  if (c.grade === undefined || c.maximum === undefined || c.minimum === undefined) return ZERO;
  const u = c.base.mul(meritPct).mul(c.months).div(12);
  const room = Decimal_max(ZERO, c.maximum.minus(c.base));
  const floor = policy.catchUp && policy.catchUpInside ? Decimal_max(ZERO, c.minimum.minus(c.base)) : ZERO;
  const held = Decimal_max(Decimal_min(u, room), floor);
  const lump = policy.cap ? ZERO : Decimal_max(ZERO, u.minus(room));
  return held.plus(lump).mul(decimalOf(c.fte));
}

/**
 * exactCost(c, pct) added to `sum` as an integer of units, when every step of exactCost is exact in
 * integers: pct = pctUnits × 10^-pctPlaces, base, minimum and maximum whole cents, FTE of few places,
 * base × pct × months divisible by 3 (so that /12 ends), and every intermediate a safe integer. Returns
 * false, adding nothing, otherwise: the caller adds exactCost in decimal.
 */
export function addExactCost(sum: RunningSum, c: MeritCase, pctUnits: number, pctPlaces: number, policy: MeritPolicy): boolean {
  const cost = exactCostUnits(c, pctUnits, pctPlaces, policy);
  if (Number.isNaN(cost)) return false;
  if (cost !== 0) sum.addUnits(cost, costPlaces);
  return true;
}

let costPlaces = 0;

/** The decimal places of exactCostUnits' last answer. */
export const lastCostPlaces = (): number => costPlaces;

/**
 * exactCost(c, pct) as a safe integer of units of 10^-costPlaces (see addExactCost), or NaN when the
 * integers cannot do it exactly.
 */
export function exactCostUnits(c: MeritCase, pctUnits: number, pctPlaces: number, policy: MeritPolicy): number {
  costPlaces = 0;
  if (c.grade === undefined || c.maximum === undefined || c.minimum === undefined) return 0;
  const b = c.baseCents ?? decimalCents(c.base);
  const mx = c.maximumCents ?? decimalCents(c.maximum);
  const mn = c.minimumCents ?? decimalCents(c.minimum);
  const f = decimalUnits(c.fte);
  if (b === undefined || mx === undefined || mn === undefined || f === undefined) return NaN;
  // u = base × pct × months / 12, in units of 10^-p.
  const x = b * pctUnits * c.months;
  if (!Number.isSafeInteger(x)) return NaN;
  let u: number;
  let p: number;
  if (x % 12 === 0) {
    u = x / 12;
    p = 2 + pctPlaces;
  } else if (x % 3 === 0) {
    u = (x / 3) * 25;
    p = 4 + pctPlaces;
  } else return NaN;
  if (p + f.places > 22) return NaN;
  const scale = POW10[p - 2];
  const room = Math.max(0, mx - b) * scale;
  const floor = policy.catchUp && policy.catchUpInside ? Math.max(0, mn - b) * scale : 0;
  const held = Math.max(Math.min(u, room), floor);
  const lump = policy.cap ? 0 : Math.max(0, u - room);
  const cost = (held + lump) * f.units;
  if (!(Number.isSafeInteger(u) && Number.isSafeInteger(room) && Number.isSafeInteger(floor) && Number.isSafeInteger(held + lump) && Number.isSafeInteger(cost))) return NaN;
  costPlaces = p + f.places;
  return cost;
}

const Decimal_max = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);
const Decimal_min = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);

/** The exact merit % of a case at factor k: the override as given, else k × guideline; 0 when not eligible. */
export function exactPct(c: MeritCase, k: Decimal): Decimal {
  if (!c.eligible) return ZERO;
  if (c.override !== undefined) return decimalOf(c.override);
  return k.mul(decimalOf(c.guideline));
}
