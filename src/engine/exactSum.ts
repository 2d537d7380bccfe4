import type Decimal from 'decimal.js';
import { money, toDouble, ZERO } from './money';

/**
 * Exact sums of money without a Decimal per term. Most terms are whole cents times an FTE
 * (an increase × FTE, a salary × FTE): those are summed as integers in doubles, one integer per
 * distinct FTE, which is exact while the running total stays a safe integer; the FTE products
 * are taken in decimal once per distinct FTE at the end. Σ fte·cents = Σ_f f·(Σ cents with FTE f)
 * holds exactly in decimal, so the total equals the term-by-term decimal sum. Terms that are not
 * whole cents (or would leave the safe-integer range) go to a decimal remainder.
 */
export class ExactSum {
  /** FTE → Σ whole cents of the terms with that FTE. */
  private readonly byFte = new Map<number, number>();
  /** Σ whole cents of terms with FTE 1 (the common case, without a map lookup). */
  private whole = 0;
  private rest: Decimal = ZERO;

  /** Adds cents × fte; `cents` must be an integer. */
  addCents(cents: number, fte = 1): void {
    if (fte === 1) {
      const next = this.whole + cents;
      if (Number.isSafeInteger(next)) this.whole = next;
      else this.spill(cents, 1);
      return;
    }
    const next = (this.byFte.get(fte) ?? 0) + cents;
    if (Number.isSafeInteger(next)) this.byFte.set(fte, next);
    else this.spill(cents, fte);
  }

  /** Adds an amount in decimal (the terms that are not whole cents). */
  addDecimal(d: Decimal): void {
    this.rest = this.rest.plus(d);
  }

  /** Adds another sum's terms. */
  addSum(other: ExactSum): void {
    this.addCents(other.whole);
    for (const [fte, cents] of other.byFte) this.addCents(cents, fte);
    this.rest = this.rest.plus(other.rest);
  }

  total(): Decimal {
    let t = this.rest;
    if (this.whole !== 0) t = t.plus(money(this.whole).div(100));
    for (const [fte, cents] of this.byFte) if (cents !== 0) t = t.plus(money(cents).mul(money(fte.toPrecision(15))).div(100));
    return t;
  }

  private spill(cents: number, fte: number): void {
    this.rest = this.rest.plus(money(cents).mul(money(fte.toPrecision(15))).div(100));
  }
}

/**
 * Excel's ROUND(x, 2) as whole cents, computed in doubles where that is provably the same as rounding
 * x's 15-significant-digit form half away from zero (see roundExcel); undefined when it cannot be
 * decided so (a near-tie, or too large), and the caller falls back to decimal rounding.
 */
export function roundCents(x: number): number | undefined {
  const y = Math.abs(x) * 100;
  if (!(y < 1e13)) return x === 0 ? 0 : undefined;
  const floor = Math.floor(y);
  const f = y - floor;
  // x's 15-digit form differs from x by < 5e-15 relative, and the product by one more rounding:
  // outside this margin around .5 both round the same way.
  if (Math.abs(f - 0.5) <= 1e-12 * Math.max(1, y)) return undefined;
  const units = f < 0.5 ? floor : floor + 1;
  return x < 0 ? -units : units;
}

/** The largest whole-cents figure handled as a double (10^13 currency units): far above any pay. */
export const MAX_CENTS = 1e15;

/** d × 100 when the decimal d is a whole number of cents below MAX_CENTS, else undefined. */
export function decimalCents(d: Decimal): number | undefined {
  if (d.decimalPlaces() > 2) return undefined;
  const c = Math.round(toDouble(d) * 100);
  return Math.abs(c) < MAX_CENTS ? c : undefined;
}
