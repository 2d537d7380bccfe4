import { problem, type Problem } from '../engine/problem';
import { readDate, readFlag, readNumber, readText } from './cellValue';
import { serialToDate } from './dates';
import type { Grid } from './grid';
import type { ColumnDef, SheetDef } from './schema';
import { dataRows, locateTable, type DataRow } from './sheetTable';

/**
 * Reads fields of one data row, adding a cell-addressed problem for every bad value. The usual cell
 * (text in a text column, a finite number in a number column) is read here directly; anything else
 * goes through the cell readers of cellValue.ts, which decide the same way and word the problems.
 */
export class FieldReader {
  private readonly columns = new Map<string, ColumnDef>();

  constructor(
    private readonly sheet: string,
    private readonly def: SheetDef,
    private readonly problems: Problem[],
  ) {
    for (const c of def.columns) if (!this.columns.has(c.key)) this.columns.set(c.key, c);
  }

  private report(r: DataRow, key: string, text: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(problem(severity, 'bad-value', text, { sheet: this.sheet, cell: r.address(key) }));
  }

  private col(key: string): ColumnDef {
    return this.columns.get(key)!;
  }

  private missing(r: DataRow, key: string): void {
    const c = this.col(key);
    if (c.required) this.report(r, key, `${c.name} is required`);
  }

  text(r: DataRow, key: string): string | undefined {
    const v = r.get(key);
    if (typeof v === 'string') {
      const text = v.trim();
      if (text !== '') return text;
      this.missing(r, key);
      return undefined;
    }
    const res = readText(v);
    if (res.ok) return res.value;
    if (res.blank) this.missing(r, key);
    else this.report(r, key, `${this.col(key).name} ${res.reason}`);
    return undefined;
  }

  number(r: DataRow, key: string): number | undefined {
    const c = this.col(key);
    const v = r.get(key);
    let value: number;
    if (typeof v === 'number' && Number.isFinite(v) && (c.kind !== 'integer' || Number.isInteger(v))) {
      // As readNumber reads a number cell: whole numbers above 1 in a percent column are percentage points.
      value = c.kind === 'percent' && Math.abs(v) > 1 ? v / 100 : v;
    } else {
      const res = readNumber(v, c.kind);
      if (!res.ok) {
        if (res.blank) this.missing(r, key);
        else this.report(r, key, `${c.name} ${res.reason}`);
        return undefined;
      }
      value = res.value;
    }
    if (c.positive && value <= 0) {
      this.report(r, key, `${c.name} must be above zero, not ${value}`);
      return undefined;
    }
    if (c.nonNegative && value < 0) {
      this.report(r, key, `${c.name} must not be negative, not ${value}`);
      return undefined;
    }
    return value;
  }

  date(r: DataRow, key: string) {
    const v = r.get(key);
    if (typeof v === 'number') {
      const d = serialToDate(v);
      if (d) return d;
    }
    const res = readDate(v);
    if (res.ok) return res.value;
    if (res.blank) this.missing(r, key);
    else this.report(r, key, `${this.col(key).name} ${res.reason}`);
    return undefined;
  }

  flag(r: DataRow, key: string): boolean | undefined {
    const res = readFlag(r.get(key));
    if (res.ok) return res.value;
    if (res.blank) this.missing(r, key);
    else this.report(r, key, `${this.col(key).name} ${res.reason}`);
    return undefined;
  }
}

/** Locate a sheet's table and its data rows, with a reader that reports bad cells. */
export function rowsOf(grid: Grid | undefined, def: SheetDef, keyColumn: string, problems: Problem[]) {
  if (!grid) return undefined;
  const located = locateTable(grid, def);
  problems.push(...located.problems);
  if (!located.table) return undefined;
  const data = dataRows(grid, located.table, keyColumn);
  problems.push(...data.problems);
  if (data.rows.length === 0) problems.push(problem('error', 'empty-sheet', `${def.name} has a header but no data rows`, { sheet: grid.sheet }));
  return { table: located.table, rows: data.rows, reader: new FieldReader(grid.sheet, def, problems) };
}

