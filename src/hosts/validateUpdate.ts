import { parseCell, parseRange } from '../workbook/address';
import { ICON_SETS, iconCount, isFormula, type ConditionalFormatSpec, type FormulaFill, type SheetSpec, type WorkbookUpdate } from '../workbook/sheetSpec';
import { fillDown } from '../workbook/formulaRefs';
import { HostError } from './host';
import { sheetNameProblem } from './sheetNames';

/** Excel's hard limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_TEXT_LENGTH = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\?]*$/;
const COLOR_PATTERN = /^#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/;

/** True when a defined or table name would read as a cell address (A1 or R1C1), which Excel forbids. */
export function looksLikeCellReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}

export function definedNameProblem(name: string): string | undefined {
  if (!NAME_PATTERN.test(name) || name.length > 255) return `"${name}" is not a valid name`;
  if (looksLikeCellReference(name)) return `"${name}" reads as a cell reference`;
  return undefined;
}

/**
 * Check a whole update before anything is written, so a host can stay all-or-nothing.
 * Throws one HostError listing every problem found.
 */
export function validateUpdate(update: WorkbookUpdate): void {
  const problems: string[] = [];
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const spec of update.sheets) {
    const nameProblem = sheetNameProblem(spec.name);
    if (nameProblem) problems.push(nameProblem);
    const key = String(spec.name).toLowerCase();
    if (sheetNames.has(key)) problems.push(`sheet "${spec.name}" is written twice`);
    sheetNames.add(key);
    if (spec.role !== 'output' && spec.role !== 'input') problems.push(`${spec.name}: role must be output or input`);
    checkCells(spec, problems);
    checkFills(spec, problems);
    checkRanges(spec, problems);
    for (const t of spec.tables ?? []) {
      const tKey = t.name.toLowerCase();
      if (tableNames.has(tKey)) problems.push(`table "${t.name}" is defined twice`);
      tableNames.add(tKey);
    }
  }
  const names = new Set<string>();
  for (const n of update.names) {
    const p = definedNameProblem(n.name);
    if (p) problems.push(`defined name ${p}`);
    const key = n.name.toLowerCase();
    if (names.has(key)) problems.push(`defined name "${n.name}" is given twice`);
    if (tableNames.has(key)) problems.push(`defined name "${n.name}" is also a table name`);
    names.add(key);
    if (typeof n.ref !== 'string' || n.ref.trim() === '' || n.ref.startsWith('=')) problems.push(`defined name "${n.name}": ref must be formula text without "="`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw new HostError(`Cannot write the workbook: ${shown}${more}`, 'invalid-update');
  }
}

function checkCells(spec: SheetSpec, problems: string[]): void {
  if (spec.cells.length > MAX_ROWS) problems.push(`${spec.name}: more than ${MAX_ROWS} rows`);
  let reported = 0;
  const report = (r: number, c: number, what: string): void => {
    if (reported++ < 5) problems.push(`${spec.name}!R${r + 1}C${c + 1}: ${what}`);
  };
  for (let r = 0; r < spec.cells.length; r++) {
    const row = spec.cells[r];
    if (row.length > MAX_COLUMNS) report(r, row.length - 1, `more than ${MAX_COLUMNS} columns`);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined || typeof cell === 'boolean') continue;
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) report(r, c, `${cell} is not a finite number`);
      } else if (typeof cell === 'string') {
        if (cell.length > MAX_TEXT_LENGTH) report(r, c, `text longer than ${MAX_TEXT_LENGTH} characters`);
      } else if (isFormula(cell)) {
        if (!cell.formula.startsWith('=') || cell.formula.length < 2) report(r, c, `formula "${cell.formula}" must start with "="`);
        if (cell.formula.length > MAX_FORMULA_LENGTH) report(r, c, `formula longer than ${MAX_FORMULA_LENGTH} characters`);
        if (typeof cell.value === 'number' && !Number.isFinite(cell.value)) report(r, c, `cached value ${cell.value} is not finite`);
      } else {
        report(r, c, 'unsupported cell value');
      }
    }
  }
}

