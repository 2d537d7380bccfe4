import type Decimal from 'decimal.js';
import { decimalCents, ExactSum, roundCents } from '../exactSum';
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
  fte: number;
  grade?: number;
  rating?: number;
  /** The merit plan's proration (months / 12). */
  proration: number;
}

export interface BonusRow {
  id: string;
  targetPct: number;
  multiplier: number;
  /** The target bonus before scaling, to the cent. */
  target: Decimal;
  /** target × pool / Σ targets, exact. */
  scaled: Decimal;
  /** scaled rounded to Bonus Rounding. */
  bonus: Decimal;
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
  const partial = cases.map((c) => {
    const targetPct = c.grade === undefined ? 0 : targets.get(c.grade) ?? 0;
    const multiplier = c.rating === undefined ? 0 : multipliers.get(c.rating) ?? 0;
    // ROUND(base*FTE*target*multiplier*proration, 2), multiplied left to right in double precision as the sheet does.
    const x = toDouble(c.base) * c.fte * targetPct * multiplier * c.proration;
    const cents = roundCents(x) ?? decimalCents(roundExcel(x, 2));
    const target = cents === undefined ? roundExcel(x, 2) : cents;
    if (typeof target === 'number') totalTarget.addCents(target);
    else totalTarget.addDecimal(target);
    return { id: c.id, targetPct, multiplier, target };
  });
  const missingGrades = [...new Set(cases.filter((c) => c.grade !== undefined && !targets.has(c.grade)).map((c) => c.grade!))];
  if (missingGrades.length > 0) {
    problems.push(problem('warning', 'bonus-target-missing', `no target bonus for grade ${missingGrades.sort((x, y) => x - y).join(', ')}: those employees get no bonus`, { sheet: 'Bonus Targets' }));
  }
  const total = totalTarget.total();
  const factor = total.isZero() ? ZERO : pool.div(total);
  const multiple = fromDouble(rounding);
  // Σ rounded bonuses: whole multiples counted as integers where the double quotient decides the rounding.
  let units = 0;
  let rest = ZERO;
  const poolD = toDouble(pool);
  const totalD = toDouble(total);
  const rows = partial.map((p) => {
    const row = new AllocatedBonus(p.id, p.targetPct, p.multiplier, p.target, pool, total);
    const n = total.isZero() ? 0 : roundedUnits(row.targetValue, poolD, totalD, rounding);
    if (n !== undefined && Number.isSafeInteger(units + n)) {
      units += n;
      row.bonus = n === 0 ? ZERO : money(n).mul(multiple);
    } else {
      row.bonus = roundToMultiple(row.scaled, multiple);
      rest = rest.plus(row.bonus);
    }
    return row;
  });
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

/** A bonus row whose target is kept in whole cents: the decimals derive from it when read. */
class AllocatedBonus implements BonusRow {
  bonus: Decimal = ZERO;
  constructor(
    readonly id: string,
    readonly targetPct: number,
    readonly multiplier: number,
    private readonly targetAmount: number | Decimal,
    private readonly pool: Decimal,
    private readonly totalTarget: Decimal,
  ) {}
  /** The target as a double. */
  get targetValue(): number {
    return typeof this.targetAmount === 'number' ? this.targetAmount / 100 : toDouble(this.targetAmount);
  }
  get target(): Decimal {
    return typeof this.targetAmount === 'number' ? (this.targetAmount === 0 ? ZERO : money(this.targetAmount).div(100)) : this.targetAmount;
  }
  get scaled(): Decimal {
    return this.totalTarget.isZero() ? ZERO : this.target.mul(this.pool).div(this.totalTarget);
  }
}
