import type { PayStructure } from '../payStructure';
import { problem, type Problem } from '../problem';
import { slotJobs } from '../slotting';
import type { Assumptions, Job } from '../types';
import { broadbandGroups, buildBroadbands, type Broadband } from './broadbands';
import { locationRanges, validateLocations, type LocationRange } from './geography';
import { bandGapProblems, givenBandEdges, sortedBands, validateGivenBands } from './givenBands';
import type { StructureOptions } from './options';
import { structureQuality, type GradeQuality } from './quality';
import { designRanges, type DesignedGrade } from './ranges';
import { stepScale, type GradeSteps } from './steps';

/** A pay structure with every design option applied, and the option tables built on it. */
export interface DesignedStructure extends PayStructure {
  grades: DesignedGrade[];
  quality: GradeQuality[];
  broadbands?: Broadband[];
  steps?: GradeSteps[];
  locationRanges?: LocationRange[];
  options: StructureOptions;
}

/** Problems of the computed bands that do not apply when the bands are given. */
const COMPUTED_BAND_CODES = new Set(['invalid-grades', 'flat-points', 'geometric-bands-need-positive-points']);

/**
 * Applies the structure options to a structure built by `buildPayStructure` (whose market pricing and
 * pay line it keeps): given bands replace the computed ones, midpoints come from the pay line or a
 * target progression with per-grade overrides, the jobs are slotted again, and the quality measures,
 * broadbands, step scale and location-adjusted ranges are built. Never throws on bad data.
 */
export function applyStructureOptions(base: PayStructure, jobs: Job[], a: Pick<Assumptions, 'rangeSpread' | 'rounding' | 'slottingTolerance'>, o: StructureOptions): DesignedStructure {
  const given = o.givenBands && o.givenBands.length > 0 ? sortedBands(o.givenBands) : o.givenBands;
  const problems: Problem[] = given ? base.problems.filter((p) => !COMPUTED_BAND_CODES.has(p.code)) : [...base.problems];
  const result: DesignedStructure = { ...base, problems, grades: [], slotting: [], quality: [], options: o };
  if (given) {
    const bandProblems = validateGivenBands(given);
    problems.push(...bandProblems);
    if (bandProblems.some((p) => p.severity === 'error')) {
      result.edges = [];
      return result;
    }
    result.edges = givenBandEdges(given);
  }
  if (o.locations) problems.push(...validateLocations(o.locations));
  // A pay line that overflowed on the base bands is already reported there.
  if (!base.fit || result.edges.length < 2 || base.problems.some((p) => p.code === 'pay-line-overflow')) return result;

  const bands = given ?? result.edges.slice(1).map((maxPoints, i) => ({ minPoints: result.edges[i], maxPoints }));
  const design = designRanges({
    fit: base.fit,
    bands,
    rangeSpread: a.rangeSpread,
    rounding: a.rounding,
    midpointMethod: o.midpointMethod,
    progression: o.progression,
    firstMidpoint: o.firstMidpoint,
    overrides: given?.map((b) => ({ midpoint: b.midpoint, spread: b.spread })),
  });
  // The base structure already reported non-positive ranges of its own design; report this design's instead.
  const ownRanges = problems.filter((p) => p.code !== 'non-positive-range');
  problems.length = 0;
  problems.push(...ownRanges, ...design.problems);
  result.grades = design.grades;
  if (design.grades.length === 0) return result;

  result.slotting = slotJobs(jobs, result.edges, design.grades, base.priced, a.slottingTolerance);
  if (given) problems.push(...bandGapProblems(jobs.map((j) => ({ label: `job "${j.code}"`, points: j.points, where: j.ref ? { sheet: j.ref.sheet, row: j.ref.row } : undefined })), given));
  const benchmarkCodes = new Set(base.benchmarks.map((b) => b.job.code));
  result.quality = structureQuality(design.grades, result.slotting, benchmarkCodes, design.grades.map((g) => g.unroundedMidpoint));

  if (o.broadbands) {
    const groups = broadbandGroups(design.grades.length, o.broadbands);
    if ('error' in groups) problems.push(problem('error', 'invalid-broadbands', groups.error, { sheet: 'Assumptions' }));
    else result.broadbands = buildBroadbands(design.grades, groups, a.rounding);
  }
  if (o.steps !== undefined) {
    if (!Number.isInteger(o.steps) || o.steps < 2) problems.push(problem('error', 'invalid-steps', `Steps must be a whole number of at least 2, got ${o.steps}`, { sheet: 'Assumptions' }));
    else result.steps = stepScale(design.grades, o.steps, o.stepMethod, a.rounding);
  }
  if (o.locations && o.locations.length > 0) result.locationRanges = locationRanges(design.grades, o.locations, a.rounding);
  return result;
}
