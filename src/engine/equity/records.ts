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
 * taken as the record is made, while its employee is at hand.
 */
export function equityRecordsWithValues(
  placed: readonly PlacedEmployee[],
  o: RecordOptions,
  fields: readonly ((r: EquityRecord) => FieldValue)[],
): { records: EquityRecord[]; values: FieldValue[][] } {
  // Few distinct spellings of gender: read each once.
  const genders = new Map<string | undefined, { label: string; binary?: BinaryGender }>();
  const genderOf = (raw: string | undefined) => {
    let g = genders.get(raw);
    if (!g) genders.set(raw, (g = { label: genderLabel(raw), binary: binaryGender(raw) }));
    return g;
  };
  const records: EquityRecord[] = new Array(placed.length);
  const values: FieldValue[][] = fields.map(() => new Array(placed.length));
  for (let index = 0; index < placed.length; index++) {
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
    records[index] = {
      index,
      placed: p,
      gender: g.label,
      binary: g.binary,
      base,
      fte,
      weeklyHours: hours,
      hourlyPay: hourlyPayOf(base, fte, hours),
      bonus,
      hasBonus: bonus > 0,
      hourlyTotalPay: hourlyTotalPayOf(base, fte, bonus, hours),
      tenure: hireDate ? tenureYears(hireDate, o.effectiveDate) : undefined,
    };
    for (let f = 0; f < fields.length; f++) values[f][index] = fields[f](records[index]);
  }
  return { records, values };
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
