import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { HostError } from '../host';

/** Namespaces and relationship types of SpreadsheetML (transitional, as Excel writes it). */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  dml: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();
export const decodeUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);
export const encodeUtf8 = (text: string): Uint8Array => utf8Encoder.encode(text);

// Characters XML 1.0 cannot carry at all (controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_XML_QUICK = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return INVALID_XML_QUICK.test(text) ? text.replace(INVALID_XML, '') : text;
}

const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;

/** Escape element content (and drop characters XML cannot hold). */
export function escapeText(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!TEXT_SPECIAL.test(clean)) return clean;
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value; whitespace is kept as character references so parsers do not normalise it. */
export function escapeAttr(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!ATTR_SPECIAL.test(clean)) return clean;
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * SpreadsheetML strings escape characters as `_xHHHH_`; a literal `_x0041_` in user text must be
 * written as `_x005F_x0041_` to survive.
 */
export const encodeOoxmlEscapes = (text: string): string => (text.includes('_x') ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : text);

export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Parse a small package part (workbook, rels, styles…) into a DOM. */
export function parseXml(text: string, partName: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(message);
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0 || !doc.documentElement) {
    throw new HostError(`The workbook part ${partName} is not valid XML: ${problems[0] ?? 'empty'}`, 'corrupt-package');
  }
  return doc;
}

export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : XML_DECLARATION + text;
}

export const localName = (el: Element): string => el.localName ?? el.nodeName.replace(/^.*:/, '');

export function childElements(parent: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || localName(n as Element) === name)) out.push(n as Element);
  }
  return out;
}

export const firstChild = (parent: Element, name: string): Element | undefined => childElements(parent, name)[0];

/**
 * Insert `child` among `parent`'s children so the schema's element order holds:
 * before the first existing sibling that `order` places after it.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const rank = order.indexOf(localName(child));
  const before = childElements(parent).find((el) => order.indexOf(localName(el)) > rank);
  if (before) parent.insertBefore(child, before);
  else parent.appendChild(child);
}

/** A child in the parent's own namespace (SpreadsheetML parts use a default namespace). */
export function createChild(doc: Document, parent: Element, name: string): Element {
  return doc.createElementNS(parent.namespaceURI, name);
}
