import type { Document, Element } from '@xmldom/xmldom';
import { HostError, OWNER_MARKER_NAME } from '../host';
import { isRelType, REL, relationshipsOf, resolveTarget, type Relationship } from './relationships';
import { childElements, createChild, encodeUtf8, firstChild, insertInOrder, localName, NS, parseXml, serializeXml } from './xml';
import type { ZipPackage } from './zipPackage';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: 'worksheet' | 'chartsheet' | 'other';
  /** Package path of the sheet's part (undefined when its relationship is broken). */
  part?: string;
}

export interface WorkbookName {
  name: string;
  /** Index of the sheet in tab order for sheet-scoped names. */
  localSheetId?: number;
  hidden: boolean;
  formula: string;
}

/** A new sheet to place in the `<sheets>` list. */
export interface NewSheetEntry {
  name: string;
  sheetId: number;
  relId: string;
}

export type SheetSlot = { kind: 'existing'; index: number } | { kind: 'new'; sheet: NewSheetEntry };

// CT_Workbook child order, for inserting elements where the schema wants them.
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** `xl/workbook.xml` and its relationships: the sheet list, defined names, calculation settings. */
export class WorkbookPart {
  private constructor(
    readonly path: string,
    private readonly doc: Document,
    readonly rels: Relationship[],
  ) {}

  static read(pkg: ZipPackage): WorkbookPart {
    const main = relationshipsOf(pkg, '').find((r) => isRelType(r.type, REL.officeDocument) && !r.external);
    const path = main ? pkg.resolve(resolveTarget('', main.target)) : undefined;
    const text = path && pkg.text(path);
    if (!path || !text) throw new HostError('This file is not an .xlsx workbook (no workbook part).', 'not-xlsx');
    return new WorkbookPart(path, parseXml(text, path), relationshipsOf(pkg, path));
  }

  private get root(): Element {
    return this.doc.documentElement as unknown as Element;
  }

  /** Strict OOXML workbooks are read but not written: their parts use other namespaces. */
  get isStrict(): boolean {
    return this.root.namespaceURI === NS.strictMain;
  }

  get isDate1904(): boolean {
    const pr = firstChild(this.root, 'workbookPr');
    const v = pr?.getAttribute('date1904');
    return v === '1' || v === 'true';
  }

  sheets(): WorkbookSheet[] {
    const list = firstChild(this.root, 'sheets');
    if (!list) return [];
    return childElements(list, 'sheet').map((el) => {
      const relId = relIdOf(el);
      const rel = this.rels.find((r) => r.id === relId);
      const state = el.getAttribute('state');
      return {
        name: el.getAttribute('name') ?? '',
        sheetId: Number(el.getAttribute('sheetId')),
        relId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        kind: !rel ? 'other' : isRelType(rel.type, REL.worksheet) ? 'worksheet' : isRelType(rel.type, REL.chartsheet) ? 'chartsheet' : 'other',
        part: rel && !rel.external ? resolveTarget(this.path, rel.target) : undefined,
      };
    });
  }

  names(): WorkbookName[] {
    const list = firstChild(this.root, 'definedNames');
    if (!list) return [];
    return childElements(list, 'definedName').map((el) => {
      const local = el.getAttribute('localSheetId');
      return {
        name: el.getAttribute('name') ?? '',
        localSheetId: local === null || local === '' ? undefined : Number(local),
        hidden: el.getAttribute('hidden') === '1' || el.getAttribute('hidden') === 'true',
        formula: el.textContent ?? '',
      };
    });
  }

  /** Tab indices of the sheets carrying the add-in's owner marker. */
  ownedSheetIndices(): Set<number> {
    const marker = OWNER_MARKER_NAME.toLowerCase();
    return new Set(this.names().filter((n) => n.name.toLowerCase() === marker && n.localSheetId !== undefined).map((n) => n.localSheetId as number));
  }

