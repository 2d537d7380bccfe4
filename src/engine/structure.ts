import type Decimal from 'decimal.js';
import { excelDouble, roundFormulaToMultiple } from './money';
import { predictPayLine, type PayLineFit } from './payLine';
import type { Assumptions, GradeBandMethod } from './types';

/**
 * The N + 1 point edges of N grade bands from the lowest to the highest points.
 * Equal: e_g = e0 + g(eN − e0)/N. Geometric: e_g = e0·r^g, r = (eN/e0)^(1/N).
 */
export function gradeEdges(lowest: number, highest: number, grades: number, method: GradeBandMethod): number[] {
  if (!Number.isInteger(grades) || grades < 1) throw new RangeError(`grades must be a whole number ≥ 1, got ${grades}`);
  if (!(Number.isFinite(lowest) && Number.isFinite(highest) && lowest <= highest)) {
    throw new RangeError(`points band [${lowest}, ${highest}] is not a finite ascending range`);
  }
  if (method === 'Geometric' && lowest <= 0) throw new RangeError(`geometric bands need points above zero, lowest is ${lowest}`);
  const ratio = Math.pow(highest / lowest, 1 / grades);
  const step = (highest - lowest) / grades;
  const edges = [lowest];
  for (let g = 1; g < grades; g++) {
    const edge = excelDouble(method === 'Geometric' ? lowest * Math.pow(ratio, g) : lowest + g * step);
    // Clamp so rounding can never make the edges step backwards or pass the top edge.
    edges.push(Math.min(Math.max(edge, edges[g - 1]), highest));
  }
  edges.push(highest);
  return edges;
}

/** The 1-based grade whose band holds `points` (e_{g−1} ≤ p < e_g; the top grade includes e_N), by binary search. */
export function gradeOfPoints(points: number, edges: number[]): number | undefined {
  const top = edges.length - 1;
  if (top < 1 || !(points >= edges[0] && points <= edges[top])) return undefined;
  // Largest i in [0, top − 1] with edges[i] ≤ points: the band starting there holds the points.
  let lo = 0;
  let hi = top - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= points) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Range spread of a grade: rises linearly from `low` at grade 1 to `high` at the top grade. */
export function designSpread(grade: number, grades: number, spread: { low: number; high: number }): number {
  if (grades <= 1) return excelDouble(spread.low);
  return excelDouble(spread.low + ((spread.high - spread.low) * (grade - 1)) / (grades - 1));
}

/**
 * Minimum and maximum around a (rounded) midpoint with range spread = (max − min)/min, each rounded once,
 * computed as the sheet formulas ROUND(mid/(1+s/2)/R,0)*R and ROUND(mid*(1+s)/(1+s/2)/R,0)*R evaluate.
 */
export function rangeFromMidpoint(midpoint: Decimal, spread: number, rounding: number): { minimum: Decimal; maximum: Decimal } {
  // The cell holds the midpoint as a double; the arithmetic happens in doubles, as in the sheet, so the two agree.
  const mid = midpoint.toNumber();
  const half = 1 + spread / 2;
  return {
    minimum: roundFormulaToMultiple(mid / half, rounding),
    maximum: roundFormulaToMultiple((mid * (1 + spread)) / half, rounding),
  };
}

/** Range spread from a symmetric ±x around the midpoint: (1 + x)/(1 − x) − 1 = 2x/(1 − x). */
export const spreadFromPlusMinus = (x: number): number => (2 * x) / (1 - x);
/** The ±x around the midpoint of a range with spread s: the inverse of spreadFromPlusMinus. */
export const plusMinusFromSpread = (s: number): number => s / (2 + s);

export interface GradeRange {
  grade: number;
  minPoints: number;
  maxPoints: number;
  /** Band centre (e_{g−1} + e_g)/2, where the pay line is read. */
  centre: number;
  /** The pay line at the centre, unrounded. */
  payLineRate: number;
  midpoint: Decimal;
  minimum: Decimal;
  maximum: Decimal;
  /** The spread the grade was designed with (Range Spread, low-high by grade). */
  designSpread: number;
  /** The spread after rounding: (max − min)/min. */
  spread: Decimal;
  /** mid(g+1)/mid(g) − 1, towards the next grade; undefined on the top grade. */
  progression?: Decimal;
  /** (max(g) − min(g+1))/(max(g+1) − min(g+1)), negative when there is a gap; undefined on the top grade. */
  overlap?: Decimal;
}

export type RangeAssumptions = Pick<Assumptions, 'rangeSpread' | 'rounding' | 'grades'>;

/** Min, mid and max for every grade band, midpoints read off the pay line at the band centres. */
export function buildRanges(fit: PayLineFit, edges: number[], a: RangeAssumptions): GradeRange[] {
  const grades = edges.length - 1;
  if (grades !== a.grades) throw new RangeError(`${edges.length} edges make ${grades} grades, assumptions say ${a.grades}`);
  const ranges: GradeRange[] = [];
  for (let g = 1; g <= grades; g++) {
    const minPoints = edges[g - 1];
    const maxPoints = edges[g];
    const centre = (minPoints + maxPoints) / 2;
    const payLineRate = predictPayLine(fit, centre);
    const midpoint = roundFormulaToMultiple(payLineRate, a.rounding);
    const spreadOfGrade = designSpread(g, grades, a.rangeSpread);
    const { minimum, maximum } = rangeFromMidpoint(midpoint, spreadOfGrade, a.rounding);
    ranges.push({
      grade: g,
      minPoints,
      maxPoints,
      centre,
      payLineRate,
      midpoint,
      minimum,
      maximum,
      designSpread: spreadOfGrade,
      spread: maximum.minus(minimum).div(minimum),
    });
  }
  for (let i = 0; i + 1 < ranges.length; i++) {
    const here = ranges[i];
    const next = ranges[i + 1];
    here.progression = next.midpoint.div(here.midpoint).minus(1);
    const nextWidth = next.maximum.minus(next.minimum);
    // A zero-width next range has no overlap ratio (the sheet shows #DIV/0!).
    here.overlap = nextWidth.isZero() ? undefined : here.maximum.minus(next.minimum).div(nextWidth);
  }
  return ranges;
}
