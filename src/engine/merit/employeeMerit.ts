import type Decimal from 'decimal.js';
import { roundExcel, toDouble, ZERO } from '../money';
import { decimalOf } from './decimals';

/** One employee as the merit plan sees them: pay, range, rating, zone, proration and eligibility. */
export interface MeritCase {
  id: string;
  /** Annual full-time base salary. */
  base: Decimal;
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
}

/**
 * The Merit Plan row for a merit %, computed as the sheet does: products in double precision, each
 * amount rounded to the cent by Excel's ROUND (half away from zero on the 15-digit value):
 *   increase = ROUND(MIN(base × merit% × proration, MAX(0, max − base)), 2)
 *   catch-up = MAX(0, ROUND(min − base − increase, 2)) when on
 *   lump sum = ROUND(MAX(0, base × merit% × proration − MAX(0, max − base)) × FTE, 2) under Lump Sum.
 * `withFlag = false` leaves the Flag blank, for plans only totalled (the budget scenarios).
 */
export function sheetOutcome(c: MeritCase, meritPct: number, policy: MeritPolicy, withFlag = true): MeritOutcome {
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
  if (withFlag) out.flag = flagOf(c, out, graded ? roundExcel(uncapped, 2) : ZERO);
  return out;
}

/** The Flag column, in the order the sheet's nested IF tests it. */
function flagOf(c: MeritCase, o: MeritOutcome, uncappedCents: Decimal): string {
  if (!c.eligible) return c.ineligibility ?? 'Not eligible';
  if (c.override !== undefined) return 'Override';
  if (o.lumpSum.gt(0)) return 'Lump sum';
  if (uncappedCents.gt(o.increase)) return 'Capped at maximum';
  if (o.catchUp.gt(0)) return 'Catch-up to minimum';
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
