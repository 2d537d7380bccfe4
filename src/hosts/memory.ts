import type { Grid, GridValue, SheetInfo, TableInfo } from '../workbook/grid';
import type { ChartSpec, ColumnSpec, ConditionalFormatSpec, DefinedName, FormulaCell, RangeFormat, SheetSpec, WorkbookUpdate } from '../workbook/sheetSpec';
import { isFormula, specCells } from '../workbook/sheetSpec';
import { HostError, type WorkbookHost, type WriteOptions, type WriteReport } from './host';
import { sameSheetName, sheetNameProblem } from './sheetNames';
import { usedRange } from './usedRange';
import { validateUpdate } from './validateUpdate';
import { planWrite } from './writePlan';

/** A stored cell: a value, or a formula with the value it last computed. */
export type MemoryCell = GridValue | FormulaCell;

/** A sheet held in memory. Cells are row-major from A1. */
export interface MemorySheet {
  name: string;
  owned: boolean;
  cells: MemoryCell[][];
  tables: TableInfo[];
  hiddenColumns?: number[];
  /** What a layout asked for beyond cells, kept so a preview can render it. */
  columns?: ColumnSpec[];
  formats?: RangeFormat[];
  conditionalFormats?: ConditionalFormatSpec[];
  charts?: ChartSpec[];
  freeze?: { rows: number; columns: number };
}

/** A user sheet to start from: values from A1, and optionally its tables. */
export interface MemorySheetInit {
  name: string;
  rows: GridValue[][];
  tables?: TableInfo[];
  hiddenColumns?: number[];
  owned?: boolean;
}

/** An in-memory workbook, for tests and the browser preview. Same semantics as the file host. */
export class MemoryHost implements WorkbookHost {
  private sheets: MemorySheet[];
  private definedNames: DefinedName[] = [];

  constructor(sheets: readonly MemorySheetInit[] = []) {
    this.sheets = [];
    for (const s of sheets) {
      const problem = sheetNameProblem(s.name);
      if (problem) throw new HostError(problem, 'invalid-sheet-name');
      if (this.find(s.name)) throw new HostError(`sheet "${s.name}" is given twice`, 'duplicate-sheet');
      this.sheets.push({
        name: s.name,
        owned: s.owned ?? false,
        cells: s.rows.map((row) => [...row]),
        tables: [...(s.tables ?? [])],
        hiddenColumns: s.hiddenColumns,
      });
    }
  }

  /** A workbook made of layouts' sheets (e.g. the sample workbook), formulas kept. */
  static fromSheetSpecs(specs: readonly SheetSpec[], names: readonly DefinedName[] = []): MemoryHost {
    const host = new MemoryHost();
    validateUpdate({ sheets: [...specs], names: [...names] });
    host.sheets = specs.map((spec) => toMemorySheet(spec, spec.name, spec.role === 'output'));
    host.definedNames = names.map((n) => ({ ...n }));
    return host;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, owned: s.owned }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const grids = new Map<string, Grid>();
    for (const name of names) {
      const sheet = this.find(name);
      if (sheet) grids.set(name, toGrid(sheet));
    }
    return grids;
  }

  async write(update: WorkbookUpdate, options: WriteOptions = {}): Promise<WriteReport> {
    options.onProgress?.({ fraction: 0, stage: 'validate' });
    validateUpdate(update);
    const heldByUser = new Set(this.sheets.filter((s) => !s.owned).flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    const replacedNames = new Set(update.names.map((n) => n.name.toLowerCase()));
    for (const n of this.definedNames) if (!replacedNames.has(n.name.toLowerCase())) heldByUser.add(n.name.toLowerCase());
    const plan = planWrite(this.sheets, update, (n) => heldByUser.has(n));
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');

    const sheets = plan.order.map((slot) => {
      if (slot.kind === 'existing') return this.sheets[slot.index];
      const p = plan.sheets[slot.index];
      return toMemorySheet(p.spec, p.sheet, p.owned);
    });
    if (sheets.length === 0) throw new HostError('A workbook needs at least one sheet.', 'empty-workbook');
    const names = this.definedNames.filter((n) => !replacedNames.has(n.name.toLowerCase())).concat(plan.names.map((n) => ({ ...n })));
    options.onProgress?.({ fraction: 0.9, stage: 'apply' });
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');

    this.sheets = sheets;
    this.definedNames = names;
    options.onProgress?.({ fraction: 1, stage: 'done' });
    return { written: plan.sheets.map((p) => ({ spec: p.specName, sheet: p.sheet })), keptInputs: plan.keptInputs, notes: plan.notes };
  }

  /** The sheet as stored (formulas as `{ formula, value }`), or undefined. */
  getSheet(name: string): Readonly<MemorySheet> | undefined {
    return this.find(name);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Workbook-level defined names. */
  names(): DefinedName[] {
    return this.definedNames.map((n) => ({ ...n }));
  }

  /** Type into a cell as a user would (1-based row and column); text stays text. */
  setCell(sheet: string, row: number, col: number, value: GridValue): void {
    const s = this.find(sheet);
    if (!s) throw new HostError(`No sheet "${sheet}".`, 'missing-sheet');
    while (s.cells.length < row) s.cells.push([]);
    const cells = s.cells[row - 1];
    while (cells.length < col) cells.push(null);
    cells[col - 1] = value;
  }

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }
}

/** A spec as a workbook holds it: every filled cell a formula of its own, as Excel keeps them. */
function toMemorySheet(spec: SheetSpec, name: string, owned: boolean): MemorySheet {
  return {
    name,
    owned,
    cells: specCells(spec).map((row) => row.map((c): MemoryCell => (c !== null && isFormula(c) ? { formula: c.formula, value: c.value } : c === undefined ? null : c))),
    tables: (spec.tables ?? []).map((t) => ({ name: t.name, range: t.range })),
    columns: spec.columns,
    formats: spec.formats,
    conditionalFormats: spec.conditionalFormats,
    charts: spec.charts,
    freeze: spec.freeze,
    hiddenColumns: spec.columns?.flatMap((c, i) => (c.hidden ? [i + 1] : [])),
  };
}

function toGrid(sheet: MemorySheet): Grid {
  const values = sheet.cells.map((row) => row.map((c): GridValue => (c !== null && typeof c === 'object' && 'formula' in c ? c.value : c)));
  const grid: Grid = { sheet: sheet.name, ...usedRange(values), tables: sheet.tables.map((t) => ({ ...t })) };
  if (sheet.hiddenColumns && sheet.hiddenColumns.length > 0) grid.hiddenColumns = [...sheet.hiddenColumns];
  return grid;
}
