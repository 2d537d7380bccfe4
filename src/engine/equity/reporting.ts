/**
 * The statutory gender pay gap figures.
 *
 * UK: the six figures of The Equality Act 2010 (Gender Pay Gap Information) Regulations 2017
 * (SI 2017/172), regulation 2(1): (a) mean and (b) median gap in hourly pay, (c) mean and (d) median
 * gap in bonus pay (over those paid a bonus), (e) the proportions of men and of women paid a bonus,
 * (f) the proportions of men and women in each quartile pay band (regulation 13).
 *
 * EU: Article 9(1) of Directive (EU) 2023/970 (pay transparency): (a) the gender pay gap, (b) the gap
 * in complementary or variable components, (c) the median gap, (d) the median gap in variable
 * components, (e) the proportion of women and of men receiving variable components, (f) the proportion
 * of women and men in each quartile pay band, (g) the gap by category of workers, broken down by
 * ordinary basic pay and variable components. A category whose mean gap (in total pay, the "average
 * pay level" of Article 10) is at or above `Pay Gap Threshold` either way is flagged for a joint pay
 * assessment (Article 10(1)).
 *
 * Pay measures are those of `records.ts`. Only employees recorded as F or M enter these binary figures.
 */
import type { FieldValue } from './fields';
import { equityColumns, fieldValues, type EquityColumns } from './columns';
import { ALL, FEMALE, gapOfRows, groupRows, MALE, type GroupGap } from './gaps';
import type { BinaryGender } from './gender';
import { quartileBandsOf, type QuartileBand } from './quartiles';
import type { EquityRecord } from './records';

export interface ShareFigure {
  count: number;
  of: number;
  /** count / of; undefined when suppressed or of = 0. */
  share?: number;
  suppressed: boolean;
}

export interface BandShares extends QuartileBand {
  femaleShare?: number;
  maleShare?: number;
  /** The band holds fewer than the minimum group size. */
  suppressed: boolean;
}

export interface BonusFigures {
  /** Whether any employee has a Bonus value at all. */
  hasData: boolean;
  /** Mean and median bonus of those paid one. */
  gap: GroupGap;
  female: ShareFigure;
  male: ShareFigure;
}

export interface UkGenderPayGap {
  relevant: { female: number; male: number; other: number };
  /** (a), (b): hourly pay. */
  hourly: GroupGap;
  /** (c), (d), (e). */
  bonus: BonusFigures;
  /** (f): on hourly pay. */
  quartiles: BandShares[];
}

export interface CategoryGap {
  category: string | number;
  /** Ordinary basic pay (hourly). */
  basic: GroupGap;
  /** Variable pay, over those paid any. */
  variable: GroupGap;
  /** Hourly total pay (basic + variable): the flagged figure. */
  total: GroupGap;
  flagged: boolean;
  /** The gender paid less on average in total pay (when not suppressed). */
  disadvantaged?: BinaryGender;
}

export interface EuPayTransparency {
  /** (a), (c): hourly total pay. */
  pay: GroupGap;
  /** (b), (d), (e). */
  variable: BonusFigures;
  /** (f): on hourly total pay. */
  quartiles: BandShares[];
  /** (g). */
  categoryField: string;
  categories: CategoryGap[];
  threshold: number;
}

export interface ReportingOptions {
  minimumGroupSize: number;
  payGapThreshold: number;
}

export function ukGenderPayGap(records: readonly EquityRecord[], o: ReportingOptions): UkGenderPayGap {
  return ukFigures(equityColumns(records), o);
}

export function euPayTransparency(records: readonly EquityRecord[], category: { name: string; value: (r: EquityRecord) => FieldValue }, o: ReportingOptions): EuPayTransparency {
  return euFigures(equityColumns(records), groupRows(fieldValues(records, category.value)), category.name, o);
}

/** ukGenderPayGap on the records' columns. */
export function ukFigures(c: EquityColumns, o: ReportingOptions): UkGenderPayGap {
  let female = 0;
  let male = 0;
  for (let i = 0; i < c.sex.length; i++) {
    if (c.sex[i] === FEMALE) female++;
    else if (c.sex[i] === MALE) male++;
  }
  return {
    relevant: { female, male, other: c.sex.length - female - male },
    hourly: gapOfRows(ALL, undefined, c.hourlyPay, c.sex, o.minimumGroupSize),
    bonus: bonusFigures(c, o.minimumGroupSize),
    quartiles: bandShares(c, c.hourlyPay, o.minimumGroupSize),
  };
}

