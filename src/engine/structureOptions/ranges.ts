import type Decimal from 'decimal.js';
import { roundFormulaToMultiple } from '../money';
import { predictPayLine, type PayLineFit } from '../payLine';
import { problem, type Problem, type Where } from '../problem';
import { designSpread, rangeFromMidpoint, type GradeRange } from '../structure';
import type { MidpointMethod } from './options';
import { progressionMidpoints } from './progression';

/** Where a grade's midpoint came from. */
export type MidpointSource = 'Pay Line' | 'Progression' | 'Given';

/** A grade range with the design choices that made it. */
export interface DesignedGrade extends GradeRange {
  midpointSource: MidpointSource;
  /** The value the midpoint was rounded from (the pay line rate, the progressed midpoint, or the given midpoint). */
  unroundedMidpoint: number;
  /** Target progression from this grade to the next (Progression method); undefined on the top grade. */
  targetProgression?: number;
  /** True when the design spread is a per-grade override from the Grade Bands sheet. */
  spreadGiven: boolean;
}

export interface RangeDesign {
  fit: PayLineFit;
  /** Point bands in grade order (computed edges or the given bands). */
  bands: { minPoints: number; maxPoints: number }[];
  rangeSpread: { low: number; high: number };
  rounding: number;
  midpointMethod: MidpointMethod;
  progression: { low: number; high: number };
  /** Grade 1's midpoint as given; undefined: read off the pay line. */
  firstMidpoint?: Decimal;
  /** Per-grade overrides (index g − 1), from the Grade Bands sheet. */
  overrides?: { midpoint?: Decimal; spread?: number }[];
}

const ASSUMPTIONS: Where = { sheet: 'Assumptions' };

/**
 * Min, mid and max of every grade under the chosen design: midpoints from the pay line at the band
 * centres (as `buildRanges`) or from a target progression, per-grade midpoint and spread overrides,
 * then min and max around each midpoint (`rangeFromMidpoint`), progression and overlap between grades.
 */
export function designRanges(d: RangeDesign): { grades: DesignedGrade[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const n = d.bands.length;
  if (n === 0) return { grades: [], problems };
  const { low, high } = d.progression;
  if (d.midpointMethod === 'Progression' && !(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && high >= 0)) {
    problems.push(problem('error', 'invalid-progression', `Midpoint Progression must be zero or more, got ${low}-${high}`, ASSUMPTIONS));
    return { grades: [], problems };
  }
  if (d.firstMidpoint !== undefined && !d.firstMidpoint.gt(0)) {
    problems.push(problem('error', 'invalid-first-midpoint', `Grade 1 Midpoint must be above zero, got ${d.firstMidpoint.toString()}`, ASSUMPTIONS));
    return { grades: [], problems };
  }
  const centres = d.bands.map((b) => (b.minPoints + b.maxPoints) / 2);
  const payLine = centres.map((c) => predictPayLine(d.fit, c));
  const overflow = centres.findIndex((_, i) => !Number.isFinite(payLine[i]) && !d.overrides?.[i]?.midpoint);
  if (overflow >= 0) {
    problems.push(problem('error', 'pay-line-overflow', `the pay line at ${centres[overflow]} points (grade ${overflow + 1}) gives ${payLine[overflow]}, not a finite pay; choose a Linear pay line or check the benchmark jobs' points and market rates`, ASSUMPTIONS));
    return { grades: [], problems };
  }
  const overrides = d.overrides ?? [];

  let midpoints: Decimal[];
  let unrounded: number[];
  let sources: MidpointSource[];
  let steps: (number | undefined)[] = [];
  if (d.midpointMethod === 'Progression') {
    const first = d.firstMidpoint ?? roundFormulaToMultiple(payLine[0], d.rounding);
    const chain = progressionMidpoints(first, n, d.progression, d.rounding, overrides.map((o) => o?.midpoint));
    midpoints = chain.midpoints;
    unrounded = chain.unrounded;
    unrounded[0] = overrides[0]?.midpoint ? overrides[0].midpoint.toNumber() : d.firstMidpoint ? d.firstMidpoint.toNumber() : payLine[0];
    steps = chain.progression;
    sources = midpoints.map((_, i) => (overrides[i]?.midpoint ? 'Given' : i === 0 ? (d.firstMidpoint ? 'Given' : 'Pay Line') : 'Progression'));
  } else {
    midpoints = payLine.map((rate, i) => overrides[i]?.midpoint ?? roundFormulaToMultiple(rate, d.rounding));
    unrounded = payLine.map((rate, i) => overrides[i]?.midpoint?.toNumber() ?? rate);
    sources = midpoints.map((_, i) => (overrides[i]?.midpoint ? 'Given' : 'Pay Line'));
  }

  const grades = d.bands.map((band, i): DesignedGrade => {
    const g = i + 1;
    const given = overrides[i]?.spread;
    const spreadOfGrade = given ?? designSpread(g, n, d.rangeSpread);
    const midpoint = midpoints[i];
    const { minimum, maximum } = rangeFromMidpoint(midpoint, spreadOfGrade, d.rounding);
    return {
      grade: g,
      minPoints: band.minPoints,
      maxPoints: band.maxPoints,
      centre: centres[i],
      payLineRate: payLine[i],
      midpoint,
      minimum,
      maximum,
      designSpread: spreadOfGrade,
      spread: minimum.isZero() ? minimum : maximum.minus(minimum).div(minimum),
      midpointSource: sources[i],
      unroundedMidpoint: unrounded[i],
      targetProgression: steps[i],
      spreadGiven: given !== undefined,
    };
  });
  linkGrades(grades);
  for (const r of grades) {
    if (!r.minimum.gt(0)) {
      problems.push(problem('error', 'non-positive-range', `grade ${r.grade}: a midpoint of ${r.midpoint.toString()} gives a minimum of ${r.minimum.toString()}; a range needs positive pay`, ASSUMPTIONS));
    }
  }
  return { grades, problems };
}

/** Progression and overlap from each grade to the next, as `buildRanges` computes them. */
export function linkGrades(ranges: GradeRange[]): void {
  for (let i = 0; i + 1 < ranges.length; i++) {
    const here = ranges[i];
    const next = ranges[i + 1];
    here.progression = here.midpoint.isZero() ? undefined : next.midpoint.div(here.midpoint).minus(1);
    const nextWidth = next.maximum.minus(next.minimum);
    here.overlap = nextWidth.isZero() ? undefined : here.maximum.minus(next.minimum).div(nextWidth);
  }
}
