/**
 * Workbooks in the 1904 date system count days from 1904-01-01; grids speak 1900 serials, so
 * date-formatted numbers are shifted on the way in (as the file host does).
 */
export const DAYS_1900_TO_1904 = 1462;

/** True when a number format shows a calendar date (quoted text, escapes and colours ignored; times alone are not dates). */
export function isDateFormat(code: unknown): boolean {
  if (typeof code !== 'string' || code === '' || /^General$/i.test(code)) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[dy]/i.test(bare);
}
