/** Excel's rules for sheet and table names, shared by every host. */

export const MAX_SHEET_NAME_LENGTH = 31;
export const MAX_TABLE_NAME_LENGTH = 255;
const FORBIDDEN = /[[\]:*?/\\]/;
/** Control characters (tab, line breaks…): Excel's UI cannot type them and a name should not hold them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Why `name` cannot be a sheet name, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > MAX_SHEET_NAME_LENGTH) return `"${name}" is longer than ${MAX_SHEET_NAME_LENGTH} characters`;
  if (FORBIDDEN.test(name)) return `"${name}" contains one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" starts or ends with an apostrophe`;
  if (new RegExp(CONTROL.source).test(name)) return `"${name}" contains a control character`;
  // Excel reserves "History" for its change-tracking sheet.
  if (sheetNameKey(name) === 'HISTORY') return '"History" is reserved by Excel';
  return undefined;
}

/** At most `max` UTF-16 units of `s`, never splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Turn any text into a valid sheet name (used for names that come from data). */
export function sanitizeSheetName(raw: string): string {
  let name = String(raw).replace(CONTROL, ' ').replace(/[[\]:*?/\\]/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  name = clip(name, MAX_SHEET_NAME_LENGTH).replace(/'+$/, '').trim();
  if (name === '') name = 'Sheet';
  if (sheetNameKey(name) === 'HISTORY') name = 'History (1)';
  return name;
}

/**
 * The key under which Excel compares sheet (and table, and defined) names: case-insensitive,
 * letter by letter, beyond ASCII too: each character's simple upper case (Σ, σ and the final ς are
 * one letter; ß, whose upper case is two letters, stays itself).
 */
export function sheetNameKey(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(name)) return name.toUpperCase();
  let key = '';
  for (const ch of name) {
    const upper = ch.toUpperCase();
    key += upper.length === ch.length ? upper : ch;
  }
  return key;
}

export const sameSheetName = (a: string, b: string): boolean => sheetNameKey(a) === sheetNameKey(b);

/** `Name (2)`, `Name (3)`… the first that is not taken (case-insensitive), kept within 31 characters. */
export function nextFreeSheetName(base: string, isTaken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = clip(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}

/** True when a name would read as a cell reference, A1 (`B7`, `xfd1048576`) or R1C1 (`R`, `C3`, `R2C5`), which Excel forbids. */
export function looksLikeCellReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * Why `name` cannot be a table name, or undefined when it can: Excel wants a letter, `_` or `\` first,
 * then letters, digits, `_` and `.`; no cell reference; at most 255 characters.
 */
export function tableNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name === '') return 'a table name cannot be blank';
  if (name.length > MAX_TABLE_NAME_LENGTH) return `"${name.slice(0, 40)}…" is longer than ${MAX_TABLE_NAME_LENGTH} characters`;
  if (!/^[\p{L}_\\]/u.test(name)) return `"${name}" must start with a letter, _ or \\`;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return `"${name}" may hold only letters, digits, _ and .`;
  if (looksLikeCellReference(name)) return `"${name}" reads as a cell reference`;
  return undefined;
}

/**
 * Turn any text into a valid table name not yet taken (`isTaken` answers case-insensitively):
 * other characters become `_`, a name that would start wrongly or read as a cell gets a `_` in
 * front, and a taken one a `_2`, `_3`… suffix.
 */
export function sanitizeTableName(raw: string, isTaken: (name: string) => boolean = () => false): string {
  let name = String(raw)
    .trim()
    .replace(/[^\p{L}\p{N}_.\\]/gu, '_')
    .replace(/\\/g, (m, at: number) => (at === 0 ? m : '_'));
  if (name === '') name = 'Table';
  if (!/^[\p{L}_\\]/u.test(name) || looksLikeCellReference(name)) name = `_${name}`;
  name = clip(name, MAX_TABLE_NAME_LENGTH);
  let candidate = name;
  for (let n = 2; isTaken(candidate); n++) {
    const suffix = `_${n}`;
    candidate = clip(name, MAX_TABLE_NAME_LENGTH - suffix.length) + suffix;
  }
  return candidate;
}
