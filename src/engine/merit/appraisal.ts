import type Decimal from 'decimal.js';
import { money, ZERO } from '../money';
import { decimalOf } from './decimals';
import { problem, type Problem } from '../problem';
import type { AppraisalRow, Assumptions, Employee } from '../types';

/** One employee's appraisal: the weighted mean of the objective scores. */
export interface AppraisalScore {
  employeeId: string;
  /** Σ weight × score / Σ weight over the valid rows, exact (undefined when the weights sum to zero). */
  score?: Decimal;
  weightSum: Decimal;
  objectives: number;
}

export type RatingSource = 'Appraisal' | 'Rating' | 'None';

/** The rating an employee's merit and bonus use, and where it came from. */
export interface EmployeeRating {
  employeeId: string;
  rating?: number;
  source: RatingSource;
  score?: Decimal;
}

/** Weights may sum to 100% give or take this, to allow for weights like 33.33% × 3. */
const WEIGHT_TOLERANCE = 0.0005;

const key = (id: string) => id.toUpperCase();

/**
 * Weighted appraisal score per employee. Problems: scores outside the score scale (errors: they drive
 * money), weights not summing to 100% (warnings: the score is still the weighted mean), rows for
 * employees not on the Employees sheet (warnings, ignored).
 */
export function scoreAppraisals(
  employees: readonly Employee[],
  rows: readonly AppraisalRow[],
  scoreScale: { min: number; max: number },
): { scores: Map<string, AppraisalScore>; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = new Map(employees.map((e) => [key(e.id), e.id]));
  // Weights and scores with at most four decimals (nearly all) are summed as exact integers in units of
  // 10⁻⁸ and 10⁻⁴; anything finer in decimal. Both give the same exact sums.
  const acc = new Map<string, { id: string; weighted: Decimal; weights: Decimal; weightedUnits: number; weightUnits: number; n: number; first?: AppraisalRow }>();
  const unknown = new Map<string, AppraisalRow[]>();
  for (const r of rows) {
    const id = known.get(key(r.employeeId));
    if (id === undefined) {
      const list = unknown.get(key(r.employeeId));
      if (list) list.push(r);
      else unknown.set(key(r.employeeId), [r]);
      continue;
    }
    if (!(r.score >= scoreScale.min && r.score <= scoreScale.max)) {
      problems.push(problem('error', 'score-outside-scale', `score ${r.score} for employee "${id}" is outside the score scale ${scoreScale.min}–${scoreScale.max}`, r.ref));
      continue;
    }
    if (!(r.weight >= 0)) {
      problems.push(problem('error', 'negative-weight', `weight ${r.weight} for employee "${id}" must not be negative`, r.ref));
      continue;
    }
    let a = acc.get(key(id));
    if (!a) {
      a = { id, weighted: ZERO, weights: ZERO, weightedUnits: 0, weightUnits: 0, n: 0, first: r };
      acc.set(key(id), a);
    }
    const wu = tenThousandths(r.weight);
    const su = tenThousandths(r.score);
    if (wu !== undefined && su !== undefined && Number.isSafeInteger(wu * su) && Number.isSafeInteger(a.weightedUnits + wu * su)) {
      a.weightedUnits += wu * su;
      a.weightUnits += wu;
    } else {
      const w = decimalOf(r.weight);
      a.weighted = a.weighted.plus(w.mul(decimalOf(r.score)));
      a.weights = a.weights.plus(w);
    }
    a.n++;
  }
  for (const [, list] of unknown) {
    problems.push(problem('warning', 'appraisal-unknown-employee', `${list.length} appraisal row(s) for employee "${list[0].employeeId}", who is not on the Employees sheet, are ignored`, list[0].ref));
  }
  const scores = new Map<string, AppraisalScore>();
  for (const [k, a] of acc) {
    if (a.weightUnits !== 0) a.weights = a.weights.plus(money(a.weightUnits).div(1e4));
    if (a.weightedUnits !== 0) a.weighted = a.weighted.plus(money(a.weightedUnits).div(1e8));
    const s: AppraisalScore = { employeeId: a.id, weightSum: a.weights, objectives: a.n };
    if (a.weights.isZero()) {
      problems.push(problem('warning', 'appraisal-zero-weight', `the appraisal weights of employee "${a.id}" sum to 0%; no score`, a.first?.ref));
    } else {
      s.score = a.weighted.div(a.weights);
      if (a.weights.minus(1).abs().gt(WEIGHT_TOLERANCE)) {
        problems.push(
          problem('warning', 'appraisal-weights', `the appraisal weights of employee "${a.id}" sum to ${a.weights.mul(100).toDecimalPlaces(2).toString()}%, not 100%; the score is the weighted mean`, a.first?.ref),
        );
      }
    }
    scores.set(k, s);
  }
  return { scores, problems };
}

/** x × 10⁴ when x (as Excel holds it) has at most four decimals and is below 10⁶, else undefined. */
function tenThousandths(x: number): number | undefined {
  const u = Math.round(x * 1e4);
  return Math.abs(u) < 1e10 && u / 1e4 === x ? u : undefined;
}

/** A score's rating: 1 + the number of thresholds at or below it, at most the scale. */
export function ratingOfScore(score: Decimal, thresholds: readonly number[], ratingScale: number): number {
  let r = 1;
  for (const t of thresholds) if (score.gte(decimalOf(t))) r++;
  return Math.min(r, ratingScale);
}

/**
 * Every employee's rating: from the appraisal score where there is one, else the Employees sheet's
 * Rating column (a whole number on the scale). Employees with neither are returned as unrated: they are
 * excluded from merit, and listed.
 */
export function resolveRatings(
  employees: readonly Employee[],
  scores: Map<string, AppraisalScore>,
  a: Pick<Assumptions, 'ratingScale' | 'ratingThresholds'>,
): { ratings: Map<string, EmployeeRating>; unrated: Employee[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const ratings = new Map<string, EmployeeRating>();
  const unrated: Employee[] = [];
  for (const e of employees) {
    const s = scores.get(key(e.id));
    if (s?.score) {
      const rating = ratingOfScore(s.score, a.ratingThresholds, a.ratingScale);
      if (e.rating !== undefined && e.rating !== rating) {
        problems.push(problem('info', 'rating-from-appraisal', `employee "${e.id}": the Rating column says ${e.rating}, the appraisal score ${s.score.toDecimalPlaces(4).toString()} gives ${rating}; the appraisal is used`, e.ref));
      }
      ratings.set(e.id, { employeeId: e.id, rating, source: 'Appraisal', score: s.score });
      continue;
    }
    if (e.rating !== undefined) {
      if (Number.isInteger(e.rating) && e.rating >= 1 && e.rating <= a.ratingScale) {
        ratings.set(e.id, { employeeId: e.id, rating: e.rating, source: 'Rating' });
        continue;
      }
      problems.push(problem('error', 'rating-outside-scale', `employee "${e.id}": rating ${e.rating} is not a whole number from 1 to ${a.ratingScale} (Rating Scale)`, e.ref));
    }
    ratings.set(e.id, { employeeId: e.id, source: 'None' });
    unrated.push(e);
  }
  if (unrated.length > 0) {
    const ids = unrated.slice(0, 10).map((e) => `"${e.id}"`).join(', ');
    problems.push(
      problem('warning', 'no-rating', `${unrated.length} employee(s) have no rating and get no merit increase: ${ids}${unrated.length > 10 ? ', …' : ''} (see the Merit Plan's Flag column)`, { sheet: unrated[0].ref?.sheet ?? 'Employees' }),
    );
  }
  return { ratings, unrated, problems };
}
