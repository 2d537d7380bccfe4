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
import { ByteSink } from './byteSink';
import { buildWorksheet, type SheetWriteContext } from './writeSheet';
import type { StepHook, ZipPackage } from './zipPackage';

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
  // Deflated at once: the sheet's bytes sit in a buffer the next sheet reuses.
  draft.put(sheetPath, draft.base.pack(sheetPath, buildWorksheet(planned.spec, { ...context, tableRelIds, drawingRelId })), CONTENT_TYPE.worksheet);
  draft.putRelationships(sheetPath, sheetRels);
  return sheetPath;
}

/** The kinds of part the add-in writes on its own sheets; any other part an owned sheet reached was added by someone else. */
const ADDIN_PART_TYPES = new Set<string | undefined>([CONTENT_TYPE.worksheet, CONTENT_TYPE.table, CONTENT_TYPE.drawing, CONTENT_TYPE.chart, CONTENT_TYPE.relationships]);
const CALC_CHAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';

/** What a part is, in words a user knows, by its content type. */
function partKind(type: string | undefined): string {
  if (!type) return 'a part';
  if (type.startsWith('image/')) return 'a picture';
  const kinds: [RegExp, string][] = [
    [/spreadsheetml\.comments\+xml$/, 'comments'],
    [/threadedcomments\+xml$/i, 'threaded comments'],
    [/vmlDrawing$/, 'comment boxes or form controls'],
    [/pivotTable\+xml$/, 'a pivot table'],
    [/pivotCacheDefinition\+xml$/, 'a pivot cache'],
    [/slicer\+xml$/, 'a slicer'],
    [/queryTable\+xml$/, 'a query table'],
    [/ctrlProp\+xml$/, 'a form control'],
  ];
  return kinds.find(([re]) => re.test(type))?.[1] ?? `a part of type ${type}`;
}

/**
 * Write an update into a package and return the new package; the input package is never modified,
 * so any failure leaves the workbook as it was. Parts the add-in does not own keep their bytes.
 * `step`, when given, is called before each step (test seam: a throw there fails the write at that step).
 */
export function writeWorkbook(pkg: ZipPackage, update: WorkbookUpdate, options: WriteOptions = {}, step?: StepHook): { pkg: ZipPackage; report: WriteReport } {
  const progress = (fraction: number, stage: string): void => options.onProgress?.({ fraction, stage });
  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new HostError('The write was cancelled.', 'cancelled');
  };
  progress(0, 'validate');
  step?.('validate');
  validateUpdate(update);
  step?.('read workbook');
  const workbook = WorkbookPart.read(pkg);
  if (workbook.isStrict) throw new HostError('This workbook is saved as Strict Open XML; save it as an ordinary .xlsx to let the add-in write to it.', 'strict-ooxml');
  const types = ContentTypes.parse(pkg.text(CONTENT_TYPES_PATH) ?? '');
  const sheets = workbook.sheets();
  const owned = workbook.ownedSheetIndices();
  const replacedNames = new Set(update.names.map((n) => n.name.toLowerCase()));
  const held = namesHeldByUser(pkg, types, workbook, sheets, owned, replacedNames);
  step?.('plan');
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
  const draft = new PackageDraft(pkg, types, step);
  const removedRelIds = new Set(plan.removed.map((i) => sheets[i].relId));
  const workbookRels = workbook.rels.filter((r) => !removedRelIds.has(r.id) && !isRelType(r.type, REL.calcChain));
  draft.put(relsPathFor(workbook.path), serializeRelationships(workbookRels));
  // Say so when the add-in's old sheets carried parts someone else added (a comment, a picture…).
  const lost = draft.dropUnreachable().filter((d) => !ADDIN_PART_TYPES.has(d.type) && d.type !== CALC_CHAIN_TYPE);
  const notes = [...plan.notes];
  if (lost.length > 0) {
    notes.push(
      `The add-in replaces its own sheets whole, so what was added to its previous sheets went with them: ${lost.map((d) => `${partKind(d.type)} (${d.part})`).join(', ')}.`,
    );
  }

  // Styles are extended in place; a package without a stylesheet gets one.
  step?.('styles');
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
    sink: new ByteSink(),
  };
  let tableId = Math.max(0, ...readAllTables(draft.current, types).map((t) => t.id || 0));
  // Ids of the sheets that stay: the outputs' ids then repeat from run to run instead of growing.
  const removed = new Set(plan.removed);
  let sheetId = Math.max(0, ...sheets.filter((_, i) => !removed.has(i)).map((s) => s.sheetId || 0));
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
  step?.('workbook');
  const userFormulas = new Map(workbook.names().filter((n) => n.localSheetId === undefined).map((n) => [n.name.toLowerCase(), n.formula]));
  for (const n of plan.names) {
    const before = userFormulas.get(n.name.toLowerCase());
    if (before !== undefined && before !== n.ref) notes.push(`The workbook's name "${n.name}" referred to ${before}; it now refers to the add-in's ${n.ref}.`);
  }
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
  return { pkg: next, report: { written: plan.sheets.map((p) => ({ spec: p.specName, sheet: p.sheet })), keptInputs: plan.keptInputs, notes } };
}
