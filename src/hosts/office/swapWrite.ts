import { columnLetter } from '../../workbook/address';
import type { DefinedName, SheetSpec } from '../../workbook/sheetSpec';
import { HostError, OWNER_MARKER_NAME, type Progress } from '../host';
import type { ReferenceRenames } from '../references';
import type { PlannedSheet, TabSlot } from '../writePlan';
import type { Capabilities } from './capabilities';
import { rowInputs, type ExcelInput, type Renamer } from './cellInput';
import { queueCharts, queueConditionalFormats, queueLayout } from './decorations';
import type { Inspection, InspectedSheet } from './inspect';
import { isUnsupported } from './officeErrors';
import { jsonBytes, OPERATION_OVERHEAD } from './payload';
import { referenceRenamer } from './referenceRenamer';
import { SyncBatcher } from './syncBatcher';

/** What to write and what goes, decided before anything is touched. */
export interface SwapPlan {
  /** Sheets to write, each under its final name (user clashes already resolved). */
  sheets: PlannedSheet[];
  /** Final tab order over the inspected sheets and `sheets`. */
  order: TabSlot[];
  /** Indices of inspected sheets that go: the add-in's previous outputs. */
  removed: number[];
  names: DefinedName[];
  /** A run replaces names of the same name; adding input sheets leaves existing names alone. */
  replaceNames: boolean;
}

export interface SwapOptions {
  budget: number;
  capabilities: Capabilities;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const lower = (s: string): string => s.toLowerCase();

/** Claims names not yet taken (case-insensitive): `base`, `base 2`… */
class NamePool {
  private readonly taken: Set<string>;
  constructor(
    names: Iterable<string>,
    private readonly separator: string,
  ) {
    this.taken = new Set([...names].map(lower));
  }
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(lower(name)); n++) name = `${base}${this.separator}${n}`;
    this.taken.add(lower(name));
    return name;
  }
}

/**
 * Writes every planned sheet under a temporary name, then swaps the new sheets in and the old ones
 * out, so that a failure at any step leaves the workbook as it was: the build phase touches only the
 * new sheets, and the swap is undone from what the inspection recorded. Returns notes for the user.
 */
