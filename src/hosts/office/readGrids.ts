import { columnLetter } from '../../workbook/address';
import type { Grid, GridValue, TableInfo } from '../../workbook/grid';
import { sameSheetName } from '../sheetNames';
import { usedRange } from '../usedRange';
import { DAYS_1900_TO_1904, isDateFormat } from './dateCells';
import { officeErrorCode } from './officeErrors';
import { jsonBytes } from './payload';

export interface ReadOptions {
  /** Response bytes per round trip. */
  budget: number;
  /** Rows of each sheet read in the first round trip. */
  firstRows: number;
}

/** Excel's error values as `Range.values` returns them. */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A block of cells read from a sheet: values and number formats from (top, left), 1-based. */
interface Block {
  top: number;
  left: number;
  values: unknown[][];
  formats: unknown[][];
}

interface SheetRead {
  requested: string;
  sheet: Excel.Worksheet;
  name: string;
  used?: Bounds;
  blocks: Block[];
  /** Rows of `used` not yet read. */
  rest?: { from: number; to: number };
}

const boundsOf = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Bounds => ({
  top: r.rowIndex + 1,
  left: r.columnIndex + 1,
  bottom: r.rowIndex + r.rowCount,
  right: r.columnIndex + r.columnCount,
});

const retryable = (e: unknown): boolean => ['ItemNotFound', 'InvalidArgument', 'GeneralException'].includes(officeErrorCode(e) ?? '');

/**
 * Read several sheets' used ranges (values and number formats) in as few round trips as the payload
 * allows: one for ordinary input sheets, whatever their count; large sheets continue in row windows
 * sized by the bytes per row the first round trip measured.
 */
export async function readGrids(context: Excel.RequestContext, names: readonly string[], options: ReadOptions): Promise<Map<string, Grid>> {
  let first;
  try {
    first = await readFirst(context, names, options.firstRows);
  } catch (e) {
    const code = officeErrorCode(e);
    if (code === 'ResponsePayloadSizeLimitExceeded' && options.firstRows > 20) {
      first = await readFirst(context, names, 20);
    } else if (retryable(e)) {
      // A sheet vanished between listing and reading: find the ones that still exist, then read those.
      const probes = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load('name'));
      await context.sync();
      first = await readFirst(context, names.filter((_, i) => !probes[i].isNullObject), options.firstRows);
    } else throw e;
  }
  const { reads, tables, date1904 } = first;
  const tableRanges = await readRest(context, reads, tables, options.budget);
  const grids = new Map<string, Grid>();
  for (const read of reads) grids.set(read.requested, toGrid(read, tableRanges, date1904));
  return grids;
}

async function readFirst(context: Excel.RequestContext, names: readonly string[], firstRows: number) {
  const workbook = context.workbook;
  // DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one.
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load('value');
  const tables = workbook.tables;
  tables.load('items/name');
  const queued = names.map((requested) => {
    const sheet = workbook.worksheets.getItemOrNullObject(requested);
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const head = sheet.getRange(`1:${firstRows}`).getUsedRangeOrNullObject(true);
    head.load('rowIndex,columnIndex,values,numberFormat');
    return { requested, sheet, used, head };
  });
  await context.sync();
  const reads: SheetRead[] = [];
  for (const q of queued) {
    if (q.sheet.isNullObject) continue;
    const read: SheetRead = { requested: q.requested, sheet: q.sheet, name: q.sheet.name, blocks: [] };
    if (!q.used.isNullObject) {
      read.used = boundsOf(q.used);
      if (!q.head.isNullObject) read.blocks.push({ top: q.head.rowIndex + 1, left: q.head.columnIndex + 1, values: q.head.values, formats: q.head.numberFormat });
      const from = Math.max(firstRows + 1, read.used.top);
      if (from <= read.used.bottom) read.rest = { from, to: read.used.bottom };
    }
    reads.push(read);
  }
  return { reads, tables, date1904: probe.value === 0 };
}

/** Bytes per row of a sheet, measured on what was read (or guessed from its width). */
function bytesPerRow(read: SheetRead): number {
  const width = read.used ? read.used.right - read.used.left + 1 : 1;
  const rows = read.blocks.reduce((n, b) => n + b.values.length, 0);
  if (rows === 0) return 24 * width;
  const bytes = read.blocks.reduce((n, b) => n + jsonBytes(b.values) + jsonBytes(b.formats), 0);
  // Later rows may hold longer text than the first ones: keep a margin.
  return Math.max(8 * width, Math.ceil((1.5 * bytes) / rows));
}

