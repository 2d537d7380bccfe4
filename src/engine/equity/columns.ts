/**
 * The records' gender and pay measures as typed arrays (position i holds records[i]), so the figures
 * over many groups (grades, categories, quartiles) read arrays instead of walking the records again
 * and again. Each column holds exactly the record's value: the figures computed on them are those
 * computed on the records.
 */
import type { FieldValue } from './fields';
import { sexCode } from './gaps';
import type { EquityRecord } from './records';

export interface EquityColumns {
  /** FEMALE, MALE or OTHER (gaps.ts). */
  sex: Uint8Array;
  base: Float64Array;
  hourlyPay: Float64Array;
  hourlyTotalPay: Float64Array;
  bonus: Float64Array;
  /** 1 where hasBonus. */
  hasBonus: Uint8Array;
  /** The placement's compa-ratio, where hasCompa is 1. */
  compaRatio: Float64Array;
  hasCompa: Uint8Array;
  /** Whether any employee has a Bonus value at all. */
  bonusData: boolean;
}

/** Columns for n records, every value 0 (and no bonus data), to be filled. */
export function emptyEquityColumns(n: number): EquityColumns {
  return {
    sex: new Uint8Array(n),
    base: new Float64Array(n),
    hourlyPay: new Float64Array(n),
    hourlyTotalPay: new Float64Array(n),
    bonus: new Float64Array(n),
    hasBonus: new Uint8Array(n),
    compaRatio: new Float64Array(n),
    hasCompa: new Uint8Array(n),
    bonusData: false,
  };
}

export function equityColumns(records: readonly EquityRecord[]): EquityColumns {
  const n = records.length;
  const c = emptyEquityColumns(n);
  // The first employee with a Bonus value settles it.
  c.bonusData = records.some((r) => r.placed.employee.bonus !== undefined);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    c.sex[i] = sexCode(r.binary);
    c.base[i] = r.base;
    c.hourlyPay[i] = r.hourlyPay;
    c.hourlyTotalPay[i] = r.hourlyTotalPay;
    c.bonus[i] = r.bonus;
    c.hasBonus[i] = r.hasBonus ? 1 : 0;
    const compa = r.placed.compaRatio;
    if (compa !== undefined) {
      c.compaRatio[i] = compa;
      c.hasCompa[i] = 1;
    }
  }
  return c;
}

/** Each record's value of a field (the field's function called once per record). */
export function fieldValues(records: readonly EquityRecord[], value: (r: EquityRecord) => FieldValue): FieldValue[] {
  const out: FieldValue[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = value(records[i]);
  return out;
}
