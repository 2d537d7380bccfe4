/**
 * Pay equity, end to end: headcounts by gender, unadjusted gaps (overall, by grade, job family and
 * department), compa-ratio by grade and gender, the regression-adjusted gap, the EU Directive
 * 2023/970 Article 9 metrics with the Article 10 flag per category of workers, the UK gender pay gap
 * figures, and the cost to close the flagged gaps. Statistics in double precision; money in decimal.
 */
import type { Placement } from '../placement';
import { problem, type Problem } from '../problem';
import type { CalendarDate } from '../types';
import { adjustedGap, type AdjustedGap } from './adjustedGap';
import { resolveField, STANDARD_FIELDS, type FieldValue } from './fields';
import { ALL, gapOfGroup, gapsBy, groupBy, type GroupGap } from './gaps';
import { BLANK_GENDER } from './gender';
import { equityRecords, type EquityRecord } from './records';
import { remediationCost, type Remediation, type RemediationMethod } from './remediation';
import { euPayTransparency, ukGenderPayGap, type EuPayTransparency, type UkGenderPayGap } from './reporting';

/** The Assumptions parameters pay equity reads (see DEFAULT_EQUITY_OPTIONS). */
export interface PayEquityOptions {
  effectiveDate: CalendarDate;
  /** Art. 10 flag: a category's mean gap at or above this, either way (`Pay Gap Threshold`). */
  payGapThreshold: number;
  /** Figures over fewer women or men than this are suppressed (`Minimum Group Size`). */
  minimumGroupSize: number;
  /** Controls of the adjusted gap (`Equity Controls`): standard names or Employees columns, `Name^2` for a square. */
  controls: string | readonly string[];
  /** The category of workers of Art. 9(1)(g) (`Pay Categories`): a standard field or an Employees column. */
  categories: string;
  /** Weekly hours of a full-time employee, for employees whose Weekly Hours is blank (`Full Time Hours`). */
  fullTimeHours: number;
  /** How the remediation target is set (`Remediation Method`). */
  remediationMethod: RemediationMethod;
  confidenceLevel?: number;
}

export const DEFAULT_EQUITY_CONTROLS = 'Grade; Job Family; Tenure; Rating; Location; FTE';

export const DEFAULT_EQUITY_OPTIONS: Omit<PayEquityOptions, 'effectiveDate' | 'payGapThreshold'> = {
  minimumGroupSize: 5,
  controls: DEFAULT_EQUITY_CONTROLS,
  categories: 'Grade',
  fullTimeHours: 40,
  remediationMethod: 'Regression',
  confidenceLevel: 0.95,
};

export interface GenderHeadcount {
  gender: string;
  count: number;
  /** In the binary gap metrics (F or M). */
  binary: boolean;
}

export interface CompaRatioByGender {
  group: string | number;
  nFemale: number;
  nMale: number;
  suppressed: boolean;
  meanFemale?: number;
  meanMale?: number;
  /** (men − women) / men on the mean compa-ratios. */
  gap?: number;
}

export interface PayEquity {
  records: EquityRecord[];
  headcount: GenderHeadcount[];
  /** Employees whose gender is neither F nor M: in the headcounts, not in the binary metrics. */
  excludedFromBinary: number;
  /** Unadjusted gaps in base salary (the annual full-time rate). */
  unadjusted: { overall: GroupGap; byGrade: GroupGap[]; byFamily: GroupGap[]; byDepartment: GroupGap[] };
  compaRatio: { overall: CompaRatioByGender; byGrade: CompaRatioByGender[] };
  adjusted: AdjustedGap;
  eu: EuPayTransparency;
  uk: UkGenderPayGap;
  remediation: Remediation;
  options: PayEquityOptions;
  problems: Problem[];
}

const field = (name: string) => STANDARD_FIELDS.find((f) => f.name === name)!.value;

