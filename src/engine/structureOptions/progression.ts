import type Decimal from 'decimal.js';
import { roundFormulaToMultiple } from '../money';
import { designSpread } from '../structure';

/**
 * Midpoints from a target progression: grade 1's midpoint, then each next midpoint the one below
 * × (1 + the step's progression), rounded to the rounding multiple (as the chained sheet formula
 * ROUND(E2*(1+M2)/RoundingMultiple,0)*RoundingMultiple does, so rounding carries up the grades as
 * it does in the sheet). The progression is constant, or rises linearly from `low` on the first
 * step (grade 1 → 2) to `high` on the last (grade N−1 → N), e.g. 8% → 14%.
 */
export function targetProgression(step: number, steps: number, progression: { low: number; high: number }): number {
  return designSpread(step, steps, progression);
}

export interface ProgressionMidpoints {
  midpoints: Decimal[];
  /** The value each midpoint was rounded from (grade 1: the first midpoint as passed). */
  unrounded: number[];
  /** The target progression of each step, on the lower grade's index; undefined on the top grade. */
  progression: (number | undefined)[];
}

/**
 * N midpoints from grade 1's. `overrides[g − 1]`, when set, replaces grade g's midpoint (a given midpoint
 * is used as is) and the chain continues from it.
 */
export function progressionMidpoints(
  first: Decimal,
  grades: number,
  progression: { low: number; high: number },
  rounding: number,
  overrides: (Decimal | undefined)[] = [],
): ProgressionMidpoints {
  if (!Number.isInteger(grades) || grades < 1) throw new RangeError(`grades must be a whole number ≥ 1, got ${grades}`);
  const midpoints: Decimal[] = [overrides[0] ?? first];
  const unrounded: number[] = [midpoints[0].toNumber()];
  const steps: (number | undefined)[] = [];
  for (let g = 2; g <= grades; g++) {
    const p = targetProgression(g - 1, grades - 1, progression);
    steps.push(p);
    const raw = midpoints[g - 2].toNumber() * (1 + p);
    const given = overrides[g - 1];
    unrounded.push(given ? given.toNumber() : raw);
    midpoints.push(given ?? roundFormulaToMultiple(raw, rounding));
  }
  steps.push(undefined);
  return { midpoints, unrounded, progression: steps };
}
