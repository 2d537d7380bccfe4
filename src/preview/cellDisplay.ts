import { roundExcel } from '../engine/money';
import { parseRange } from '../workbook/address';
import { serialToDate, formatIsoDate } from '../workbook/dates';
import type { MemoryCell } from '../hosts/memory';
import type { RangeFormat } from '../workbook/sheetSpec';

/** A sheet's format ranges, parsed once for every cell the viewer shows. */
export type ParsedFormats = { top: number; left: number; bottom: number; right: number; format: string }[];

export const parseFormats = (formats: readonly RangeFormat[] | undefined): ParsedFormats => (formats ?? []).map((f) => ({ ...parseRange(f.range), format: f.format }));

/** The number format in force for a cell (the last format range that covers it), or General. */
export function formatAt(formats: readonly RangeFormat[] | ParsedFormats | undefined, row: number, col: number): string {
  let found = 'General';
  for (const f of formats ?? []) {
    const r = 'range' in f ? parseRange(f.range) : f;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) found = f.format;
  }
  return found;
}

const decimals = (format: string): number => /\.(0+)/.exec(format)?.[1].length ?? 0;

/** A cell as the sheet shows it: the formula's cached value, numbers through a simplified number format. */
export function displayCell(cell: MemoryCell | undefined, format: string): string {
  if (cell === null || cell === undefined) return '';
  const value = typeof cell === 'object' && 'formula' in cell ? cell.value : cell;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (/[dy]/i.test(format.replace(/"[^"]*"/g, ''))) {
    const d = serialToDate(value);
    return d ? formatIsoDate(d) : String(value);
  }
  // Rounded as Excel shows it (half away from zero on 15 significant digits), not as binary toFixed would.
  const fixed = (x: number, d: number): string => roundExcel(x, d).toFixed(d);
  if (format.includes('%')) return `${fixed(value * 100, decimals(format))}%`;
  if (format.includes('#,##0')) {
    const [whole, fraction] = fixed(value, decimals(format)).split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  }
  if (/^0(\.0+)?$/.test(format)) return fixed(value, decimals(format));
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** What the formula bar shows: the formula, or the value as typed. */
export function formulaBarText(cell: MemoryCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object' && 'formula' in cell) return cell.formula;
  if (typeof cell === 'object') return cell.error;
  return String(cell);
}
