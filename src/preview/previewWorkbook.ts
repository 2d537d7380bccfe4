import type { Where } from '../engine/problem';
import { HostError, type WriteOptions, type WriteReport } from '../hosts/host';
import { MemoryHost, type MemorySheet } from '../hosts/memory';
import { sampleUpdate } from '../sample/sampleWorkbook';
import type { Grid, SheetInfo } from '../workbook/grid';
import { isExcelError } from '../workbook/grid';
import type { DefinedName, SheetSpec, SpecCell, WorkbookUpdate } from '../workbook/sheetSpec';
import type { CellEdit, TaskPaneWorkbook } from '../taskpane/taskPaneWorkbook';

const lower = (s: string): string => s.toLowerCase();

/**
 * Resolves in a later task of the event loop. The memory host's work is synchronous: between its
 * steps the page gets to paint and handle input, as Excel's own round trips would allow.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Cells read in one task before the next sheet waits for the next one (some 30 ms of work). */
const CELLS_PER_TASK = 50_000;

/** A memory sheet as a spec again (formulas, tables, formats and charts kept), for rebuilding or saving. */
export function sheetSpecOf(sheet: Readonly<MemorySheet>): SheetSpec {
  const cells = sheet.cells.map((row) => row.map((c): SpecCell => (isExcelError(c) ? c.error : c)));
  const columns = sheet.columns ?? (sheet.hiddenColumns?.length ? Array.from({ length: Math.max(...sheet.hiddenColumns) }, (_, i) => (sheet.hiddenColumns!.includes(i + 1) ? { hidden: true } : {})) : undefined);
  return {
    name: sheet.name,
    role: sheet.owned ? 'output' : 'input',
    cells,
    tables: sheet.tables.map((t) => ({ ...t })),
    columns,
    formats: sheet.formats,
    conditionalFormats: sheet.conditionalFormats,
    charts: sheet.charts,
    freeze: sheet.freeze,
  };
}

/**
 * The preview's workbook: the memory host, plus what the task pane does beyond a run (adding input
 * sheets, typing into the Assumptions sheet, selecting a cell), with change notifications for the
 * sheet viewer beside the pane.
 */
export class PreviewWorkbook implements TaskPaneWorkbook {
  private readonly listeners = new Set<() => void>();
  /** The cell a problem link selected. */
  selection?: Where;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;

  constructor(private host: MemoryHost) {}

  /** The sample workbook the CLI's `sample` command writes, with its Assumptions names. */
  static sample(employees?: number): PreviewWorkbook {
    const update = sampleUpdate(employees === undefined ? {} : { employees });
    return new PreviewWorkbook(MemoryHost.fromSheetSpecs(update.sheets, update.names));
  }

  /** A new, empty workbook (one blank sheet), as Excel opens it. */
  static blank(): PreviewWorkbook {
    return new PreviewWorkbook(new MemoryHost([{ name: 'Sheet1', rows: [] }]));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.host.listSheets();
  }

  /** A large sheet ends a task: 10,000 employees' sheets read at once would hold the page for a long moment. */
  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const grids = new Map<string, Grid>();
    let cells = 0;
    for (const name of names) {
      for (const [k, grid] of await this.host.readSheets([name])) {
        grids.set(k, grid);
        for (const row of grid.rows) cells += row.length;
      }
      // Also after the last: what the caller does next (sending the grids to the engine) is a task's work too.
      if (cells >= CELLS_PER_TASK) {
        await nextTask();
        cells = 0;
      }
    }
    return grids;
  }

  /** The write, then the viewer's update, each in a task of its own. */
  async write(update: WorkbookUpdate, options?: WriteOptions): Promise<WriteReport> {
    await nextTask();
    const report = await this.host.write(update, options);
    await nextTask();
    this.changed();
    return report;
  }

  /** The memory host has no "add a sheet": rebuild it from its own sheets plus the missing ones. */
  async addInputSheets(update: WorkbookUpdate, options?: WriteOptions): Promise<WriteReport> {
    if (options?.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');
    const existing = new Set(this.host.sheetNames().map(lower));
    const names = new Set(this.host.names().map((n) => lower(n.name)));
    const missing = update.sheets.filter((s) => !existing.has(lower(s.name)));
    const newNames: DefinedName[] = update.names.filter((n) => !names.has(lower(n.name)));
    const current = this.sheets().map(sheetSpecOf);
    this.host = MemoryHost.fromSheetSpecs([...current, ...missing.map((s) => ({ ...s, role: 'input' as const }))], [...this.host.names(), ...newNames]);
    this.changed();
    return { written: missing.map((s) => ({ spec: s.name, sheet: s.name })), keptInputs: update.sheets.filter((s) => existing.has(lower(s.name))).map((s) => s.name), notes: [] };
  }

  async setCells(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    for (const e of edits) this.host.setCell(sheet, e.row, e.col, e.value);
    this.changed();
  }

  async select(where: Where): Promise<void> {
    if (!this.host.getSheet(where.sheet)) throw new HostError(`There is no sheet "${where.sheet}".`, 'item-not-found');
    this.selection = where;
    this.changed();
  }

  /** Every sheet as stored, in tab order. */
  sheets(): Readonly<MemorySheet>[] {
    return this.host.sheetNames().map((n) => this.host.getSheet(n)!);
  }

  names(): DefinedName[] {
    return this.host.names();
  }
}
