import type { WorkbookUpdate } from '../../workbook/sheetSpec';
import { HostError, OWNER_MARKER_NAME, type WriteOptions, type WriteReport } from '../host';
import { validateUpdate } from '../validateUpdate';
import { planWrite, type PlannedSheet, type WritePlan } from '../writePlan';
import { buildChartPart, buildDrawingPart } from './charts';
import { CONTENT_TYPE, CONTENT_TYPES_PATH, ContentTypes } from './contentTypes';
import { DAYS_1900_TO_1904, isDateFormatCode } from './dateSystem';
import { PackageDraft } from './packageDraft';
import { isRelType, nextRelationshipId, REL, relativeTarget, relsPathFor, resolveTarget, serializeRelationships, type Relationship } from './relationships';
import { StyleBook } from './styles';
import { buildTablePart, readAllTables, readSheetTables } from './tables';
import { WorkbookPart, type NewSheetEntry, type WorkbookSheet } from './workbookPart';
import { buildWorksheet, type SheetWriteContext } from './writeSheet';
import type { ZipPackage } from './zipPackage';

/** Names the user holds (tables on their sheets, workbook-level names the update does not replace), lower-case. */
function namesHeldByUser(pkg: ZipPackage, types: ContentTypes, workbook: WorkbookPart, sheets: WorkbookSheet[], owned: Set<number>, replaced: Set<string>): Set<string> {
  const ownedTables = new Set(sheets.flatMap((s, i) => (owned.has(i) && s.part ? readSheetTables(pkg, s.part).map((t) => t.part) : [])));
  const held = new Set(readAllTables(pkg, types).filter((t) => !ownedTables.has(t.part)).map((t) => t.name.toLowerCase()));
  for (const n of workbook.names()) {
    const lower = n.name.toLowerCase();
    if (n.localSheetId === undefined && !replaced.has(lower) && lower !== OWNER_MARKER_NAME.toLowerCase()) held.add(lower);
  }
  return held;
}

/** The worksheet part of one planned sheet, with its tables, drawing and charts; returns its path. */
function addSheetParts(draft: PackageDraft, planned: PlannedSheet, context: Omit<SheetWriteContext, 'tableRelIds' | 'drawingRelId'>, nextTableId: () => number): string {
  const sheetPath = draft.freePath('xl/worksheets/sheet');
  const sheetRels: Relationship[] = [];
  const relate = (rels: Relationship[], source: string, type: string, target: string): string => {
    const id = nextRelationshipId(rels);
    rels.push({ id, type, target: relativeTarget(source, target), external: false });
    return id;
  };
  const tableRelIds = (planned.spec.tables ?? []).map((table) => {
    const tablePath = draft.freePath('xl/tables/table');
    draft.put(tablePath, buildTablePart(table, nextTableId(), planned.spec.cells), CONTENT_TYPE.table);
    return relate(sheetRels, sheetPath, REL.table, tablePath);
  });
  let drawingRelId: string | undefined;
  if (planned.spec.charts && planned.spec.charts.length > 0) {
    const drawingPath = draft.freePath('xl/drawings/drawing');
    const drawingRels: Relationship[] = [];
    const anchored = planned.spec.charts.map((chart) => {
      const chartPath = draft.freePath('xl/charts/chart');
      draft.put(chartPath, buildChartPart(chart, planned.spec, planned.sheet), CONTENT_TYPE.chart);
      return { chart, relId: relate(drawingRels, drawingPath, REL.chart, chartPath) };
    });
    draft.put(drawingPath, buildDrawingPart(anchored), CONTENT_TYPE.drawing);
    draft.putRelationships(drawingPath, drawingRels);
    drawingRelId = relate(sheetRels, sheetPath, REL.drawing, drawingPath);
  }
  draft.put(sheetPath, buildWorksheet(planned.spec, { ...context, tableRelIds, drawingRelId }), CONTENT_TYPE.worksheet);
  draft.putRelationships(sheetPath, sheetRels);
  return sheetPath;
}

/**
 * Write an update into a package and return the new package; the input package is never modified,
 * so any failure leaves the workbook as it was. Parts the add-in does not own keep their bytes.
 */