export async function swapWrite(context: Excel.RequestContext, inspection: Inspection, plan: SwapPlan, options: SwapOptions): Promise<string[]> {
  const notes: string[] = [];
  const progress = (fraction: number, stage: string): void => options.onProgress?.({ fraction, stage });
  const removed = plan.removed.map((i) => inspection.sheets[i]);

  const sheetPool = new NamePool([...inspection.sheets.map((s) => s.name), ...plan.sheets.map((p) => p.sheet)], ' ');
  const tempNames = plan.sheets.map((_, i) => sheetPool.claim(`~SalaryStructure ${i + 1}`));
  const finalSheets = new Set(plan.sheets.map((p) => lower(p.sheet)));
  const asideSheets = removed.filter((s) => finalSheets.has(lower(s.name))).map((s) => ({ sheet: s, aside: sheetPool.claim('~SalaryStructure old') }));

  const allTables = inspection.sheets.flatMap((s) => s.tables);
  const planTables = plan.sheets.flatMap((p) => (p.spec.tables ?? []).map((t) => t.name));
  const tablePool = new NamePool([...allTables.map((t) => t.name), ...inspection.names.map((n) => n.name), ...planTables, ...plan.names.map((n) => n.name)], '_');
  const tempTables = plan.sheets.map((p) => (p.spec.tables ?? []).map(() => tablePool.claim('SalaryStructure_new')));
  const finalTables = new Set(planTables.map(lower));
  const asideTables = removed.flatMap((s) => s.tables).filter((t) => finalTables.has(lower(t.name))).map((t) => ({ table: t, aside: tablePool.claim('SalaryStructure_old') }));

  // Formulas on the new sheets point at each other's temporary names until the swap renames them,
  // so they never bind to the old sheets of the same name (Excel follows renames, not deletions).
  const renames: ReferenceRenames = {
    sheets: new Map(plan.sheets.map((p, i) => [lower(p.sheet), tempNames[i]])),
    tables: new Map(plan.sheets.flatMap((p, i) => (p.spec.tables ?? []).map((t, j): [string, string] => [lower(t.name), tempTables[i][j]]))),
  };
  const rename = referenceRenamer(renames);

  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');
  };
  const batcher = new SyncBatcher(context, options.budget, {
    onBatchStart: () => {
      context.application.suspendApiCalculationUntilNextSync();
      if (options.capabilities.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
    },
    beforeBatch: checkpoint,
  });

  let created: Excel.Worksheet[] = [];
  let newTables: Excel.Table[][] = [];
  try {
    checkpoint();
    progress(0.05, 'Creating sheets');
    created = plan.sheets.map((p, i) => {
      const sheet = context.workbook.worksheets.add(tempNames[i]);
      if (p.owned) sheet.names.add(OWNER_MARKER_NAME, '=TRUE').visible = false;
      return sheet;
    });
    await context.sync();

    const totalRows = plan.sheets.reduce((n, p) => n + p.spec.cells.length, 0) || 1;
    let rowsDone = 0;
    for (const [i, p] of plan.sheets.entries()) {
      await writeCells(created[i], p.spec, rename, batcher, (rows) => {
        rowsDone += rows;
        progress(0.1 + (0.7 * rowsDone) / totalRows, 'Writing cells');
      });
    }
    progress(0.8, 'Tables and formats');
    newTables = [];
    for (const [i, p] of plan.sheets.entries()) newTables.push(await queueLayout(created[i], p.spec, tempTables[i], batcher));
    await batcher.flush();

    progress(0.88, 'Conditional formats and charts');
    notes.push(...(await optionalFeatures(context, created, plan.sheets, batcher, options.capabilities)));
    checkpoint();
  } catch (e) {
    await undo(context, inspection, e);
  }

  try {
    progress(0.95, 'Swapping the sheets in');
    for (const a of asideSheets) context.workbook.worksheets.getItem(a.sheet.id).name = a.aside;
    for (const a of asideTables) context.workbook.tables.getItem(a.table.id).name = a.aside;
    created.forEach((sheet, i) => {
      sheet.name = plan.sheets[i].sheet;
    });
    newTables.forEach((tables, i) =>
      tables.forEach((table, j) => {
        table.name = plan.sheets[i].spec.tables![j].name;
      }),
    );
    for (const { sheet, position } of newSheetPositions(inspection.sheets, plan)) created[sheet].position = position;
    for (const n of plan.names) {
      const existing = inspection.names.find((x) => lower(x.name) === lower(n.name));
      if (!existing) context.workbook.names.add(n.name, `=${n.ref}`, n.comment);
      else if (plan.replaceNames) {
        const item = context.workbook.names.getItem(existing.name);
        item.formula = `=${n.ref}`;
        if (n.comment !== undefined) item.comment = n.comment;
      }
    }
    await context.sync();
  } catch (e) {
    await undo(context, inspection, e);
  }

  if (removed.length > 0) notes.push(...(await removeSheets(context, removed)));
  progress(1, 'Done');
  return notes;
}


