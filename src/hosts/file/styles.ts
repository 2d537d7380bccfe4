import type { Document, Element } from '@xmldom/xmldom';
import { isDateFormatId } from './dateSystem';
import { childElements, createChild, encodeUtf8, firstChild, insertInOrder, localName, NS, parseXml, serializeXml, XML_DECLARATION } from './xml';

/** A minimal stylesheet (one font, the two fills Excel insists on, one border, one cell style). */
export const DEFAULT_STYLES_XML =
  `${XML_DECLARATION}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

// CT_Stylesheet child order.
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Built-in number formats whose meaning does not depend on the locale. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The first custom number format id Excel uses. */
const FIRST_CUSTOM_FORMAT_ID = 164;

/**
 * `xl/styles.xml`, extended append-only: existing number formats, cell formats and differential
 * formats keep their indices (the user's cells point at them), and matching entries are reused so
 * re-runs do not grow the stylesheet.
 */
export class StyleBook {
  private changed = false;
  private readonly xfCache = new Map<string, number>();

  private constructor(private readonly doc: Document) {}

  static parse(text: string | undefined, partName = 'xl/styles.xml'): StyleBook {
    return new StyleBook(parseXml(text ?? DEFAULT_STYLES_XML, partName));
  }

  private get root(): Element {
    return this.doc.documentElement as unknown as Element;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The cellXfs index of a plain cell format showing numbers as `code`. */
  numberFormatStyle(code: string): number {
    const cached = this.xfCache.get(code);
    if (cached !== undefined) return cached;
    const numFmtId = this.numberFormatId(code);
    const xfs = this.section('cellXfs');
    const list = childElements(xfs, 'xf');
    const plain = (el: Element): boolean =>
      childElements(el).length === 0 &&
      ['fontId', 'fillId', 'borderId', 'xfId'].every((a) => (el.getAttribute(a) ?? '0') === '0') &&
      !['quotePrefix', 'pivotButton'].some((a) => el.getAttribute(a) === '1');
    let index = list.findIndex((el) => Number(el.getAttribute('numFmtId') ?? '0') === numFmtId && plain(el));
    if (index < 0) {
      const xf = createChild(this.doc, xfs, 'xf');
      for (const [attr, value] of [['numFmtId', numFmtId], ['fontId', 0], ['fillId', 0], ['borderId', 0], ['xfId', 0], ['applyNumberFormat', 1]] as const) {
        xf.setAttribute(attr, String(value));
      }
      xfs.appendChild(xf);
      index = list.length;
      this.recount(xfs);
    }
    this.xfCache.set(code, index);
    return index;
  }

  /** The dxfs index of a differential format (conditional formats): fill and optional font colour, ARGB. */
  differentialStyle(fill: string, font?: string): number {
    const dxfs = this.section('dxfs');
    const dxf = createChild(this.doc, dxfs, 'dxf');
    if (font) {
      const f = createChild(this.doc, dxf, 'font');
      const color = createChild(this.doc, f, 'color');
      color.setAttribute('rgb', font);
      f.appendChild(color);
      dxf.appendChild(f);
    }
    const fillEl = createChild(this.doc, dxf, 'fill');
    const pattern = createChild(this.doc, fillEl, 'patternFill');
    const bg = createChild(this.doc, pattern, 'bgColor');
    bg.setAttribute('rgb', fill);
    pattern.appendChild(bg);
    fillEl.appendChild(pattern);
    dxf.appendChild(fillEl);
    const existing = childElements(dxfs, 'dxf');
    const wanted = signature(dxf);
    const same = existing.findIndex((el) => signature(el) === wanted);
    if (same >= 0) return same;
    dxfs.appendChild(dxf);
    this.recount(dxfs);
    return existing.length;
  }

  /** cellXfs indices whose number format shows a date or time. */
  dateStyles(): Set<number> {
    const codes = new Map<number, string>();
    const numFmts = firstChild(this.root, 'numFmts');
    for (const el of numFmts ? childElements(numFmts, 'numFmt') : []) codes.set(Number(el.getAttribute('numFmtId')), el.getAttribute('formatCode') ?? '');
    const xfs = firstChild(this.root, 'cellXfs');
    const dates = new Set<number>();
    (xfs ? childElements(xfs, 'xf') : []).forEach((xf, i) => {
      if (isDateFormatId(Number(xf.getAttribute('numFmtId') ?? '0'), codes)) dates.add(i);
    });
    return dates;
  }

  serialize(): Uint8Array {
    return encodeUtf8(serializeXml(this.doc));
  }

  private numberFormatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const numFmts = this.section('numFmts');
    const list = childElements(numFmts, 'numFmt');
    const found = list.find((el) => el.getAttribute('formatCode') === code);
    if (found) return Number(found.getAttribute('numFmtId'));
    const id = Math.max(FIRST_CUSTOM_FORMAT_ID - 1, ...list.map((el) => Number(el.getAttribute('numFmtId')) || 0)) + 1;
    const el = createChild(this.doc, numFmts, 'numFmt');
    el.setAttribute('numFmtId', String(id));
    el.setAttribute('formatCode', code);
    numFmts.appendChild(el);
    this.recount(numFmts);
    return id;
  }

  /** A top-level section, created in schema order when missing. */
  private section(name: string): Element {
    const existing = firstChild(this.root, name);
    if (existing) return existing;
    const el = createChild(this.doc, this.root, name);
    el.setAttribute('count', '0');
    insertInOrder(this.root, el, STYLESHEET_ORDER);
    this.changed = true;
    return el;
  }

  private recount(section: Element): void {
    section.setAttribute('count', String(childElements(section).length));
    this.changed = true;
  }
}

/** A structural fingerprint of an element (names, attributes, children), to find an identical one. */
function signature(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && !a.name.startsWith('xmlns')) attrs.push(`${a.name}=${a.value}`);
  }
  return `${localName(el)}[${attrs.sort().join(',')}](${childElements(el).map(signature).join('')})`;
}
