import type Decimal from 'decimal.js';
import { toDouble } from '../../engine/money';
import { cellAddress, rangeAddress } from '../address';
import type { ColumnSpec, FormulaCell, RangeFormat, ScalarValue, SheetSpec, SpecCell, TableSpec } from '../sheetSpec';

/** Number formats used across the output sheets. */
export const FMT = {
  money: '#,##0',
  money2: '#,##0.00',
  percent: '0.0%',
  percent2: '0.00%',
  ratio: '0.000',
  points: '#,##0',
  date: 'yyyy-mm-dd',
  integer: '0',
  general: 'General',
} as const;

export type Cached = number | string | boolean | null | undefined | Decimal;

/** The engine's value as a cell value: decimals become doubles, undefined becomes blank. */
export function cached(v: Cached): ScalarValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return toDouble(v);
  return v;
}

/** A formula cell with the engine's value cached. An undefined value caches as "" (the formulas' blank). */
export const formula = (text: string, value: Cached): FormulaCell => ({
  formula: text.startsWith('=') ? text : `=${text}`,
  value: value === undefined ? '' : cached(value),
});

/** f with its answers kept: the per-row formulas cite the same few sheet ranges 100,000 times over. */
export function remembered<K, V>(f: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let v = answers.get(key);
    if (v === undefined) {
      v = f(key);
      answers.set(key, v);
    }
    return v;
  };
}

/** A column of a table layout: header, format and how to fill its cell for one item. */
export interface LayoutColumn<T> {
  header: string;
  format?: string;
  width?: number;
  cell: (item: T, row: number, index: number) => SpecCell;
}

/** Builds one output sheet from blocks placed at given cells. */
export class SheetBuilder {
  private readonly cells: SpecCell[][] = [];
  private readonly formats: RangeFormat[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly columns: ColumnSpec[] = [];

  constructor(private readonly name: string) {}

  set(row: number, col: number, value: SpecCell): void {
    const r = (this.cells[row - 1] ??= []);
    while (r.length < col - 1) r.push(null);
    r[col - 1] = value;
  }

  width(col: number, width: number): void {
    while (this.columns.length < col) this.columns.push({});
    this.columns[col - 1] = { ...this.columns[col - 1], width };
  }

  format(range: string, format: string): void {
    this.formats.push({ range, format });
  }

  /** A table with a header row at (row, col); returns the data rows' first and last sheet row. */
  table<T>(name: string, row: number, col: number, items: readonly T[], columns: LayoutColumn<T>[]): { first: number; last: number } {
    columns.forEach((c, j) => {
      this.set(row, col + j, c.header);
      if (c.width) this.width(col + j, c.width);
    });
    items.forEach((item, i) => {
      const r = row + 1 + i;
      const line = (this.cells[r - 1] ??= []);
      while (line.length < col - 1) line.push(null);
      columns.forEach((c, j) => {
        line[col - 1 + j] = c.cell(item, r, i);
      });
    });
    const last = row + Math.max(1, items.length);
    // An Excel table needs at least one data row; an empty one gets a blank row.
    columns.forEach((c, j) => {
      if (c.format && items.length > 0) this.format(rangeAddress(row + 1, col + j, last, col + j), c.format);
    });
    this.tables.push({ name, range: rangeAddress(row, col, last, col + columns.length - 1) });
    return { first: row + 1, last };
  }

  /** A two-column label/value block (no table), e.g. the pay line's coefficients. */
  block(row: number, col: number, lines: [string, SpecCell, string?][]): Map<string, string> {
    const at = new Map<string, string>();
    lines.forEach(([label, value, fmt], i) => {
      this.set(row + i, col, label);
      this.set(row + i, col + 1, value);
      if (fmt) this.format(cellAddress(row + i, col + 1), fmt);
      at.set(label, cellAddress(row + i, col + 1));
    });
    return at;
  }

  build(extra: Partial<SheetSpec> = {}): SheetSpec {
    return {
      name: this.name,
      role: 'output',
      cells: Array.from(this.cells, (r) => r ?? []),
      formats: this.formats,
      tables: this.tables,
      columns: this.columns,
      freeze: { rows: 1, columns: 0 },
      ...extra,
    };
  }
}
