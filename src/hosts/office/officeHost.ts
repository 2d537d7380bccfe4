import { cellAddress } from '../../workbook/address';
import type { Grid, SheetInfo } from '../../workbook/grid';
import type { ScalarValue, WorkbookUpdate } from '../../workbook/sheetSpec';
import { HostError, OWNER_MARKER_NAME, type WorkbookHost, type WriteOptions, type WriteReport } from '../host';
import { validateUpdate } from '../validateUpdate';
import { planWrite, type WritePlan } from '../writePlan';
import { capabilitiesOf, REQUIRED_EXCEL_API, type ExcelRun } from './capabilities';
import { excelInput } from './cellInput';
import { inspectWorkbook, listSheetsOf, type Inspection } from './inspect';
import { toHostError } from './officeErrors';
import { DEFAULT_PAYLOAD_BUDGET } from './payload';
import { readGrids } from './readGrids';
import { swapWrite } from './swapWrite';

export interface OfficeHostOptions {
  /** `(batch) => Excel.run(batch)` in the add-in. */
  run: ExcelRun;
  /** `(v) => Office.context.requirements.isSetSupported('ExcelApi', v)`. */
  isSetSupported: (version: string) => boolean;
  /** Bytes per request or response (default 2 MB; Excel on the web refuses 5 MB). */
  payloadBudget?: number;
  /** Rows of each sheet read in the first round trip (default 500). */
  firstReadRows?: number;
}

/** A cell the task pane sets on a user sheet (the Assumptions sheet), 1-based. */
export interface CellEdit {
  row: number;
  col: number;
  value: ScalarValue;
  /** Number format to give the cell, e.g. '0.0%'. */
  format?: string;
}

/** A cell or row to show the user (a problem's address). */
export interface CellTarget {
  sheet: string;
  cell?: string;
  row?: number;
}

const lower = (s: string): string => s.toLowerCase();

/** A cell as read before an edit. */
interface CellState {
  value: unknown;
  formula: unknown;
  format: string;
}

/**
 * Queue a cell's return to a state read earlier: a formula as a formula, text as text (entered under
 * the Text format, so Excel parses nothing; Office.js cannot read whether it had an apostrophe), a
 * number, boolean or blank as it was; then its number format.
 */
function restoreCell(range: Excel.Range, was: CellState): void {
  const isFormulaCell = typeof was.formula === 'string' && was.formula.startsWith('=') && was.formula !== was.value;
  if (isFormulaCell) range.formulas = [[was.formula as string]];
  else if (typeof was.value === 'string' && was.value !== '') {
    range.numberFormat = [['@']];
    range.formulas = [[was.value]];
  } else range.formulas = [[was.value as string | number | boolean]];
  range.numberFormat = [[was.format]];
}

/**
 * The workbook open in Excel, through Office.js: the only code that talks to Excel. Every call is
 * one `Excel.run`; round trips depend on payload size, never on the number of rows.
 */
export class OfficeHost implements WorkbookHost {
  private readonly budget: number;
  private readonly firstReadRows: number;

