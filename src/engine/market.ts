import type Decimal from 'decimal.js';
import { fromDouble, money, ONE, sum, ZERO } from './money';
import { problem, type Problem, type Where } from './problem';
import type { AgingMethod, Assumptions, CalendarDate, Job, MarketRow, Percentiles } from './types';

/** Whole calendar months from one date to another: year and month compared, day ignored. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The factor that ages a survey rate by `months`: simple 1 + rate·t or compound (1 + rate)^t, t = months/12. */
export function agingFactor(months: number, agingRate: number, method: AgingMethod): Decimal {
  const rate = fromDouble(agingRate);
  const years = money(months).div(12);
  return method === 'Compound' ? ONE.plus(rate).pow(years) : ONE.plus(rate.mul(years));
}

const label = (percentiles: number[]): string => percentiles.map((p) => `P${p}`).join(', ');

/** The rate at a target percentile: a published one as is, otherwise linear between the two nearest published ones. */
export function percentileRate(p: Percentiles, target: number): { value: Decimal } | { error: string } {
  const published = Object.keys(p)
    .map(Number)
    .filter((k) => p[k] !== undefined)
    .sort((x, y) => x - y);
  if (published.length === 0) return { error: 'no percentile is published' };
  const exact = p[target];
  if (exact !== undefined) return { value: money(exact) };
  const upper = published.findIndex((k) => k > target);
  if (!Number.isFinite(target) || upper <= 0) {
    return { error: `P${target} cannot be interpolated from the published percentiles ${label(published)} (no extrapolation)` };
  }
  const lo = published[upper - 1];
  const hi = published[upper];
  const rLo = money(p[lo]!);
  const rHi = money(p[hi]!);
  const share = fromDouble(target).minus(lo).div(hi - lo);
  return { value: rLo.plus(rHi.minus(rLo).mul(share)) };
}

export interface PricedSurvey {
  row: MarketRow;
  /** Months the survey is aged by (negative when the survey is dated after the effective date). */
  months: number;
  /** The survey's rate at the target percentile, before aging. */
  percentileRate: Decimal;
  agedRate: Decimal;
  weight: Decimal;
}

export interface PricedJob {
  jobCode: string;
  /** Weighted mean of the aged survey rates. */
  marketRate: Decimal;
  /** Market rate × (1 + market position). */
  policyRate: Decimal;
  surveys: PricedSurvey[];
}

export type MarketAssumptions = Pick<Assumptions, 'effectiveDate' | 'agingRate' | 'agingMethod' | 'marketPercentile' | 'marketPosition'>;

const whereOf = (row: MarketRow): Where | undefined => (row.ref ? { sheet: row.ref.sheet, row: row.ref.row } : undefined);

/** Ages each survey to the effective date, reads the target percentile, blends surveys by weight and applies the market position. */
export function priceJobs(jobs: Job[], market: MarketRow[], a: MarketAssumptions): { priced: Map<string, PricedJob>; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = new Set(jobs.map((j) => j.code));
  const surveysByJob = new Map<string, PricedSurvey[]>();
  // Surveys share a few ages: each aging factor worked out once.
  const factors = new Map<number, Decimal>();
  const factorOf = (months: number): Decimal => {
    let f = factors.get(months);
    if (!f) factors.set(months, (f = agingFactor(months, a.agingRate, a.agingMethod)));
    return f;
  };

  for (const row of market) {
    const where = whereOf(row);
    if (!known.has(row.jobCode)) {
      problems.push(problem('warning', 'unknown-job-code', `market row for job code "${row.jobCode}", which is not in Jobs; row ignored`, where));
      continue;
    }
    const weight = money(row.weight);
    if (weight.isNegative()) {
      problems.push(problem('error', 'negative-weight', `survey "${row.survey}" for job "${row.jobCode}" has a negative weight ${weight.toString()}`, where));
      continue;
    }
    const rate = percentileRate(row.percentiles, a.marketPercentile);
    if ('error' in rate) {
      problems.push(problem('error', 'percentile-not-interpolable', `survey "${row.survey}" for job "${row.jobCode}": ${rate.error}`, where));
      continue;
    }
    const months = monthsBetween(row.effectiveDate, a.effectiveDate);
    const agedRate = rate.value.mul(factorOf(months));
    const surveys = surveysByJob.get(row.jobCode) ?? [];
    surveys.push({ row, months, percentileRate: rate.value, agedRate, weight });
    surveysByJob.set(row.jobCode, surveys);
  }

  const position = ONE.plus(fromDouble(a.marketPosition));
  const priced = new Map<string, PricedJob>();
  for (const [jobCode, surveys] of surveysByJob) {
    const totalWeight = sum(surveys.map((s) => s.weight));
    if (totalWeight.isZero()) {
      const where = surveys[0].row.ref ? { sheet: surveys[0].row.ref.sheet } : undefined;
      problems.push(problem('error', 'zero-weights', `every survey for job "${jobCode}" has weight 0; the job cannot be priced`, where));
      continue;
    }
    const marketRate = surveys.reduce((acc, s) => acc.plus(s.agedRate.mul(s.weight)), ZERO).div(totalWeight);
    priced.set(jobCode, { jobCode, marketRate, policyRate: marketRate.mul(position), surveys });
  }
  return { priced, problems };
}
