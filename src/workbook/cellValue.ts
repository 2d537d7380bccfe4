import type { ColumnKind } from './schema';
import { isExcelError, type GridValue } from './grid';
import { parseDateText, serialToDate } from './dates';
import type { CalendarDate } from '../engine/types';

/** The outcome of reading one cell as a column kind: a value, nothing (blank), or why it failed. */
export type CellRead<T> = { ok: true; value: T } | { ok: false; blank: true } | { ok: false; blank: false; reason: string };

const blank = { ok: false, blank: true } as const;
const fail = (reason: string) => ({ ok: false, blank: false, reason }) as const;

export const isBlank = (v: GridValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');

// Codes stand apart from letters, not from digits ("CHF-1'234", "USD100"); \b would never match after zł or Kč, which end in a non-ASCII letter.
const CURRENCY = /(?:[$€£¥￥₹₩₽₺₪₫฿]|(?<!\p{L})(?:R\$|HK\$|USD|EUR|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|CNY|RMB|ZAR|BRL|MXN|SGD|HKD|kr|zł|Kč|Fr|Ft)(?!\p{L})\.?)/giu;

/**
 * A number written as text, in the formats payroll exports produce: "$85,000", "85.000,00 €",
 * "85 000", "(1,250)", "3%", "1'234.50". `thousandsHint` resolves "85.000": a thousands separator
 * for money, a decimal point otherwise.
 */
export function parseNumberText(text: string, thousandsHint = false): number | undefined {
  // U+2212 MINUS SIGN (and its small and full-width forms) is how typeset text and some exports write "-".
  let s = text.trim().replace(CURRENCY, '').replace(/[\s\u00a0\u202f'\u200e\u200f\u061c]/g, '').replace(/[\u2212\ufe63\uff0d]/g, '-');
  if (s === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  let percent = false;
  // Turkish and a few other locales write the sign first: %12,5.
  if (s.endsWith('%') || s.startsWith('%')) {
    percent = true;
    s = s.endsWith('%') ? s.slice(0, -1) : s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [intPart, frac, ...rest] = s.split(decimal);
    if (rest.length > 0 || frac === undefined || frac.includes(thousands)) return undefined;
    if (!groupedOk(intPart, thousands)) return undefined;
    normalized = intPart.split(thousands).join('') + '.' + frac;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = s.split(sep);
    const grouped = parts.length > 1 && groupedOk(s, sep);
    if (parts.length > 2) {
      if (!grouped) return undefined;
      normalized = parts.join('');
    } else if (grouped && (sep === ',' || thousandsHint)) {
      normalized = parts.join('');
    } else {
      normalized = parts[0] + '.' + parts[1];
    }
  } else normalized = s;
  const n = Number(normalized);
  if (!Number.isFinite(n)) return undefined;
  const signed = negative ? -n : n;
  return percent ? signed / 100 : signed;
}

function groupedOk(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  if (groups.length === 1) return true;
  if (/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g))) return true;
  // Indian grouping (lakh, crore): pairs above the last three digits, 12,34,567.
  return sep === ',' && /^\d{1,2}$/.test(groups[0]) && groups.slice(1, -1).every((g) => /^\d{2}$/.test(g)) && /^\d{3}$/.test(groups[groups.length - 1]);
}

// Booleans as Excel shows them (TRUE, FALSE), so the message matches what the user sees in the cell.
const describe = (v: GridValue): string =>
  isExcelError(v) ? v.error : typeof v === 'string' ? `"${v}"` : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);

export function readNumber(v: GridValue, kind: ColumnKind): CellRead<number> {
  if (v === null || isBlank(v)) return blank;
  if (isExcelError(v)) return fail(`holds the error ${v.error}`);
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = undefined;
  else n = parseNumberText(v, kind === 'money');
  if (n === undefined || !Number.isFinite(n)) return fail(`${describe(v)} is not a number`);
  if (kind === 'integer' && !Number.isInteger(n)) return fail(`${describe(v)} is not a whole number`);
  // A percentage may be typed as 3, 0.03 or "3%": whole numbers above 1 are percentage points.
  if (kind === 'percent' && typeof v === 'number' && Math.abs(n) > 1) n = n / 100;
  if (kind === 'percent' && typeof v === 'string' && !v.includes('%') && Math.abs(n) > 1) n = n / 100;
  return { ok: true, value: n };
}

export function readDate(v: GridValue): CellRead<CalendarDate> {
  if (v === null || isBlank(v)) return blank;
  if (isExcelError(v)) return fail(`holds the error ${v.error}`);
  if (typeof v === 'number') {
    const d = serialToDate(v);
    return d ? { ok: true, value: d } : fail(`${v} is not a date`);
  }
  if (typeof v === 'string') {
    const d = parseDateText(v);
    return d ? { ok: true, value: d } : fail(`"${v}" is not a date (use a date cell or YYYY-MM-DD)`);
  }
  return fail(`${describe(v)} is not a date`);
}

export function readText(v: GridValue): CellRead<string> {
  if (v === null || isBlank(v)) return blank;
  if (isExcelError(v)) return fail(`holds the error ${v.error}`);
  if (typeof v === 'number') return { ok: true, value: Number.isInteger(v) ? String(v) : String(v) };
  if (typeof v === 'boolean') return { ok: true, value: v ? 'TRUE' : 'FALSE' };
  return { ok: true, value: v.trim() };
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', 'ja', 'oui', 'si', 'sí']);
const NO = new Set(['n', 'no', 'false', '0', 'nein', 'non', '-']);

export function readFlag(v: GridValue): CellRead<boolean> {
  if (v === null || isBlank(v)) return blank;
  if (isExcelError(v)) return fail(`holds the error ${v.error}`);
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = String(v).trim().toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return fail(`${describe(v)} is not Y or N`);
}