export function writeWorkbook(pkg: ZipPackage, update: WorkbookUpdate, options: WriteOptions = {}): { pkg: ZipPackage; report: WriteReport } {
  const progress = (fraction: number, stage: string): void => options.onProgress?.({ fraction, stage });
  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');
  };
  progress(0, 'validate');
  validateUpdate(update);
  const workbook = WorkbookPart.read(pkg);
  if (workbook.isStrict) throw new HostError('This workbook is saved as Strict Open XML; save it as an ordinary .xlsx to let the add-in write to it.', 'strict-ooxml');
  const types = ContentTypes.parse(pkg.text(CONTENT_TYPES_PATH) ?? '');
  const sheets = workbook.sheets();
  const owned = workbook.ownedSheetIndices();
  const replacedNames = new Set(update.names.map((n) => n.name.toLowerCase()));
  const held = namesHeldByUser(pkg, types, workbook, sheets, owned, replacedNames);
  const plan: WritePlan = planWrite(
    sheets.map((s, i) => ({ name: s.name, owned: owned.has(i) })),
    update,
    (name) => held.has(name),
  );
  if (!plan.order.some((slot) => slot.kind === 'planned' || sheets[slot.index].state === 'visible')) {
    throw new HostError('A workbook needs at least one visible sheet; nothing to write.', 'empty-workbook');
  }
  checkpoint();

  // Drop the owned sheets and calcChain (Excel rebuilds it), then every part only they reached.
  progress(0.05, 'remove previous outputs');
  const draft = new PackageDraft(pkg, types);
  const removedRelIds = new Set(plan.removed.map((i) => sheets[i].relId));
  const workbookRels = workbook.rels.filter((r) => !removedRelIds.has(r.id) && !isRelType(r.type, REL.calcChain));
  draft.put(relsPathFor(workbook.path), serializeRelationships(workbookRels));
  draft.dropUnreachable();

  // Styles are extended in place; a package without a stylesheet gets one.
  const stylesRel = workbookRels.find((r) => isRelType(r.type, REL.styles));
  let stylesPath = stylesRel && draft.current.resolve(resolveTarget(workbook.path, stylesRel.target));
  const styles = StyleBook.parse(stylesPath && draft.current.text(stylesPath));
  if (!stylesPath) {
    stylesPath = draft.current.has('xl/styles.xml') ? draft.freePath('xl/styles') : 'xl/styles.xml';
    workbookRels.push({ id: nextRelationshipId(workbookRels), type: REL.styles, target: relativeTarget(workbook.path, stylesPath), external: false });
  }

  const dateShift = workbook.isDate1904 ? { styles: styles.dateStyles(), days: -DAYS_1900_TO_1904 } : undefined;
  const context = {
    styleOf: (format: string): number => {
      const style = styles.numberFormatStyle(format);
      if (dateShift && isDateFormatCode(format)) dateShift.styles.add(style);
      return style;
    },
    dxfOf: (fill: string, font?: string): number => styles.differentialStyle(fill, font),
    dateShift,
  };
  let tableId = Math.max(0, ...readAllTables(draft.current, types).map((t) => t.id || 0));
  let sheetId = Math.max(0, ...sheets.map((s) => s.sheetId || 0));
  const entries: NewSheetEntry[] = plan.sheets.map((planned, i) => {
    progress(0.1 + (0.8 * i) / plan.sheets.length, `write ${planned.sheet}`);
    checkpoint();
    const sheetPath = addSheetParts(draft, planned, context, () => ++tableId);
    const relId = nextRelationshipId(workbookRels);
    workbookRels.push({ id: relId, type: REL.worksheet, target: relativeTarget(workbook.path, sheetPath), external: false });
    return { name: planned.sheet, sheetId: ++sheetId, relId };
  });
  checkpoint();

  // The workbook part: tab order, names, owner markers, recalculation on open.
  progress(0.9, 'workbook');
  workbook.arrangeSheets(plan.order.map((slot) => (slot.kind === 'existing' ? slot : { kind: 'new', sheet: entries[slot.index] })));
  workbook.removeNames(replacedNames);
  for (const n of plan.names) workbook.addName(n.name, n.ref, { comment: n.comment });
  plan.order.forEach((slot, tab) => {
    if (slot.kind === 'planned' && plan.sheets[slot.index].owned) workbook.addName(OWNER_MARKER_NAME, 'TRUE', { localSheetId: tab, hidden: true });
  });
  workbook.requireFullCalcOnLoad();
  draft.put(workbook.path, workbook.serialize());
  draft.put(relsPathFor(workbook.path), serializeRelationships(workbookRels));
  if (styles.isChanged || !stylesRel) draft.put(stylesPath, styles.serialize(), CONTENT_TYPE.styles);
  types.ensureDefault('rels', CONTENT_TYPE.relationships);
  types.ensureDefault('xml', 'application/xml');
  checkpoint();
  const next = draft.commit();
  progress(1, 'done');
  return { pkg: next, report: { written: plan.sheets.map((p) => ({ spec: p.specName, sheet: p.sheet })), keptInputs: plan.keptInputs, notes: plan.notes } };
}
