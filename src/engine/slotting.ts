import type Decimal from 'decimal.js';
import type { PricedJob } from './market';
import { fromDouble } from './money';
import { gradeOfPoints, type GradeRange } from './structure';
import type { Job } from './types';

export type SlotFlag = '' | 'Above maximum' | 'Below minimum' | 'Above midpoint' | 'Below midpoint' | 'No market data' | 'Outside bands';

export interface SlottedJob {
  job: Job;
  grade?: number;
  marketRate?: Decimal;
  policyRate?: Decimal;
  midpoint?: Decimal;
  minimum?: Decimal;
  maximum?: Decimal;
  /** Market rate / midpoint − 1. */
  marketVsMidpoint?: Decimal;
  flag: SlotFlag;
}

/** Puts every job in the grade its points fall in and flags market rates that sit badly in that grade's range. */
export function slotJobs(
  jobs: Job[],
  edges: number[],
  grades: GradeRange[],
  priced: Map<string, PricedJob>,
  tolerance: number,
): SlottedJob[] {
  const rangeOf = new Map(grades.map((r) => [r.grade, r]));
  const limit = fromDouble(tolerance);
  return jobs.map((job): SlottedJob => {
    const market = priced.get(job.code);
    const rates = market ? { marketRate: market.marketRate, policyRate: market.policyRate } : {};
    const grade = gradeOfPoints(job.points, edges);
    const range = grade === undefined ? undefined : rangeOf.get(grade);
    if (grade === undefined || !range) return { job, ...rates, flag: 'Outside bands' };

    const slot = { job, grade, midpoint: range.midpoint, minimum: range.minimum, maximum: range.maximum };
    if (!market) return { ...slot, flag: 'No market data' };
    const marketVsMidpoint = market.marketRate.div(range.midpoint).minus(1);
    return { ...slot, ...rates, marketVsMidpoint, flag: flagOf(market.marketRate, marketVsMidpoint, range, limit) };
  });
}

function flagOf(marketRate: Decimal, marketVsMidpoint: Decimal, range: GradeRange, tolerance: Decimal): SlotFlag {
  if (marketRate.gt(range.maximum)) return 'Above maximum';
  if (marketRate.lt(range.minimum)) return 'Below minimum';
  if (marketVsMidpoint.gt(tolerance)) return 'Above midpoint';
  if (marketVsMidpoint.lt(tolerance.neg())) return 'Below midpoint';
  return '';
}
