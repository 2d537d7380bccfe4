import type Decimal from 'decimal.js';
import { decimalCents, roundCents } from '../exactSum';
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

/** One employee's plan, as the Merit Plan sheet's formulas compute it. */
export interface MeritOutcome {
  /** The Merit % column: the override or the rounded matrix cell; 0 when not eligible. */
  meritPct: number;
  /** Increase to the full-time base, rounded to the cent and stopped at the range maximum. */
  increase: Decimal;
  catchUp: Decimal;
  newSalary: Decimal;
  /** The part of the increase above the maximum, paid once × FTE (Lump Sum policy). */
  lumpSum: Decimal;
  payroll: Decimal;
  meritCost: Decimal;
  catchUpCost: Decimal;
  newPayroll: Decimal;
  /** What counts against the merit budget: merit cost + lump sum (+ catch-up cost when inside the budget). */
  totalCost: Decimal;
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

/**
 * The Merit Plan row for a merit %, computed as the sheet does: products in double precision, each
 * amount rounded to the cent by Excel's ROUND (half away from zero on the 15-digit value):
 *   increase = ROUND(MIN(base × merit% × proration, MAX(0, max − base)), 2)
 *   catch-up = MAX(0, ROUND(min − base − increase, 2)) when on
 *   lump sum = ROUND(MAX(0, base × merit% × proration − MAX(0, max − base)) × FTE, 2) under Lump Sum.
 * The three amounts are whole cents, kept as integers (`cents`); the decimals derive from them on demand.
 * `withFlag = false` leaves the Flag blank, for plans only totalled (the budget scenarios).
 */
export function sheetOutcome(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag = true): MeritOutcome {
  const amounts = sheetCents(c, meritPct, policy);
  if (!amounts) return decimalOutcome(c, meritPct, policy, withFlag);
  const out = new CentsOutcome(meritPct, c.base, c.fte, amounts.increase, amounts.catchUp, amounts.lumpSum, policy.catchUpInside);
  if (withFlag) out.flag = flagOf(c, out, amounts.uncapped);
  return out;
}

/** ROUND(x, 2) in whole cents; undefined beyond MAX_CENTS. */
const roundToCents = (x: number): number | undefined => roundCents(x) ?? decimalCents(roundExcel(x, 2));

/**
 * The sheet's three amounts for a merit %, in whole cents (and the uncapped increase, rounded, for the
 * Flag): the arithmetic of sheetOutcome in doubles. Undefined when an amount is beyond MAX_CENTS.
 */
export function sheetCents(c: MeritCase, meritPct: number, policy: MeritPolicy): { increase: number; catchUp: number; lumpSum: number; uncapped: number } | undefined {
  if (c.grade === undefined || c.maximum === undefined || c.minimum === undefined) return { increase: 0, catchUp: 0, lumpSum: 0, uncapped: 0 };
  const base = toDouble(c.base);
  const uncapped = base * meritPct * c.proration;
  const room = Math.max(0, toDouble(c.maximum) - base);
  const increase = roundToCents(Math.min(uncapped, room));
  if (increase === undefined) return undefined;
  let catchUp = 0;
  if (policy.catchUp) {
    const gap = roundToCents(toDouble(c.minimum) - base - increase / 100);
    if (gap === undefined) return undefined;
    catchUp = gap > 0 ? gap : 0;
  }
  let lumpSum = 0;
  if (!policy.cap) {
    const lump = roundToCents(Math.max(0, uncapped - room) * c.fte);
    if (lump === undefined) return undefined;
    lumpSum = lump;
  }
  const uncappedCents = roundToCents(uncapped);
  if (uncappedCents === undefined) return undefined;
  return { increase, catchUp, lumpSum, uncapped: uncappedCents };
}

const centsDecimal = (cents: number): Decimal => (cents === 0 ? ZERO : money(cents).div(100));

/** A plan row whose amounts are whole cents: the decimals are derived when read. */
class CentsOutcome implements MeritOutcome {
  flag = '';
  readonly cents: OutcomeCents;
  constructor(
    readonly meritPct: number,
    private readonly base: Decimal,
    private readonly fte: number,
    private readonly increaseCents: number,
    private readonly catchUpCents: number,
    private readonly lumpSumCents: number,
    private readonly catchUpInside: boolean,
  ) {
    this.cents = { increase: increaseCents, catchUp: catchUpCents, lumpSum: lumpSumCents };
  }
  get increase(): Decimal {
    return centsDecimal(this.increaseCents);
  }
  get catchUp(): Decimal {
    return centsDecimal(this.catchUpCents);
  }
  get lumpSum(): Decimal {
    return centsDecimal(this.lumpSumCents);
  }
  get newSalary(): Decimal {
    return this.base.plus(centsDecimal(this.increaseCents + this.catchUpCents));
  }
  get payroll(): Decimal {
    return this.base.mul(decimalOf(this.fte));
  }
  get meritCost(): Decimal {
    return centsDecimal(this.increaseCents).mul(decimalOf(this.fte));
  }
  get catchUpCost(): Decimal {
    return centsDecimal(this.catchUpCents).mul(decimalOf(this.fte));
  }
  get newPayroll(): Decimal {
    return this.newSalary.mul(decimalOf(this.fte));
  }
  get totalCost(): Decimal {
    const cost = this.meritCost.plus(this.lumpSum);
    return this.catchUpInside ? cost.plus(this.catchUpCost) : cost;
  }
}

/** sheetOutcome in decimal throughout: amounts too large for whole cents in a double. */
function decimalOutcome(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag: boolean): MeritOutcome {
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
  const out: MeritOutcome = {
    meritPct,
    increase,
    catchUp,
    newSalary,
    lumpSum,
    payroll: c.base.mul(fte),
    meritCost,
    catchUpCost,
    newPayroll: newSalary.mul(fte),
    totalCost: meritCost.plus(lumpSum).plus(policy.catchUpInside ? catchUpCost : ZERO),
    flag: '',
  };
  if (withFlag) {
    const uncappedAmount = graded ? roundExcel(uncapped, 2) : ZERO;
    out.flag = flagOf(c, out, uncappedAmount.gt(out.increase) ? 1 : 0, 0);
  }
  return out;
}

/** The Flag column, in the order the sheet's nested IF tests it. */
function flagOf(c: MeritCase, o: MeritOutcome, uncappedCents: number, increaseCents = o.cents!.increase): string {
  if (!c.eligible) return c.ineligibility ?? 'Not eligible';
  if (c.override !== undefined) return 'Override';
  if (o.cents ? o.cents.lumpSum > 0 : o.lumpSum.gt(0)) return 'Lump sum';
  if (uncappedCents > increaseCents) return 'Capped at maximum';
  if (o.cents ? o.cents.catchUp > 0 : o.catchUp.gt(0)) return 'Catch-up to minimum';
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

const Decimal_max = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);
const Decimal_min = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);

/** The exact merit % of a case at factor k: the override as given, else k × guideline; 0 when not eligible. */
export function exactPct(c: MeritCase, k: Decimal): Decimal {
  if (!c.eligible) return ZERO;
  if (c.override !== undefined) return decimalOf(c.override);
  return k.mul(decimalOf(c.guideline));
}
