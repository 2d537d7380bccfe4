import { fillDown, type FilledDown } from './formulaRefs';

/**
 * A sheet as data. Every layout produces one; every host writes one.
 * Text is always text: a host must never let a string that starts with `=`, `+`, `-` or `@`
 * become a formula. Formulas are given explicitly as `{ formula, value }`.
 */
export type ScalarValue = number | string | boolean | null;

export interface FormulaCell {
  /** The formula in Excel's English syntax with A1 references, starting with `=`. */
  formula: string;
  /** The engine's value, cached in the cell so the workbook reads right before recalculation. */
  value: ScalarValue;
}

export type SpecCell = ScalarValue | FormulaCell;

export const isFormula = (c: SpecCell): c is FormulaCell =>
  typeof c === 'object' && c !== null && typeof (c as FormulaCell).formula === 'string';

/** A number format over a rectangular A1 range of the sheet, e.g. `{ range: 'D2:F12', format: '#,##0' }`. */
export interface RangeFormat {
  range: string;
  format: string;
}

export interface TableSpec {
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  /** A1 range including the header row. */
  range: string;
  style?: string;
}

/**
 * Excel's built-in icon sets, by their SpreadsheetML names (Office.js spells them `ThreeArrows`…). The
 * digit is the number of icons; the first icon marks the lowest values. (The x14-only sets 3Stars,
 * 3Triangles and 5Boxes are left out: they need a worksheet extension to be stored.)
 */
export const ICON_SETS = [
  '3Arrows',
  '3ArrowsGray',
  '3Flags',
  '3TrafficLights1',
  '3TrafficLights2',
  '3Signs',
  '3Symbols',
  '3Symbols2',
  '4Arrows',
  '4ArrowsGray',
  '4RedToBlack',
  '4Rating',
  '4TrafficLights',
  '5Arrows',
  '5ArrowsGray',
  '5Rating',
  '5Quarters',
] as const;

export type IconSetName = (typeof ICON_SETS)[number];

/** How many icons a set has (3, 4 or 5). */
export const iconCount = (icons: IconSetName): number => Number(icons[0]);

/** Where the next icon starts: a number, a percent of the way from the range's lowest to highest value, or a percentile. */
export interface IconThreshold {
  type: 'number' | 'percent' | 'percentile';
  value: number;
  /** The icon applies from `value` on (true, the default, as Excel's ≥) or only above it (false: >). */
  inclusive?: boolean;
}

export type ConditionalFormatSpec =
  /**
   * Two or three colours. Each end is the range's lowest / highest value, or a fixed number
   * (`minValue`, `maxValue`; values beyond it take the end colour); the middle is `midValue` or the 50th percentile.
   */
  | { kind: 'colorScale'; range: string; min: string; mid?: string; max: string; minValue?: number; midValue?: number; maxValue?: number }
  | { kind: 'cellValue'; range: string; operator: 'lessThan' | 'greaterThan' | 'equal'; value: number | string; fill: string; font?: string }
  | { kind: 'textContains'; range: string; text: string; fill: string; font?: string }
  /**
   * An icon per numeric cell. `thresholds` has one entry fewer than the set has icons: where the
   * second, third… icon starts, ascending. Text and blank cells get no icon.
   */
  | { kind: 'iconSet'; range: string; icons: IconSetName; thresholds: IconThreshold[]; reverse?: boolean; showValue?: boolean };

export interface ChartSeriesSpec {
  name: string;
  /** A1 range on this sheet of the values. */
  values: string;
  /** A1 range on this sheet of the categories (x values for scatter). */
  categories?: string;
  /**
   * How a scatter's or the range chart's marker series shows each point: a circle (scatter default)
   * or a wide horizontal dash (range chart default), which reads as a level such as a midpoint.
   */
  marker?: 'circle' | 'dash';
}

export interface ChartSpec {
  /**
   * `rangeBar`: floating bars, one per category: series 1 is the base (each bar's bottom, e.g. the grade
   * minimum; drawn invisible), series 2 the bar's height stacked on it (maximum − minimum); any further
   * series are markers on the same categories (e.g. the midpoint). `scatter`: x from `categories`, y from `values`.
   */
  kind: 'rangeBar' | 'scatter' | 'line' | 'column';
  title: string;
  /** Top-left cell where the chart is anchored, and its size in cells. */
  anchor: string;
  widthCells: number;
  heightCells: number;
  series: ChartSeriesSpec[];
}

export interface ColumnSpec {
  /** Width in characters. */
  width?: number;
  hidden?: boolean;
}

