import { cellAddress, columnLetter, parseRange } from '../../workbook/address';
import type { ScalarValue, SheetSpec, SpecCell } from '../../workbook/sheetSpec';
import { conditionalFormattingXml } from './conditionalFormats';
import { ByteSink } from './byteSink';
import { fillRuns, sharedRuns, type FillRun, type SharedRun } from './sharedFormulas';
import { encodeOoxmlEscapes, escapeText, NS, XML_DECLARATION } from './xml';

/** What a worksheet needs from the rest of the package. */
export interface SheetWriteContext {
  /** cellXfs index for a number format. */
  styleOf(format: string): number;
  /** dxfs index for a conditional format's fill and font (ARGB). */
  dxfOf(fill: string, font?: string): number;
  /** Relationship ids of the sheet's table parts, in spec order. */
  tableRelIds: readonly string[];
  drawingRelId?: string;
  /** 1904 workbooks: days to add to numbers in these (date) styles. */
  dateShift?: { styles: ReadonlySet<number>; days: number };
  /** A buffer to reuse: the sheet is then returned as a view of it, valid until its next use. */
  sink?: ByteSink;
}

/** A column's styles as row segments that do not overlap, in row order. */
interface StyleSegments {
  tops: number[];
  bottoms: number[];
  styles: number[];
  /** The segment the last lookup stopped at: rows are visited top to bottom. */
  at: number;
}

/**
 * Style index per cell: the last format whose range covers it wins, as with successive Excel writes.
 * Each column's formats are flattened into segments once, so a lookup (rows in ascending order) is
 * a step along them rather than a scan of every format.
 */
function styleLookup(spec: SheetSpec, ctx: SheetWriteContext): (row: number, col: number) => number {
  const byColumn: { top: number; bottom: number; style: number }[][] = [];
  for (const f of spec.formats ?? []) {
    const r = parseRange(f.range);
    const style = ctx.styleOf(f.format);
    for (let c = r.left; c <= r.right; c++) (byColumn[c] ??= []).push({ top: r.top, bottom: r.bottom, style });
  }
  const segments: (StyleSegments | undefined)[] = byColumn.map((list) => {
    const edges = [...new Set(list.flatMap((f) => [f.top, f.bottom + 1]))].sort((a, b) => a - b);
    const seg: StyleSegments = { tops: [], bottoms: [], styles: [], at: 0 };
    for (let i = 0; i + 1 < edges.length; i++) {
      const top = edges[i];
      let style = -1;
      for (let k = list.length - 1; k >= 0 && style < 0; k--) if (list[k].top <= top && list[k].bottom >= top) style = list[k].style;
      if (style < 0) continue;
      const last = seg.styles.length - 1;
      if (last >= 0 && seg.styles[last] === style && seg.bottoms[last] === top - 1) seg.bottoms[last] = edges[i + 1] - 1;
      else {
        seg.tops.push(top);
        seg.bottoms.push(edges[i + 1] - 1);
        seg.styles.push(style);
      }
    }
    return seg;
  });
  return (row, col) => {
    const seg = segments[col];
    if (!seg) return 0;
    let i = seg.at;
    if (i > 0 && seg.tops[i] > row) i = 0; // a lookup out of order starts over
    while (i < seg.tops.length && seg.bottoms[i] < row) i++;
    seg.at = i;
    return i < seg.tops.length && seg.tops[i] <= row ? seg.styles[i] : 0;
  };
}

const needsPreserve = /^\s|\s$|[\n\t\r]/;

/** Numbers as SpreadsheetML doubles (`1E-7`, no `-0`); validation has already refused NaN and infinities. */
const numberText = (n: number): string => (Object.is(n, -0) ? '0' : String(n).replace('e', 'E'));

/** A number into the sink; whole numbers (most cells) go digit by digit, without a string. */
function writeNumber(out: ByteSink, n: number): void {
  if (Number.isSafeInteger(n)) {
    if (n < 0) {
      out.ascii('-');
      out.int(-n);
    } else out.int(n);
  } else out.ascii(numberText(n));
}


/** Text as cell content: escaped, `_xHHHH_` look-alikes protected. */
/** Cell text: a carriage return is written as Excel writes it, `_x000D_` (XML parsers turn a literal one into a line feed). */
const cellText = (text: string): string => {
  const encoded = encodeOoxmlEscapes(text);
  return escapeText(encoded.includes('\r') ? encoded.replace(/\r/g, '_x000D_') : encoded);
};

