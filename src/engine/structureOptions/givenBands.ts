import type Decimal from 'decimal.js';
import { problem, type Problem, type SourceRef, type Where } from '../problem';

/** One row of the `Grade Bands` sheet: a user-defined point band, with optional midpoint and spread overrides. */
export interface GivenBand {
  grade: number;
  minPoints: number;
  maxPoints: number;
  /** Midpoint used as given (not rounded) instead of the pay line's or the progression's. */
  midpoint?: Decimal;
  /** Range spread of this grade instead of `Range Spread`. */
  spread?: number;
  ref?: SourceRef;
  /** Absolute references of the override cells, when formulas may cite them as they are. */
  midpointCell?: string;
  spreadCell?: string;
}

const GRADE_BANDS: Where = { sheet: 'Grade Bands' };
const at = (b: GivenBand): Where => (b.ref ? { sheet: b.ref.sheet, row: b.ref.row } : GRADE_BANDS);

/**
 * Given bands must number the grades 1…N once each, each band from its minimum up to its maximum,
 * the bands ascending without overlapping. A gap between bands is allowed (100–149, 150–199 on whole
 * points); points in a gap fall in the lower grade, as the sheets' MATCH on Min Points places them.
 */
export function validateGivenBands(bands: GivenBand[]): Problem[] {
  const problems: Problem[] = [];
  if (bands.length === 0) {
    problems.push(problem('error', 'no-grade-bands', 'Grade Bands is set to Custom but the Grade Bands sheet has no bands', GRADE_BANDS));
    return problems;
  }
  const sorted = [...bands].sort((x, y) => x.grade - y.grade);
  sorted.forEach((b, i) => {
    if (b.grade !== i + 1) {
      problems.push(problem('error', 'grade-band-numbering', `grade ${b.grade}: the Grade Bands sheet must number its grades 1, 2, 3… once each; expected grade ${i + 1}`, at(b)));
    }
    if (!(Number.isFinite(b.minPoints) && Number.isFinite(b.maxPoints) && b.minPoints < b.maxPoints)) {
      problems.push(problem('error', 'grade-band-order', `grade ${b.grade}: Min Points ${b.minPoints} must be below Max Points ${b.maxPoints}`, at(b)));
    }
    if (b.midpoint !== undefined && !b.midpoint.gt(0)) {
      problems.push(problem('error', 'grade-band-midpoint', `grade ${b.grade}: the midpoint ${b.midpoint.toString()} must be above zero`, at(b)));
    }
    if (b.spread !== undefined && !(Number.isFinite(b.spread) && b.spread > 0)) {
      problems.push(problem('error', 'grade-band-spread', `grade ${b.grade}: the spread ${b.spread} must be above 0%`, at(b)));
    }
    const next = sorted[i + 1];
    if (next && b.maxPoints > next.minPoints) {
      problems.push(problem('error', 'grade-bands-overlap', `grade ${b.grade} (up to ${b.maxPoints} points) overlaps grade ${next.grade} (from ${next.minPoints} points)`, at(next)));
    }
  });
  return problems;
}

/** Bands sorted by grade. */
export const sortedBands = (bands: GivenBand[]): GivenBand[] => [...bands].sort((x, y) => x.grade - y.grade);

/**
 * The edges that place points in given bands: grade g's minimum for g = 1…N, then grade N's maximum.
 * `gradeOfPoints` on these puts p in the highest grade whose minimum is ≤ p (up to the top maximum),
 * exactly as `Job Slotting`'s MATCH(points, Min Points, 1) does.
 */
export function givenBandEdges(bands: GivenBand[]): number[] {
  const sorted = sortedBands(bands);
  return [...sorted.map((b) => b.minPoints), sorted[sorted.length - 1].maxPoints];
}

/** Jobs (or people) whose points fall between two bands: they are placed in the lower band, with a warning. */
export function bandGapProblems(items: { label: string; points: number; where?: Where }[], bands: GivenBand[]): Problem[] {
  const sorted = sortedBands(bands);
  const problems: Problem[] = [];
  for (const item of items) {
    for (let i = 0; i + 1 < sorted.length; i++) {
      const here = sorted[i];
      const next = sorted[i + 1];
      if (item.points > here.maxPoints && item.points < next.minPoints) {
        problems.push(
          problem('warning', 'points-in-band-gap', `${item.label}: ${item.points} points fall between grade ${here.grade} (up to ${here.maxPoints}) and grade ${next.grade} (from ${next.minPoints}); placed in grade ${here.grade}`, item.where),
        );
      }
    }
  }
  return problems;
}
