import { problem, type Problem, type SourceRef, type Where } from '../problem';

/**
 * Point-factor plans: each factor carries a share (weight) of the plan's total points, spread over
 * its levels (degrees). The factor's top level is worth weight × Total Points.
 *
 * Arithmetic progression (PRODUCT.md): level ℓ of L is worth top × ℓ / L, so a 100-point factor
 * with 4 levels scores 25 / 50 / 75 / 100.
 *
 * Geometric progression: each level a constant percentage above the one below, the top level
 * still worth weight × Total Points (Armstrong, Job Evaluation Handbook, ch. 7: "progression may
 * be arithmetic … or geometric … more scope is given to recognize the more senior jobs"). The
 * ratio r is fixed by one documented rule:
 *   - by default the geometric scale keeps the arithmetic scale's end points, top / L and top,
 *     so r = L^(1/(L−1)) and level ℓ = top / r^(L−ℓ) (4 levels of 100: 25, 39.7, 63.0, 100);
 *   - with `Level Step` set, r = 1 + step (the Hay Guide Charts step their point series by about
 *     15%: 100, 115, 132, 152, 175, 200…), again anchored at the top level.
 */
export type LevelProgression = 'Arithmetic' | 'Geometric';

export interface Factor {
  name: string;
  /** Share of the plan's total points, as a fraction (0.35 = 35%). */
  weight: number;
  /** Number of levels (degrees): a job scores 1…levels on this factor. */
  levels: number;
  ref?: SourceRef;
  /** Absolute reference of the input cell holding the weight, when a formula may cite it as is. */
  weightCell?: string;
  /** Absolute reference of the input cell holding the level count, when a formula may cite it as is. */
  levelsCell?: string;
}

export interface FactorPlan {
  factors: Factor[];
  /** Points of a job at the top level of every factor (Assumptions `Total Points`). */
  totalPoints: number;
  progression: LevelProgression;
  /** Geometric only: each level is (1 + levelStep) × the one below. Undefined: r = L^(1/(L−1)). */
  levelStep?: number;
}

/** The top level's points: weight × Total Points (a 35% factor of a 1,000-point plan is worth 350). */
export const factorMaxPoints = (factor: Pick<Factor, 'weight'>, totalPoints: number): number => factor.weight * totalPoints;

/** The geometric ratio between adjacent levels: 1 + step when a step is given, else L^(1/(L−1)) (1 for one level). */
export function levelRatio(levels: number, levelStep?: number): number {
  if (levelStep !== undefined) return 1 + levelStep;
  return levels > 1 ? Math.pow(levels, 1 / (levels - 1)) : 1;
}

/**
 * Points for `level` (1…levels) of a factor, computed operation by operation as the sheet formula
 * IF(LevelProgression="Geometric", Max/Ratio^(Levels−level), Max*level/Levels) evaluates.
 */
export function levelPoints(factor: Pick<Factor, 'weight' | 'levels'>, level: number, plan: Pick<FactorPlan, 'totalPoints' | 'progression' | 'levelStep'>): number {
  const top = factorMaxPoints(factor, plan.totalPoints);
  if (plan.progression === 'Geometric') return top / Math.pow(levelRatio(factor.levels, plan.levelStep), factor.levels - level);
  return (top * level) / factor.levels;
}

/** Every level's points of one factor, level 1 first. */
export const levelScale = (factor: Pick<Factor, 'weight' | 'levels'>, plan: Pick<FactorPlan, 'totalPoints' | 'progression' | 'levelStep'>): number[] =>
  Array.from({ length: factor.levels }, (_, i) => levelPoints(factor, i + 1, plan));

const FACTOR_PLAN: Where = { sheet: 'Factor Plan' };
const ASSUMPTIONS: Where = { sheet: 'Assumptions' };
/** Weights are typed as percentages; a sum within this of 100% is 100%. */
const WEIGHT_TOLERANCE = 1e-9;

const at = (f: Factor): Where => (f.ref ? { sheet: f.ref.sheet, row: f.ref.row } : FACTOR_PLAN);

/** Problems with the plan itself: weights that do not sum to 100%, bad weights or level counts, repeated factors. */
export function validateFactorPlan(plan: FactorPlan): Problem[] {
  const problems: Problem[] = [];
  const sheet = plan.factors[0]?.ref ? { sheet: plan.factors[0].ref.sheet } : FACTOR_PLAN;
  if (plan.factors.length === 0) {
    problems.push(problem('error', 'empty-factor-plan', 'the factor plan has no factors', sheet));
    return problems;
  }
  if (!(Number.isFinite(plan.totalPoints) && plan.totalPoints > 0)) {
    problems.push(problem('error', 'invalid-total-points', `Total Points must be above zero, got ${plan.totalPoints}`, ASSUMPTIONS));
  }
  if (plan.progression === 'Geometric' && plan.levelStep !== undefined && !(Number.isFinite(plan.levelStep) && plan.levelStep > 0)) {
    problems.push(problem('error', 'invalid-level-step', `Level Step must be above 0%, got ${plan.levelStep}`, ASSUMPTIONS));
  }
  const seen = new Map<string, Factor>();
  for (const f of plan.factors) {
    const key = factorKey(f.name);
    const first = seen.get(key);
    if (first) problems.push(problem('error', 'duplicate-factor', `factor "${f.name}" is already in the plan${first.ref ? ` (row ${first.ref.row})` : ''}`, at(f)));
    else seen.set(key, f);
    if (!(Number.isFinite(f.weight) && f.weight > 0 && f.weight <= 1)) {
      problems.push(problem('error', 'invalid-factor-weight', `factor "${f.name}": weight ${pct(f.weight)} must be above 0% and at most 100%`, at(f)));
    }
    if (!(Number.isInteger(f.levels) && f.levels >= 1)) {
      problems.push(problem('error', 'invalid-factor-levels', `factor "${f.name}": levels must be a whole number of at least 1, got ${f.levels}`, at(f)));
    }
  }
  const total = plan.factors.reduce((s, f) => s + f.weight, 0);
  if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
    problems.push(problem('error', 'factor-weights-sum', `the factor weights sum to ${pct(total)}, not 100%; a job at the top of every factor would score ${+(total * plan.totalPoints).toFixed(4)} points, not Total Points (${plan.totalPoints})`, sheet));
  }
  return problems;
}

/** Factor names match as headers do: ignoring case, spaces and punctuation. */
export const factorKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export const pct = (x: number): string => `${+(x * 100).toFixed(6)}%`;