export function analysePayEquity(placement: Placement, options: PayEquityOptions): PayEquity {
  const problems: Problem[] = [];
  const { o, records, adjusted, unadjusted: core, eu, category } = comparedFigures(placement, options, problems);
  const k = o.minimumGroupSize;

  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.gender, (counts.get(r.gender) ?? 0) + 1);
  const order = (g: string) => (g === 'F' ? 0 : g === 'M' ? 1 : g === BLANK_GENDER ? 3 : 2);
  const headcount = [...counts.entries()]
    .map(([gender, count]) => ({ gender, count, binary: gender === 'F' || gender === 'M' }))
    .sort((a, b) => order(a.gender) - order(b.gender) || (a.gender < b.gender ? -1 : a.gender > b.gender ? 1 : 0));
  const excludedFromBinary = records.filter((r) => !r.binary).length;

  const base = (r: EquityRecord) => r.base;
  const unadjusted = {
    overall: core.overall,
    byGrade: gapsBy(records, field('Grade'), base, k),
    byFamily: gapsBy(records, field('Job Family'), base, k),
    byDepartment: gapsBy(records, field('Department'), base, k),
  };
  const compaRatio = {
    overall: compaByGender(ALL, records, k),
    byGrade: [...groupBy(records, field('Grade'))].map(([g, list]) => compaByGender(g, list, k)),
  };
  const uk = ukGenderPayGap(records, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold });
  const remediation = remediationCost(records, category, eu.categories, adjusted, o.remediationMethod);

  return { records, headcount, excludedFromBinary, unadjusted, compaRatio, adjusted, eu, uk, remediation, options: o, problems };
}

/** The figures a before/after comparison reads (see meritEquityImpact). */
export type PayEquityFigures = Pick<PayEquity, 'adjusted' | 'eu'> & { unadjusted: Pick<PayEquity['unadjusted'], 'overall'> };

/**
 * Only what meritEquityImpact compares: the adjusted gap, the overall unadjusted gap and the EU
 * figures, as analysePayEquity computes them, without the breakdowns, the UK figures and the
 * remediation that a second full analysis would repeat.
 */
export function payEquityFigures(placement: Placement, options: PayEquityOptions): PayEquityFigures {
  const { adjusted, unadjusted, eu } = comparedFigures(placement, options);
  return { adjusted, unadjusted, eu };
}

/** The records and the figures both analyses share; an unknown Pay Categories falls back to Grade (with a warning when `problems` is given). */
function comparedFigures(placement: Placement, options: PayEquityOptions, problems?: Problem[]) {
  const o: PayEquityOptions = { ...DEFAULT_EQUITY_OPTIONS, ...options };
  const records = equityRecords(placement.employees, { effectiveDate: o.effectiveDate, fullTimeHours: o.fullTimeHours });
  const k = o.minimumGroupSize;
  const adjusted = adjustedGap(records, { controls: o.controls, minimumGroupSize: k, confidenceLevel: o.confidenceLevel });
  let field = resolveField(o.categories, records).field;
  if (!field) {
    problems?.push(problem('warning', 'unknown-pay-category', `Pay Categories "${o.categories}" is neither a standard field nor a column of the Employees sheet; Grade is used`, { sheet: 'Assumptions' }));
    field = resolveField('Grade', records).field!;
  }
  const category = field.value as (r: EquityRecord) => FieldValue;
  const eu = euPayTransparency(records, { name: field.name, value: category }, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold });
  return { o, records, adjusted, unadjusted: { overall: gapOfGroup(ALL, records, (r) => r.base, k) }, eu, category };
}

function compaByGender(group: string | number, list: readonly EquityRecord[], k: number): CompaRatioByGender {
  const g = gapOfGroup(group, list.filter((r) => r.placed.compaRatio !== undefined), (r) => r.placed.compaRatio!, k);
  return { group, nFemale: g.nFemale, nMale: g.nMale, suppressed: g.suppressed, meanFemale: g.meanFemale, meanMale: g.meanMale, gap: g.meanGap };
}
