import type Decimal from 'decimal.js';
import { money, ZERO } from '../money';
import { decimalOf } from './decimals';
import { upperKey } from './keys';
import { problem, type Problem } from '../problem';
import type { AppraisalRow, Assumptions, Employee } from '../types';

/** One employee's appraisal: the weighted mean of the objective scores. */
export interface AppraisalScore {
  employeeId: string;
  /** Σ weight × score / Σ weight over the valid rows, exact (undefined when the weights sum to zero). */
  readonly score?: Decimal;
  readonly weightSum: Decimal;
  objectives: number;
  /** The score as a double (score.toNumber()), undefined with it. */
  readonly value?: number;
}

export type RatingSource = 'Appraisal' | 'Rating' | 'None';

/** The rating an employee's merit and bonus use, and where it came from. */
export interface EmployeeRating {
  employeeId: string;
  rating?: number;
  source: RatingSource;
  readonly score?: Decimal;
  /** The score as a double, with it. */
  readonly value?: number;
}

/** Weights may sum to 100% give or take this, to allow for weights like 33.33% × 3. */
const WEIGHT_TOLERANCE = 0.0005;

const key = upperKey;

/**
 * The appraisal rows summed per employee, in arrays aligned with the employees (no object per employee).
 * Weights and scores with at most four decimals (nearly all) are summed as exact integers: weights in units
 * of 10⁻⁴ (W), weight × score in units of 10⁻⁸ (A); anything finer in decimal. The score A / (W × 10⁴) is
 * then decided in integers (against a threshold t of four decimals: score ≥ t exactly when A ≥ t × 10⁴ × W)
 * and read as a double by one division, the decimals made only when asked for.
 */
export class AppraisalSums {
  /** Upper-cased employee ID → the index of the (last) employee with it; made when first needed if the IDs are known to be unique. */
  private byKey?: Map<string, number>;
  /** Per employee index: Σ weight × score in 10⁻⁸, Σ weight in 10⁻⁴, the valid rows, the first valid row + 1 (0: none). */
  readonly weightedUnits: Float64Array;
  readonly weightUnits: Float64Array;
  readonly objectives: Int32Array;
  private readonly firstRow: Int32Array;
  /** The terms of more than four decimals, in decimal, by employee index (rare). */
  private readonly rest = new Map<number, { weighted: Decimal; weights: Decimal }>();
  /** The employee indexes with a valid row, in the order of their first one. */
  readonly order: number[] = [];
  private readonly scores = new Map<number, Decimal | null>();
  private readonly weightSums = new Map<number, Decimal>();

  /** True when no two employees share an ID (ignoring case): employee i's index is then i. */
  readonly distinct: boolean;

  /** `uniqueIds`: the caller knows no two employees share an ID, ignoring case (the parser rejects a repeated one). */
  constructor(
    readonly employees: readonly Employee[],
    private readonly rows: readonly AppraisalRow[],
    uniqueIds = false,
  ) {
    const n = employees.length;
    this.distinct = uniqueIds || this.indexOf.size === n;
    this.weightedUnits = new Float64Array(n);
    this.weightUnits = new Float64Array(n);
    this.objectives = new Int32Array(n);
    this.firstRow = new Int32Array(n);
  }

  private get indexOf(): Map<string, number> {
    if (!this.byKey) {
      const byKey = new Map<string, number>();
      for (let i = 0; i < this.employees.length; i++) byKey.set(key(this.employees[i].id), i);
      this.byKey = byKey;
    }
    return this.byKey;
  }

  /** The index of the employee an ID names (ignoring case), or −1. */
  employeeIndex(id: string): number {
    return this.indexOf.get(key(id)) ?? -1;
  }

  /** The index of the (last) employee whose upper-cased ID is `upper`, or −1. */
  indexOfKey(upper: string): number {
    return this.indexOf.get(upper) ?? -1;
  }

  /** The index of the appraisal of employees[i] (i itself unless an ID repeats, ignoring case). */
  indexOfEmployee(i: number): number {
    return this.distinct ? i : this.employeeIndex(this.employees[i].id);
  }