/** `<c r="…"` and its style, the attribute left open. */
function openCell(out: ByteSink, column: string, row: number, style: number): void {
  out.ascii('<c r="');
  out.ascii(column);
  out.int(row);
  if (style > 0) {
    out.ascii('" s="');
    out.int(style);
  }
}

/**
 * One `<c>`. Text is always an inline string, whatever it starts with, so it can never become a
 * formula; only a FormulaCell (or a fill, see writeFormula) writes `<f>`.
 */
function writeCell(out: ByteSink, column: string, row: number, cell: SpecCell | undefined, style: number, shift: number, shared?: SharedRun): void {
  if (cell === null || cell === undefined || cell === '') {
    if (style === 0) return;
    out.ascii('<c r="');
    out.ascii(column);
    out.int(row);
    out.ascii('" s="');
    out.int(style);
    out.ascii('"/>');
    return;
  }
  openCell(out, column, row, style);
  switch (typeof cell) {
    case 'number':
      out.ascii('"><v>');
      writeNumber(out, cell + shift);
      out.ascii('</v></c>');
      return;
    case 'boolean':
      out.ascii(cell ? '" t="b"><v>1</v></c>' : '" t="b"><v>0</v></c>');
      return;
    case 'string':
      out.ascii(needsPreserve.test(cell) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
      out.text(cellText(cell));
      out.ascii('</t></is></c>');
      return;
    default:
      writeFormula(out, column, row, cell.formula, cell.value, shift, shared);
  }
}

/**
 * The rest of a formula cell after `openCell`: its type (from the cached value), `<f>` (the formula
 * written out, a shared formula's first cell with its range, or a reference to it), the cached value.
 * `formula` starts with `=`; it is not read for a shared formula's other cells.
 */
function writeFormula(out: ByteSink, column: string, row: number, formula: string, v: ScalarValue | undefined, shift: number, shared?: SharedRun): void {
  out.ascii(typeof v === 'string' ? '" t="str">' : typeof v === 'boolean' ? '" t="b">' : '">');
  if (!shared) {
    out.ascii('<f>');
    out.text(escapeText(formula.slice(1)));
    out.ascii('</f>');
  } else if (shared.top === row) {
    // The run's first cell carries the text and the range it covers.
    out.ascii('<f t="shared" ref="');
    out.ascii(column);
    out.int(shared.top);
    out.ascii(':');
    out.ascii(column);
    out.int(shared.bottom);
    out.ascii('" si="');
    out.int(shared.si);
    out.ascii('">');
    out.text(escapeText(formula.slice(1)));
    out.ascii('</f>');
  } else {
    out.ascii('<f t="shared" si="');
    out.int(shared.si);
    out.ascii('"/>');
  }
  if (typeof v === 'number') {
    out.ascii('<v>');
    writeNumber(out, v + shift);
    out.ascii('</v>');
  } else if (typeof v === 'boolean') out.ascii(v ? '<v>1</v>' : '<v>0</v>');
  else if (typeof v === 'string') {
    out.ascii('<v>');
    out.text(cellText(v));
    out.ascii('</v>');
  }
  out.ascii('</c>');
}

/** A cell under a fill: the fill's formula (shared, or its own), the cell's value as the cached value. */
function writeFillCell(out: ByteSink, column: string, row: number, run: FillRun, cell: SpecCell | undefined, style: number, shift: number): void {
  openCell(out, column, row, style);
  // Validation keeps formula cells from under a fill; were one there, its value would not be a cached value.
  const value = cell === undefined || (cell !== null && typeof cell === 'object') ? null : cell;
  if (run.si >= 0) writeFormula(out, column, row, run.formula, value, shift, run);
  else writeFormula(out, column, row, run.at ? run.at(row) : run.formula, value, shift);
}

function sheetViewXml(freeze: SheetSpec['freeze']): string {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const { rows, columns } = freeze;
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const topLeft = cellAddress(rows + 1, columns + 1);
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function colsXml(spec: SheetSpec): string {
  const cols = (spec.columns ?? [])
    .map((c, i) => {
      if (!c || (c.width === undefined && !c.hidden)) return '';
      const width = c.width !== undefined ? ` width="${c.width}" customWidth="1"` : ' width="8.43"';
      return `<col min="${i + 1}" max="${i + 1}"${width}${c.hidden ? ' hidden="1"' : ''}/>`;
    })
    .join('');
  return cols ? `<cols>${cols}</cols>` : '';
}

/**
 * A worksheet part for a spec, written straight into bytes. Elements follow CT_Worksheet's order.
 * With `ctx.sink`, the result is a view of that buffer (pack it before the buffer's next use).
 */
export function buildWorksheet(spec: SheetSpec, ctx: SheetWriteContext): Uint8Array {
  const styleAt = styleLookup(spec, ctx);
  const fills = spec.fills ?? [];
  // Fills may reach past the cells (a row or column the cells leave out still holds the formula).
  let fillWidth = 0;
  let fillBottom = 0;
  for (const f of fills) {
    fillWidth = Math.max(fillWidth, f.col);
    fillBottom = Math.max(fillBottom, f.last);
  }
  const width = Math.max(fillWidth, spec.cells.reduce((w, row) => Math.max(w, row.length), 0));
  const rowCount = Math.max(spec.cells.length, fillBottom);
  const letters: string[] = [];
  for (let c = 1; c <= Math.max(width, 1); c++) letters.push(columnLetter(c));
  const dimension = rowCount > 0 && width > 0 ? `A1:${letters[width - 1]}${rowCount}` : 'A1';

  // Formulas filled down a column are written once, as shared formulas: the fills as they are, and
  // runs found among the cells' own formulas.
  const runs = sharedRuns(spec.cells, width);
  const runAt = runs.map(() => 0);
  const sharedAt = (row: number, c: number): SharedRun | undefined => {
    const list = runs[c];
    let i = runAt[c];
    while (i < list.length && list[i].bottom < row) i++;
    runAt[c] = i;
    const run = list[i];
    return run && run.top <= row ? run : undefined;
  };
  const filled = fillRuns(fills, width, runs.reduce((n, list) => n + list.length, 0));
  const hasFill = filled.map((list) => list.length > 0);
  const fillAt = filled.map(() => 0);
  const fillRunAt = (row: number, c: number): FillRun | undefined => {
    const list = filled[c];
    let i = fillAt[c];
    while (i < list.length && list[i].bottom < row) i++;
    fillAt[c] = i;
    const run = list[i];
    return run && run.top <= row ? run : undefined;
  };

  const out = ctx.sink ?? new ByteSink();
  out.reset();
  out.text(
    `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="${dimension}"/>` +
      `${sheetViewXml(spec.freeze)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(spec)}<sheetData>`,
  );
  const none: SpecCell[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = r < spec.cells.length ? spec.cells[r] : none;
    const rowNumber = r + 1;
    const end = rowNumber <= fillBottom ? Math.max(cells.length, fillWidth) : cells.length;
    let opened = false;
    for (let c = 0; c < end; c++) {
      const fill = hasFill[c] ? fillRunAt(rowNumber, c) : undefined;
      // Past the row's cells, only a fill writes anything (as before fills, no styled blanks there).
      if (fill === undefined && c >= cells.length) continue;
      const cell = c < cells.length ? cells[c] : undefined;
      const style = styleAt(rowNumber, c + 1);
      if (fill === undefined && (cell === null || cell === undefined || cell === '') && style === 0) continue;
      if (!opened) {
        out.ascii('<row r="');
        out.int(rowNumber);
        out.ascii('">');
        opened = true;
      }
      const shift = ctx.dateShift?.styles.has(style) ? ctx.dateShift.days : 0;
      if (fill !== undefined) writeFillCell(out, letters[c], rowNumber, fill, cell, style, shift);
      else writeCell(out, letters[c], rowNumber, cell, style, shift, cell !== null && typeof cell === 'object' ? sharedAt(rowNumber, c) : undefined);
    }
    if (opened) out.ascii('</row>');
  }
  const tail: string[] = ['</sheetData>'];
  tail.push(conditionalFormattingXml(spec.conditionalFormats ?? [], ctx.dxfOf));
  tail.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (ctx.drawingRelId) tail.push(`<drawing r:id="${ctx.drawingRelId}"/>`);
  if (ctx.tableRelIds.length > 0) {
    tail.push(`<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  }
  tail.push('</worksheet>');
  out.text(tail.join(''));
  return ctx.sink ? out.view() : out.toBytes();
}
