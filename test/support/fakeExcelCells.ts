/**
 * How Excel turns what it is given through `Range.values` / `Range.formulas` into a cell, as a user
 * typing would: a leading `=` makes a formula (and so do `+`, `-` and `@` before anything that is
 * not a number), numbers, percentages, booleans and dates written as text are parsed, a leading
 * apostrophe keeps the rest as text, and a cell formatted as Text (`@`) keeps everything as text.
 */
import { dateToSerial } from '../../src/workbook/dates';

export type FakeValue = string | number | boolean;

/** A cell as the fake stores it. */
export interface FakeCell {
  value: FakeValue;
  formula?: string;
  /** Text entered behind an apostrophe (Excel's quotePrefix). */
  quotePrefix?: boolean;
  /** An error value (#N/A…) placed by a test. */
  error?: boolean;
  format?: string;
  formatSeq?: number;
}

export type Entry = { kind: 'skip' } | { kind: 'clear' } | { kind: 'cell'; cell: FakeCell; format?: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function parseNumber(s: string): number | undefined {
  if (NUMBER.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

/** What Excel makes of one input value given the cell's current number format. */
export function enter(input: unknown, currentFormat: string | undefined): Entry {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw Object.assign(new Error(`${input} is not a valid cell value`), { code: 'InvalidArgument' });
    return { kind: 'cell', cell: { value: input } };
  }
  if (typeof input === 'boolean') return { kind: 'cell', cell: { value: input } };
  if (typeof input !== 'string') throw Object.assign(new Error(`unsupported cell input ${JSON.stringify(input)}`), { code: 'InvalidArgument' });
  const s = input;
  if (s === '') return { kind: 'clear' };
  if (currentFormat === '@') return { kind: 'cell', cell: { value: s } };
  if (s.startsWith("'")) return { kind: 'cell', cell: { value: s.slice(1), quotePrefix: true } };
  if (s.startsWith('=') && s.length > 1) return { kind: 'cell', cell: { value: '', formula: s } };
  const trimmed = s.trim();
  const n = parseNumber(trimmed);
  if (n !== undefined) return { kind: 'cell', cell: { value: n } };
  if (s.startsWith('+') || s.startsWith('-')) return { kind: 'cell', cell: { value: '', formula: `=${s}` } };
  if (s.startsWith('@') && s.length > 1) return { kind: 'cell', cell: { value: '', formula: `=${s.slice(1)}` } };
  if (PERCENT.test(trimmed)) return { kind: 'cell', cell: { value: Number(trimmed.slice(0, -1)) / 100 }, format: '0%' };
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'cell', cell: { value: /^true$/i.test(trimmed) } };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return { kind: 'cell', cell: { value: dateToSerial({ year: +iso[1], month: +iso[2], day: +iso[3] }) }, format: 'yyyy-mm-dd' };
  const us = US_DATE.exec(trimmed);
  if (us) return { kind: 'cell', cell: { value: dateToSerial({ year: +us[3], month: +us[1], day: +us[2] }) }, format: 'm/d/yyyy' };
  return { kind: 'cell', cell: { value: s } };
}