/** Cells in row blocks sized by payload; each block is one `Range.formulas` write. */
async function writeCells(sheet: Excel.Worksheet, spec: SheetSpec, rename: Renamer, batcher: SyncBatcher, onRows: (rows: number) => void): Promise<void> {
  const budget = batcher.budget - OPERATION_OVERHEAD;
  let block: ExcelInput[][] = [];
  let start = 1;
  let bytes = 0;
  let width = 0;
  const flush = async (): Promise<void> => {
    if (block.length > 0 && width > 0) {
      let padding = 0;
      const rows = block.map((r) => {
        if (r.length === width) return r;
        padding += width - r.length;
        return r.concat(new Array<ExcelInput>(width - r.length).fill(''));
      });
      await batcher.reserve(OPERATION_OVERHEAD + bytes + 3 * padding);
      sheet.getRange(`A${start}:${columnLetter(width)}${start + block.length - 1}`).formulas = rows;
    }
    onRows(block.length);
    start += block.length;
    block = [];
    bytes = 0;
    width = 0;
  };
  for (const row of spec.cells) {
    const inputs = rowInputs(row, 0, row.length, rename);
    while (inputs.length > 0 && inputs[inputs.length - 1] === '') inputs.pop();
    const rowBytes = jsonBytes(inputs) + 1;
    if (rowBytes > budget / 2) {
      await flush();
      await writeLongRow(sheet, start, inputs, batcher);
      onRows(1);
      start++;
      continue;
    }
    if (bytes + rowBytes + 3 * Math.max(0, inputs.length - width) * block.length > budget) await flush();
    block.push(inputs);
    bytes += rowBytes;
    width = Math.max(width, inputs.length);
  }
  await flush();
}

/** A row too large for one request (very long texts across many columns), in column segments. */
async function writeLongRow(sheet: Excel.Worksheet, row: number, inputs: ExcelInput[], batcher: SyncBatcher): Promise<void> {
  const budget = batcher.budget / 2;
  let from = 0;
  while (from < inputs.length) {
    let to = from;
    let bytes = jsonBytes(inputs[from]);
    while (to + 1 < inputs.length && bytes + jsonBytes(inputs[to + 1]) + 1 <= budget) bytes += jsonBytes(inputs[++to]) + 1;
    await batcher.reserve(OPERATION_OVERHEAD + bytes);
    sheet.getRange(`${columnLetter(from + 1)}${row}:${columnLetter(to + 1)}${row}`).formulas = [inputs.slice(from, to + 1)];
    from = to + 1;
  }
}

/**
 * Conditional formats and charts, each in batches of their own: an Excel that lacks them (an
 * "unsupported" error) gets the sheets without them and a note, instead of a failed run.
 */
async function optionalFeatures(context: Excel.RequestContext, created: Excel.Worksheet[], sheets: PlannedSheet[], batcher: SyncBatcher, caps: Capabilities): Promise<string[]> {
  const notes: string[] = [];
  const hasFormats = sheets.some((p) => (p.spec.conditionalFormats ?? []).length > 0);
  const hasCharts = sheets.some((p) => (p.spec.charts ?? []).length > 0);
  if (hasFormats) {
    if (!caps.conditionalFormats) notes.push('This version of Excel has no conditional formats (ExcelApi 1.6): the sheets were written without them.');
    else {
      try {
        for (const [i, p] of sheets.entries()) await queueConditionalFormats(created[i], p.spec.conditionalFormats ?? [], batcher);
        await batcher.flush();
      } catch (e) {
        if (!isUnsupported(e)) throw e;
        for (const sheet of created) sheet.getRange().conditionalFormats.clearAll();
        await context.sync();
        notes.push('This version of Excel could not create the conditional formats: the sheets were written without them.');
      }
    }
  }
  if (hasCharts) {
    if (!caps.charts) notes.push('This version of Excel cannot build the charts (ExcelApi 1.7): the sheets were written without them.');
    else {
      try {
        for (const [i, p] of sheets.entries()) await queueCharts(created[i], p.spec.charts ?? [], batcher);
        await batcher.flush();
      } catch (e) {
        if (!isUnsupported(e)) throw e;
        const charts = created.map((sheet) => sheet.charts.load('items'));
        await context.sync();
        for (const c of charts) for (const chart of c.items) chart.delete();
        await context.sync();
        notes.push('This version of Excel could not create the charts: the sheets were written without them.');
      }
    }
  }
  return notes;
}

/**
 * Where each new sheet must go for the final tab order. The old sheets still stand during the swap
 * (they go afterwards), so the target list keeps them in their places; moving only the new sheets,
 * in ascending target order, then yields it.
 */
