import type Decimal from 'decimal.js';
import { toDouble } from '../../engine/money';
import { cellAddress, rangeAddress } from '../address';
import { fillDown } from '../formulaRefs';
import type { ColumnSpec, FormulaCell, FormulaFill, RangeFormat, ScalarValue, SheetSpec, SpecCell, TableSpec } from '../sheetSpec';

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

/** A row of a filled column that holds a cell of its own instead of the column's formula. */
export class OwnCell {
  constructor(readonly cell: SpecCell) {}
}

/** Marks a row of a filled column as holding `cell` instead of the formula. */
export const ownCell = (cell: SpecCell): OwnCell => new OwnCell(cell);

/**
 * A formula filled down a table column: `formula(row)` is its text at a sheet row, and must be the
 * same formula at every row, its relative references moving with it (checked row by row in the
 * tests); `value` is each row's cached value, or `ownCell(…)` for a row that is not part of the fill.
 */
export interface ColumnFill<T> {
  formula: (row: number) => string;
  value: (item: T, row: number, index: number) => Cached | OwnCell;
}

/** A column of a table layout: header, format, and its cells, one per item or a formula filled down. */
export type LayoutColumn<T> = {
  header: string;
  format?: string;
  width?: number;
} & ({ cell: (item: T, row: number, index: number) => SpecCell; fill?: undefined } | { fill: ColumnFill<T>; cell?: undefined });

/** A fill needs this share of a column's rows to be worth it; below, the formulas go cell by cell. */
const MIN_FILL_SHARE = 0.5;

/**
 * When on (the tests turn it on), every filled column's formula is computed at every row and
 * compared with the fill's: a layout cannot claim a formula is filled down when it is not.
 */
export const fillChecks = { enabled: false };

/** Builds one output sheet from blocks placed at given cells. */
export class SheetBuilder {
  private readonly cells: SpecCell[][] = [];
  private readonly formats: RangeFormat[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly columns: ColumnSpec[] = [];
  private readonly fills: FormulaFill[] = [];

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
    // Row by row, plain loops: a 100,000-row table is millions of cells.
    const n = columns.length;
    const own = columns.map((c) => (c.fill ? ([] as number[]) : undefined));
    // The columns' functions in arrays of their own: the columns are objects of several shapes.
    const cellOf = columns.map((c) => c.cell);
    const valueOf = columns.map((c) => c.fill?.value);
    const left = col - 1;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const r = row + 1 + i;
      let line = this.cells[r - 1];
      if (line === undefined) {
        // A new row, allocated at its size (every slot is set below).
        this.cells[r - 1] = line = new Array<SpecCell>(left + n);
        for (let k = 0; k < left; k++) line[k] = null;
      }
      while (line.length < left) line.push(null);
      for (let j = 0; j < n; j++) {
        const cell = cellOf[j];
        let out: SpecCell;
        if (cell !== undefined) out = cell(item, r, i);
        else {
          const v = valueOf[j]!(item, r, i);
          if (v === undefined) out = '';
          else if (typeof v !== 'object' || v === null) out = v;
          else if (v instanceof OwnCell) {
            out = v.cell;
            own[j]!.push(r);
          } else out = toDouble(v);
        }
        if (line.length === left + j) line.push(out);
        else line[left + j] = out;
      }
    }
    for (let j = 0; j < n; j++) {
      const fill = columns[j].fill;
      if (fill) this.fillColumn(col + j, row + 1, row + items.length, fill, own[j]!);
    }
    const last = row + Math.max(1, items.length);
    // An Excel table needs at least one data row; an empty one gets a blank row.
    columns.forEach((c, j) => {
      if (c.format && items.length > 0) this.format(rangeAddress(row + 1, col + j, last, col + j), c.format);
    });
    this.tables.push({ name, range: rangeAddress(row, col, last, col + columns.length - 1) });
    return { first: row + 1, last };
  }

  /** Rows first..last of a column hold a fill's cached values, rows in `own` their own cells: record the fill, or spell it out. */
  private fillColumn<T>(col: number, first: number, last: number, fill: ColumnFill<T>, own: number[]): void {
    const text = (r: number): string => {
      const t = fill.formula(r);
      return t.startsWith('=') ? t : `=${t}`;
    };
    // `own` is ascending (the rows in table order): the fill starts after the own rows at the top and ends before those at the bottom.
    let lo = 0;
    let top = first;
    while (top <= last && lo < own.length && own[lo] === top) {
      top++;
      lo++;
    }
    let hi = own.length - 1;
    let bottom = last;
    while (bottom >= top && hi >= lo && own[hi] === bottom) {
      bottom--;
      hi--;
    }
    if (top > bottom) return;
    // The own rows between them (all strictly inside, as `own` is ascending).
    const inside = own.slice(lo, hi + 1);
    const formula = text(top);
    const down = fillDown(formula, top);
    const rows = last - first + 1 - own.length;
    if (down && rows >= MIN_FILL_SHARE * (last - first + 1)) {
      if (fillChecks.enabled) {
        const ownRows = new Set(inside);
        for (let r = top; r <= bottom; r++) {
          if (!ownRows.has(r) && !down.sameAt(text(r), r)) throw new Error(`${this.name}: the formula of column ${col} is not filled down: row ${top} has ${formula}, row ${r} has ${text(r)}`);
        }
      }
      this.fills.push({ col, first: top, last: bottom, formula, ...(inside.length > 0 ? { except: inside } : {}) });
      return;
    }
    // Too few formula rows for a fill: each one a formula cell of its own.
    const ownRows = new Set(inside);
    for (let r = top; r <= bottom; r++) {
      if (ownRows.has(r)) continue;
      const line = this.cells[r - 1];
      const value = line[col - 1];
      line[col - 1] = { formula: text(r), value: value === undefined || (value !== null && typeof value === 'object') ? null : value };
    }
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
    const cells = new Array<SpecCell[]>(this.cells.length);
    for (let i = 0; i < cells.length; i++) cells[i] = this.cells[i] ?? [];
    return {
      name: this.name,
      role: 'output',
      cells,
      formats: this.formats,
      tables: this.tables,
      columns: this.columns,
      ...(this.fills.length > 0 ? { fills: this.fills } : {}),
      freeze: { rows: 1, columns: 0 },
      ...extra,
    };
  }
}