/** A fill stays inside the sheet, names rows in order, holds a formula that can be filled down, and covers values only. */
function checkFills(spec: SheetSpec, problems: string[]): void {
  const byColumn = new Map<number, FormulaFill[]>();
  for (const f of spec.fills ?? []) {
    const where = `${spec.name}: fill of column ${f.col} rows ${f.first}–${f.last}`;
    if (!Number.isInteger(f.col) || f.col < 1 || f.col > MAX_COLUMNS || !Number.isInteger(f.first) || !Number.isInteger(f.last) || f.first < 1 || f.last < f.first || f.last > MAX_ROWS) {
      problems.push(`${where}: not a range of the sheet`);
      continue;
    }
    if (typeof f.formula !== 'string' || !f.formula.startsWith('=') || f.formula.length < 2 || f.formula.length > MAX_FORMULA_LENGTH) {
      problems.push(`${where}: formula "${f.formula}" must start with "=" and be at most ${MAX_FORMULA_LENGTH} characters`);
      continue;
    }
    if (fillDown(f.formula, f.first) === undefined) problems.push(`${where}: formula "${f.formula}" cannot be filled down`);
    const except = f.except ?? [];
    if (except.some((r, i) => !Number.isInteger(r) || r <= f.first || r > f.last || (i > 0 && r <= except[i - 1]))) problems.push(`${where}: its own rows must be ascending rows below the first`);
    const list = byColumn.get(f.col) ?? [];
    if (list.some((o) => o.first <= f.last && f.first <= o.last)) problems.push(`${where}: overlaps another fill`);
    list.push(f);
    byColumn.set(f.col, list);
    const own = new Set(except);
    for (let r = f.first; r <= f.last; r++) {
      const cell = spec.cells[r - 1]?.[f.col - 1];
      if (!own.has(r) && cell !== null && typeof cell === 'object') {
        problems.push(`${where}: row ${r} holds a formula cell under the fill`);
        break;
      }
    }
  }
}

function checkRanges(spec: SheetSpec, problems: string[]): void {
  const range = (what: string, a1: string): ReturnType<typeof parseRange> | undefined => {
    try {
      const r = parseRange(a1);
      if (r.bottom > MAX_ROWS || r.right > MAX_COLUMNS) throw new RangeError('beyond the sheet');
      return r;
    } catch {
      problems.push(`${spec.name}: ${what} range "${a1}" is not an A1 range`);
      return undefined;
    }
  };
  const color = (what: string, value: string | undefined): void => {
    if (value !== undefined && !COLOR_PATTERN.test(value)) problems.push(`${spec.name}: ${what} colour "${value}" is not RRGGBB`);
  };
  for (const f of spec.formats ?? []) {
    range('format', f.range);
    if (typeof f.format !== 'string' || f.format === '') problems.push(`${spec.name}: empty number format on ${f.range}`);
  }
  const placed: { name: string; r: ReturnType<typeof parseRange> }[] = [];
  for (const t of spec.tables ?? []) {
    const p = definedNameProblem(t.name);
    if (p) problems.push(`${spec.name}: table ${p}`);
    const r = range(`table ${t.name}`, t.range);
    if (!r) continue;
    for (const other of placed) {
      if (r.top <= other.r.bottom && other.r.top <= r.bottom && r.left <= other.r.right && other.r.left <= r.right) {
        problems.push(`${spec.name}: tables ${other.name} and ${t.name} overlap`);
      }
    }
    placed.push({ name: t.name, r });
    const headers = new Set<string>();
    for (let c = r.left; c <= r.right; c++) {
      const h = spec.cells[r.top - 1]?.[c - 1];
      if (typeof h !== 'string' || h.trim() === '') {
        problems.push(`${spec.name}: table ${t.name} needs a text header in column ${c}`);
      } else if (headers.has(h.toLowerCase())) {
        problems.push(`${spec.name}: table ${t.name} repeats the header "${h}"`);
      } else headers.add(h.toLowerCase());
    }
  }
  for (const cf of spec.conditionalFormats ?? []) {
    range(`conditional format`, cf.range);
    if (cf.kind === 'colorScale') {
      color('colour scale', cf.min);
      color('colour scale', cf.mid);
      color('colour scale', cf.max);
      checkScalePoints(spec.name, cf, problems);
    } else if (cf.kind === 'iconSet') {
      checkIconSet(spec.name, cf, problems);
    } else {
      color('fill', cf.fill);
      color('font', cf.font);
    }
  }
  for (const chart of spec.charts ?? []) {
    try {
      parseCell(chart.anchor);
    } catch {
      problems.push(`${spec.name}: chart "${chart.title}" anchor "${chart.anchor}" is not a cell`);
    }
    if (!(chart.widthCells > 0 && chart.heightCells > 0)) problems.push(`${spec.name}: chart "${chart.title}" has no size`);
    if (chart.series.length === 0) problems.push(`${spec.name}: chart "${chart.title}" has no series`);
    else if (chart.kind === 'rangeBar' && chart.series.length < 2) problems.push(`${spec.name}: range chart "${chart.title}" needs a base series and a band series`);
    for (const s of chart.series) {
      range(`chart series ${s.name}`, s.values);
      if (s.categories) range(`chart categories ${s.name}`, s.categories);
      if (s.marker !== undefined && s.marker !== 'circle' && s.marker !== 'dash') problems.push(`${spec.name}: chart series ${s.name} marker must be circle or dash`);
    }
  }
  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0) problems.push(`${spec.name}: freeze must be whole rows and columns`);
  }
}


