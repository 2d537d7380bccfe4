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
import { ALL, gapOfGroup, groupBy, type GroupGap } from './gaps';
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
  const binary = records.filter((r) => r.binary);
  const female = binary.filter((r) => r.binary === 'F').length;
  return {
    relevant: { female, male: binary.length - female, other: records.length - binary.length },
    hourly: gapOfGroup(ALL, records, (r) => r.hourlyPay, o.minimumGroupSize),
    bonus: bonusFigures(records, o.minimumGroupSize),
    quartiles: bandShares(binary, (r) => r.hourlyPay, o.minimumGroupSize),
  };
}

/** `groups`, when given, are the records grouped by the category (groupBy(records, category.value)), worked out once elsewhere. */
export function euPayTransparency(
  records: readonly EquityRecord[],
  category: { name: string; value: (r: EquityRecord) => FieldValue },
  o: ReportingOptions,
  groups: Map<number | string, EquityRecord[]> = groupBy(records, category.value),
): EuPayTransparency {
  const binary = records.filter((r) => r.binary);
  const categories = [...groups].map(([value, list]): CategoryGap => {
    const total = gapOfGroup(value, list, (r) => r.hourlyTotalPay, o.minimumGroupSize);
    const flagged = !total.suppressed && total.meanGap !== undefined && reachesThreshold(total.meanGap, o.payGapThreshold);
    return {
      category: value,
      basic: gapOfGroup(value, list, (r) => r.hourlyPay, o.minimumGroupSize),
      variable: gapOfGroup(value, list.filter((r) => r.hasBonus), (r) => r.bonus, o.minimumGroupSize),
      total,
      flagged,
      disadvantaged: total.meanGap === undefined ? undefined : total.meanGap > 0 ? 'F' : total.meanGap < 0 ? 'M' : undefined,
    };
  });
  return {
    pay: gapOfGroup(ALL, records, (r) => r.hourlyTotalPay, o.minimumGroupSize),
    variable: bonusFigures(records, o.minimumGroupSize),
    quartiles: bandShares(binary, (r) => r.hourlyTotalPay, o.minimumGroupSize),
    categoryField: category.name,
    categories,
    threshold: o.payGapThreshold,
  };
}

/**
 * |gap| ≥ threshold, the gap rounded to 10 decimals first (the sheet's ROUND(ABS(gap), 10) >= threshold),
 * so that a gap of exactly 5% computed in doubles as 4.9999999999999996% is still flagged.
 */
export const reachesThreshold = (gap: number, threshold: number): boolean => Math.round(Math.abs(gap) * 1e10) / 1e10 >= threshold;

function bonusFigures(records: readonly EquityRecord[], minimumGroupSize: number): BonusFigures {
  const recipients: EquityRecord[] = [];
  const of = { F: 0, M: 0 };
  const count = { F: 0, M: 0 };
  // Whether anyone has a Bonus value: the first one found settles it.
  const hasData = records.some((r) => r.placed.employee.bonus !== undefined);
  for (const r of records) {
    if (r.binary) of[r.binary]++;
    if (!r.hasBonus) continue;
    recipients.push(r);
    if (r.binary) count[r.binary]++;
  }
  const share = (g: BinaryGender): ShareFigure => {
    const suppressed = of[g] < minimumGroupSize;
    return { count: count[g], of: of[g], share: suppressed || of[g] === 0 ? undefined : count[g] / of[g], suppressed };
  };
  return { hasData, gap: gapOfGroup(ALL, recipients, (r) => r.bonus, minimumGroupSize), female: share('F'), male: share('M') };
}

function bandShares(binary: readonly EquityRecord[], pay: (r: EquityRecord) => number, minimumGroupSize: number): BandShares[] {
  let nFemale = 0;
  for (const r of binary) if (r.binary === 'F') nFemale++;
  const women = new Float64Array(nFemale);
  const men = new Float64Array(binary.length - nFemale);
  let w = 0;
  let m = 0;
  for (const r of binary) {
    if (r.binary === 'F') women[w++] = pay(r);
    else men[m++] = pay(r);
  }
  const bands = quartileBandsOf(women, men);
  return bands.map((b) => {
    const suppressed = b.size < minimumGroupSize || b.size === 0;
    return { ...b, suppressed, femaleShare: suppressed ? undefined : b.female / b.size, maleShare: suppressed ? undefined : b.male / b.size };
  });
}