  /** Adds a valid row (its index in the rows) for employee i. */
  add(i: number, rowIndex: number): void {
    const r = this.rows[rowIndex];
    if (this.firstRow[i] === 0) {
      this.firstRow[i] = rowIndex + 1;
      this.order.push(i);
    }
    const wu = tenThousandths(r.weight);
    const su = tenThousandths(r.score);
    if (wu !== undefined && su !== undefined && Number.isSafeInteger(wu * su) && Number.isSafeInteger(this.weightedUnits[i] + wu * su)) {
      this.weightedUnits[i] += wu * su;
      this.weightUnits[i] += wu;
    } else {
      const w = decimalOf(r.weight);
      const rest = this.rest.get(i) ?? { weighted: ZERO, weights: ZERO };
      rest.weighted = rest.weighted.plus(w.mul(decimalOf(r.score)));
      rest.weights = rest.weights.plus(w);
      this.rest.set(i, rest);
    }
    this.objectives[i]++;
  }

  /** True when employee i has valid rows. */
  has(i: number): boolean {
    return i >= 0 && this.firstRow[i] !== 0;
  }

  first(i: number): AppraisalRow {
    return this.rows[this.firstRow[i] - 1];
  }

  weightSum(i: number): Decimal {
    let w = this.weightSums.get(i);
    if (w === undefined) {
      w = this.rest.get(i)?.weights ?? ZERO;
      if (this.weightUnits[i] !== 0) w = w.plus(money(this.weightUnits[i]).div(1e4));
      this.weightSums.set(i, w);
    }
    return w;
  }

  /** True when employee i's weights sum to zero: no score. */
  unweighted(i: number): boolean {
    return this.rest.has(i) ? this.weightSum(i).isZero() : this.weightUnits[i] === 0;
  }

  score(i: number): Decimal | undefined {
    let s = this.scores.get(i);
    if (s === undefined) {
      if (this.unweighted(i)) s = null;
      else {
        let weighted = this.rest.get(i)?.weighted ?? ZERO;
        if (this.weightedUnits[i] !== 0) weighted = weighted.plus(money(this.weightedUnits[i]).div(1e8));
        s = weighted.div(this.weightSum(i));
      }
      this.scores.set(i, s);
    }
    return s ?? undefined;
  }

  /**
   * score(i).toNumber(): with integer sums, A / (W × 10⁴) in one correctly rounded division. The 40-digit score
   * cannot lie across a midpoint between doubles from the exact quotient (they are at least 1/(W·10⁴·2^54)
   * of it apart, far more than 10^-40), and the quotient can only be a midpoint needing more than 40 digits
   * when 2^27 divides W: then, and for decimal sums, the decimal is read.
   */
  value(i: number): number | undefined {
    if (this.unweighted(i)) return undefined;
    const w = this.weightUnits[i];
    if (!this.rest.has(i) && w % 2 ** 27 !== 0 && Number.isSafeInteger(w * 1e4)) return this.weightedUnits[i] / (w * 1e4);
    return this.score(i)!.toNumber();
  }

  /** True when the weights sum to 100% within the tolerance (in 10⁻⁴ units the tolerance is 5). */
  weightsWhole(i: number): boolean {
    return this.rest.has(i) ? !this.weightSum(i).minus(1).abs().gt(WEIGHT_TOLERANCE) : Math.abs(this.weightUnits[i] - 1e4) <= 5;
  }

  /** The rating of the score (ratingOfScore), in integers when the thresholds have at most four decimals. */
  rating(i: number, thresholdUnits: readonly number[] | undefined, thresholds: readonly number[], ratingScale: number): number {
    if (!this.rest.has(i) && thresholdUnits) {
      let r = 1;
      let exact = true;
      for (let j = 0; j < thresholdUnits.length; j++) {
        const bound = thresholdUnits[j] * this.weightUnits[i];
        if (!Number.isSafeInteger(bound)) exact = false;
        else if (this.weightedUnits[i] >= bound) r++;
      }
      if (exact) return Math.min(r, ratingScale);
    }
    return ratingOfScore(this.score(i)!, thresholds, ratingScale);
  }

  /** Employee i's appraisal as an AppraisalScore (a view: the decimals are read when asked for). */
  view(i: number): AppraisalScore {
    return new SumsScore(this, i);
  }

  /** The scores by upper-cased employee ID, in the order of the first valid rows (scoreAppraisals' map). */
  scoreMap(): Map<string, AppraisalScore> {
    const out = new Map<string, AppraisalScore>();
    for (let j = 0; j < this.order.length; j++) out.set(key(this.employees[this.order[j]].id), this.view(this.order[j]));
    return out;
  }
}