export function newSheetPositions(existing: readonly { name: string }[], plan: Pick<SwapPlan, 'order' | 'removed' | 'sheets'>): { sheet: number; position: number }[] {
  const removed = new Set(plan.removed);
  const target: ({ kind: 'existing'; index: number } | { kind: 'planned'; index: number })[] = [];
  let next = 0;
  const emitRemovedBefore = (index: number): void => {
    for (; next < index; next++) if (removed.has(next)) target.push({ kind: 'existing', index: next });
  };
  for (const slot of plan.order) {
    if (slot.kind === 'existing') {
      emitRemovedBefore(slot.index);
      next = Math.max(next, slot.index + 1);
    }
    target.push(slot);
  }
  emitRemovedBefore(existing.length);
  // New sheets start at the end in plan order; a move is needed only where that is not already so.
  const moves: { sheet: number; position: number }[] = [];
  const naturalStart = existing.length;
  let inPlace = true;
  target.forEach((slot, position) => {
    if (slot.kind !== 'planned') return;
    if (inPlace && position === naturalStart + slot.index) return;
    inPlace = false;
    moves.push({ sheet: slot.index, position });
  });
  return moves;
}

/** Delete the previous outputs; a failure here comes after the new sheets are in, so retry, then leave a note. */
async function removeSheets(context: Excel.RequestContext, removed: InspectedSheet[]): Promise<string[]> {
  try {
    for (const s of removed) context.workbook.worksheets.getItem(s.id).delete();
    await context.sync();
    return [];
  } catch {
    try {
      const left = removed.map((s) => context.workbook.worksheets.getItemOrNullObject(s.id).load('name'));
      await context.sync();
      for (const sheet of left) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
      return [];
    } catch {
      return [`The add-in's previous sheets could not all be removed; delete any sheet named "~SalaryStructure old…" yourself.`];
    }
  }
}

/** Put the workbook back as the inspection found it, then rethrow the failure. */
async function undo(context: Excel.RequestContext, inspection: Inspection, failure: unknown): Promise<never> {
  try {
    await rollback(context, inspection);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new HostError(
      `The write failed (${failure instanceof Error ? failure.message : String(failure)}) and undoing it failed too (${why}): check for sheets named "~SalaryStructure…".`,
      'rollback-failed',
    );
  }
  throw failure;
}

/**
 * Sheets the write added are deleted (by id, so renamed ones too), sheets and tables it renamed get
 * their names back, and workbook names return to their recorded formulas: two round trips.
 */
export async function rollback(context: Excel.RequestContext, inspection: Inspection): Promise<void> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/id');
  const names = workbook.names.load('items/name,items/formula,items/comment,items/visible');
  const tables = inspection.sheets.flatMap((s) => s.tables.map((t) => ({ original: t.name, proxy: workbook.tables.getItemOrNullObject(t.id).load('name') })));
  await context.sync();
  const original = new Map(inspection.sheets.map((s) => [s.id, s]));
  for (const sheet of sheets.items) if (!original.has(sheet.id)) sheet.delete();
  for (const sheet of sheets.items) {
    const was = original.get(sheet.id);
    if (was && sheet.name !== was.name) sheet.name = was.name;
  }
  for (const t of tables) if (!t.proxy.isNullObject && t.proxy.name !== t.original) t.proxy.name = t.original;
  const recorded = new Map(inspection.names.map((n) => [lower(n.name), n]));
  const present = new Set<string>();
  for (const item of names.items) {
    const was = recorded.get(lower(item.name));
    present.add(lower(item.name));
    if (!was) item.delete();
    else {
      // Always: the text may be the same while it now points at a sheet the rollback just deleted.
      item.formula = was.formula;
      if ((item.comment ?? '') !== was.comment) item.comment = was.comment;
      if (item.visible !== was.visible) item.visible = was.visible;
    }
  }
  for (const was of inspection.names) if (!present.has(lower(was.name))) workbook.names.add(was.name, was.formula, was.comment || undefined).visible = was.visible;
  await context.sync();
}
