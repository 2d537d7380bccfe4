/**
 * The workbook state behind the fake Excel API, with Excel's rules: unique sheet, table and name
 * names; formulas that follow a sheet or table when it is renamed and turn into #REF! when it is
 * deleted; tables that may not overlap; the last visible sheet that cannot go; protection.
 */
import { referenceRenamer } from '../../src/hosts/office/referenceRenamer';
import { cellAddress, columnLetter, columnNumber, quoteSheet } from '../../src/workbook/address';
import { enter, type FakeCell, type FakeValue } from './fakeExcelCells';
import { compileR1C1 } from './fakeExcelR1C1';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An error Excel reports: `code` from Excel.ErrorCodes, as OfficeExtension.Error carries it. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export const fail = (code: string, message: string): never => {
  throw new FakeOfficeError(code, message);
};

export interface ModelName {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface ModelTable {
  id: string;
  name: string;
  sheet: ModelSheet;
  rect: Rect;
  style: string;
}

export interface RangeRef {
  sheet: ModelSheet;
  rect: Rect;
}

export interface ModelConditionalFormat {
  id: number;
  rect: Rect;
  type: string;
  colorScale?: unknown;
  iconSet?: { style?: unknown; criteria?: unknown; reverseIconOrder?: unknown; showIconOnly?: unknown };
  rule?: unknown;
  fill?: string;
  font?: string;
}

export interface ModelChartSeries {
  name: string;
  values?: RangeRef;
  xValues?: RangeRef;
  chartType?: string;
  markerStyle?: string;
  fillCleared?: boolean;
  lineStyle?: string;
}

export interface ModelChart {
  id: number;
  name: string;
  type: string;
  title: string;
  legend?: string;
  from?: string;
  to?: string;
  series: ModelChartSeries[];
}

export interface ModelSheet {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  deleted: boolean;
  rows: (FakeCell | undefined)[][];
  formulaCount: number;
  /** Every cell that was given a formula (some may since hold a value): what a rename must look at. */
  formulaCells: FakeCell[];
  /** Number formats set on whole ranges with one value, in the order set. */
  rangeFormats: { rect: Rect; format: string; seq: number }[];
  names: ModelName[];
  freeze?: { rows: number; columns: number };
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  conditionalFormats: ModelConditionalFormat[];
  charts: ModelChart[];
}

// Excel's own rules, written here apart from the host's (src/hosts/sheetNames.ts), so that a test
// of the one can catch a mistake in the other.
const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;
/** A1 references up to XFD1048576, and R1C1 ones (R, C, R2, C3, R2C3). */
function looksLikeCell(n: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(n);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMNS && +a1[2] >= 1 && +a1[2] <= MAX_ROWS) return true;
  return /^[Rr]\d*([Cc]\d*)?$/.test(n) || /^[Cc]\d*$/.test(n);
}
/** Excel compares names letter by letter, case-insensitively, beyond ASCII too (Σ, σ and ς are one letter). */
// eslint-disable-next-line no-control-regex
const fold = (s: string): string => (/^[\u0000-\u007f]*$/.test(s) ? s.toUpperCase() : [...s].map((ch) => (ch.toUpperCase().length === ch.length ? ch.toUpperCase() : ch)).join(''));

function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > 31) return 'a sheet name has at most 31 characters';
  if (/[\\/?*[\]:]/.test(name)) return 'a sheet name cannot hold \\ / ? * [ ] :';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name cannot start or end with an apostrophe';
  if (fold(name) === 'HISTORY') return '"History" is reserved';
  return undefined;
}

