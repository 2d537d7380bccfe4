/** As before H5's speed-ups (commit 873d8eb): part of the parse oracle. */
import { problem, type Problem } from '../../../../src/engine/problem';
import { cellAddress, parseRange } from '../../../../src/workbook/address';
import { isBlank } from '../../../../src/workbook/cellValue';
import type { Grid, GridValue } from '../../../../src/workbook/grid';
import { normalizeHeader, type ColumnDef, type SheetDef } from '../../../../src/workbook/schema';

/** A data table found on a sheet: where its header is and which sheet column holds each field. */
export interface LocatedTable {
  sheet: string;
  headerRow: number;
  /** Column def key → 1-based sheet column. */
  columns: Map<string, number>;
  /** Headers beyond the declared columns, kept when the sheet def asks for them. */
  extras: { name: string; col: number }[];
  firstDataRow: number;
  lastDataRow: number;
}

/** One data row: the sheet row number and a way to fetch each field's raw value and address. */
export class DataRow {
  constructor(
    private readonly grid: Grid,
    private readonly table: LocatedTable,
    readonly row: number,
  ) {}

  get(key: string): GridValue {
    const c = this.table.columns.get(key);
    return c === undefined ? null : cellAt(this.grid, this.row, c);
  }

  /** The field's cell on this row; for a column the table lacks, the row's cell in the table's first column. */
  address(key: string): string {
    return cellAddress(this.row, this.table.columns.get(key) ?? Math.min(...this.table.columns.values()));
  }

  extra(col: number): GridValue {
    return cellAt(this.grid, this.row, col);
  }
}

const HEADER_SCAN_ROWS = 30;

const matcherFor = (def: SheetDef): Map<string, ColumnDef> => {
  const m = new Map<string, ColumnDef>();
  for (const c of def.columns) {
    for (const n of [c.name, ...(c.synonyms ?? [])]) {
      const k = normalizeHeader(n);
      if (!m.has(k)) m.set(k, c);
    }
  }
  return m;
};

function cellAt(grid: Grid, row: number, col: number): GridValue {
  const r = grid.rows[row - grid.top];
  if (!r) return null;
  const v = r[col - grid.left];
  return v === undefined ? null : v;
}

interface HeaderCandidate {
  row: number;
  /** The header's last row when it runs over two (see `continueHeader`). */
  lastRow?: number;
  columns: Map<string, number>;
  duplicates: { name: string; col: number; row?: number }[];
  extras: { name: string; col: number }[];
  left: number;
  right: number;
}

function readHeader(grid: Grid, row: number, left: number, right: number, matcher: Map<string, ColumnDef>): HeaderCandidate {
  const columns = new Map<string, number>();
  const duplicates: { name: string; col: number }[] = [];
  const extras: { name: string; col: number }[] = [];
  for (let col = left; col <= right; col++) {
    const v = cellAt(grid, row, col);
    if (typeof v !== 'string' || v.trim() === '') continue;
    const def = matcher.get(normalizeHeader(v));
    if (!def) {
      extras.push({ name: v.trim(), col });
      continue;
    }
    if (columns.has(def.key)) duplicates.push({ name: v.trim(), col });
    else columns.set(def.key, col);
  }
  return { row, columns, duplicates, extras, left, right };
}

/**
 * A header over two rows, as merged cells leave it: a group label merged across columns above the
 * names (`Percentiles` over P25, P50, P75), the other names merged down (the value sits in the top
 * cell, the one below is blank). The row below continues the header when it holds only text, nothing
 * under the names already found, and at least one column not found yet.
 */
function continueHeader(grid: Grid, cand: HeaderCandidate, matcher: Map<string, ColumnDef>): HeaderCandidate | undefined {
  const row = cand.row + 1;
  const taken = new Set(cand.columns.values());
  let adds = false;
  for (let col = cand.left; col <= cand.right; col++) {
    const v = cellAt(grid, row, col);
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || taken.has(col)) return undefined;
    const def = matcher.get(normalizeHeader(v));
    if (def && !cand.columns.has(def.key)) adds = true;
  }
  if (!adds) return undefined;
  const next = readHeader(grid, row, cand.left, cand.right, matcher);
  const columns = new Map(cand.columns);
  const duplicates = [...cand.duplicates];
  for (const [key, col] of next.columns) {
    if (columns.has(key)) duplicates.push({ name: String(cellAt(grid, row, col)).trim(), col, row });
    else columns.set(key, col);
  }
  duplicates.push(...next.duplicates.map((d) => ({ ...d, row })));
  // A group label is no column of its own: the names below it are.
  const below = new Set([...next.columns.values(), ...next.extras.map((x) => x.col)]);
  const extras = [...cand.extras.filter((x) => !below.has(x.col)), ...next.extras].sort((a, b) => a.col - b.col);
  return { ...cand, lastRow: row, columns, duplicates, extras };
}

/**
 * Find the table for `def` on a sheet: an Excel table whose header matches, else the first row
 * (of the first 30) holding every required column, else the best partial match with problems.
 */
