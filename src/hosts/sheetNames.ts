/** Excel's rules for sheet names, shared by every host. */

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/;

/** Why `name` cannot be a sheet name, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > MAX_SHEET_NAME_LENGTH) return `"${name}" is longer than ${MAX_SHEET_NAME_LENGTH} characters`;
  if (FORBIDDEN.test(name)) return `"${name}" contains one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" starts or ends with an apostrophe`;
  // Excel reserves "History" for its change-tracking sheet.
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}

/** Turn any text into a valid sheet name (used for names that come from data). */
export function sanitizeSheetName(raw: string): string {
  let name = raw.replace(/[[\]:*?/\\]/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  name = name.slice(0, MAX_SHEET_NAME_LENGTH).replace(/'+$/, '').trim();
  if (name === '') name = 'Sheet';
  if (name.toLowerCase() === 'history') name = 'History (1)';
  return name;
}

export const sameSheetName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `Name (2)`, `Name (3)`… the first that is not taken (case-insensitive), kept within 31 characters. */
export function nextFreeSheetName(base: string, isTaken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}