type ColorScaleSpec = Extract<ConditionalFormatSpec, { kind: 'colorScale' }>;
type IconSetSpec = Extract<ConditionalFormatSpec, { kind: 'iconSet' }>;

/** Fixed colour-scale points must be finite and in order (Excel refuses a minimum above the maximum). */
function checkScalePoints(sheet: string, cf: ColorScaleSpec, problems: string[]): void {
  const points = [cf.minValue, cf.mid !== undefined ? cf.midValue : undefined, cf.maxValue];
  if (points.some((v) => v !== undefined && !Number.isFinite(v))) {
    problems.push(`${sheet}: colour scale on ${cf.range} has a point that is not a finite number`);
    return;
  }
  const given = points.filter((v): v is number => v !== undefined);
  if (given.some((v, i) => i > 0 && v <= given[i - 1])) problems.push(`${sheet}: colour scale on ${cf.range} must rise from minimum to maximum`);
}

/** One threshold fewer than icons, each a finite number (0 to 100 for percents and percentiles), rising. */
function checkIconSet(sheet: string, cf: IconSetSpec, problems: string[]): void {
  const where = `${sheet}: icon set on ${cf.range}`;
  if (!(ICON_SETS as readonly string[]).includes(cf.icons)) {
    problems.push(`${where}: "${cf.icons}" is not one of Excel's icon sets`);
    return;
  }
  const thresholds = Array.isArray(cf.thresholds) ? cf.thresholds : [];
  if (thresholds.length !== iconCount(cf.icons) - 1) problems.push(`${where}: ${cf.icons} needs ${iconCount(cf.icons) - 1} thresholds, not ${thresholds.length}`);
  thresholds.forEach((t, i) => {
    if (t.type !== 'number' && t.type !== 'percent' && t.type !== 'percentile') problems.push(`${where}: threshold ${i + 1} type must be number, percent or percentile`);
    else if (!Number.isFinite(t.value)) problems.push(`${where}: threshold ${i + 1} is not a finite number`);
    else if (t.type !== 'number' && (t.value < 0 || t.value > 100)) problems.push(`${where}: threshold ${i + 1} must be a ${t.type} from 0 to 100`);
    const before = thresholds[i - 1];
    if (before && before.type === t.type && t.value < before.value) problems.push(`${where}: thresholds must rise (${before.value} then ${t.value})`);
  });
}
