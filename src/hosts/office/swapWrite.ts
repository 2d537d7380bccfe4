import type { DefinedName } from '../../workbook/sheetSpec';
import { HostError, OWNER_MARKER_NAME, type Progress } from '../host';
import type { ReferenceRenames } from '../references';
import { sheetNameKey } from '../sheetNames';
import type { PlannedSheet, TabSlot } from '../writePlan';
import type { Capabilities } from './capabilities';
import { writeCells } from './cellWrites';
import { queueCharts, queueConditionalFormats, queueLayout } from './decorations';
import type { Inspection, InspectedSheet } from './inspect';
import { isUnsupported, officeErrorCode } from './officeErrors';
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

/** Claims names not yet taken (case-insensitive, as Excel compares them): `base`, `base 2`… */
class NamePool {
  private readonly taken: Set<string>;
  constructor(
    names: Iterable<string>,
    private readonly separator: string,
  ) {
    this.taken = new Set([...names].map(sheetNameKey));
  }
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(sheetNameKey(name)); n++) name = `${base}${this.separator}${n}`;
    this.taken.add(sheetNameKey(name));
    return name;
  }
}

/**
 * Writes every planned sheet under a temporary name, then swaps the new sheets in and the old ones
 * out, so that a failure at any step leaves the workbook as it was: the build phase touches only the
 * new sheets, and the swap is undone from what the inspection recorded. Round trips: the build's,
 * sized by payload (the sheets are created in the first, tables, formats and charts ride in the
 * last), then one for the swap and the removal of the previous outputs. Returns notes for the user.
 */
