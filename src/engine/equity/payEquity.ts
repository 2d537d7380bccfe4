/**
 * Pay equity, end to end: headcounts by gender, unadjusted gaps (overall, by grade, job family and
 * department), compa-ratio by grade and gender, the regression-adjusted gap, the EU Directive
 * 2023/970 Article 9 metrics with the Article 10 flag per category of workers, the UK gender pay gap
 * figures, and the cost to close the flagged gaps. Statistics in double precision; money in decimal.
 */
import type { Placement } from '../placement';
import { problem, type Problem } from '../problem';
import type { CalendarDate } from '../types';
import { adjustedGapOnPay, fitAdjustedGap, parseControls, prepareAdjustedGap, type AdjustedGap, type AdjustedGapModel } from './adjustedGap';
import { fieldValues, type EquityColumns } from './columns';
import { resolveField, STANDARD_FIELDS, type FieldValue } from './fields';
import { ALL, FEMALE, gapOfRows, groupRows, MALE, type GroupGap } from './gaps';
import { BLANK_GENDER } from './gender';
import { equityRecordsWithValues, hourlyTotalPayOf, type EquityRecord } from './records';
import { remediationOn, type Remediation, type RemediationMethod } from './remediation';
import { categoryTotal, euFigures, ukFigures, type CategoryGap, type EuPayTransparency, type UkGenderPayGap } from './reporting';

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
  /** The records' gender and pay measures as arrays. */
  columns: EquityColumns;
  model: AdjustedGapModel;
  category: { name: string; value: (r: EquityRecord) => FieldValue };
  /** The records' positions grouped by the category. */
  categoryRows: Map<number | string, Int32Array>;
  /** Each record's value of a field, by the field's function (worked out once). */
  valuesOf: (value: (r: EquityRecord) => FieldValue) => FieldValue[];
  /** The unknown-category warning, if any. */
  problems: Problem[];
}

/** The basis of the analyses; an unknown Pay Categories falls back to Grade, with a warning. */
export function equityBasis(placement: Placement, options: PayEquityOptions): EquityBasis {
  const problems: Problem[] = [];
  const o: PayEquityOptions = { ...DEFAULT_EQUITY_OPTIONS, ...options };
  // The standard fields the analysis reads (the breakdowns, the controls, the category), each record's
  // values taken as the records are made, while the employee is at hand.
  const wanted = new Set([field('Grade'), field('Job Family'), field('Department')]);
  for (const name of [...parseControls(o.controls).map((c) => c.name), o.categories]) {
    const standard = resolveField(name, []).field;
    if (standard) wanted.add(standard.value);
  }
  const fields = [...wanted];
  const { records, values, columns } = equityRecordsWithValues(placement.employees, { effectiveDate: o.effectiveDate, fullTimeHours: o.fullTimeHours }, fields);
  const cache = new Map(fields.map((f, i) => [f, values[i]]));
  const valuesOf = (value: (r: EquityRecord) => FieldValue): FieldValue[] => {
    let v = cache.get(value);
    if (!v) cache.set(value, (v = fieldValues(records, value)));
    return v;
  };
  const model = prepareAdjustedGap(records, { controls: o.controls, minimumGroupSize: o.minimumGroupSize, confidenceLevel: o.confidenceLevel }, valuesOf);
  let found = resolveField(o.categories, records).field;
  if (!found) {
    problems.push(problem('warning', 'unknown-pay-category', `Pay Categories "${o.categories}" is neither a standard field nor a column of the Employees sheet; Grade is used`, { sheet: 'Assumptions' }));
    found = resolveField('Grade', records).field!;
  }
  const category = { name: found.name, value: found.value as (r: EquityRecord) => FieldValue };
  return { o, records, columns, model, category, categoryRows: groupRows(valuesOf(category.value)), valuesOf, problems };
}

