/** As before H5's speed-ups (commit 873d8eb): part of the parse oracle. */
import { problem, type Problem } from '../../../../src/engine/problem';
import { readDate, readFlag, readNumber, readText } from '../../../../src/workbook/cellValue';
import type { Grid } from '../../../../src/workbook/grid';
import type { SheetDef } from '../../../../src/workbook/schema';
import { dataRows, locateTable, type DataRow } from './sheetTable';

/** Reads fields of one data row, adding a cell-addressed problem for every bad value. */
export class FieldReader {
  constructor(
    private readonly sheet: string,
    private readonly def: SheetDef,
    private readonly problems: Problem[],
  ) {}

  private report(r: DataRow, key: string, text: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push(problem(severity, 'bad-value', text, { sheet: this.sheet, cell: r.address(key) }));
  }

  private col(key: string) {
    return this.def.columns.find((c) => c.key === key)!;
  }

  private missing(r: DataRow, key: string): void {
    const c = this.col(key);
    if (c.required) this.report(r, key, `${c.name} is required`);
  }

  text(r: DataRow, key: string): string | undefined {
    const res = readText(r.get(key));
    if (res.ok) return res.value;
    if (res.blank) this.missing(r, key);
    else this.report(r, key, `${this.col(key).name} ${res.reason}`);
    return undefined;
  }

  number(r: DataRow, key: string): number | undefined {
    const c = this.col(key);
    const res = readNumber(r.get(key), c.kind);
    if (!res.ok) {
      if (res.blank) this.missing(r, key);
      else this.report(r, key, `${c.name} ${res.reason}`);
      return undefined;
    }
    if (c.positive && res.value <= 0) {
      this.report(r, key, `${c.name} must be above zero, not ${res.value}`);
      return undefined;
    }
    if (c.nonNegative && res.value < 0) {
      this.report(r, key, `${c.name} must not be negative, not ${res.value}`);
      return undefined;
    }
    return res.value;
  }

  date(r: DataRow, key: string) {
    const res = readDate(r.get(key));
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