export async function swapWrite(context: Excel.RequestContext, inspection: Inspection, plan: SwapPlan, options: SwapOptions): Promise<string[]> {
  const notes: string[] = [];
  const progress = (fraction: number, stage: string): void => options.onProgress?.({ fraction, stage });
  const removed = plan.removed.map((i) => inspection.sheets[i]);

  const sheetPool = new NamePool([...inspection.sheets.map((s) => s.name), ...plan.sheets.map((p) => p.sheet)], ' ');
  const tempNames = plan.sheets.map((_, i) => sheetPool.claim(`~SalaryStructure ${i + 1}`));
  const finalSheets = new Set(plan.sheets.map((p) => sheetNameKey(p.sheet)));
  const asideSheets = removed.filter((s) => finalSheets.has(sheetNameKey(s.name))).map((s) => ({ sheet: s, aside: sheetPool.claim('~SalaryStructure old') }));

  const allTables = inspection.sheets.flatMap((s) => s.tables);
  const planTables = plan.sheets.flatMap((p) => (p.spec.tables ?? []).map((t) => t.name));
  const tablePool = new NamePool([...allTables.map((t) => t.name), ...inspection.names.map((n) => n.name), ...planTables, ...plan.names.map((n) => n.name)], '_');
  const tempTables = plan.sheets.map((p) => (p.spec.tables ?? []).map(() => tablePool.claim('SalaryStructure_new')));
  const finalTables = new Set(planTables.map(sheetNameKey));
  const asideTables = removed.flatMap((s) => s.tables).filter((t) => finalTables.has(sheetNameKey(t.name))).map((t) => ({ table: t, aside: tablePool.claim('SalaryStructure_old') }));

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

  const wanted = (key: 'conditionalFormats' | 'charts') => plan.sheets.some((p) => (p.spec[key] ?? []).length > 0);
  let features: Features = { conditionalFormats: wanted('conditionalFormats'), charts: wanted('charts'), formulaRuns: true };
  if (features.conditionalFormats && !options.capabilities.conditionalFormats) {
    notes.push('This version of Excel has no conditional formats (ExcelApi 1.6): the sheets were written without them.');
    features = { ...features, conditionalFormats: false };
  }
  if (features.charts && !options.capabilities.charts) {
    notes.push('This version of Excel cannot build the charts (ExcelApi 1.7): the sheets were written without them.');
    features = { ...features, charts: false };
  }

  let built: Built;
  for (;;) {
    try {
      checkpoint();
      built = await build(context, plan, { tempNames, tempTables, rename, features, checkpoint, progress }, options);
      checkpoint();
      break;
    } catch (e) {
      // An Excel that claims a feature but refuses it at run time: undo, then build again without it.
      const drop = featuresToDrop(e, features);
      if (drop.length === 0) await undo(context, inspection, e);
      await rollbackOrExplain(context, inspection, e);
      for (const f of drop) {
        features = { ...features, [f]: false };
        if (f === 'charts') notes.push('This version of Excel could not create the charts: the sheets were written without them.');
        if (f === 'conditionalFormats') notes.push('This version of Excel could not create the conditional formats: the sheets were written without them.');
      }
    }
  }

  // The swap and the removal of the previous outputs, in one round trip: the removals come last, so
  // a failure before them leaves everything undoable, and one among them finds the new sheets in.
  progress(0.95, 'Swapping the sheets in');
  const { created, tables } = built;
  for (const a of asideSheets) context.workbook.worksheets.getItem(a.sheet.id).name = a.aside;
  for (const a of asideTables) context.workbook.tables.getItem(a.table.id).name = a.aside;
  created.forEach((sheet, i) => {
    sheet.name = plan.sheets[i].sheet;
  });
  tables.forEach((list, i) =>
    list.forEach((table, j) => {
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
  // The user's own names that point into a replaced output follow it aside (Excel follows renames)
  // and would turn to #REF! when it goes: given their own text again, they point at the new sheet.
  const followed = referenceRenamer({
    sheets: new Map(asideSheets.map((a) => [lower(a.sheet.name), '\u0000'])),
    tables: new Map(asideTables.map((a) => [lower(a.table.name), '\u0000'])),
  });
  const updated = new Set(plan.names.map((n) => lower(n.name)));
  for (const was of inspection.names) {
    if (!updated.has(lower(was.name)) && followed(was.formula) !== was.formula) context.workbook.names.getItem(was.name).formula = was.formula;
  }
  for (const s of removed) context.workbook.worksheets.getItem(s.id).delete();
  try {
    await context.sync();
  } catch (e) {
    notes.push(...(await afterFailedSwap(context, inspection, removed, e)));
  }
  progress(1, 'Done');
  return notes;
}

/** Optional features: the decorations Excel may lack, and formulas written as R1C1 runs (else cell by cell). */
type Features = { conditionalFormats: boolean; charts: boolean; formulaRuns: boolean };

interface Built {
  created: Excel.Worksheet[];
  tables: Excel.Table[][];
}

interface BuildNames {
  tempNames: string[];
  tempTables: string[][];
  rename: (formula: string) => string;
  features: Features;
  checkpoint: () => void;
  progress: (fraction: number, stage: string) => void;
}

/** The new sheets under their temporary names, complete: cells, layout, and the optional features wanted. */
async function build(context: Excel.RequestContext, plan: SwapPlan, b: BuildNames, options: SwapOptions): Promise<Built> {
  const batcher = new SyncBatcher(context, options.budget, {
    onBatchStart: () => {
      context.application.suspendApiCalculationUntilNextSync();
      if (options.capabilities.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
    },
    beforeBatch: b.checkpoint,
  });
  b.progress(0.05, 'Creating sheets');
  const created: Excel.Worksheet[] = [];
  for (const [i, p] of plan.sheets.entries()) {
    await batcher.reserve(3 * OPERATION_OVERHEAD + jsonBytes(b.tempNames[i]));
    const sheet = context.workbook.worksheets.add(b.tempNames[i]);
    if (p.owned) sheet.names.add(OWNER_MARKER_NAME, '=TRUE').visible = false;
    created.push(sheet);
  }
  const totalRows = plan.sheets.reduce((n, p) => n + Math.max(p.spec.cells.length, ...(p.spec.fills ?? []).map((f) => f.last)), 0) || 1;
  let rowsDone = 0;
  for (const [i, p] of plan.sheets.entries()) {
    await writeCells(created[i], p.spec, b.rename, batcher, { runs: b.features.formulaRuns }, (rows) => {
      rowsDone += rows;
      b.progress(0.1 + (0.7 * rowsDone) / totalRows, 'Writing cells');
    });
  }
  b.progress(0.8, 'Tables, formats and charts');
  const tables: Excel.Table[][] = [];
  for (const [i, p] of plan.sheets.entries()) tables.push(await queueLayout(created[i], p.spec, b.tempTables[i], batcher));
  if (b.features.conditionalFormats) for (const [i, p] of plan.sheets.entries()) await queueConditionalFormats(created[i], p.spec.conditionalFormats ?? [], batcher);
  if (b.features.charts) for (const [i, p] of plan.sheets.entries()) await queueCharts(created[i], p.spec.charts ?? [], batcher);
  await batcher.flush();
  return { created, tables };
}

/**
 * Which optional features a failure of the build points at (by where Excel says it happened): a
 * formula run that Excel refused, whatever the reason, is written cell by cell the next time; an
 * "unsupported" failure drops the charts or the conditional formats, all of them when it does not
 * say where. None: the failure is the write's.
 */
function featuresToDrop(e: unknown, features: Features): (keyof Features)[] {
  const where = String((e as { debugInfo?: { errorLocation?: unknown } } | undefined)?.debugInfo?.errorLocation ?? '');
  if (/formulasR1C1/i.test(where)) return features.formulaRuns ? ['formulaRuns'] : [];
  if (!isUnsupported(e)) return [];
  if (/chart/i.test(where)) return features.charts ? ['charts'] : [];
  if (/conditionalformat/i.test(where)) return features.conditionalFormats ? ['conditionalFormats'] : [];
  return (['conditionalFormats', 'charts'] as const).filter((k) => features[k]);
}

/**
 * The swap's round trip failed: if no previous output is gone yet, nothing is lost and the swap is
 * undone; otherwise the new sheets are in, and the removal is finished.
 */
async function afterFailedSwap(context: Excel.RequestContext, inspection: Inspection, removed: InspectedSheet[], failure: unknown): Promise<string[]> {
  let left: Excel.Worksheet[];
  try {
    left = removed.map((s) => context.workbook.worksheets.getItemOrNullObject(s.id).load('name'));
    await context.sync();
  } catch (e) {
    throw couldNotRecover(failure, e);
  }
  if (left.every((sheet) => !sheet.isNullObject)) await undo(context, inspection, failure);
  return removeSheets(context, removed.filter((_, i) => !left[i].isNullObject).map((s) => s.id));
}

/** Delete what is left of the previous outputs; a failure here comes after the new sheets are in, so retry, then leave a note. */
async function removeSheets(context: Excel.RequestContext, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  try {
    for (const id of ids) context.workbook.worksheets.getItem(id).delete();
    await context.sync();
    return [];
  } catch {
    try {
      const again = ids.map((id) => context.workbook.worksheets.getItemOrNullObject(id).load('name'));
      await context.sync();
      for (const sheet of again) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
      return [];
    } catch {
      return [`The add-in's previous sheets could not all be removed; delete any sheet named "~SalaryStructure old…" yourself.`];
    }
  }
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

/** Put the workbook back as the inspection found it, then rethrow the failure. */
async function undo(context: Excel.RequestContext, inspection: Inspection, failure: unknown): Promise<never> {
  await rollbackOrExplain(context, inspection, failure);
  throw failure;
}

/** Roll back; when that fails too, say so, and what the user can do. */
async function rollbackOrExplain(context: Excel.RequestContext, inspection: Inspection, failure: unknown): Promise<void> {
  try {
    await rollback(context, inspection);
  } catch (e) {
    throw couldNotRecover(failure, e);
  }
}

/** The write failed and so did putting things back (or finding out what to put back). */
function couldNotRecover(failure: unknown, e: unknown): HostError {
  const message = (x: unknown): string => (x instanceof Error ? x.message : String(x));
  if (officeErrorCode(e) === 'InvalidOperationInCellEditMode' || officeErrorCode(failure) === 'InvalidOperationInCellEditMode') {
    return new HostError(
      'Excel went into cell-editing mode during the write, so the add-in could neither finish it nor undo it. Press Enter or Esc in the sheet, then run again: the next run replaces the sheets this one left (named "~SalaryStructure…").',
      'cell-edit-mode',
    );
  }
  if (officeErrorCode(e) === 'AccessDenied') {
    return new HostError(
      `The write failed (${message(failure)}) and could not be undone: the workbook structure or a sheet was protected meanwhile. Unprotect it (Review → Protect Workbook / Unprotect Sheet), then run again: the next run replaces the sheets this one left (named "~SalaryStructure…").`,
      'protected',
    );
  }
  return new HostError(
    `The write failed (${message(failure)}) and undoing it failed too (${message(e)}): run again to replace the sheets it left (named "~SalaryStructure…"), or delete them yourself.`,
    'rollback-failed',
  );
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
