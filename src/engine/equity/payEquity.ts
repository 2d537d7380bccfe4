/**
 * Pay equity, end to end: headcounts by gender, unadjusted gaps (overall, by grade, job family and
 * department), compa-ratio by grade and gender, the regression-adjusted gap, the EU Directive
 * 2023/970 Article 9 metrics with the Article 10 flag per category of workers, the UK gender pay gap
 * figures, and the cost to close the flagged gaps. Statistics in double precision; money in decimal.
 */
import type { Placement } from '../placement';
import { problem, type Problem } from '../problem';
import type { CalendarDate } from '../types';
import { fitAdjustedGap, prepareAdjustedGap, type AdjustedGap, type AdjustedGapModel } from './adjustedGap';
import { resolveField, STANDARD_FIELDS, type FieldValue } from './fields';
import { ALL, gapOfGroup, gapsBy, groupBy, type GroupGap } from './gaps';
import { BLANK_GENDER } from './gender';
import { equityRecords, recordsOnSalaries, type EquityRecord } from './records';
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

/**
 * What the analyses share, worked out once: the options in force, the records, the regression's model
 * (ready for a response), the category of workers and the records grouped by it. `analysePayEquity`
 * reads it for the salaries as they are; `payEquityFiguresOnSalaries` for other salaries of the same
 * people (the merit plan's), without doing any of it again.
 */
export interface EquityBasis {
  o: PayEquityOptions;
  records: EquityRecord[];
  model: AdjustedGapModel;
  category: { name: string; value: (r: EquityRecord) => FieldValue };
  /** The records grouped by the category. */
  categoryGroups: Map<number | string, EquityRecord[]>;
  /** The unknown-category warning, if any. */
  problems: Problem[];
}

/** The basis of the analyses; an unknown Pay Categories falls back to Grade, with a warning. */
export function equityBasis(placement: Placement, options: PayEquityOptions): EquityBasis {
  const problems: Problem[] = [];
  const o: PayEquityOptions = { ...DEFAULT_EQUITY_OPTIONS, ...options };
  const records = equityRecords(placement.employees, { effectiveDate: o.effectiveDate, fullTimeHours: o.fullTimeHours });
  const model = prepareAdjustedGap(records, { controls: o.controls, minimumGroupSize: o.minimumGroupSize, confidenceLevel: o.confidenceLevel });
  let field = resolveField(o.categories, records).field;
  if (!field) {
    problems.push(problem('warning', 'unknown-pay-category', `Pay Categories "${o.categories}" is neither a standard field nor a column of the Employees sheet; Grade is used`, { sheet: 'Assumptions' }));
    field = resolveField('Grade', records).field!;
  }
  const category = { name: field.name, value: field.value as (r: EquityRecord) => FieldValue };
  return { o, records, model, category, categoryGroups: groupBy(records, category.value), problems };
}

export function analysePayEquity(placement: Placement, options: PayEquityOptions, basis: EquityBasis = equityBasis(placement, options)): PayEquity {
  const problems: Problem[] = [...basis.problems];
  const { o, records, category, categoryGroups } = basis;
  const { adjusted, unadjusted: core, eu } = comparedFigures(basis, records, categoryGroups);
  const k = o.minimumGroupSize;

  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.gender, (counts.get(r.gender) ?? 0) + 1);
  const order = (g: string) => (g === 'F' ? 0 : g === 'M' ? 1 : g === BLANK_GENDER ? 3 : 2);
  const headcount = [...counts.entries()]
    .map(([gender, count]) => ({ gender, count, binary: gender === 'F' || gender === 'M' }))
    .sort((a, b) => order(a.gender) - order(b.gender) || (a.gender < b.gender ? -1 : a.gender > b.gender ? 1 : 0));
  const excludedFromBinary = records.filter((r) => !r.binary).length;

  // Grouped by grade once for the gaps, the compa-ratios (and the categories, when they are the grades).
  const gradeValue = field('Grade');
  const byGrade = category.value === gradeValue ? categoryGroups : groupBy(records, gradeValue);
  const base = (r: EquityRecord) => r.base;
  const unadjusted = {
    overall: core.overall,
    byGrade: [...byGrade].map(([group, list]) => gapOfGroup(group, list, base, k)),
    byFamily: gapsBy(records, field('Job Family'), base, k),
    byDepartment: gapsBy(records, field('Department'), base, k),
  };
  const compaRatio = {
    overall: compaByGender(ALL, records, k),
    byGrade: [...byGrade].map(([g, list]) => compaByGender(g, list, k)),
  };
  const uk = ukGenderPayGap(records, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold });
  const remediation = remediationCost(records, category.value, eu.categories, adjusted, o.remediationMethod, categoryGroups);

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
  const basis = equityBasis(placement, options);
  return comparedFigures(basis, basis.records, basis.categoryGroups);
}

/**
 * The same figures with each employee's base salary replaced by `salaries[i]` (the double the
 * placement would hold for records[i], e.g. after a merit plan), everything else as it was: the same
 * grades, categories and controls, so the regression's model and the category groups are reused.
 * Equal to payEquityFigures on a placement of the employees with those salaries in the same grades
 * and ranges. The records of the result (the adjusted gap's sample) carry the new pay; their
 * `placed` is the placement the basis was built on.
 */
export function payEquityFiguresOnSalaries(basis: EquityBasis, salaries: ArrayLike<number>): PayEquityFigures {
  const records = recordsOnSalaries(basis.records, salaries);
  const groups = new Map<number | string, EquityRecord[]>();
  for (const [value, list] of basis.categoryGroups) groups.set(value, list.map((r) => records[r.index]));
  return comparedFigures(basis, records, groups);
}

/** The figures both analyses share, on `records` (the basis's, or others of the same people in the same order, grouped alike). */
function comparedFigures(basis: EquityBasis, records: EquityRecord[], categoryGroups: Map<number | string, EquityRecord[]>) {
  const { o, model, category } = basis;
  const k = o.minimumGroupSize;
  const adjusted = 'result' in model ? model.result : fitAdjustedGap(model, records);
  const eu = euPayTransparency(records, category, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold }, categoryGroups);
  return { adjusted, unadjusted: { overall: gapOfGroup(ALL, records, (r) => r.base, k) }, eu };
}

function compaByGender(group: string | number, list: readonly EquityRecord[], k: number): CompaRatioByGender {
  const g = gapOfGroup(group, list.filter((r) => r.placed.compaRatio !== undefined), (r) => r.placed.compaRatio!, k);
  return { group, nFemale: g.nFemale, nMale: g.nMale, suppressed: g.suppressed, meanFemale: g.meanFemale, meanMale: g.meanMale, gap: g.meanGap };
}
