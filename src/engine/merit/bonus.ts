import type Decimal from 'decimal.js';
import { fromDouble, roundExcel, roundToMultiple, sum, toDouble, ZERO } from '../money';
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
  const partial = cases.map((c) => {
    const targetPct = c.grade === undefined ? 0 : targets.get(c.grade) ?? 0;
    const multiplier = c.rating === undefined ? 0 : multipliers.get(c.rating) ?? 0;
    // ROUND(base*FTE*target*multiplier*proration, 2), multiplied left to right in double precision as the sheet does.
    const target = roundExcel(toDouble(c.base) * c.fte * targetPct * multiplier * c.proration, 2);
    return { id: c.id, targetPct, multiplier, target };
  });
  const missingGrades = [...new Set(cases.filter((c) => c.grade !== undefined && !targets.has(c.grade)).map((c) => c.grade!))];
  if (missingGrades.length > 0) {
    problems.push(problem('warning', 'bonus-target-missing', `no target bonus for grade ${missingGrades.sort((x, y) => x - y).join(', ')}: those employees get no bonus`, { sheet: 'Bonus Targets' }));
  }
  const { scaled, factor } = scaleToPool(partial.map((p) => p.target), pool);
  const multiple = fromDouble(rounding);
  const rows = partial.map((p, i) => ({ ...p, scaled: scaled[i], bonus: roundToMultiple(scaled[i], multiple) }));
  const totalTarget = sum(partial.map((p) => p.target));
  if (totalTarget.isZero() && pool.gt(0)) {
    problems.push(problem('warning', 'bonus-no-targets', 'no employee has a target bonus above zero; the bonus pool cannot be allocated', { sheet: 'Assumptions' }));
  }
  const totalBonus = sum(rows.map((r) => r.bonus));
  return {
    rows,
    pool,
    totalTarget,
    scaleFactor: factor,
    totalScaled: sum(scaled),
    totalBonus,
    roundingDifference: totalBonus.minus(pool),
    problems,
  };
}
