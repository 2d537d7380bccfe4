/** An Excel error value read from a cell (#N/A, #DIV/0!, #REF!…). */
export interface ExcelError {
  error: string;
}

/** A cell value as read from a workbook. Dates arrive as serial numbers. */
export type GridValue = number | string | boolean | null | ExcelError;

export const isExcelError = (v: unknown): v is ExcelError =>
  typeof v === 'object' && v !== null && typeof (v as ExcelError).error === 'string';

/** An Excel table found on a sheet (ListObject), by its A1 range on that sheet. */
export interface TableInfo {
  name: string;
  range: string;
}

/** A sheet's used range as read by a host: `rows[0][0]` is the cell at (`top`, `left`). */
export interface Grid {
  sheet: string;
  /** 1-based row of rows[0]. */
  top: number;
  /** 1-based column of rows[i][0]. */
  left: number;
  rows: GridValue[][];
  tables?: TableInfo[];
  /** Columns hidden by the user (1-based); kept so problems can mention them. */
  hiddenColumns?: number[];
}

export interface SheetInfo {
  name: string;
  /** True for sheets the add-in wrote (and may replace). */
  owned: boolean;
}