/** One employee's appraisal read from the sums. */
class SumsScore implements AppraisalScore {
  constructor(
    readonly sums: AppraisalSums,
    readonly index: number,
  ) {}
  get employeeId(): string {
    return this.sums.employees[this.index].id;
  }
  get objectives(): number {
    return this.sums.objectives[this.index];
  }
  get weightSum(): Decimal {
    return this.sums.weightSum(this.index);
  }
  get score(): Decimal | undefined {
    return this.sums.score(this.index);
  }
  get value(): number | undefined {
    return this.sums.value(this.index);
  }
}

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
  const { sums, problems } = sumAppraisals(employees, rows, scoreScale);
  return { scores: sums.scoreMap(), problems };
}

/** scoreAppraisals' sums, aligned with the employees. */
export function sumAppraisals(
  employees: readonly Employee[],
  rows: readonly AppraisalRow[],
  scoreScale: { min: number; max: number },
  uniqueIds = false,
): { sums: AppraisalSums; problems: Problem[] } {
  const problems: Problem[] = [];
  const sums = new AppraisalSums(employees, rows, uniqueIds);
  const unknown = new Map<string, AppraisalRow[]>();
  // An employee's rows usually follow one another, employee after employee in the Employees sheet's order:
  // the last match is kept, and the next employee is tried before the lookup (with distinct IDs, the same one).
  let lastRaw: string | undefined;
  let last = -1;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (r.employeeId !== lastRaw) {
      lastRaw = r.employeeId;
      const next = last + 1;
      const id = next < employees.length && sums.distinct ? employees[next].id : undefined;
      last = id !== undefined && (id === r.employeeId || key(id) === key(r.employeeId)) ? next : sums.employeeIndex(r.employeeId);
    }
    if (last < 0) {
      const list = unknown.get(key(r.employeeId));
      if (list) list.push(r);
      else unknown.set(key(r.employeeId), [r]);
      continue;
    }
    const id = employees[last].id;
    if (!(r.score >= scoreScale.min && r.score <= scoreScale.max)) {
      problems.push(problem('error', 'score-outside-scale', `score ${r.score} for employee "${id}" is outside the score scale ${scoreScale.min}–${scoreScale.max}`, r.ref));
      continue;
    }
    if (!(r.weight >= 0)) {
      problems.push(problem('error', 'negative-weight', `weight ${r.weight} for employee "${id}" must not be negative`, r.ref));
      continue;
    }
    sums.add(last, j);
  }
  for (const [, list] of unknown) {
    problems.push(problem('warning', 'appraisal-unknown-employee', `${list.length} appraisal row(s) for employee "${list[0].employeeId}", who is not on the Employees sheet, are ignored`, list[0].ref));
  }
  for (let j = 0; j < sums.order.length; j++) {
    const i = sums.order[j];
    const id = employees[i].id;
    if (sums.unweighted(i)) {
      problems.push(problem('warning', 'appraisal-zero-weight', `the appraisal weights of employee "${id}" sum to 0%; no score`, sums.first(i).ref));
    } else if (!sums.weightsWhole(i)) {
      problems.push(problem('warning', 'appraisal-weights', `the appraisal weights of employee "${id}" sum to ${sums.weightSum(i).mul(100).toDecimalPlaces(2).toString()}%, not 100%; the score is the weighted mean`, sums.first(i).ref));
    }
  }
  return { sums, problems };
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

/** An employee rated from their appraisal: the score's decimals and double read from it when asked for. */
class AppraisalRating implements EmployeeRating {
  readonly source = 'Appraisal';
  constructor(
    readonly employeeId: string,
    readonly rating: number,
    private readonly appraisal: AppraisalScore,
  ) {}
  get score(): Decimal | undefined {
    return this.appraisal.score;
  }
  get value(): number | undefined {
    return this.appraisal.value ?? this.appraisal.score?.toNumber();
  }
}

/** Every employee's rating, in arrays aligned with the employees (see resolveRatings). */
export interface Ratings {
  /** The rating where `source` is not 'None' (whole numbers from 1 to the scale: int32 unless the scale is not). */
  rating: Int32Array | Float64Array;
  /** The appraisal score as a double, NaN when the rating is not from an appraisal. */
  value: Float64Array;
  /** Where each rating came from. */
  source: RatingSource[];
  /** The appraisal of each rating from one: an index into `sums`, or the score itself. */
  appraisal: (number | AppraisalScore | undefined)[];
  sums?: AppraisalSums;
  unrated: Employee[];
  problems: Problem[];
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
  const r = rateEmployees(employees, undefined, scores, a);
  return { ratings: ratingMap(employees, r), unrated: r.unrated, problems: r.problems };
}

