import type Decimal from 'decimal.js';
import { decimalCents, decimalUnits, ExactSum, MAX_CENTS, roundCents, roundCentsOfText, type DecimalUnits } from '../exactSum';
import { fromDouble, money, roundExcel, roundToMultiple, sum, toDouble, ZERO } from '../money';
import { problem, type Problem } from '../problem';

/**
 * The bonus plan: each employee's target bonus = base × FTE × target % of the grade × the rating's
 * multiplier × proration, rounded to the cent; the targets are then scaled by one factor so they add up
 * to the Bonus Pool, and each amount is rounded to Bonus Rounding, the difference from the pool shown.
 */

export interface BonusCase {
  id: string;
  base: Decimal;
  /** base × 100 when a whole number of cents. */
  baseCents?: number;
  fte: number;
  grade?: number;
  rating?: number;
  /** The merit plan's proration (months / 12). */
  proration: number;
}

/**
 * One employee's bonus. The amounts are numbers as the sheet holds them, each the double nearest the exact
 * decimal amount; `exactBonus` gives the decimals.
 */
export interface BonusRow {
  id: string;
  targetPct: number;
  multiplier: number;
  /** The target bonus before scaling, to the cent. */
  readonly target: number;
  /** target × pool / Σ targets (exactly: exactBonus). */
  readonly scaled: number;
  /** scaled rounded to Bonus Rounding. */
  readonly bonus: number;
  /** The target in whole cents, when it fits a double (always, below 10^13 currency units). */
  readonly targetCents?: number;
  /** The bonus in whole cents, when it is a whole number of cents that fits a double. */
  readonly bonusCents?: number;
}

export interface BonusPlan {
  rows: BonusRow[];
  pool: Decimal;
  totalTarget: Decimal;
  /** pool / Σ targets. */
  scaleFactor: Decimal;
  /** Σ scaled: the pool, exactly, when any target is above zero. */
  totalScaled: Decimal;
  totalBonus: Decimal;
  /** Σ rounded bonuses − pool. */
  roundingDifference: Decimal;
  problems: Problem[];
}

/** Amounts scaled by one factor so that they add up to the pool: a × pool / Σ a, exactly. */
export function scaleToPool(amounts: readonly Decimal[], pool: Decimal): { scaled: Decimal[]; factor: Decimal } {
  const total = sum(amounts);
  if (total.isZero()) return { scaled: amounts.map(() => ZERO), factor: ZERO };
  return { scaled: amounts.map((a) => a.mul(pool).div(total)), factor: pool.div(total) };
}

/** Default target bonus by grade: 5% at grade 1 rising evenly to 20% at the top grade, to the nearest 0.5%. */
export function defaultBonusTargets(grades: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let g = 1; g <= grades; g++) {
    const t = grades > 1 ? 0.05 + (0.15 * (g - 1)) / (grades - 1) : 0.1;
    out.set(g, Math.round(t * 200) / 200);
  }
  return out;
}

/**
 * Default rating multipliers: 0 at rating 1, 1 at the middle of the scale, 1.5 at the top, linear in
 * between (a five-point scale gives 0, 0.5, 1, 1.25, 1.5).
 */
export function defaultBonusMultipliers(ratingScale: number): Map<number, number> {
  const out = new Map<number, number>();
  const mid = (ratingScale + 1) / 2;
  for (let r = 1; r <= ratingScale; r++) {
    const m = r <= mid ? (r - 1) / (mid - 1) : 1 + (0.5 * (r - mid)) / (ratingScale - mid);
    out.set(r, Number(m.toFixed(6)));
  }
  return out;
}

