import type { GridValue } from '../workbook/grid';

const isBlank = (v: GridValue | undefined): boolean => v === null || v === undefined || v === '';

/**
 * The used range of row-major values starting at A1: top/left of the first non-empty cell,
 * bottom/right of the last, as dense rows (blanks as null).
 */
export function usedRange(values: readonly (readonly (GridValue | undefined)[])[]): { top: number; left: number; rows: GridValue[][] } {
  let top = 0;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (bottom < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (bottom < 0) return { top: 1, left: 1, rows: [] };
  const rows: GridValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const src = values[r];
    const row = new Array<GridValue>(right - left + 1);
    for (let c = left; c <= right; c++) {
      const v = src[c];
      row[c - left] = isBlank(v) ? null : (v as GridValue);
    }
    rows.push(row);
  }
  return { top: top + 1, left: left + 1, rows };
}