/** resolveRatings on the sums (each employee's appraisal found by index, no object per employee). */
export function rateFromSums(employees: readonly Employee[], sums: AppraisalSums, a: Pick<Assumptions, 'ratingScale' | 'ratingThresholds'>): Ratings {
  return rateEmployees(employees, sums, undefined, a);
}

/** The ratings as resolveRatings' map, by employee ID. */
export function ratingMap(employees: readonly Employee[], r: Ratings): Map<string, EmployeeRating> {
  const out = new Map<string, EmployeeRating>();
  employees.forEach((e, i) => {
    const source = r.source[i];
    if (source === 'Appraisal') {
      const s = r.appraisal[i]!;
      out.set(e.id, new AppraisalRating(e.id, r.rating[i], typeof s === 'number' ? r.sums!.view(s) : s));
    } else out.set(e.id, source === 'Rating' ? { employeeId: e.id, rating: r.rating[i], source } : { employeeId: e.id, source });
  });
  return out;
}

function rateEmployees(
  employees: readonly Employee[],
  sums: AppraisalSums | undefined,
  scores: Map<string, AppraisalScore> | undefined,
  a: Pick<Assumptions, 'ratingScale' | 'ratingThresholds'>,
): Ratings {
  const n = employees.length;
  const int32 = Number.isInteger(a.ratingScale) && a.ratingScale >= 1 && a.ratingScale <= 2 ** 31 - 1;
  const out: Ratings = { rating: int32 ? new Int32Array(n) : new Float64Array(n), value: new Float64Array(n).fill(NaN), source: new Array<RatingSource>(n), appraisal: new Array(n), sums, unrated: [], problems: [] };
  const units = a.ratingThresholds.map(tenThousandths);
  const thresholdUnits = units.every((u) => u !== undefined) ? (units as number[]) : undefined;
  const anyScores = sums ? sums.order.length > 0 : scores!.size > 0;
  for (let i = 0; i < n; i++) {
    const e = employees[i];
    // The appraisal: by index in the sums (s ≥ 0), or a score object (fast when it is a view of sums).
    let s: AppraisalSums | undefined;
    let at = -1;
    let score: AppraisalScore | undefined;
    if (anyScores && sums) {
      at = sums.employees === employees ? sums.indexOfEmployee(i) : sums.employeeIndex(e.id);
      if (sums.has(at)) s = sums;
    } else if (anyScores) {
      score = scores!.get(key(e.id));
      if (score instanceof SumsScore) {
        s = score.sums;
        at = score.index;
      }
    }
    const scored = s ? !s.unweighted(at) : score?.score !== undefined;
    if (scored) {
      const rating = s ? s.rating(at, thresholdUnits, a.ratingThresholds, a.ratingScale) : ratingOfScore(score!.score!, a.ratingThresholds, a.ratingScale);
      if (e.rating !== undefined && e.rating !== rating) {
        const exact = s ? s.score(at)! : score!.score!;
        out.problems.push(problem('info', 'rating-from-appraisal', `employee "${e.id}": the Rating column says ${e.rating}, the appraisal score ${exact.toDecimalPlaces(4).toString()} gives ${rating}; the appraisal is used`, e.ref));
      }
      out.rating[i] = rating;
      out.value[i] = (s ? s.value(at) : score!.value ?? score!.score!.toNumber())!;
      out.source[i] = 'Appraisal';
      out.appraisal[i] = s && sums ? at : score;
      continue;
    }
    if (e.rating !== undefined) {
      if (Number.isInteger(e.rating) && e.rating >= 1 && e.rating <= a.ratingScale) {
        out.rating[i] = e.rating;
        out.source[i] = 'Rating';
        continue;
      }
      out.problems.push(problem('error', 'rating-outside-scale', `employee "${e.id}": rating ${e.rating} is not a whole number from 1 to ${a.ratingScale} (Rating Scale)`, e.ref));
    }
    out.source[i] = 'None';
    out.unrated.push(e);
  }
  if (out.unrated.length > 0) {
    const ids = out.unrated.slice(0, 10).map((e) => `"${e.id}"`).join(', ');
    out.problems.push(
      problem('warning', 'no-rating', `${out.unrated.length} employee(s) have no rating and get no merit increase: ${ids}${out.unrated.length > 10 ? ', …' : ''} (see the Merit Plan's Flag column)`, { sheet: out.unrated[0].ref?.sheet ?? 'Employees' }),
    );
  }
  return out;
}