  /**
   * Rebuild `<sheets>` in the given order, moving sheet-scoped names with their sheets and
   * dropping those of sheets that are gone.
   */
  arrangeSheets(slots: readonly SheetSlot[]): void {
    const list = firstChild(this.root, 'sheets') ?? this.appendInOrder('sheets');
    const existing = childElements(list, 'sheet');
    const newIndexOf = new Map<number, number>();
    for (const el of existing) list.removeChild(el);
    slots.forEach((slot, newIndex) => {
      if (slot.kind === 'existing') {
        newIndexOf.set(slot.index, newIndex);
        list.appendChild(existing[slot.index]);
      } else {
        const el = createChild(this.doc, list, 'sheet');
        el.setAttribute('name', slot.sheet.name);
        el.setAttribute('sheetId', String(slot.sheet.sheetId));
        el.setAttributeNS(NS.rel, `${this.relPrefix()}:id`, slot.sheet.relId);
        list.appendChild(el);
      }
    });
    const names = firstChild(this.root, 'definedNames');
    for (const el of names ? childElements(names, 'definedName') : []) {
      const local = el.getAttribute('localSheetId');
      if (local === null || local === '') continue;
      const moved = newIndexOf.get(Number(local));
      if (moved === undefined) names?.removeChild(el);
      else el.setAttribute('localSheetId', String(moved));
    }
    this.followActiveTab(newIndexOf);
  }

  /** Drop workbook-level names with these names (case-insensitive) and every owner marker. */
  removeNames(lowerNames: ReadonlySet<string>): void {
    const names = firstChild(this.root, 'definedNames');
    if (!names) return;
    const marker = OWNER_MARKER_NAME.toLowerCase();
    for (const el of childElements(names, 'definedName')) {
      const name = (el.getAttribute('name') ?? '').toLowerCase();
      const local = el.getAttribute('localSheetId');
      if (name === marker || (lowerNames.has(name) && (local === null || local === ''))) names.removeChild(el);
    }
  }

  addName(name: string, formula: string, options: { localSheetId?: number; hidden?: boolean; comment?: string } = {}): void {
    const names = firstChild(this.root, 'definedNames') ?? this.appendInOrder('definedNames');
    const el = createChild(this.doc, names, 'definedName');
    el.setAttribute('name', name);
    if (options.comment) el.setAttribute('comment', options.comment);
    if (options.localSheetId !== undefined) el.setAttribute('localSheetId', String(options.localSheetId));
    if (options.hidden) el.setAttribute('hidden', '1');
    el.appendChild(this.doc.createTextNode(formula));
    names.appendChild(el);
  }

  /** Excel rebuilds every cached value (and the deleted calcChain) when the file opens. */
  requireFullCalcOnLoad(): void {
    const calcPr = firstChild(this.root, 'calcPr') ?? this.appendInOrder('calcPr');
    calcPr.setAttribute('fullCalcOnLoad', '1');
  }

  /** Names in Excel's own order (it opens name-sorted workbooks faster); an empty `<definedNames/>` is invalid. */
  tidy(): void {
    const names = firstChild(this.root, 'definedNames');
    if (!names) return;
    const list = childElements(names, 'definedName');
    if (list.length === 0) {
      this.root.removeChild(names);
      return;
    }
    const key = (el: Element): [string, number] => [(el.getAttribute('name') ?? '').toLowerCase(), Number(el.getAttribute('localSheetId') ?? -1)];
    const sorted = [...list].sort((a, b) => {
      const [na, ia] = key(a);
      const [nb, ib] = key(b);
      return na < nb ? -1 : na > nb ? 1 : ia - ib;
    });
    for (const el of sorted) names.appendChild(el);
  }

  serialize(): Uint8Array {
    this.tidy();
    return encodeUtf8(serializeXml(this.doc));
  }

  /** Keep the user's active tab on the same sheet; when that sheet is gone, open on the first. */
  private followActiveTab(newIndexOf: ReadonlyMap<number, number>): void {
    const views = firstChild(this.root, 'bookViews');
    for (const view of views ? childElements(views, 'workbookView') : []) {
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = view.getAttribute(attr);
        if (v !== null) view.setAttribute(attr, String(newIndexOf.get(Number(v)) ?? 0));
      }
    }
  }

  private appendInOrder(name: string): Element {
    const el = createChild(this.doc, this.root, name);
    insertInOrder(this.root, el, WORKBOOK_ORDER);
    return el;
  }

  /** The prefix bound to the relationships namespace, declaring `r` when the workbook has none. */
  private relPrefix(): string {
    const prefix = this.root.lookupPrefix(NS.rel);
    if (prefix) return prefix;
    this.root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:r', NS.rel);
    return 'r';
  }
}

/** The `r:id` of a sheet element, whatever prefix binds the relationships namespace. */
function relIdOf(el: Element): string {
  const direct = el.getAttributeNS(NS.rel, 'id');
  if (direct) return direct;
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i);
    if (attr && localName(attr as unknown as Element) === 'id' && attr.prefix) return attr.value;
  }
  return '';
}