/** `A1`, `$A$1:$C$9`, `1:500` (whole rows), `C:E` (whole columns). */
export function parseAddress(address: string): Rect {
  const a = address.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = +m[2];
    const c1 = columnNumber(m[1]);
    const r2 = m[4] ? +m[4] : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    return check({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) }, address);
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return check({ top: Math.min(+m[1], +m[2]), left: 1, bottom: Math.max(+m[1], +m[2]), right: MAX_COLUMNS }, address);
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnNumber(m[1]);
    const c2 = columnNumber(m[2]);
    return check({ top: 1, left: Math.min(c1, c2), bottom: MAX_ROWS, right: Math.max(c1, c2) }, address);
  }
  return fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: address "${address}".`);
}

function check(r: Rect, address: string): Rect {
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLUMNS) fail('InvalidArgument', `address "${address}" is beyond the sheet`);
  return r;
}

export const rectAddress = (r: Rect): string => {
  if (r.left === 1 && r.right === MAX_COLUMNS) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  return r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
};

const overlaps = (a: Rect, b: Rect): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const cellCount = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Marker for references to a deleted sheet or table while rewriting formulas. */
const GONE = 'GONE__REF';

export class FakeWorkbookModel {
  sheets: ModelSheet[] = [];
  tables: ModelTable[] = [];
  names: ModelName[] = [];
  protected = false;
  date1904 = false;
  active?: ModelSheet;
  selection?: RangeRef;
  private nextId = 1;
  private formatSeq = 0;
  private cfSeq = 0;
  private chartSeq = 0;
  private tableSeq = 0;

  newId(): string {
    return `{${String(this.nextId++).padStart(8, '0')}-FAKE}`;
  }

  // ---- sheets ----

  findSheet(key: string): ModelSheet | undefined {
    return this.sheets.find((s) => s.id === key || fold(s.name) === fold(key));
  }

  private checkSheetName(name: string, except?: ModelSheet): void {
    const problem = sheetNameProblem(name);
    if (problem) fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${problem}.`);
    const clash = this.sheets.find((s) => s !== except && fold(s.name) === fold(name));
    if (clash) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: sheet "${name}".`);
  }

  private checkStructure(): void {
    if (this.protected) fail('AccessDenied', 'The workbook is protected: you cannot add, delete, move or rename sheets.');
  }

  addSheet(name?: string): ModelSheet {
    this.checkStructure();
    let n = name;
    if (n === undefined) for (let i = this.sheets.length + 1; this.findSheet((n = `Sheet${i}`)); i++);
    this.checkSheetName(n!);
    const sheet: ModelSheet = {
      id: this.newId(),
      name: n!,
      visibility: 'Visible',
      protected: false,
      deleted: false,
      rows: [],
      formulaCount: 0,
      formulaCells: [],
      rangeFormats: [],
      names: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      conditionalFormats: [],
      charts: [],
    };
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  renameSheet(sheet: ModelSheet, name: string): void {
    if (sheet.name === name) return;
    this.checkStructure();
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewrite({ sheets: new Map([[old.toLowerCase(), name]]), tables: new Map() });
  }

  deleteSheet(sheet: ModelSheet): void {
    this.checkStructure();
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      fail('InvalidOperation', 'This operation is not allowed: a workbook must contain at least one visible worksheet.');
    }
    const gone = this.tables.filter((t) => t.sheet === sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    this.rewrite({ sheets: new Map([[sheet.name.toLowerCase(), GONE]]), tables: new Map(gone.map((t) => [t.name.toLowerCase(), GONE])) });
    if (this.active === sheet) this.active = this.sheets.find((s) => s.visibility === 'Visible');
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  moveSheet(sheet: ModelSheet, position: number): void {
    this.checkStructure();
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail('InvalidArgument', `position ${position} is out of range`);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: ModelSheet, visibility: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) fail('InvalidArgument', `visibility "${visibility}"`);
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      fail('InvalidOperation', 'This operation is not allowed: a workbook must contain at least one visible worksheet.');
    }
    this.checkStructure();
    sheet.visibility = visibility;
  }

  // ---- cells ----

  checkEditable(sheet: ModelSheet): void {
    if (sheet.deleted) fail('ItemNotFound', `The requested resource doesn't exist: sheet "${sheet.name}" was deleted.`);
    // Excel's message does not say which sheet: the host has to.
    if (sheet.protected) fail('AccessDenied', "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.");
  }

  cell(sheet: ModelSheet, row: number, col: number): FakeCell | undefined {
    return sheet.rows[row - 1]?.[col - 1];
  }

  formatOf(sheet: ModelSheet, row: number, col: number): string {
    const cell = this.cell(sheet, row, col);
    let best = cell?.format !== undefined ? { format: cell.format, seq: cell.formatSeq ?? 0 } : undefined;
    for (const f of sheet.rangeFormats) {
      if (f.seq > (best?.seq ?? -1) && row >= f.rect.top && row <= f.rect.bottom && col >= f.rect.left && col <= f.rect.right) best = f;
    }
    return best?.format ?? 'General';
  }

  /** Set one cell from an input as `Range.values` / `Range.formulas` would. */
  enterValue(sheet: ModelSheet, row: number, col: number, input: unknown): void {
    const entry = enter(input, this.formatOf(sheet, row, col));
    if (entry.kind === 'skip') return;
    const old = this.cell(sheet, row, col);
    if (old?.formula) sheet.formulaCount--;
    if (entry.kind === 'clear') {
      if (old) {
        const keep = old.format !== undefined ? { value: '' as FakeValue, format: old.format, formatSeq: old.formatSeq } : undefined;
        sheet.rows[row - 1][col - 1] = keep;
      }
      return;
    }
    const cell: FakeCell = { ...entry.cell };
    if (entry.format && this.formatOf(sheet, row, col) === 'General') {
      cell.format = entry.format;
      cell.formatSeq = ++this.formatSeq;
    } else if (old?.format !== undefined) {
      cell.format = old.format;
      cell.formatSeq = old.formatSeq;
    }
    if (cell.formula) {
      sheet.formulaCount++;
      sheet.formulaCells.push(cell);
    }
    const line = (sheet.rows[row - 1] ??= []);
    line[col - 1] = cell;
  }

  /** Input for every cell of a rect: one value for all, or a 2-D array of the rect's size. */
  setCells(sheet: ModelSheet, rect: Rect, input: unknown, what: 'values' | 'formulas' | 'formulasR1C1'): void {
    this.checkEditable(sheet);
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    // Through formulasR1C1, a formula's references are relative to the cell it lands in.
    const r1c1 = (v: unknown): boolean => what === 'formulasR1C1' && typeof v === 'string' && v.startsWith('=');
    const at = (v: unknown, row: number, col: number): unknown => (r1c1(v) ? compileR1C1(v as string)(row, col) : v);
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
        fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) this.enterValue(sheet, rect.top + r, rect.left + c, at((input as unknown[][])[r][c], rect.top + r, rect.left + c));
      return;
    }
    if (input === null || input === undefined) fail('InvalidArgument', `null is not a valid input for ${what} (only inside a 2-D array).`);
    if (cellCount(rect) > 5_000_000) fail('OperationCellsExceedLimit', 'The operation affects more cells than Excel allows.');
    const one = r1c1(input) ? compileR1C1(input as string) : () => input;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) this.enterValue(sheet, r, c, one(r, c));
  }

  setFormats(sheet: ModelSheet, rect: Rect, input: unknown): void {
    this.checkEditable(sheet);
    if (Array.isArray(input)) {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
        fail('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range (numberFormat).");
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const f = (input as unknown[][])[r][c];
          if (f === null || f === undefined) continue;
          const row = rect.top + r;
          const col = rect.left + c;
          if (String(f) === 'General' && !sheet.rangeFormats.some((x) => row >= x.rect.top && row <= x.rect.bottom && col >= x.rect.left && col <= x.rect.right)) {
            // General is no format at all: a cell given it is as one never formatted.
            const cell = this.cell(sheet, row, col);
            if (cell) {
              delete cell.format;
              delete cell.formatSeq;
              if (cell.value === '' && cell.formula === undefined) sheet.rows[row - 1][col - 1] = undefined;
            }
            continue;
          }
          const line = (sheet.rows[rect.top + r - 1] ??= []);
          const cell = (line[rect.left + c - 1] ??= { value: '' });
          cell.format = String(f);
          cell.formatSeq = ++this.formatSeq;
        }
      }
      return;
    }
    if (typeof input !== 'string') fail('InvalidArgument', 'numberFormat must be text');
    sheet.rangeFormats.push({ rect, format: input as string, seq: ++this.formatSeq });
  }

  /** What `Range.values` returns. */
  displayValue(sheet: ModelSheet, row: number, col: number): FakeValue {
    const cell = this.cell(sheet, row, col);
    return cell ? cell.value : '';
  }

  /** What `Range.formulas` returns. */
  formulaOf(sheet: ModelSheet, row: number, col: number): FakeValue {
    const cell = this.cell(sheet, row, col);
    return cell ? (cell.formula ?? cell.value) : '';
  }

  /** Used cells of `within`: with values (or formulas), and with formats unless `valuesOnly`. */
  usedRect(sheet: ModelSheet, within: Rect, valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const last = Math.min(within.bottom, sheet.rows.length);
    for (let r = within.top; r <= last; r++) {
      const line = sheet.rows[r - 1];
      if (!line) continue;
      const end = Math.min(within.right, line.length);
      for (let c = within.left; c <= end; c++) {
        const cell = line[c - 1];
        if (!cell) continue;
        const used = cell.value !== '' || cell.formula !== undefined || (!valuesOnly && cell.format !== undefined);
        if (!used) continue;
        if (r < top) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  // ---- tables ----

  findTable(key: string): ModelTable | undefined {
    return this.tables.find((t) => t.id === key || fold(t.name) === fold(key));
  }

  private checkNewName(name: string, except?: { table?: ModelTable; name?: ModelName }): void {
    if (!NAME_PATTERN.test(name) || name.length > 255 || looksLikeCell(name)) fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: name "${name}".`);
    if (this.tables.some((t) => t !== except?.table && fold(t.name) === fold(name)) || this.names.some((n) => n !== except?.name && fold(n.name) === fold(name))) {
      fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: "${name}".`);
    }
  }

  addTable(sheet: ModelSheet, rect: Rect, hasHeaders: boolean): ModelTable {
    this.checkEditable(sheet);
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) fail('InvalidOperation', "A table can't overlap another table.");
    if (rect.bottom === rect.top && hasHeaders) rect = { ...rect, bottom: rect.bottom + 1 };
    if (!hasHeaders) fail('InvalidArgument', 'the fake only models tables with headers');
    // Excel makes headers unique text: blanks become ColumnN, repeats get a number.
    const seen = new Set<string>();
    for (let c = rect.left; c <= rect.right; c++) {
      let header = String(this.displayValue(sheet, rect.top, c));
      if (header === '' || this.cell(sheet, rect.top, c)?.formula) header = `Column${c - rect.left + 1}`;
      let unique = header;
      for (let n = 2; seen.has(fold(unique)); n++) unique = `${header}${n}`;
      seen.add(fold(unique));
      if (unique !== this.displayValue(sheet, rect.top, c)) this.enterValue(sheet, rect.top, c, `'${unique}`);
    }
    let name: string;
    do name = `Table${++this.tableSeq}`;
    while (this.findTable(name) || this.names.some((n) => fold(n.name) === fold(name)));
    const table: ModelTable = { id: String(this.tableSeq), name, sheet, rect, style: 'TableStyleMedium2' };
    this.tables.push(table);
    return table;
  }

  renameTable(table: ModelTable, name: string): void {
    if (table.name === name) return;
    this.checkEditable(table.sheet);
    this.checkNewName(name, { table });
    const old = table.name;
    table.name = name;
    this.rewrite({ sheets: new Map(), tables: new Map([[old.toLowerCase(), name]]) });
  }

  // ---- names ----

  addName(scope: ModelSheet | undefined, name: string, formula: string, comment = ''): ModelName {
    const list = scope ? scope.names : this.names;
    if (!NAME_PATTERN.test(name) || looksLikeCell(name)) fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: name "${name}".`);
    if (list.some((n) => fold(n.name) === fold(name)) || (!scope && this.tables.some((t) => fold(t.name) === fold(name)))) {
      fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: name "${name}".`);
    }
    const item: ModelName = { name, formula: formula.startsWith('=') ? formula : `=${formula}`, comment, visible: true };
    list.push(item);
    return item;
  }

  deleteName(scope: ModelSheet | undefined, item: ModelName): void {
    const list = scope ? scope.names : this.names;
    const i = list.indexOf(item);
    if (i < 0) fail('ItemNotFound', `The requested resource doesn't exist: name "${item.name}".`);
    list.splice(i, 1);
  }

  // ---- formulas follow renames ----

  private rewrite(renames: { sheets: Map<string, string>; tables: Map<string, string> }): void {
    const rename = referenceRenamer(renames);
    const gone = new RegExp(`${GONE}!\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?|${GONE}\\[[^\\]]*(?:\\[[^\\]]*\\][^\\]]*)*\\]|${GONE}`, 'g');
    // References to sheets carry a `!`, to tables a `[`: formulas with neither stay as they are (quick).
    const marks = [...(renames.sheets.size > 0 ? ['!'] : []), ...(renames.tables.size > 0 ? ['['] : [])];
    const fix = (formula: string): string => {
      if (!marks.some((m) => formula.includes(m))) return formula;
      const out = rename(formula);
      return out !== formula && out.includes(GONE) ? out.replace(gone, '#REF!') : out;
    };
    for (const sheet of this.sheets) {
      for (const cell of sheet.formulaCells) if (cell.formula) cell.formula = fix(cell.formula);
      for (const n of sheet.names) n.formula = fix(n.formula);
    }
    for (const n of this.names) n.formula = fix(n.formula);
  }

  // ---- other sheet features ----

  addConditionalFormat(sheet: ModelSheet, rect: Rect, type: string): ModelConditionalFormat {
    this.checkEditable(sheet);
    if (!['ColorScale', 'CellValue', 'ContainsText', 'IconSet', 'DataBar', 'Custom', 'TopBottom', 'PresetCriteria'].includes(type)) fail('InvalidArgument', `conditional format type "${type}"`);
    const cf: ModelConditionalFormat = { id: ++this.cfSeq, rect, type };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  addChart(sheet: ModelSheet, type: string, source: RangeRef, seriesBy: string): ModelChart {
    this.checkEditable(sheet);
    const chart: ModelChart = { id: ++this.chartSeq, name: `Chart ${this.chartSeq}`, type, title: '', series: [] };
    const { rect } = source;
    const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rect.bottom - rect.top >= rect.right - rect.left);
    if (byColumns) for (let c = rect.left; c <= rect.right; c++) chart.series.push({ name: `Series${chart.series.length + 1}`, values: { sheet: source.sheet, rect: { ...rect, left: c, right: c } } });
    else for (let r = rect.top; r <= rect.bottom; r++) chart.series.push({ name: `Series${chart.series.length + 1}`, values: { sheet: source.sheet, rect: { ...rect, top: r, bottom: r } } });
    sheet.charts.push(chart);
    return chart;
  }

  // ---- what tests compare ----

  /** Everything a user could see or a formula could reach, as plain data. */
  snapshot(): unknown {
    const ref = (r?: RangeRef) => (r ? `${quoteSheet(r.sheet.name)}!${rectAddress(r.rect)}` : undefined);
    return {
      protected: this.protected,
      names: this.names.map((n) => ({ ...n })),
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells: this.cellsOf(s),
        rangeFormats: s.rangeFormats.map((f) => ({ range: rectAddress(f.rect), format: f.format })),
        names: s.names.map((n) => ({ ...n })),
        freeze: s.freeze,
        columnWidths: [...s.columnWidths.entries()],
        hiddenColumns: [...s.hiddenColumns],
        tables: this.tables.filter((t) => t.sheet === s).map((t) => ({ id: t.id, name: t.name, range: rectAddress(t.rect), style: t.style })),
        conditionalFormats: s.conditionalFormats.map(({ id: _id, ...cf }) => ({ ...cf, rect: rectAddress(cf.rect) })),
        charts: s.charts.map(({ id: _id, ...c }) => ({ ...c, series: c.series.map((x) => ({ ...x, values: ref(x.values), xValues: ref(x.xValues) })) })),
      })),
    };
  }

  /** A sheet's non-empty cells by address: value, formula, number format, quote prefix. */
  cellsOf(sheet: ModelSheet): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    sheet.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (cell) out[cellAddress(r + 1, c + 1)] = { ...cell, formatSeq: undefined };
      }),
    );
    return out;
  }
}