/**
 * One formula filled down a column, as a person fills it in Excel: the formula written for row
 * `first` and copied to every row down to `last`, its relative references moving with the row
 * (`=H2*I2` in row 2 reads `=H3*I3` in row 3). The cells under a fill hold the formulas' cached
 * values in `SheetSpec.cells`, plain values, so a 100,000-row column costs one formula, not 100,000.
 * Rows listed in `except` are not part of it: their cell is taken from `cells` as it is (a value, or
 * a formula cell of its own).
 */
export interface FormulaFill {
  /** 1-based column. */
  col: number;
  /** 1-based rows, inclusive; `first` always holds the formula. */
  first: number;
  last: number;
  /** The formula as it reads at row `first`, in Excel's English syntax with A1 references, starting with `=`. */
  formula: string;
  /** Rows (1-based, ascending, between `first` and `last`) whose cell is its own. */
  except?: number[];
}

export interface SheetSpec {
  name: string;
  /** Row-major cells starting at A1. Ragged rows are allowed. Under a fill, the cached values. */
  cells: SpecCell[][];
  /** Formulas filled down columns over `cells`; they never overlap. */
  fills?: FormulaFill[];
  columns?: ColumnSpec[];
  formats?: RangeFormat[];
  tables?: TableSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  charts?: ChartSpec[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  /**
   * `output`: the add-in's own sheet, marked as such and replaced on every run.
   * `input`: an input sheet the add-in creates only when it is missing (the Assumptions sheet);
   * an existing sheet of that name is left as it is.
   */
  role: 'output' | 'input';
}

/**
 * The sheet's cells with every fill spelled out, each filled cell as `{ formula, value }`: the sheet
 * as a person sees it in Excel. Costs a formula string per filled cell; the hosts that write large
 * sheets read the fills as they are instead.
 */
export function specCells(spec: SheetSpec): SpecCell[][] {
  if (!spec.fills || spec.fills.length === 0) return spec.cells;
  const spell = fillSpeller(spec);
  const height = spec.fills.reduce((h, f) => Math.max(h, f.last), spec.cells.length);
  const cells: SpecCell[][] = new Array(height);
  for (let r = 1; r <= height; r++) cells[r - 1] = spell(spec.cells[r - 1] ?? [], r);
  return cells;
}

/**
 * Spells out the fills of one row at a time (1-based `r`), as `specCells` does for the whole sheet: a
 * copy of the row with its filled cells as `{ formula, value }`, or the row itself when nothing is
 * filled in it. For readers that go row by row (the task pane's worker sends rows in chunks).
 */
export function fillSpeller(spec: SheetSpec): (row: readonly SpecCell[], r: number) => SpecCell[] {
  const fills = (spec.fills ?? []).map((f) => ({ fill: f, down: fillDown(f.formula, f.first), own: new Set(f.except ?? []) }));
  return (row, r) => {
    let out: SpecCell[] | undefined;
    for (const { fill, down, own } of fills) {
      if (r < fill.first || r > fill.last || own.has(r)) continue;
      out ??= row.slice();
      while (out.length < fill.col) out.push(null);
      out[fill.col - 1] = filledCell(fill, down, r, out[fill.col - 1]);
    }
    return out ?? (row as SpecCell[]);
  };
}

/** One cell (1-based row and column) as `specCells` has it, without spelling out the rest. */
export function specCell(spec: SheetSpec, row: number, col: number): SpecCell | undefined {
  const cell = spec.cells[row - 1]?.[col - 1];
  const fill = spec.fills?.find((f) => f.col === col && f.first <= row && row <= f.last && !f.except?.includes(row));
  return fill ? filledCell(fill, fillDown(fill.formula, fill.first), row, cell) : cell;
}

/** A fill's cell at row `r`: its formula there, with the value the cells hold as the cached value. */
function filledCell(fill: FormulaFill, down: FilledDown | undefined, r: number, value: SpecCell | undefined): FormulaCell {
  return { formula: down ? down.at(r) : fill.formula, value: value === undefined || (value !== null && isFormula(value)) ? null : value };
}

/** A workbook-level defined name, e.g. `RangeSpread` → `Assumptions!$B$12`. */
export interface DefinedName {
  name: string;
  /** Formula text without `=`, e.g. `Assumptions!$B$12` or `'Pay Structure'!$E$2:$E$11`. */
  ref: string;
  comment?: string;
}

/** One all-or-nothing write: the sheets, then the defined names pointing into them. */
export interface WorkbookUpdate {
  sheets: SheetSpec[];
  names: DefinedName[];
}