export function locateTable(grid: Grid, def: SheetDef): { table?: LocatedTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const matcher = matcherFor(def);
  const required = def.columns.filter((c) => c.required);
  const gridRight = grid.left + grid.rows.reduce((w, r) => Math.max(w, r.length), 0) - 1;
  const gridBottom = grid.top + grid.rows.length - 1;

  const candidates: { cand: HeaderCandidate; bottom: number }[] = [];
  for (const t of grid.tables ?? []) {
    const r = parseRange(t.range);
    candidates.push({ cand: readHeader(grid, r.top, r.left, r.right, matcher), bottom: r.bottom });
  }
  if (candidates.length === 0 || !candidates.some((c) => required.every((d) => c.cand.columns.has(d.key)))) {
    for (let row = grid.top; row <= Math.min(gridBottom, grid.top + HEADER_SCAN_ROWS - 1); row++) {
      candidates.push({ cand: readHeader(grid, row, grid.left, gridRight, matcher), bottom: gridBottom });
    }
  }
  const complete = candidates.find((c) => required.every((d) => c.cand.columns.has(d.key)));
  const best = complete ?? [...candidates].sort((a, b) => b.cand.columns.size - a.cand.columns.size)[0];
  if (!best || best.cand.columns.size === 0) {
    problems.push(
      problem('error', 'no-header', `no header row found; expected columns ${required.map((c) => c.name).join(', ')}`, { sheet: grid.sheet }),
    );
    return { problems };
  }
  const cand = continueHeader(grid, best.cand, matcher) ?? best.cand;
  const headerEnd = cand.lastRow ?? cand.row;
  for (const d of cand.duplicates) {
    problems.push(
      problem('warning', 'duplicate-column', `column "${d.name}" repeats an earlier column and is ignored`, {
        sheet: grid.sheet,
        cell: cellAddress(d.row ?? cand.row, d.col),
      }),
    );
  }
  const missing = required.filter((c) => !cand.columns.has(c.key));
  for (const c of missing) {
    const names = [c.name, ...(c.synonyms ?? [])].slice(0, 4).join(', ');
    problems.push(
      problem('error', 'missing-column', `required column "${c.name}" not found in the header row (accepted names include ${names})`, {
        sheet: grid.sheet,
        row: cand.row,
      }),
    );
  }
  if (missing.length > 0) return { problems };

  // Data runs to the table's end; a row that repeats the header starts another table and ends this one.
  // Only a row whose key cell reads as the key column's header is looked at closely (cheap on 100k rows).
  let last = best.bottom;
  const keyDef = required[0];
  const keyCol = keyDef ? cand.columns.get(keyDef.key) : undefined;
  for (let row = headerEnd + 1; keyCol !== undefined && row <= best.bottom; row++) {
    const v = cellAt(grid, row, keyCol);
    if (typeof v !== 'string' || v.length > 60 || /\d/.test(v) || matcher.get(normalizeHeader(v)) !== keyDef) continue;
    const again = readHeader(grid, row, cand.left, cand.right, matcher);
    if (again.columns.size >= Math.max(2, required.length)) {
      last = row - 1;
      problems.push(
        problem('warning', 'second-table', `a second header row starts here; only the table above it is read`, {
          sheet: grid.sheet,
          row,
        }),
      );
      break;
    }
  }
  return {
    table: {
      sheet: grid.sheet,
      headerRow: cand.row,
      columns: cand.columns,
      extras: def.keepExtraColumns ? cand.extras : [],
      firstDataRow: headerEnd + 1,
      lastDataRow: last,
    },
    problems,
  };
}

const TOTAL_LABEL = /^(grand\s+)?(sub\s*)?totals?\b|^sum$|^summe$|^total\s/i;

/** The table's data rows, skipping blank rows and trailing totals rows (each skip reported as info). */
export function dataRows(grid: Grid, table: LocatedTable, keyColumn: string): { rows: DataRow[]; problems: Problem[] } {
  const rows: DataRow[] = [];
  const problems: Problem[] = [];
  const cols = [...table.columns.values(), ...table.extras.map((e) => e.col)];
  const keyCol = table.columns.get(keyColumn);
  for (let row = table.firstDataRow; row <= table.lastDataRow; row++) {
    let first: GridValue = null;
    for (const c of cols) {
      const v = cellAt(grid, row, c);
      if (!isBlank(v)) {
        first = v;
        break;
      }
    }
    if (first === null) continue;
    const keyBlank = keyCol === undefined || isBlank(cellAt(grid, row, keyCol));
    if (typeof first === 'string' && TOTAL_LABEL.test(first.trim()) && (keyBlank || first === cellAt(grid, row, keyCol!))) {
      problems.push(problem('info', 'totals-row', `"${first.trim()}" row skipped (a totals row is not data)`, { sheet: grid.sheet, row }));
      continue;
    }
    rows.push(new DataRow(grid, table, row));
  }
  return { rows, problems };
}