/** The bonus plan for a pool; amounts as the Bonus Plan sheet's formulas compute them. */
export function allocateBonus(
  cases: readonly BonusCase[],
  targets: ReadonlyMap<number, number>,
  multipliers: ReadonlyMap<number, number>,
  pool: Decimal,
  rounding: number,
): BonusPlan {
  const problems: Problem[] = [];
  const totalTarget = new ExactSum();
  const rows: AllocatedBonus[] = new Array(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const targetPct = c.grade === undefined ? 0 : targets.get(c.grade) ?? 0;
    const multiplier = c.rating === undefined ? 0 : multipliers.get(c.rating) ?? 0;
    // ROUND(base*FTE*target*multiplier*proration, 2), multiplied left to right in double precision as the sheet does.
    const base = c.baseCents !== undefined ? c.baseCents / 100 : toDouble(c.base);
    const x = base * c.fte * targetPct * multiplier * c.proration;
    const cents = roundCents(x) ?? roundCentsOfText(x) ?? decimalCents(roundExcel(x, 2));
    if (cents !== undefined) totalTarget.addCents(cents);
    const exact = cents === undefined ? roundExcel(x, 2) : undefined;
    if (exact) totalTarget.addDecimal(exact);
    rows[i] = new AllocatedBonus(c.id, targetPct, multiplier, cents, exact);
  }
  const missing = new Set<number>();
  for (let i = 0; i < cases.length; i++) {
    const g = cases[i].grade;
    if (g !== undefined && !targets.has(g)) missing.add(g);
  }
  const missingGrades = [...missing];
  if (missingGrades.length > 0) {
    problems.push(problem('warning', 'bonus-target-missing', `no target bonus for grade ${missingGrades.sort((x, y) => x - y).join(', ')}: those employees get no bonus`, { sheet: 'Bonus Targets' }));
  }
  const total = totalTarget.total();
  const factor = total.isZero() ? ZERO : pool.div(total);
  const multiple = fromDouble(rounding);
  const m = decimalUnits(rounding);
  const ratio = new PoolRatio(pool, total);
  // Σ rounded bonuses: whole multiples counted as integers where the double quotient decides the rounding.
  let units = 0;
  let rest = ZERO;
  const poolD = toDouble(pool);
  const totalD = toDouble(total);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    row.scaled = ratio.scaled(row);
    const n = total.isZero() ? 0 : roundedUnits(row.targetValue, poolD, totalD, rounding);
    if (n !== undefined && Number.isSafeInteger(units + n)) {
      units += n;
      row.setUnits(n === 0 ? 0 : n, m, multiple);
    } else {
      const bonus = roundToMultiple(ratio.exact(row), multiple);
      row.setDecimal(bonus);
      rest = rest.plus(bonus);
    }
  }
  if (total.isZero() && pool.gt(0)) {
    problems.push(problem('warning', 'bonus-no-targets', 'no employee has a target bonus above zero; the bonus pool cannot be allocated', { sheet: 'Assumptions' }));
  }
  const totalBonus = rest.plus(money(units).mul(multiple));
  return {
    rows,
    pool,
    totalTarget: total,
    scaleFactor: factor,
    // Σ target × pool / Σ targets is the pool itself.
    totalScaled: total.isZero() ? ZERO : pool,
    totalBonus,
    roundingDifference: totalBonus.minus(pool),
    problems,
  };
}

/** A row's amounts as exact decimals: the target, target × pool / Σ targets, and the rounded bonus. */
export function exactBonus(plan: Pick<BonusPlan, 'pool' | 'totalTarget'>, row: BonusRow): { target: Decimal; scaled: Decimal; bonus: Decimal } {
  const r = row as AllocatedBonus;
  const target = r.targetDecimal;
  return { target, scaled: plan.totalTarget.isZero() ? ZERO : target.mul(plan.pool).div(plan.totalTarget), bonus: r.bonusDecimal };
}

/**
 * ROUND(target × pool / Σ targets / m, 0) as an integer, decided in doubles: their quotient is within a few
 * units in the last place of the exact one, so outside a wide margin around the half the rounding is the
 * exact quotient's. Undefined at a near-half, with no rounding multiple, or beyond the safe range.
 */
