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

export type ConditionalFormatSpec =
  | { kind: 'colorScale'; range: string; min: string; mid?: string; max: string; midValue?: number }
  | { kind: 'cellValue'; range: string; operator: 'lessThan' | 'greaterThan' | 'equal'; value: number | string; fill: string; font?: string }
  | { kind: 'textContains'; range: string; text: string; fill: string; font?: string };

export interface ChartSeriesSpec {
  name: string;
  /** A1 range on this sheet of the values. */
  values: string;
  /** A1 range on this sheet of the categories (x values for scatter). */
  categories?: string;
}

export interface ChartSpec {
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

export interface SheetSpec {
  name: string;
  /** Row-major cells starting at A1. Ragged rows are allowed. */
  cells: SpecCell[][];
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
