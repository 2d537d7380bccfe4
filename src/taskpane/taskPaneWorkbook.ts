import type { Where } from '../engine/problem';
import type { WorkbookHost, WriteOptions, WriteReport } from '../hosts/host';
import type { ScalarValue, WorkbookUpdate } from '../workbook/sheetSpec';

/** A cell the pane sets on a user sheet (the Assumptions sheet), 1-based. */
export interface CellEdit {
  row: number;
  col: number;
  value: ScalarValue;
  format?: string;
}

/**
 * What the task pane needs of a workbook: a host for runs, plus the few edits it makes itself. The
 * Office host provides it in Excel; the preview provides it over the memory host.
 */
export interface TaskPaneWorkbook extends WorkbookHost {
  /** Add the update's sheets (and names) the workbook lacks, touching nothing else. */
  addInputSheets(update: WorkbookUpdate, options?: WriteOptions): Promise<WriteReport>;
  /** Set cells on a user sheet as typed values (text stays text). */
  setCells(sheet: string, edits: readonly CellEdit[]): Promise<void>;
  /** Show a cell or row to the user. */
  select(where: Where): Promise<void>;
}