function roundedUnits(target: number, pool: number, total: number, m: number): number | undefined {
  if (!(m > 0) || target === 0) return target === 0 ? 0 : undefined;
  const q = (target * pool) / total / m;
  const a = Math.abs(q);
  if (!(a < 1e15)) return undefined;
  const floor = Math.floor(a);
  const f = a - floor;
  if (Math.abs(f - 0.5) <= 1e-9 * Math.max(1, a)) return undefined;
  const n = f < 0.5 ? floor : floor + 1;
  return q < 0 ? -n : n;
}

/**
 * target × pool / Σ targets as a row's sheet value: the double of the 40-digit decimal quotient. With the
 * target, pool and total in whole cents (T, P, S > 0) that is the correctly rounded double of T·P / (100·S),
 * computed exactly in integers: the 40-digit rounding cannot carry the quotient across a rounding midpoint
 * of the doubles (a midpoint other than the quotient itself is at least 1/(100·S·2^54) of it away, far more
 * than 10^-40; the quotient can only be a midpoint needing more than 40 digits if 2^29 divides S, which is
 * left to decimal).
 */
class PoolRatio {
  private readonly fast: boolean;
  /** The pool and total are whole cents that make 100 × total a safe integer: doubles decide (roundedQuotient). */
  private readonly doubles: boolean = false;
  private readonly zero: boolean;
  private readonly p: bigint = 0n;
  private readonly den: bigint = 1n;
  private readonly approx: number = 0;
  /** The pool in cents and 100 × Σ targets in cents, as doubles (exact integers). */
  private readonly pd: number = 0;
  private readonly dd: number = 0;

  constructor(
    private readonly pool: Decimal,
    private readonly total: Decimal,
  ) {
    const p = decimalCents(pool);
    const s = decimalCents(total);
    this.fast = p !== undefined && s !== undefined && p > 0 && s > 0 && s % 2 ** 29 !== 0;
    if (this.fast) {
      this.p = BigInt(p!);
      this.den = BigInt(s!) * 100n;
      this.approx = p! / (100 * s!);
      this.pd = p!;
      this.dd = 100 * s!;
      this.doubles = Number.isSafeInteger(this.dd);
    }
    this.zero = total.isZero();
  }

  /** The exact quotient (40 digits), as the decimal arithmetic gives it. */
  exact(row: AllocatedBonus): Decimal {
    return this.zero ? ZERO : row.targetDecimal.mul(this.pool).div(this.total);
  }

  /** Its double. */
  scaled(row: AllocatedBonus): number {
    const t = row.targetCents;
    if (this.zero) return 0;
    if (!this.fast || t === undefined || t < 0) return toDouble(this.exact(row));
    if (t === 0) return 0;
    if (this.doubles) {
      const q = roundedQuotient(t, this.pd, this.dd);
      if (q !== undefined) return q;
    }
    // Scale so that the integer quotient has about 62 bits, then round it once with a sticky bit.
    const shift = 62 - Math.floor(Math.log2(t * this.approx));
    if (!(shift >= 0 && shift < 1000)) return toDouble(this.exact(row));
    const num = (BigInt(t) * this.p) << BigInt(shift);
    const q = num / this.den;
    const sticky = num % this.den === 0n ? 0n : 1n;
    return Number((q << 1n) | sticky) * 2 ** -(shift + 1);
  }
}

/**
 * The correctly rounded double of t·p / d (positive safe integers) without big integers: a candidate q, then
 * the exact residual t·p − q·d from two exact products (Dekker's, as double pairs), and q moved to a
 * neighbour while the residual is beyond half a unit in the last place (× d). The residual is computed to
 * about 2^-103 of t·p, far inside the 10^-12 margin kept around the half-way points; undefined within that
 * margin (a near tie), for the caller to decide exactly.
 */
