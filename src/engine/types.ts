import type Decimal from 'decimal.js';
import type { SourceRef } from './problem';

/** A calendar date without time zone; the workbook layer converts Excel serials to these. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export type PaySystem = 'Post' | 'Skill' | 'Ability';
export type AgingMethod = 'Simple' | 'Compound';
export type PayLineModel = 'Linear' | 'Exponential' | 'Power';
/** Custom: the bands of the `Grade Bands` input sheet replace the computed ones. */
export type GradeBandMethod = 'Equal' | 'Geometric' | 'Custom';
export type AboveMaximum = 'Lump Sum' | 'Cap';

export interface Job {
  code: string;
  title: string;
  family?: string;
  points: number;
  benchmark: boolean;
  ref?: SourceRef;
}

/** Published percentiles of a survey row, keyed by percentile (10, 25, 50, 75, 90). */
export type Percentiles = Partial<Record<number, Decimal>>;

export interface MarketRow {
  jobCode: string;
  survey: string;
  effectiveDate: CalendarDate;
  percentiles: Percentiles;
  /** Blend weight; blank in the sheet means 1. */
  weight: Decimal;
  incumbents?: number;
  ref?: SourceRef;
}

export interface Employee {
  id: string;
  name?: string;
  jobCode: string;
  /** Annual full-time rate. */
  baseSalary: Decimal;
  fte: number;
  hireDate?: CalendarDate;
  gender?: string;
  department?: string;
  location?: string;
  managerId?: string;
  rating?: number;
  bonus?: Decimal;
  weeklyHours?: number;
  skillLevel?: number;
  competencyScore?: number;
  /** Columns of the Employees sheet beyond the canonical ones (controls for the equity model). */
  extra?: Record<string, string | number | null>;
  ref?: SourceRef;
}

export interface AppraisalRow {
  employeeId: string;
  objective?: string;
  weight: number;
  score: number;
  ref?: SourceRef;
}

/** Every parameter of the `Assumptions` sheet, typed. Defaults live in the workbook layer's parameter table. */
export interface Assumptions {
  paySystem: PaySystem;
  currency: string;
  effectiveDate: CalendarDate;
  agingRate: number;
  agingMethod: AgingMethod;
  marketPercentile: number;
  marketPosition: number;
  payLine: PayLineModel;
  grades: number;
  gradeBands: GradeBandMethod;
  /** Range spread of grade 1 and of the top grade (equal for a constant spread). */
  rangeSpread: { low: number; high: number };
  /** Market rate vs midpoint beyond ±this flags a job in slotting. */
  slottingTolerance: number;
  /** Rounding multiple for midpoints, minimums and maximums (1, 100, 1000…). */
  rounding: number;
  meritBudget: number;
  ratingScale: number;
  /** Ascending score thresholds: a score ≥ thresholds[i] earns rating i + 2 (below the first: rating 1). */
  ratingThresholds: number[];
  /** Ascending compa-ratio boundaries b1 < b2 < …. */
  compaZones: number[];
  aboveMaximum: AboveMaximum;
  catchUpToMinimum: boolean;
  prorationStart?: CalendarDate;
  bonusPool?: Decimal;
  payGapThreshold: number;
  /** Controls of the adjusted gender gap: standard names or Employees columns, `Name^2` for a square. */
  equityControls: string;
  /** Figures over fewer women or men than this are suppressed. */
  minimumGroupSize: number;
  /** The category of workers for EU Art. 9(1)(g): a standard field or an Employees column. */
  payCategories: string;
  /** Weekly hours of a full-time employee (for a blank Weekly Hours). */
  fullTimeHours: number;
  remediationMethod: 'Regression' | 'Compa-Ratio';
  /** Target midpoint progression for the consistency check; undefined: the structure's even progression. */
  progressionTarget?: number;
  progressionTolerance: number;
  maxOverlap: number;
  minOverlap: number;
  minRankCorrelation: number;
  compressionMargin: number;
  circleThreshold: number;
}

/** Everything the pipeline reads from a workbook, typed. */
export interface Inputs {
  jobs: Job[];
  market: MarketRow[];
  employees: Employee[];
  appraisal: AppraisalRow[];
  assumptions: Assumptions;
}
