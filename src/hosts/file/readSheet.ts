import { isExcelError, type GridValue } from '../../workbook/grid';
import { decodeOoxmlEscapes } from './xml';
import { detached, scanXml, type XmlSink, type XmlTag } from './xmlScanner';

/** Days to add to numbers in date-formatted cells (1904 workbooks), by cellXfs index. */
export interface DateShift {
  styles: ReadonlySet<number>;
  days: number;
}

export interface SheetContent {
  top: number;
  left: number;
  rows: GridValue[][];
  hiddenColumns: number[];
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Powers of ten that are exact doubles. */
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `s.slice(a, b)` as a number when it is a plain decimal (`-?\d*\.?\d*`, an optional exponent) of at
 * most 15 digits whose power of ten is within ±22; NaN otherwise (the caller then uses `Number`).
 * Exactly `Number`'s value: the digits make an integer below 2^53 and the power of ten is an exact
 * double, so one multiplication or division, rounded once as IEEE 754 does, gives the correctly
 * rounded value of the decimal, which is what `Number` returns.
 */
export function plainNumber(s: string, a: number, b: number): number {
  let i = a;
  let negative = false;
  if (i < b && s.charCodeAt(i) === 0x2d) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let c = 0;
  for (; i < b; i++) {
    c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    m = m * 10 + c;
    digits++;
  }
  let fraction = 0;
  if (i < b && s.charCodeAt(i) === 0x2e) {
    for (i++; i < b; i++) {
      c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      m = m * 10 + c;
      fraction++;
    }
    digits += fraction;
  }
  if (digits === 0 || digits > 15) return NaN;
  let exponent = 0;
  if (i < b) {
    const e = s.charCodeAt(i);
    if (e !== 0x65 && e !== 0x45) return NaN;
    i++;
    let expNegative = false;
    const sign = s.charCodeAt(i);
    if (sign === 0x2d || sign === 0x2b) {
      expNegative = sign === 0x2d;
      i++;
    }
    if (i >= b || b - i > 3) return NaN;
    for (; i < b; i++) {
      c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      exponent = exponent * 10 + c;
    }
    if (expNegative) exponent = -exponent;
  }
  const power = exponent - fraction;
  let v: number;
  if (power === 0) v = m;
  else if (power > 0) {
    if (power > 22) return NaN;
    v = m * POW10[power];
  } else {
    if (power < -22) return NaN;
    v = m / POW10[-power];
  }
  return negative ? -v : v;
}

/** `s.slice(a, b)` as a whole number when it is 1 to 15 digits; -1 otherwise. */
function plainIndex(s: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `AB12` → column 28, row 12 (row 0 when there is none), read without regular expressions: this runs once per cell. */
function parseRef(s: string, a: number, b: number, out: { col: number; row: number }): void {
  let col = 0;
  let i = a;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // skip `$`
  }
  out.col = col;
  const row = i === b ? 0 : plainIndex(s, i, b);
  out.row = row >= 0 ? row : Number(s.slice(i, b).replace('$', ''));
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

/** Whether `s` holds `word` at `a` (a loop the compiler keeps inline, unlike `startsWith`). */
function sameText(s: string, a: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (s.charCodeAt(a + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** A cell's `t` attribute, as a constant when it is one of the usual (no string built per cell). */
function typeAttribute(tag: XmlTag, k: number): string {
  if (tag.plain(k)) {
    const s = tag.source;
    const a = tag.start(k);
    switch (tag.end(k) - a) {
      case 1:
        switch (s.charCodeAt(a)) {
          case 0x73:
            return 's';
          case 0x6e:
            return 'n';
          case 0x62:
            return 'b';
          case 0x65:
            return 'e';
          case 0x64:
            return 'd';
        }
        break;
      case 3:
        if (sameText(s, a, 'str')) return 'str';
        break;
      case 9:
        if (sameText(s, a, 'inlineStr')) return 'inlineStr';
        break;
    }
  }
  return tag.value(k);
}

/** A `row`'s `r` attribute or a cell's `s`: Number of the value, read directly when it is plain digits. */
function numberAttribute(tag: XmlTag, k: number): number {
  if (tag.plain(k)) {
    const n = plainIndex(tag.source, tag.start(k), tag.end(k));
    if (n >= 0) return n;
  }
  return Number(tag.value(k));
}

const isUsualRow = (row: number): boolean => Number.isInteger(row) && row >= 1 && row <= 1_048_576;

const enum Capture {
  None,
  Value,
  InlineText,
}

/** A cell left of column A (a reference without letters). */
interface OutsideCell {
  row: number;
  col: number;
  value: GridValue;
}

/**
 * The worksheet reader's state machine over scanner events: the same transitions the saxes-based
 * reader made (see the differential test), with `<v>` text kept as a range until the cell closes.
 */
class WorksheetSink implements XmlSink {
  wantText = false;
  /** A row's cells as `cells[col - 1]`: rows 1 to 2^20 (Excel's) by index, any other row number a reference may give by key. */
  readonly rowCells: (GridValue[] | undefined)[] = [];
  readonly otherRows = new Map<number, GridValue[]>();
  /** Cells left of column A, in document order (a malformed sheet's). */
  readonly outside: OutsideCell[] = [];
  readonly hiddenColumns: number[] = [];
  top = Infinity;
  bottom = 0;
  left = Infinity;
  right = 0;

  private row = 0;
  private nextCol = 1;
  private inCell = false;
  private cellCol = 0;
  private cellType: string | undefined = undefined;
  private cellStyle = 0;
  private capture = Capture.None;
  /** `<v>` text: no part, one part as a range of `valueSource`, or several parts joined in `valueText`. */
  private valueParts = 0;
  private valueSource = '';
  private valueStart = 0;
  private valueEnd = 0;
  private valueText = '';
  private inlineText = '';
  private hasInline = false;
  private phoneticDepth = 0;
  private entry: GridValue[] | undefined = undefined;
  private entryRow = NaN;
  private readonly ref = { col: 0, row: 0 };

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly dateShift: DateShift | undefined,
  ) {}

  open(name: string, tag: XmlTag): void {
    if (this.inCell) {
      if (name === 'v') {
        this.setCapture(Capture.Value);
        this.valueParts = 0;
      } else if (name === 'is') {
        this.hasInline = true;
        this.inlineText = '';
      } else if (name === 'rPh') this.phoneticDepth++;
      else if (name === 't' && this.hasInline && this.phoneticDepth === 0) this.setCapture(Capture.InlineText);
      return;
    }
    if (name === 'c') {
      this.inCell = true;
      const r = tag.indexOf('r');
      const ref = this.ref;
      if (r >= 0 && tag.end(r) > tag.start(r)) {
        if (tag.plain(r)) parseRef(tag.source, tag.start(r), tag.end(r), ref);
        else {
          const text = tag.value(r);
          parseRef(text, 0, text.length, ref);
        }
        this.cellCol = ref.col;
        if (ref.row > 0) this.row = ref.row;
      } else this.cellCol = this.nextCol;
      this.nextCol = this.cellCol + 1;
      const t = tag.indexOf('t');
      this.cellType = t >= 0 ? typeAttribute(tag, t) : undefined;
      if (this.dateShift) {
        const s = tag.indexOf('s');
        this.cellStyle = s >= 0 && tag.end(s) > tag.start(s) ? numberAttribute(tag, s) : 0;
      }
      this.valueParts = 0;
      this.hasInline = false;
      this.phoneticDepth = 0;
    } else if (name === 'row') {
      const r = tag.indexOf('r');
      this.row = r >= 0 && tag.end(r) > tag.start(r) ? numberAttribute(tag, r) : this.row + 1;
      this.nextCol = 1;
    } else if (name === 'col') {
      const h = tag.indexOf('hidden');
      const hidden = h >= 0 ? tag.value(h) : undefined;
      if (hidden === '1' || hidden === 'true') {
        const minAt = tag.indexOf('min');
        const maxAt = tag.indexOf('max');
        const max = Math.min(Number(maxAt >= 0 ? tag.value(maxAt) : undefined), 16_384);
        for (let c = Number(minAt >= 0 ? tag.value(minAt) : undefined); c <= max; c++) this.hiddenColumns.push(c);
      }
    }
  }

  close(name: string): void {
    if (name === 'c' && this.inCell) {
      this.inCell = false;
      this.setCapture(Capture.None);
      this.store(this.value());
    } else if (name === 'v' || name === 't') this.setCapture(Capture.None);
    else if (name === 'rPh') this.phoneticDepth--;
  }

  text(source: string, start: number, end: number): void {
    if (this.capture === Capture.Value) {
      if (this.valueParts === 0) {
        this.valueSource = source;
        this.valueStart = start;
        this.valueEnd = end;
      } else {
        if (this.valueParts === 1) this.valueText = this.valueSource.slice(this.valueStart, this.valueEnd);
        this.valueText += source.slice(start, end);
      }
      this.valueParts++;
    } else if (this.capture === Capture.InlineText) this.inlineText += source.slice(start, end);
  }

  private setCapture(capture: Capture): void {
    this.capture = capture;
    this.wantText = capture !== Capture.None;
  }

  private raw(): string {
    return this.valueParts === 0 ? '' : this.valueParts === 1 ? this.valueSource.slice(this.valueStart, this.valueEnd) : this.valueText;
  }

  private value(): GridValue {
    const type = this.cellType;
    if (this.hasInline && type === 'inlineStr') return detached(decodeOoxmlEscapes(this.inlineText));
    if (this.valueParts === 1) {
      if (type === undefined || type === 'n') {
        const n = plainNumber(this.valueSource, this.valueStart, this.valueEnd);
        if (n === n) return this.shifted(n);
      } else if (type === 's') {
        const i = plainIndex(this.valueSource, this.valueStart, this.valueEnd);
        if (i >= 0) return this.sharedStrings[i] ?? null;
      }
    }
    const value = cellValue(type, this.raw(), this.sharedStrings);
    if (typeof value === 'number') return this.shifted(value);
    // Text cut from this part (shared strings are copies already, and stay shared).
    if (type === 's') return value;
    return typeof value === 'string' ? detached(value) : isExcelError(value) ? { error: detached(value.error) } : value;
  }

  private shifted(n: number): number {
    const shift = this.dateShift;
    return shift && shift.styles.has(this.cellStyle) ? n + shift.days : n;
  }

  cellsAt(row: number): GridValue[] | undefined {
    return isUsualRow(row) ? this.rowCells[row] : this.otherRows.get(row);
  }

  private store(value: GridValue): void {
    if (value === null || value === '') return;
    const row = this.row;
    const col = this.cellCol;
    if (col >= 1) {
      let cells = this.entry;
      if (cells === undefined || this.entryRow !== row) {
        cells = this.cellsAt(row);
        if (!cells) {
          cells = [];
          if (isUsualRow(row)) this.rowCells[row] = cells;
          else this.otherRows.set(row, cells);
        }
        this.entry = cells;
        this.entryRow = row;
      }
      cells[col - 1] = value;
    } else this.outside.push({ row, col, value });
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }
}

/** A row of the used range: `width` cells from column `left`, blanks as null (the row's own array when it already fits). */
function denseRow(cells: GridValue[] | undefined, left: number, width: number): GridValue[] {
  if (cells && left === 1) {
    for (let i = 0; i < width; i++) if (cells[i] === undefined) cells[i] = null;
    return cells;
  }
  const dense = new Array<GridValue>(width).fill(null);
  if (cells) for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined) dense[i + 1 - left] = cells[i];
  return dense;
}

/**
 * Stream one worksheet part into its used range: cached values for formulas, shared and inline
 * strings (rich-text runs joined), booleans, errors as `{ error }`, dates as serial numbers.
 * `sliceBytes`: how much XML to decode at a time (tests use small slices).
 */
export function readWorksheet(bytes: Uint8Array, partName: string, sharedStrings: readonly string[], dateShift?: DateShift, sliceBytes?: number): SheetContent {
  const sink = new WorksheetSink(sharedStrings, dateShift);
  scanXml(bytes, partName, sink, sliceBytes);
  const { top, bottom, left, right, hiddenColumns } = sink;
  if (bottom === 0) return { top: 1, left: 1, rows: [], hiddenColumns };
  const width = right - left + 1;
  const rows: GridValue[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(denseRow(sink.cellsAt(r), left, width));
  // Cells left of column A (left < 1 then): placed as every cell is, by column from `left`.
  for (const o of sink.outside) {
    const at = o.row - top;
    if (Number.isInteger(at) && at >= 0 && at < rows.length) rows[at][o.col - left] = o.value;
  }
  return { top, left, rows, hiddenColumns };
}
