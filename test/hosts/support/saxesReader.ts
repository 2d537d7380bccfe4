/**
 * The saxes-based worksheet and shared-string readers as they were before the hand-written scanner
 * (src/hosts/file/xmlScanner.ts) replaced them: kept here only as the oracle of the differential test.
 */
import { SaxesParser } from 'saxes';
import { HostError } from '../../../src/hosts/host';
import { decodeOoxmlEscapes } from '../../../src/hosts/file/xml';
import type { GridValue } from '../../../src/workbook/grid';

/** Decode in slices so a large part never exists as one giant string. */
const SLICE_BYTES = 4 * 1024 * 1024;

export interface StreamHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Stream a part's XML through saxes, reporting local element names (prefixes dropped, as some
 * writers use `x:` prefixes) so readers of big sheets never build a DOM.
 */
export function streamXml(bytes: Uint8Array, partName: string, handlers: StreamHandlers): void {
  const parser = new SaxesParser({ position: false });
  const local = (name: string): string => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  };
  parser.on('opentag', (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(local(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  let failure: Error | undefined;
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < bytes.length && !failure; start += SLICE_BYTES) {
    parser.write(decoder.decode(bytes.subarray(start, start + SLICE_BYTES), { stream: true }));
  }
  if (!failure) parser.write(decoder.decode()).close();
  if (failure) throw new HostError(`The workbook part ${partName} is not valid XML: ${failure.message}`, 'corrupt-package');
}

/**
 * The shared string table (`xl/sharedStrings.xml`): plain `<t>` and rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function readSharedStrings(bytes: Uint8Array | undefined, partName = 'xl/sharedStrings.xml'): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phoneticDepth = 0;
  streamXml(bytes, partName, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && current && phoneticDepth === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeOoxmlEscapes((current ?? []).join('')));
        current = undefined;
      } else if (name === 'rPh') phoneticDepth--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** Days to add to numbers in date-formatted cells (1904 workbooks), by cellXfs index. */
interface DateShift {
  styles: ReadonlySet<number>;
  days: number;
}

interface SheetContent {
  top: number;
  left: number;
  rows: GridValue[][];
  hiddenColumns: number[];
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** `AB12` → column 28, row 12, read without regular expressions: this runs once per cell. */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // skip `$`
  }
  return { col, row: Number(ref.slice(i).replace('$', '')) };
}

/** A cell's value from its type attribute and raw `<v>` text. */
function cellValue(type: string | undefined, raw: string, sharedStrings: readonly string[]): GridValue {
  switch (type) {
    case 's':
      return sharedStrings[Number(raw)] ?? null;
    case 'str':
    case 'inlineStr':
      return decodeOoxmlEscapes(raw);
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true';
    case 'e':
      return { error: raw };
    case 'd': {
      // ISO 8601 dates (Strict OOXML); the grid carries serial numbers like every other date.
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) || !raw.includes('T') ? raw : `${raw}Z`);
      return Number.isNaN(ms) ? raw : (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
    }
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
  }
}

/**
 * Stream one worksheet part into its used range: cached values for formulas, shared and inline
 * strings (rich-text runs joined), booleans, errors as `{ error }`, dates as serial numbers.
 */
export function readWorksheet(bytes: Uint8Array, partName: string, sharedStrings: readonly string[], dateShift?: DateShift): SheetContent {
  const cellsByRow = new Map<number, { cols: number[]; values: GridValue[] }>();
  const hiddenColumns: number[] = [];
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;

  let row = 0;
  let nextCol = 1;
  let inCell = false;
  let cellCol = 0;
  let cellType: string | undefined;
  let cellStyle = 0;
  let capture: 'v' | 't' | undefined;
  let valueText = '';
  let inlineText = '';
  let hasInline = false;
  let phoneticDepth = 0;

  const store = (value: GridValue): void => {
    if (value === null || value === '') return;
    let entry = cellsByRow.get(row);
    if (!entry) cellsByRow.set(row, (entry = { cols: [], values: [] }));
    entry.cols.push(cellCol);
    entry.values.push(value);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (cellCol < left) left = cellCol;
    if (cellCol > right) right = cellCol;
  };

  streamXml(bytes, partName, {
    open(name, attrs) {
      if (inCell) {
        if (name === 'v') {
          capture = 'v';
          valueText = '';
        } else if (name === 'is') {
          hasInline = true;
          inlineText = '';
        } else if (name === 'rPh') phoneticDepth++;
        else if (name === 't' && hasInline && phoneticDepth === 0) capture = 't';
        return;
      }
      if (name === 'c') {
        inCell = true;
        const ref = attrs.r;
        if (ref) {
          const p = parseRef(ref);
          cellCol = p.col;
          if (p.row > 0) row = p.row;
        } else cellCol = nextCol;
        nextCol = cellCol + 1;
        cellType = attrs.t;
        cellStyle = attrs.s ? Number(attrs.s) : 0;
        valueText = '';
        hasInline = false;
        phoneticDepth = 0;
      } else if (name === 'row') {
        row = attrs.r ? Number(attrs.r) : row + 1;
        nextCol = 1;
      } else if (name === 'col' && (attrs.hidden === '1' || attrs.hidden === 'true')) {
        const max = Math.min(Number(attrs.max), 16_384);
        for (let c = Number(attrs.min); c <= max; c++) hiddenColumns.push(c);
      }
    },
    close(name) {
      if (name === 'c' && inCell) {
        inCell = false;
        capture = undefined;
        const value = hasInline && cellType === 'inlineStr' ? decodeOoxmlEscapes(inlineText) : cellValue(cellType, valueText, sharedStrings);
        store(dateShift && typeof value === 'number' && dateShift.styles.has(cellStyle) ? value + dateShift.days : value);
      } else if (name === 'v' || name === 't') capture = undefined;
      else if (name === 'rPh') phoneticDepth--;
    },
    text(text) {
      if (capture === 'v') valueText += text;
      else if (capture === 't') inlineText += text;
    },
  });

  if (bottom === 0) return { top: 1, left: 1, rows: [], hiddenColumns };
  const width = right - left + 1;
  const rows: GridValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const dense = new Array<GridValue>(width).fill(null);
    const entry = cellsByRow.get(r);
    if (entry) for (let i = 0; i < entry.cols.length; i++) dense[entry.cols[i] - left] = entry.values[i];
    rows.push(dense);
  }
  return { top, left, rows, hiddenColumns };
}
