import type { CalendarDate } from '../engine/types';

/**
 * Excel serial dates (1900 date system). Serial 1 is 1900-01-01; Excel counts a fictitious
 * 1900-02-29 as serial 60, so serials from 61 on are one day ahead of a plain day count.
 */
const DAY_MS = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole < 60 ? whole + 1 : whole;
  const d = new Date(EPOCH_1899_12_30 + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateToSerial(date: CalendarDate): number {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  const days = Math.round((ms - EPOCH_1899_12_30) / DAY_MS);
  if (date.year === 1900 && date.month === 2 && date.day === 29) return 60;
  return days < 61 ? days - 1 : days;
}

export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const dim = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= dim;
}

/**
 * Parse a date written as text: ISO `2025-01-31`, or day-first `31/01/2025`, `31.01.2025`
 * (month-first is ambiguous and accepted only when the day is above 12, `01/31/2025`).
 */
export function parseDateText(text: string): CalendarDate | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return check({ year: +m[1], month: +m[2], day: +m[3] });
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    if (b > 12 && a <= 12) return check({ year: +m[3], month: a, day: b });
    return check({ year: +m[3], month: b, day: a });
  }
  return undefined;
}

const check = (d: CalendarDate): CalendarDate | undefined => (isValidDate(d) ? d : undefined);

export const formatIsoDate = (d: CalendarDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
