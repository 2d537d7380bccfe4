import type Decimal from 'decimal.js';
import { priceJobs, type PricedJob } from './market';
import { deviation, fitPayLine, predictPayLine, type PayLineFit } from './payLine';
import { problem, type Problem, type Where } from './problem';
import { slotJobs, type SlottedJob } from './slotting';
import { buildRanges, gradeEdges, type GradeRange } from './structure';
import type { Assumptions, Job, MarketRow } from './types';

export interface BenchmarkFit {
  job: Job;
  policyRate: Decimal;
  payLineRate: number;
  /** Policy rate / pay line rate − 1. */
  deviation: number;
}

export interface PayStructure {
  priced: Map<string, PricedJob>;
  /** Absent when the pay line could not be fitted (see problems). */
  fit?: PayLineFit;
  edges: number[];
  grades: GradeRange[];
  slotting: SlottedJob[];
  benchmarks: BenchmarkFit[];
  problems: Problem[];
}

const ASSUMPTIONS: Where = { sheet: 'Assumptions' };
const JOBS: Where = { sheet: 'Jobs' };

/** Market pricing → pay line on the benchmarks' policy rates → grade bands → ranges → slotting. Never throws on bad data. */
export function buildPayStructure(input: { jobs: Job[]; market: MarketRow[]; assumptions: Assumptions }): PayStructure {
  const { jobs, market, assumptions: a } = input;
  const { priced, problems } = priceJobs(jobs, market, a);
  const result: PayStructure = { priced, edges: [], grades: [], slotting: [], benchmarks: [], problems };

  const benchmarks = pricedBenchmarks(jobs, priced, problems);
  if (benchmarks.length < 2) {
    problems.push(problem('error', 'too-few-benchmarks', `the pay line needs at least 2 benchmark jobs with market data, found ${benchmarks.length}`, JOBS));
  } else {
    const fit = fitPayLine(benchmarks.map((b) => b.job.points), benchmarks.map((b) => b.policyRate.toNumber()), a.payLine);
    if ('error' in fit) problems.push(problem('error', 'pay-line-fit', `${a.payLine} pay line: ${fit.error}`, JOBS));
    else result.fit = fit;
  }
  if (result.fit) {
    const fit = result.fit;
    result.benchmarks = benchmarks.map(({ job, policyRate }) => {
      const payLineRate = predictPayLine(fit, job.points);
      return { job, policyRate, payLineRate, deviation: deviation(policyRate, payLineRate) };
    });
  }

  const edges = bandEdges(jobs, a, problems);
  if (!edges) return result;
  result.edges = edges;
  if (!result.fit || !validRangeAssumptions(a, problems)) return result;

  // The pay line must give a finite pay at every band centre: an Exponential or Power line fitted through
  // close benchmarks can leave the doubles (Excel's own formula then shows #NUM!).
  const fit = result.fit;
  const overflow = edges.slice(1).map((e, i) => (edges[i] + e) / 2).find((centre) => !Number.isFinite(predictPayLine(fit, centre)));
  if (overflow !== undefined) {
    problems.push(
      problem('error', 'pay-line-overflow', `${a.payLine} pay line: at ${overflow} points it gives ${predictPayLine(fit, overflow)}, not a finite pay; choose a Linear pay line or check the benchmark jobs' points and market rates`, JOBS),
    );
    return result;
  }
  result.grades = buildRanges(result.fit, edges, a);
  for (const r of result.grades) {
    if (!r.minimum.gt(0)) {
      problems.push(problem('error', 'non-positive-range', `grade ${r.grade}: the pay line gives a midpoint of ${r.midpoint.toString()} and a minimum of ${r.minimum.toString()}; a range needs positive pay`, ASSUMPTIONS));
    }
  }
  result.slotting = slotJobs(jobs, edges, result.grades, priced, a.slottingTolerance);
  return result;
}

/** Benchmark jobs that have a market rate; a benchmark without one is left out of the pay line, with a warning. */
function pricedBenchmarks(jobs: Job[], priced: Map<string, PricedJob>, problems: Problem[]): { job: Job; policyRate: Decimal }[] {
  const out: { job: Job; policyRate: Decimal }[] = [];
  for (const job of jobs.filter((j) => j.benchmark)) {
    const pricedJob = priced.get(job.code);
    if (pricedJob) out.push({ job, policyRate: pricedJob.policyRate });
    else problems.push(problem('warning', 'benchmark-without-market', `benchmark job "${job.code}" has no usable market data; it is left out of the pay line`, job.ref));
  }
  return out;
}

/** Grade edges over all jobs' points, or undefined (with problems) when the assumptions or points cannot make bands. */
function bandEdges(jobs: Job[], a: Assumptions, problems: Problem[]): number[] | undefined {
  if (!Number.isInteger(a.grades) || a.grades < 1) {
    problems.push(problem('error', 'invalid-grades', `Grades must be a whole number of at least 1, got ${a.grades}`, ASSUMPTIONS));
    return undefined;
  }
  let lowest = Infinity;
  let highest = -Infinity;
  for (const { points } of jobs) {
    if (!Number.isFinite(points)) continue;
    lowest = Math.min(lowest, points);
    highest = Math.max(highest, points);
  }
  if (lowest > highest) {
    problems.push(problem('error', 'no-jobs', 'there are no jobs with points to build grades from', JOBS));
    return undefined;
  }
  if (a.grades > 1 && lowest === highest) {
    problems.push(problem('error', 'flat-points', `every job has ${lowest} points; ${a.grades} grades cannot be told apart`, JOBS));
    return undefined;
  }
  if (a.gradeBands === 'Geometric' && lowest <= 0) {
    problems.push(problem('error', 'geometric-bands-need-positive-points', `Geometric grade bands need points above zero; the lowest job has ${lowest}`, JOBS));
    return undefined;
  }
  return gradeEdges(lowest, highest, a.grades, a.gradeBands);
}

function validRangeAssumptions(a: Assumptions, problems: Problem[]): boolean {
  let ok = true;
  const { low, high } = a.rangeSpread;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && high >= 0)) {
    problems.push(problem('error', 'invalid-range-spread', `Range Spread must be zero or more, got ${low}-${high}`, ASSUMPTIONS));
    ok = false;
  }
  if (!(Number.isFinite(a.rounding) && a.rounding >= 0)) {
    problems.push(problem('error', 'invalid-rounding', `Rounding must be zero or more, got ${a.rounding}`, ASSUMPTIONS));
    ok = false;
  }
  return ok;
}
