/**
 * Unadjusted gender pay gaps: Gap = (men − women) / men, for means and medians alike (positive when
 * women are paid less). Statistics, in double precision (as the sheet's AVERAGEIFS). A figure over fewer than `minimumGroupSize` women or men is suppressed: it is
 * not computed at all, to protect the privacy of the few people it would describe.
 */
import type { FieldValue } from './fields';
import { compareLevels } from './fields';
import type { BinaryGender } from './gender';
import type { EquityRecord } from './records';

export interface GroupGap {
  /** "All" or the group's value. */
  group: string | number;
  /** Everyone in the group, whatever their gender. */
  headcount: number;
  nFemale: number;
  nMale: number;
  /** Neither F nor M: counted, not in the gap. */
  nOther: number;
  suppressed: boolean;
  meanFemale?: number;
  meanMale?: number;
  meanGap?: number;
  medianFemale?: number;
  medianMale?: number;
  medianGap?: number;
}

export const ALL = 'All';

/** (men − women) / men, or undefined when men's figure is zero. */
export function gapOf(men: number | undefined, women: number | undefined): number | undefined {
  if (men === undefined || women === undefined || men === 0) return undefined;
  return (men - women) / men;
}

export function mean(xs: ArrayLike<number>): number | undefined {
  if (xs.length === 0) return undefined;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Excel's MEDIAN: the middle value, or the mean of the two middle values. O(n) by selection. */
export function median(xs: ArrayLike<number>): number | undefined {
  return xs.length === 0 ? undefined : medianInPlace(Float64Array.from(xs));
}

/** The median of `a`, reordering it. */
function medianInPlace(a: Float64Array): number | undefined {
  const n = a.length;
  if (n === 0) return undefined;
  const mid = n >> 1;
  const upper = select(a, mid);
  if (n % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper one after selection.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/** The k-th smallest value (0-based), rearranging `a` so that a[0..k) ≤ a[k] ≤ a[k+1..) (Hoare's quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot keeps sorted and constant inputs linear.
    const mid = (lo + hi) >> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** The gap figures of one group of records for one pay measure. */
export function gapOfGroup(group: string | number, records: readonly EquityRecord[], pay: (r: EquityRecord) => number, minimumGroupSize: number): GroupGap {
  const sex = new Uint8Array(records.length);
  const values = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    sex[i] = sexCode(r.binary);
    if (sex[i] !== OTHER) values[i] = pay(r);
  }
  return gapOfRows(group, undefined, values, sex, minimumGroupSize);
}

/** A record's gender as the columns hold it (see EquityColumns). */
export const FEMALE = 1;
export const MALE = 2;
export const OTHER = 0;
export const sexCode = (b: BinaryGender | undefined): number => (b === 'F' ? FEMALE : b === 'M' ? MALE : OTHER);

/**
 * gapOfGroup on columns: the group is the records at `rows` (every record when undefined), those with
 * `only[i]` set when `only` is given, in that order; `pay[i]` and `sex[i]` are record i's pay and
 * gender code. The same figures as gapOfGroup on the records in that order.
 */
export function gapOfRows(group: string | number, rows: Int32Array | undefined, pay: Float64Array, sex: Uint8Array, minimumGroupSize: number, only?: Uint8Array): GroupGap {
  // Counted first: a suppressed group's pay is never read, and the others' goes straight into arrays of the right size.
  const size = rows ? rows.length : sex.length;
  let headcount = 0;
  let nFemale = 0;
  let nMale = 0;
  for (let j = 0; j < size; j++) {
    const i = rows ? rows[j] : j;
    if (only && only[i] === 0) continue;
    headcount++;
    const s = sex[i];
    if (s === FEMALE) nFemale++;
    else if (s === MALE) nMale++;
  }
  const out: GroupGap = {
    group,
    headcount,
    nFemale,
    nMale,
    nOther: headcount - nFemale - nMale,
    suppressed: nFemale < minimumGroupSize || nMale < minimumGroupSize || nFemale === 0 || nMale === 0,
  };
  if (out.suppressed) return out;
  const women = new Float64Array(nFemale);
  const men = new Float64Array(nMale);
  let w = 0;
  let m = 0;
  for (let j = 0; j < size; j++) {
    const i = rows ? rows[j] : j;
    if (only && only[i] === 0) continue;
    const s = sex[i];
    if (s === FEMALE) women[w++] = pay[i];
    else if (s === MALE) men[m++] = pay[i];
  }
  out.meanFemale = mean(women);
  out.meanMale = mean(men);
  out.meanGap = gapOf(out.meanMale, out.meanFemale);
  // The means are taken: the arrays may now be reordered by the selection.
  out.medianFemale = medianInPlace(women);
  out.medianMale = medianInPlace(men);
  out.medianGap = gapOf(out.medianMale, out.medianFemale);
  return out;
}

/**
 * Positions grouped by value, as groupBy groups records: `values[i]` is record i's value (undefined
 * leaves it out); groups in level order, positions in record order.
 */
export function groupRows(values: ArrayLike<FieldValue>): Map<number | string, Int32Array> {
  const groups = new Map<number | string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const k = values[i];
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compareLevels(a, b)).map(([k, list]) => [k, Int32Array.from(list)]));
}

/** Records grouped by a field's value (records without one are left out), groups in level order. */
export function groupBy(records: readonly EquityRecord[], key: (r: EquityRecord) => FieldValue): Map<number | string, EquityRecord[]> {
  const groups = new Map<number | string, EquityRecord[]>();
  for (const r of records) {
    const k = key(r);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compareLevels(a, b)));
}

/** The gap by each value of a field. */
export function gapsBy(records: readonly EquityRecord[], key: (r: EquityRecord) => FieldValue, pay: (r: EquityRecord) => number, minimumGroupSize: number): GroupGap[] {
  return [...groupBy(records, key)].map(([group, list]) => gapOfGroup(group, list, pay, minimumGroupSize));
}