export function analysePayEquity(placement: Placement, options: PayEquityOptions, basis: EquityBasis = equityBasis(placement, options)): PayEquity {
  const problems: Problem[] = [...basis.problems];
  const { o, records, columns: c, category, categoryRows, valuesOf } = basis;
  const { adjusted, unadjusted: core, eu } = comparedFigures(basis, records, c);
  const k = o.minimumGroupSize;

  // F and M counted on the column; the other genders as written.
  let nFemale = 0;
  let nMale = 0;
  let excludedFromBinary = 0;
  const others = new Map<string, number>();
  for (let i = 0; i < c.sex.length; i++) {
    const s = c.sex[i];
    if (s === FEMALE) nFemale++;
    else if (s === MALE) nMale++;
    else {
      excludedFromBinary++;
      const g = records[i].gender;
      others.set(g, (others.get(g) ?? 0) + 1);
    }
  }
  const counts = new Map<string, number>([...(nFemale > 0 ? [['F', nFemale] as const] : []), ...(nMale > 0 ? [['M', nMale] as const] : []), ...others]);
  const order = (g: string) => (g === 'F' ? 0 : g === 'M' ? 1 : g === BLANK_GENDER ? 3 : 2);
  const headcount = [...counts.entries()]
    .map(([gender, count]) => ({ gender, count, binary: gender === 'F' || gender === 'M' }))
    .sort((a, b) => order(a.gender) - order(b.gender) || (a.gender < b.gender ? -1 : a.gender > b.gender ? 1 : 0));

  // Grouped by grade once for the gaps, the compa-ratios (and the categories, when they are the grades).
  const gradeValue = field('Grade');
  const byGrade = category.value === gradeValue ? categoryRows : groupRows(valuesOf(gradeValue));
  const gaps = (groups: Map<number | string, Int32Array>) => [...groups].map(([group, rows]) => gapOfRows(group, rows, c.base, c.sex, k));
  const unadjusted = {
    overall: core.overall,
    byGrade: gaps(byGrade),
    byFamily: gaps(groupRows(valuesOf(field('Job Family')))),
    byDepartment: gaps(groupRows(valuesOf(field('Department')))),
  };
  const compaRatio = {
    overall: compaByGender(ALL, undefined, c, k),
    byGrade: [...byGrade].map(([g, rows]) => compaByGender(g, rows, c, k)),
  };
  const uk = ukFigures(c, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold });
  const remediation = remediationOn(records, c, categoryRows, eu.categories, adjusted, o.remediationMethod);

  return { records, headcount, excludedFromBinary, unadjusted, compaRatio, adjusted, eu, uk, remediation, options: o, problems };
}

/**
 * The figures a before/after comparison reads (see meritEquityImpact): the adjusted gap, the overall
 * unadjusted gap in base salary, and the EU gap in hourly total pay, overall and by category with the
 * Art. 10 flag. A PayEquity has them all.
 */
export interface PayEquityFigures {
  adjusted: Pick<AdjustedGap, 'status' | 'reason' | 'gap'>;
  unadjusted: Pick<PayEquity['unadjusted'], 'overall'>;
  eu: { pay: EuPayTransparency['pay']; categories: Pick<CategoryGap, 'category' | 'total' | 'flagged' | 'disadvantaged'>[] };
}

/**
 * The adjusted gap, the overall unadjusted gap and the EU figures, as analysePayEquity computes them,
 * without the breakdowns, the UK figures and the remediation that a second full analysis would repeat.
 */
export function payEquityFigures(placement: Placement, options: PayEquityOptions): ReturnType<typeof comparedFigures> {
  const basis = equityBasis(placement, options);
  return comparedFigures(basis, basis.records, basis.columns);
}

/**
 * The figures a comparison reads (PayEquityFigures) with each employee's base salary replaced by
 * `salaries[i]` (the double the placement would hold for records[i], e.g. after a merit plan),
 * everything else as it was: the same grades, categories and controls, so the regression's model and
 * the category groups are reused, and the pay measures are worked out from the new salaries as the
 * records work them out. The same figures as payEquityFigures on a placement of the employees with
 * those salaries in the same grades and ranges, without the rest of it (quartiles, variable pay,
 * standard errors) that nothing compares.
 */
export function payEquityFiguresOnSalaries(basis: EquityBasis, salaries: ArrayLike<number>): PayEquityFigures {
  const { o, model, records, categoryRows } = basis;
  const reporting = { minimumGroupSize: o.minimumGroupSize, payGapThreshold: o.payGapThreshold };
  const n = records.length;
  const base = new Float64Array(n);
  const hourlyTotalPay = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    base[i] = salaries[i];
    hourlyTotalPay[i] = hourlyTotalPayOf(base[i], r.fte, r.bonus, r.weeklyHours);
  }
  const sex = basis.columns.sex;
  return {
    adjusted: 'result' in model ? model.result : adjustedGapOnPay(model, base),
    unadjusted: { overall: gapOfRows(ALL, undefined, base, sex, o.minimumGroupSize) },
    eu: {
      pay: gapOfRows(ALL, undefined, hourlyTotalPay, sex, o.minimumGroupSize),
      categories: [...categoryRows].map(([value, rows]) => categoryTotal(value, rows, hourlyTotalPay, sex, reporting)),
    },
  };
}

/** The figures both analyses share, on `records` and their columns (the basis's, or others of the same people in the same order). */
function comparedFigures(basis: EquityBasis, records: EquityRecord[], c: EquityColumns) {
  const { o, model, category, categoryRows } = basis;
  const k = o.minimumGroupSize;
  const adjusted = 'result' in model ? model.result : fitAdjustedGap(model, records);
  const eu = euFigures(c, categoryRows, category.name, { minimumGroupSize: k, payGapThreshold: o.payGapThreshold });
  return { adjusted, unadjusted: { overall: gapOfRows(ALL, undefined, c.base, c.sex, k) }, eu };
}

/** Mean compa-ratios of women and men over the rows (every record when undefined) that have one. */
function compaByGender(group: string | number, rows: Int32Array | undefined, c: EquityColumns, k: number): CompaRatioByGender {
  const g = gapOfRows(group, rows, c.compaRatio, c.sex, k, c.hasCompa);
  return { group, nFemale: g.nFemale, nMale: g.nMale, suppressed: g.suppressed, meanFemale: g.meanFemale, meanMale: g.meanMale, gap: g.meanGap };
}
