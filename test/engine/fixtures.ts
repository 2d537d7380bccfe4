import { money } from '../../src/engine/money';
import type { Assumptions, CalendarDate, Job, MarketRow } from '../../src/engine/types';

export const date = (year: number, month: number, day = 1): CalendarDate => ({ year, month, day });

export const assumptions = (over: Partial<Assumptions> = {}): Assumptions => ({
  paySystem: 'Post',
  currency: 'USD',
  effectiveDate: date(2025, 1),
  agingRate: 0.03,
  agingMethod: 'Simple',
  marketPercentile: 50,
  marketPosition: 0,
  payLine: 'Linear',
  grades: 5,
  gradeBands: 'Equal',
  rangeSpread: { low: 0.5, high: 0.5 },
  slottingTolerance: 0.05,
  rounding: 100,
  meritBudget: 0.03,
  ratingScale: 5,
  ratingThresholds: [1.5, 2.5, 3.5, 4.5],
  compaZones: [0.9, 1.1],
  aboveMaximum: 'Lump Sum',
  catchUpToMinimum: false,
  payGapThreshold: 0.05,
  equityControls: 'Grade; Job Family; Tenure; Rating; Location; FTE',
  minimumGroupSize: 5,
  payCategories: 'Grade',
  fullTimeHours: 40,
  remediationMethod: 'Regression',
  progressionTolerance: 0.05,
  maxOverlap: 0.5,
  minOverlap: 0,
  minRankCorrelation: 0.9,
  compressionMargin: 0.05,
  circleThreshold: 0.05,
  ...over,
});

export const job = (code: string, points: number, benchmark = true, row?: number): Job => ({
  code,
  title: `Job ${code}`,
  points,
  benchmark,
  ref: row === undefined ? undefined : { sheet: 'Jobs', row },
});

export const marketRow = (
  jobCode: string,
  percentiles: Record<number, number>,
  over: Partial<Omit<MarketRow, 'percentiles'>> = {},
): MarketRow => ({
  jobCode,
  survey: 'Survey A',
  effectiveDate: date(2025, 1),
  weight: money(1),
  percentiles: Object.fromEntries(Object.entries(percentiles).map(([k, v]) => [Number(k), money(v)])),
  ...over,
});

/**
 * The classic six-benchmark regression example used in compensation texts (figures from the lead's
 * issue): job evaluation points and market salary of six benchmark jobs.
 */
export const SIX_BENCHMARKS: [points: number, salary: number][] = [
  [1200, 170000],
  [900, 150000],
  [750, 100000],
  [500, 85000],
  [300, 60000],
  [200, 40000],
];