interface Window {
  read: SheetRead;
  from: number;
  to: number;
  bytes: number;
}

/** The remaining rows of every sheet in windows, then the table ranges; returns each table's sheet and range. */
async function readRest(context: Excel.RequestContext, reads: SheetRead[], tables: Excel.TableCollection, budget: number): Promise<Map<string, TableInfo[]>> {
  const windows: Window[] = [];
  for (const read of reads) {
    if (!read.rest || !read.used) continue;
    const perRow = bytesPerRow(read);
    const rowsPerWindow = Math.max(1, Math.floor(budget / perRow));
    for (let from = read.rest.from; from <= read.rest.to; from += rowsPerWindow) {
      const to = Math.min(read.rest.to, from + rowsPerWindow - 1);
      windows.push({ read, from, to, bytes: (to - from + 1) * perRow });
    }
  }
  const tableItems = tables.items;
  const tableRanges = tableItems.map((t) => ({ table: t, range: undefined as Excel.Range | undefined }));
  let queue = windows;
  let queuedTables = tableItems.length === 0;
  while (queue.length > 0 || !queuedTables) {
    const batch: Window[] = [];
    let bytes = 0;
    while (queue.length > 0 && (batch.length === 0 || bytes + queue[0].bytes <= budget)) {
      bytes += queue[0].bytes;
      batch.push(queue.shift()!);
    }
    const loads = batch.map((w) => {
      const { left, right } = w.read.used!;
      const range = w.read.sheet.getRange(`${columnLetter(left)}${w.from}:${columnLetter(right)}${w.to}`);
      range.load('values,numberFormat');
      return { w, range };
    });
    if (!queuedTables) {
      for (const t of tableRanges) t.range = t.table.getRange().load('address');
    }
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded' || batch.every((w) => w.from === w.to)) throw e;
      // Longer text than measured: split this batch's windows in half and go again.
      queue = batch.flatMap((w) => halve(w)).concat(queue);
      continue;
    }
    queuedTables = true;
    for (const { w, range } of loads) w.read.blocks.push({ top: w.from, left: w.read.used!.left, values: range.values, formats: range.numberFormat });
  }
  const bySheet = new Map<string, TableInfo[]>();
  for (const t of tableRanges) {
    if (!t.range) continue;
    const { sheet, range } = splitAddress(t.range.address);
    const key = sheet.toLowerCase();
    bySheet.set(key, [...(bySheet.get(key) ?? []), { name: t.table.name, range }]);
  }
  return bySheet;
}

function halve(w: Window): Window[] {
  if (w.from === w.to) return [w];
  const mid = Math.floor((w.from + w.to) / 2);
  return [
    { ...w, to: mid, bytes: w.bytes / 2 },
    { ...w, from: mid + 1, bytes: w.bytes / 2 },
  ];
}

/** `'My Sheet'!A1:C9` → sheet and range. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

function cellValue(v: unknown, format: unknown, date1904: boolean): GridValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return EXCEL_ERROR.test(v) ? { error: v } : v;
  if (typeof v === 'number') return date1904 && isDateFormat(format) ? v + DAYS_1900_TO_1904 : v;
  if (typeof v === 'boolean') return v;
  return String(v);
}

function toGrid(read: SheetRead, tables: Map<string, TableInfo[]>, date1904: boolean): Grid {
  const sheetTables = [...tables.entries()].filter(([sheet]) => sameSheetName(sheet, read.name)).flatMap(([, t]) => t);
  if (!read.used) return withTables({ sheet: read.name, top: 1, left: 1, rows: [] }, sheetTables);
  const { top, left, bottom, right } = read.used;
  const values: GridValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<GridValue>(right - left + 1).fill(null));
  for (const block of read.blocks) {
    block.values.forEach((row, i) => {
      const target = values[block.top + i - top];
      if (!target) return;
      row.forEach((v, j) => {
        const c = block.left + j - left;
        if (c >= 0 && c < target.length) target[c] = cellValue(v, block.formats[i]?.[j], date1904);
      });
    });
  }
  const tight = usedRange(values);
  if (tight.rows.length === 0) return withTables({ sheet: read.name, top: 1, left: 1, rows: [] }, sheetTables);
  return withTables({ sheet: read.name, top: top + tight.top - 1, left: left + tight.left - 1, rows: tight.rows }, sheetTables);
}

/** Tables always listed (possibly none), as the memory host does. */
function withTables(grid: Grid, tables: TableInfo[]): Grid {
  grid.tables = tables;
  return grid;
}
