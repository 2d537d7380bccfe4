/**
 * One record per employee with everything the pay equity metrics read: gender, the pay measures and
 * the fields a control or a category of workers may name.
 *
 * Pay measures (documented on the sheet):
 * - base salary: the annual full-time rate, as on the Employees sheet;
 * - hourly pay = base salary × FTE / 52 / weekly hours, where weekly hours are the employee's own
 *   contractual hours (`Weekly Hours`), or FTE × `Full Time Hours` when blank;
 * - variable pay = `Bonus` (paid in the last 12 months; blank counts as none);
 * - hourly total pay = (base salary × FTE + variable pay) / 52 / weekly hours.
 * These feed statistics (means, medians, gaps, quartiles) and are doubles, as the sheet's AVERAGEIFS
 * computes them; the base salary stays decimal on the employee for the remediation costs.
 */
import { toDouble } from '../money';
import type { PlacedEmployee } from '../placement';
import type { CalendarDate } from '../types';
import type { FieldValue } from './fields';
import { emptyEquityColumns, type EquityColumns } from './columns';
import { sexCode } from './gaps';
import { binaryGender, genderLabel, type BinaryGender } from './gender';

export interface EquityRecord {
  /** Position in the records array. */
  index: number;
  placed: PlacedEmployee;
  /** F, M, the value as written, or "(blank)". */
  gender: string;
  binary?: BinaryGender;
  /** Base salary (annual full-time rate), as a double. */
  base: number;
  fte: number;
  weeklyHours: number;
  hourlyPay: number;
  /** Variable pay (Bonus), 0 when blank. */
  bonus: number;
  hasBonus: boolean;
  hourlyTotalPay: number;
  /** Whole calendar months from hire date to the effective date, / 12 (never negative); undefined without a hire date. */
  tenure?: number;
}

export interface RecordOptions {
  effectiveDate: CalendarDate;
  /** Weekly hours of a full-time employee, used when Weekly Hours is blank (× FTE). */
  fullTimeHours: number;
}

export function equityRecords(placed: readonly PlacedEmployee[], o: RecordOptions): EquityRecord[] {
  return equityRecordsWithValues(placed, o, []).records;
}

/**
 * equityRecords, and each record's value of each of `fields` (values[f][i] = fields[f](records[i])),
 * taken as the record is made, while its employee is at hand; and the records' gender and pay measures
 * as columns (what equityColumns gives), which the records read theirs from.
 */
export function equityRecordsWithValues(
  placed: readonly PlacedEmployee[],
  o: RecordOptions,
  fields: readonly ((r: EquityRecord) => FieldValue)[],
): { records: EquityRecord[]; values: FieldValue[][]; columns: EquityColumns } {
  // Few distinct spellings of gender: read each once.
  const genders = new Map<string | undefined, { label: string; binary?: BinaryGender }>();
  const genderOf = (raw: string | undefined) => {
    let g = genders.get(raw);
    if (!g) genders.set(raw, (g = { label: genderLabel(raw), binary: binaryGender(raw) }));
    return g;
  };
  const n = placed.length;
  const c = emptyEquityColumns(n);
  // The records' measures: the columns' pay measures, and the rest.
  const m: Measures = {
    base: c.base,
    fte: new Float64Array(n),
    weeklyHours: new Float64Array(n),
    hourlyPay: c.hourlyPay,
    bonus: c.bonus,
    hourlyTotalPay: c.hourlyTotalPay,
    tenure: new Float64Array(n),
  };
  const records: EquityRecord[] = new Array(n);
  const values: FieldValue[][] = fields.map(() => new Array(n));
  for (let index = 0; index < n; index++) {
    const p = placed[index];
    const e = p.employee;
    const g = genderOf(e.gender);
    const fte = e.fte;
    const hours = e.weeklyHours !== undefined && e.weeklyHours > 0 ? e.weeklyHours : fte * o.fullTimeHours;
    const base = p.salary;
    // toDouble is d.toNumber() without the string; a zero bonus (either sign) counts as none.
    const given = e.bonus === undefined ? 0 : toDouble(e.bonus);
    const bonus = given === 0 ? 0 : given;
    const hireDate = e.hireDate;
    m.base[index] = base;
    m.fte[index] = fte;
    m.weeklyHours[index] = hours;
    m.hourlyPay[index] = hourlyPayOf(base, fte, hours);
    m.bonus[index] = bonus;
    m.hourlyTotalPay[index] = hourlyTotalPayOf(base, fte, bonus, hours);
    m.tenure[index] = hireDate ? tenureYears(hireDate, o.effectiveDate) : NaN;
    c.sex[index] = sexCode(g.binary);
    if (bonus > 0) c.hasBonus[index] = 1;
    if (e.bonus !== undefined) c.bonusData = true;
    const compa = p.compaRatio;
    if (compa !== undefined) {
      c.compaRatio[index] = compa;
      c.hasCompa[index] = 1;
    }
    const r = new ColumnRecord(index, p, g.label, g.binary, bonus > 0, m);
    records[index] = r;
    for (let f = 0; f < fields.length; f++) values[f][index] = fields[f](r);
  }
  return { records, values, columns: c };
}

/** Every record's pay measures, position i holding records[i]'s (tenure NaN when there is none). */
interface Measures {
  base: Float64Array;
  fte: Float64Array;
  weeklyHours: Float64Array;
  hourlyPay: Float64Array;
  bonus: Float64Array;
  hourlyTotalPay: Float64Array;
  tenure: Float64Array;
}

/**
 * A record that reads its pay measures from the columns of all the records: one small object per
 * employee, with no number of its own to allocate (100,000 records would otherwise hold 700,000).
 */
class ColumnRecord implements EquityRecord {
  constructor(
    readonly index: number,
    readonly placed: PlacedEmployee,
    readonly gender: string,
    readonly binary: BinaryGender | undefined,
    readonly hasBonus: boolean,
    private readonly m: Measures,
  ) {}
  get base(): number {
    return this.m.base[this.index];
  }
  get fte(): number {
    return this.m.fte[this.index];
  }
  get weeklyHours(): number {
    return this.m.weeklyHours[this.index];
  }
  get hourlyPay(): number {
    return this.m.hourlyPay[this.index];
  }
  get bonus(): number {
    return this.m.bonus[this.index];
  }
  get hourlyTotalPay(): number {
    return this.m.hourlyTotalPay[this.index];
  }
  get tenure(): number | undefined {
    const t = this.m.tenure[this.index];
    return Number.isNaN(t) ? undefined : t;
  }
}

/** Hourly pay, written as the sheet's formula is: base × FTE / 52 / hours. */
export const hourlyPayOf = (base: number, fte: number, hours: number): number => (base * fte) / 52 / hours;

/** Hourly total pay, written as the sheet's formula is: (base × FTE + variable pay) / 52 / hours. */
export const hourlyTotalPayOf = (base: number, fte: number, bonus: number, hours: number): number => (base * fte + bonus) / 52 / hours;

/** Whole calendar months between the dates (day ignored, as survey aging counts them) / 12, floored at 0. */
export function tenureYears(hire: CalendarDate, effective: CalendarDate): number {
  const months = (effective.year - hire.year) * 12 + (effective.month - hire.month);
  return Math.max(0, months) / 12;
}