  constructor(private readonly options: OfficeHostOptions) {
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.firstReadRows = options.firstReadRows ?? 500;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const sheets = await this.batch('list the sheets', (context) => listSheetsOf(context));
    return sheets.map((s) => ({ name: s.name, owned: s.owned }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    if (names.length === 0) return new Map();
    return this.batch('read the sheets', (context) => readGrids(context, names, { budget: this.budget, firstRows: this.firstReadRows }));
  }

  /** Replace the add-in's own sheets with the update's, all or nothing. */
  async write(update: WorkbookUpdate, options: WriteOptions = {}): Promise<WriteReport> {
    options.onProgress?.({ fraction: 0, stage: 'validate' });
    validateUpdate(update);
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');
    return this.batch('write the sheets', async (context) => {
      const inspection = await inspectWorkbook(context);
      const replaced = new Set(update.names.map((n) => lower(n.name)));
      const held = new Set<string>();
      for (const s of inspection.sheets) if (!s.owned) for (const t of s.tables) held.add(lower(t.name));
      for (const n of inspection.names) if (!replaced.has(lower(n.name)) && lower(n.name) !== lower(OWNER_MARKER_NAME)) held.add(lower(n.name));
      const plan = planWrite(inspection.sheets, update, (name) => held.has(name));
      this.checkWritable(inspection, plan);
      const notes = await swapWrite(context, inspection, { ...plan, replaceNames: true }, this.swapOptions(options));
      return { written: plan.sheets.map((p) => ({ spec: p.specName, sheet: p.sheet })), keptInputs: plan.keptInputs, notes: [...plan.notes, ...notes] };
    });
  }

  /**
   * Add the update's sheets that the workbook lacks (empty input sheets, the sample) and the names it
   * lacks, touching nothing else: the add-in's outputs stay as they are.
   */
  async addInputSheets(update: WorkbookUpdate, options: WriteOptions = {}): Promise<WriteReport> {
    validateUpdate(update);
    return this.batch('add the sheets', async (context) => {
      const inspection = await inspectWorkbook(context);
      const names = new Set(inspection.names.map((n) => lower(n.name)));
      const held = new Set([...names, ...inspection.sheets.flatMap((s) => s.tables.map((t) => lower(t.name)))]);
      const missing: WorkbookUpdate = { sheets: update.sheets, names: update.names.filter((n) => !names.has(lower(n.name))) };
      const asUser = inspection.sheets.map((s) => ({ name: s.name, owned: false }));
      const plan = planWrite(asUser, { ...missing, sheets: missing.sheets.map((s) => ({ ...s, role: 'input' as const })) }, (name) => held.has(name));
      this.checkWritable(inspection, plan);
      const notes = await swapWrite(context, inspection, { ...plan, replaceNames: false }, this.swapOptions(options));
      return { written: plan.sheets.map((p) => ({ spec: p.specName, sheet: p.sheet })), keptInputs: plan.keptInputs, notes };
    });
  }

  /**
   * Set cells on a user sheet as typed values; text stays text. All or nothing: the cells are read
   * first (one round trip), then written (one more); if the write fails, they are put back.
   */
  async setCells(sheet: string, edits: readonly CellEdit[]): Promise<void> {
    if (edits.length === 0) return;
    await this.batch(
      `update "${sheet}"`,
      async (context) => {
        const target = context.workbook.worksheets.getItem(sheet);
        const ranges = edits.map((e) => target.getRange(cellAddress(e.row, e.col)).load('values,formulas,numberFormat'));
        await context.sync();
        const before = ranges.map((r): CellState => ({ value: r.values[0][0], formula: r.formulas[0][0], format: String(r.numberFormat[0][0]) }));
        edits.forEach((e, i) => {
          if (e.format) ranges[i].numberFormat = [[e.format]];
          ranges[i].formulas = [[excelInput(e.value)]];
        });
        try {
          await context.sync();
        } catch (failure) {
          // Some edits may have been made before the failing one: read the cells again and put back
          // those that changed (as read before the first edit, so a cell edited twice is right too).
          try {
            const now = edits.map((e) => target.getRange(cellAddress(e.row, e.col)).load('values,formulas,numberFormat'));
            await context.sync();
            const changed = now.map((r, i) => r.values[0][0] !== before[i].value || r.formulas[0][0] !== before[i].formula || String(r.numberFormat[0][0]) !== before[i].format);
            if (changed.some(Boolean)) {
              for (let i = edits.length - 1; i >= 0; i--) if (changed[i]) restoreCell(now[i], before[i]);
              await context.sync();
            }
          } catch (e) {
            throw new HostError(
              `Could not update "${sheet}" (${failure instanceof Error ? failure.message : String(failure)}), nor put its cells back (${e instanceof Error ? e.message : String(e)}): check ${edits.map((x) => cellAddress(x.row, x.col)).join(', ')}.`,
              'rollback-failed',
            );
          }
          throw failure;
        }
      },
      sheet,
    );
  }

  /** Show a cell (or a row) to the user: activate its sheet and select it. */
  async select(target: CellTarget): Promise<void> {
    await this.batch('select the cell', async (context) => {
      const sheet = context.workbook.worksheets.getItem(target.sheet);
      sheet.activate();
      sheet.getRange(target.cell ?? (target.row ? `${target.row}:${target.row}` : 'A1')).select();
      await context.sync();
    });
  }

  private swapOptions(options: WriteOptions) {
    return { budget: this.budget, capabilities: capabilitiesOf(this.options.isSetSupported), signal: options.signal, onProgress: options.onProgress };
  }

  /** Refuse up front what Excel would refuse half-way: a protected workbook structure or a protected old output. */
  private checkWritable(inspection: Inspection, plan: WritePlan): void {
    const kept = plan.order.length;
    if (kept === 0) throw new HostError('A workbook needs at least one sheet.', 'empty-workbook');
    if (inspection.workbookProtected && (plan.sheets.length > 0 || plan.removed.length > 0)) {
      throw new HostError('The workbook structure is protected (Review → Protect Workbook), so the add-in cannot add or replace its sheets. Unprotect it, then try again.', 'protected');
    }
    const locked = plan.removed.map((i) => inspection.sheets[i]).filter((s) => s.protected);
    if (locked.length > 0) {
      throw new HostError(
        `The add-in's sheet ${locked.map((s) => `"${s.name}"`).join(', ')} is protected, so it cannot be replaced. Unprotect it (Review → Unprotect Sheet), then try again.`,
        'protected',
      );
    }
  }

  /** One Excel.run; its failure as a HostError saying what was being done (and on which sheet, when one). */
  private async batch<T>(doing: string, f: (context: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    if (!this.options.isSetSupported(REQUIRED_EXCEL_API)) {
      throw new HostError(`This version of Excel is too old for Salary Structure (it needs ExcelApi ${REQUIRED_EXCEL_API}: Excel 2019, Microsoft 365 or Excel on the web).`, 'unsupported');
    }
    try {
      return await this.options.run(f);
    } catch (e) {
      throw toHostError(e, doing, sheet);
    }
  }
}
