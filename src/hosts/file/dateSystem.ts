/**
 * Workbooks saved in the 1904 date system (old Mac Excel) count days from 1904-01-01; the grid
 * and the layouts speak 1900 serials, so date-formatted cells are shifted on the way in and out.
 */
export const DAYS_1900_TO_1904 = 1462;

/** Built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format code shows a date or time (quoted text, escapes and colours ignored). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(bare.trim());
}

export function isDateFormatId(numFmtId: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(numFmtId);
  return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(numFmtId);
}
