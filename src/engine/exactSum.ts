import type Decimal from 'decimal.js';
import { fifteenDigitUnits, fromDouble, money, toDouble, ZERO } from './money';

/**
 * Exact sums of money without a Decimal per term. Most terms are whole cents times an FTE
 * (an increase × FTE, a salary × FTE): those are summed as integers in doubles, one integer per
 * distinct FTE, which is exact while the running total stays a safe integer; the FTE products
 * are taken in decimal once per distinct FTE at the end. Σ fte·cents = Σ_f f·(Σ cents with FTE f)
 * holds exactly in decimal, so the total equals the term-by-term decimal sum. Terms that are not
 * whole cents (or would leave the safe-integer range) go to a decimal remainder.
 */
export class ExactSum {
  /** The distinct FTEs met (other than 1), and Σ whole cents of the terms with each (unboxed, in step). */
  private ftes = new Float64Array(4);
  private sums = new Float64Array(4);
  private count = 0;
  /** Σ whole cents of terms with FTE 1 (the common case). */
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
    const i = this.slot(fte);
    const next = this.sums[i] + cents;
    if (Number.isSafeInteger(next)) this.sums[i] = next;
    else this.spill(cents, fte);
  }

  /** The index of fte's sum, added when new (FTEs are few: a linear search). */
  private slot(fte: number): number {
    for (let i = 0; i < this.count; i++) if (this.ftes[i] === fte) return i;
    if (this.count === this.ftes.length) {
      const ftes = new Float64Array(this.count * 2);
      const sums = new Float64Array(this.count * 2);
      ftes.set(this.ftes);
      sums.set(this.sums);
      this.ftes = ftes;
      this.sums = sums;
    }
    this.ftes[this.count] = fte;
    this.sums[this.count] = 0;
    return this.count++;
  }

  /** The FTEs met and their sums, in the order met (as the map was iterated). */
  private *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.count; i++) yield [this.ftes[i], this.sums[i]];
  }

  /** Adds an amount in decimal (the terms that are not whole cents). */
  addDecimal(d: Decimal): void {
    this.rest = this.rest.plus(d);
  }

  /** Adds another sum's terms. */
  addSum(other: ExactSum): void {
    this.addCents(other.whole);
    for (const [fte, cents] of other.entries()) this.addCents(cents, fte);
    this.rest = this.rest.plus(other.rest);
  }

  total(): Decimal {
    let t = this.rest;
    if (this.whole !== 0) t = t.plus(money(this.whole).div(100));
    for (const [fte, cents] of this.entries()) if (cents !== 0) t = t.plus(money(cents).mul(money(fte.toPrecision(15))).div(100));
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

/**
 * decimalCents(roundExcel(x, 2)) where roundExcel rounds x's 15-significant-digit text (the near-ties
 * roundCents leaves): the same digits, rounded half away from zero, counted as whole cents without making
 * a decimal. Undefined where roundExcel would not round the text (an exponent, too many digits) or the
 * cents reach MAX_CENTS.
 */
export function roundCentsOfText(x: number): number | undefined {
  const rounded = fifteenDigitUnits(x, 2);
  if (rounded === undefined || !(rounded.units < MAX_CENTS)) return undefined;
  return rounded.negative ? -rounded.units : rounded.units;
}

/** The largest whole-cents figure handled as a double (10^13 currency units): far above any pay. */
export const MAX_CENTS = 1e15;

/** d × 100 when the decimal d is a whole number of cents below MAX_CENTS, else undefined. */
export function decimalCents(d: Decimal): number | undefined {
  if (d.decimalPlaces() > 2) return undefined;
  const c = Math.round(toDouble(d) * 100);
  return Math.abs(c) < MAX_CENTS ? c : undefined;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const TENTHS = Array.from({ length: 23 }, (_, i) => money(`1e-${i}`));

/** u × 10^-places as a Decimal, exactly (u a safe integer, places 0…22). */
export const unitsDecimal = (u: number, places: number): Decimal => (u === 0 ? ZERO : places === 0 ? money(u) : money(u).mul(TENTHS[places]));

/** A double's decimal form as `decimalOf` gives it (15 significant digits), as units × 10^-places; memoized. */
export interface DecimalUnits {
  units: number;
  places: number;
}
const unitsMemo = new Map<number, DecimalUnits | null>();
/** A small direct-mapped cache in front of the memo: FTEs and merit percentages repeat, a map lookup of a double costs. */
const CACHE_SIZE = 64;
const cachedKeys = new Float64Array(CACHE_SIZE).fill(Number.NaN);
const cachedUnits: (DecimalUnits | undefined)[] = new Array(CACHE_SIZE).fill(undefined);

/**
 * fromDouble(x) as a safe integer of units of 10^-places (places 0…22): 0.8 is 8 tenths, 0.045 is 45
 * thousandths, 1/3 is 333333333333333 × 10^-15. Undefined when that form has more places or is too large.
 */
export function decimalUnits(x: number): DecimalUnits | undefined {
  // NaN never matches a key (nor an empty slot); 0 and −0 read the same form.
  const slot = (x * 1031.37) & (CACHE_SIZE - 1);
  if (cachedKeys[slot] === x) return cachedUnits[slot];
  const found = memoUnits(x);
  cachedKeys[slot] = x;
  cachedUnits[slot] = found;
  return found;
}

function memoUnits(x: number): DecimalUnits | undefined {
  let u = unitsMemo.get(x);
  if (u === undefined) {
    u = null;
    if (Number.isFinite(x)) {
      const d = fromDouble(x);
      const places = d.decimalPlaces();
      if (places <= 22) {
        const scaled = d.mul(money(10).pow(places));
        if (scaled.abs().lt(2 ** 53)) u = { units: scaled.toNumber(), places };
      }
    }
    if (unitsMemo.size >= 10000) unitsMemo.clear();
    unitsMemo.set(x, u);
  }
  return u ?? undefined;
}

const MAX_WAITING = 1_000_000;

/**
 * An upper bound of |d| from its leading digits, without converting it: (first word + 1) × 10^(exponent of
 * that word's last digit), within a relative 10^-6 of |d| when the first word has 7 digits (Decimal keeps
 * digits in words of 7, the first word holding the leading 1 to 7 of them).
 */
function magnitudeBound(d: Decimal): number {
  const words = d.d;
  if (!words || words[0] === 0) return 0;
  let lead = words[0];
  let digits = lead < 1e3 ? (lead < 10 ? 1 : lead < 100 ? 2 : 3) : lead < 1e5 ? (lead < 1e4 ? 4 : 5) : lead < 1e6 ? 6 : 7;
  // Take up to 13 leading digits, for a tight bound.
  for (let i = 1; i < words.length && digits < 13; i++) {
    lead = lead * 1e7 + words[i];
    digits += 7;
  }
  return (lead + 1) * 10 ** (d.e - digits + 1) * (1 + 1e-12);
}

/**
 * A sum computed as `let s = ZERO; for (const t of terms) s = s.plus(t)` computes it at the engine's 40
 * significant digits, to the last digit, without a Decimal per term. Terms given as integers of units
 * (addUnits) wait in integer buckets, one per number of decimal places, as long as every partial sum is
 * provably exact at 40 digits: a multiple of 10^-p (p the most decimal places of the sum so far and of
 * the waiting terms) below 10^(40-p) in magnitude has at most 40 significant digits, so decimal addition
 * would not have rounded it, and adding the buckets later gives the same value. A term that might make
 * the decimal sum round is added in decimal, after the waiting ones, exactly as the loop would.
 */
export class RunningSum {
  private s: Decimal = ZERO;
  /** An upper bound of |s|. */
  private sAbs = 0;
  /** s's decimal places. */
  private sPlaces = 0;
  private readonly pending: number[] = new Array<number>(23).fill(0);
  /** Bit p set when pending[p] may be non-zero. */
  private mask = 0;
  /** The most decimal places of a waiting term. */
  private places = 0;
  /** An upper bound of Σ |waiting terms| (a double sum: its rounding stays far inside fits' margin below MAX_WAITING terms). */
  private pendingAbs = 0;
  private waiting = 0;

  /** Adds u × 10^-places; u a safe integer, places 0…22. */
  addUnits(u: number, places: number): void {
    if (u === 0) return;
    const magnitude = (Math.abs(u) / POW10[places]) * (1 + 1e-12);
    if (this.waiting < MAX_WAITING && this.fits(magnitude, places)) {
      const next = this.pending[places] + u;
      if (Number.isSafeInteger(next)) {
        this.pending[places] = next;
        this.mask |= 1 << places;
        this.pendingAbs += magnitude;
        this.waiting++;
        if (places > this.places) this.places = places;
        return;
      }
    }
    this.flush();
    if (this.fits(magnitude, places)) {
      this.pending[places] = u;
      this.mask = 1 << places;
      this.pendingAbs = magnitude;
      this.places = places;
      this.waiting = 1;
    } else {
      this.plus(unitsDecimal(u, places));
    }
  }

  /** Adds a decimal term. */
  addDecimal(d: Decimal): void {
    this.flush();
    this.plus(d);
  }

  /** The sum so far (the waiting terms added). */
  total(): Decimal {
    this.flush();
    return this.s;
  }

  /** Back to zero. */
  reset(): void {
    this.flush();
    this.s = ZERO;
    this.sAbs = 0;
    this.sPlaces = 0;
  }

  /** True when s plus every partial sum of the waiting terms and this one stays exact at 40 digits. */
  private fits(magnitude: number, places: number): boolean {
    const p = Math.max(this.sPlaces, this.places, places);
    return this.sAbs + this.pendingAbs + magnitude < 10 ** (40 - p) * (1 - 1e-9);
  }

  private flush(): void {
    if (this.mask === 0) return;
    for (let p = 0; p < 23; p++) {
      if (this.pending[p] !== 0) {
        this.s = this.s.plus(unitsDecimal(this.pending[p], p));
        this.pending[p] = 0;
      }
    }
    this.mask = 0;
    this.places = 0;
    this.pendingAbs = 0;
    this.waiting = 0;
    this.refresh();
  }

  private plus(d: Decimal): void {
    this.s = this.s.plus(d);
    this.refresh();
  }

  private refresh(): void {
    this.sAbs = magnitudeBound(this.s);
    this.sPlaces = this.s.decimalPlaces();
  }
}