/** euPayTransparency on the records' columns, the records grouped by category (groupRows of the category's values). */
export function euFigures(c: EquityColumns, categoryRows: ReadonlyMap<number | string, Int32Array>, categoryField: string, o: ReportingOptions): EuPayTransparency {
  const k = o.minimumGroupSize;
  const categories = [...categoryRows].map(([value, rows]): CategoryGap => {
    const { total, flagged, disadvantaged } = categoryTotal(value, rows, c.hourlyTotalPay, c.sex, o);
    return {
      category: value,
      basic: gapOfRows(value, rows, c.hourlyPay, c.sex, k),
      variable: gapOfRows(value, rows, c.bonus, c.sex, k, c.hasBonus),
      total,
      flagged,
      disadvantaged,
    };
  });
  return {
    pay: gapOfRows(ALL, undefined, c.hourlyTotalPay, c.sex, k),
    variable: bonusFigures(c, k),
    quartiles: bandShares(c, c.hourlyTotalPay, k),
    categoryField,
    categories,
    threshold: o.payGapThreshold,
  };
}

/** A category's gap in hourly total pay (the records at `rows`), its Art. 10 flag and the gender it disadvantages. */
export function categoryTotal(
  category: string | number,
  rows: Int32Array,
  hourlyTotalPay: Float64Array,
  sex: Uint8Array,
  o: ReportingOptions,
): Pick<CategoryGap, 'category' | 'total' | 'flagged' | 'disadvantaged'> {
  const total = gapOfRows(category, rows, hourlyTotalPay, sex, o.minimumGroupSize);
  const flagged = !total.suppressed && total.meanGap !== undefined && reachesThreshold(total.meanGap, o.payGapThreshold);
  return { category, total, flagged, disadvantaged: total.meanGap === undefined ? undefined : total.meanGap > 0 ? 'F' : total.meanGap < 0 ? 'M' : undefined };
}

export const reachesThreshold = (gap: number, threshold: number): boolean => Math.round(Math.abs(gap) * 1e10) / 1e10 >= threshold;

function bonusFigures(c: EquityColumns, minimumGroupSize: number): BonusFigures {
  const of = { F: 0, M: 0 };
  const count = { F: 0, M: 0 };
  for (let i = 0; i < c.sex.length; i++) {
    const s = c.sex[i];
    if (s === FEMALE) {
      of.F++;
      if (c.hasBonus[i]) count.F++;
    } else if (s === MALE) {
      of.M++;
      if (c.hasBonus[i]) count.M++;
    }
  }
  const share = (g: BinaryGender): ShareFigure => {
    const suppressed = of[g] < minimumGroupSize;
    return { count: count[g], of: of[g], share: suppressed || of[g] === 0 ? undefined : count[g] / of[g], suppressed };
  };
  // The gap over those paid a bonus.
  return { hasData: c.bonusData, gap: gapOfRows(ALL, undefined, c.bonus, c.sex, minimumGroupSize, c.hasBonus), female: share('F'), male: share('M') };
}

/** The quartile bands of the women's and men's pay, in record order. */
function bandShares(c: EquityColumns, pay: Float64Array, minimumGroupSize: number): BandShares[] {
  let nFemale = 0;
  let nMale = 0;
  for (let i = 0; i < c.sex.length; i++) {
    if (c.sex[i] === FEMALE) nFemale++;
    else if (c.sex[i] === MALE) nMale++;
  }
  const women = new Float64Array(nFemale);
  const men = new Float64Array(nMale);
  let w = 0;
  let m = 0;
  for (let i = 0; i < c.sex.length; i++) {
    if (c.sex[i] === FEMALE) women[w++] = pay[i];
    else if (c.sex[i] === MALE) men[m++] = pay[i];
  }
  const bands = quartileBandsOf(women, men);
  return bands.map((b) => {
    const suppressed = b.size < minimumGroupSize || b.size === 0;
    return { ...b, suppressed, femaleShare: suppressed ? undefined : b.female / b.size, maleShare: suppressed ? undefined : b.male / b.size };
  });
}