export function roundedQuotient(t: number, p: number, d: number): number | undefined {
  let q = (t * p) / d;
  for (let step = 0; step < 4; step++) {
    if (!(q > 0) || !Number.isFinite(q)) return undefined;
    twoProduct(t, p);
    const p1 = productHigh;
    const p2 = productLow;
    twoProduct(q, d);
    const r = p1 - productHigh + (p2 - productLow);
    const e = exponentOf(q);
    const up = 2 ** (e - 52);
    // Below a power of two the doubles are twice as close.
    const down = q === 2 ** e ? up / 2 : up;
    const high = (d * up) / 2;
    const low = (d * down) / 2;
    const margin = 1e-12 * high;
    if (r > high + margin) q += up;
    else if (r < -low - margin) q -= down;
    else if (Math.abs(r - high) <= margin || Math.abs(r + low) <= margin) return undefined;
    else return q;
  }
  return undefined;
}

let productHigh = 0;
let productLow = 0;
const SPLITTER = 134217729; // 2^27 + 1

/** a × b = productHigh + productLow exactly (Veltkamp's split, Dekker's product; no overflow). */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  productHigh = p;
  // Shewchuk's Two_Product_Tail: every step exact.
  const err1 = p - ah * bh;
  const err2 = err1 - al * bh;
  const err3 = err2 - ah * bl;
  productLow = al * bl - err3;
}

/** The binary exponent of a positive normal double: 2^e ≤ q < 2^(e+1). */
function exponentOf(q: number): number {
  let e = Math.floor(Math.log2(q));
  // log2 may round across a power of two: settle the exponent exactly.
  if (2 ** e > q) e--;
  else if (2 ** (e + 1) <= q) e++;
  return e;
}

/** A bonus row: the target in whole cents (or in decimal beyond them), the scaled amount and the bonus as doubles. */
class AllocatedBonus implements BonusRow {
  scaled = 0;
  bonus = 0;
  bonusCents?: number;
  private bonusUnits = 0;
  private multiple: Decimal = ZERO;
  private bonusExact?: Decimal;
  constructor(
    readonly id: string,
    readonly targetPct: number,
    readonly multiplier: number,
    readonly targetCents: number | undefined,
    private readonly targetExact: Decimal | undefined,
  ) {}
  /** The target as a double. */
  get targetValue(): number {
    return this.targetCents !== undefined ? this.targetCents / 100 : toDouble(this.targetExact!);
  }
  get target(): number {
    return this.targetValue;
  }
  get targetDecimal(): Decimal {
    return this.targetCents !== undefined ? (this.targetCents === 0 ? ZERO : money(this.targetCents).div(100)) : this.targetExact!;
  }
  get bonusDecimal(): Decimal {
    return this.bonusExact ?? (this.bonusUnits === 0 ? ZERO : money(this.bonusUnits).mul(this.multiple));
  }
  /** The bonus as n multiples of Bonus Rounding: its double and cents from integers where exact. */
  setUnits(n: number, m: DecimalUnits | undefined, multiple: Decimal): void {
    this.bonusUnits = n;
    this.multiple = multiple;
    if (n === 0) {
      this.bonus = 0;
      this.bonusCents = 0;
      return;
    }
    const v = m ? n * m.units : NaN;
    if (m && Number.isSafeInteger(v)) {
      this.bonus = v / POW10[m.places];
      if (m.places <= 2 && Number.isSafeInteger(v * POW10[2 - m.places]) && Math.abs(v * POW10[2 - m.places]) < MAX_CENTS) this.bonusCents = v * POW10[2 - m.places];
    } else {
      const d = this.bonusDecimal;
      this.bonus = toDouble(d);
      this.bonusCents = decimalCents(d);
    }
  }
  /** The bonus in decimal (rounded from the exact quotient). */
  setDecimal(d: Decimal): void {
    this.bonusExact = d;
    this.bonus = toDouble(d);
    this.bonusCents = decimalCents(d);
  }
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
