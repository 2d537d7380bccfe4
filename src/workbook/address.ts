/** A1 addresses. Columns and rows are 1-based. */

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new RangeError(`column out of range: ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export const absAddress = (row: number, col: number): string => `$${columnLetter(col)}$${row}`;

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

export function absRange(top: number, left: number, bottom: number, right: number): string {
  return `${absAddress(top, left)}:${absAddress(bottom, right)}`;
}

/** Parse `B7` (or `$B$7`) to { row, col }. */
export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`not a cell address: ${a1}`);
  // Row 0, or beyond row 1,048,576 or column XFD, is not on a sheet.
  const row = Number(m[2]);
  const col = columnNumber(m[1]);
  if (row < 1 || row > 1048576 || col > 16384) throw new RangeError(`not a cell address: ${a1}`);
  return { row, col };
}

/** Parse `A1:H41` (or a single cell) to its corners. */
export function parseRange(a1: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = a1.split(':');
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A sheet name as it must appear in a formula: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'Pay Structure'!$E$2:$E$11` */
export const sheetRef = (sheet: string, range: string): string => `${quoteSheet(sheet)}!${range}`;
