import type { Grid, SheetInfo } from '../workbook/grid';
import type { WorkbookUpdate } from '../workbook/sheetSpec';

export interface Progress {
  /** 0..1 */
  fraction: number;
  stage: string;
}

export interface WriteOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface WriteReport {
  /** Name each spec was written under (differs from the spec's name when a user sheet holds that name). */
  written: { spec: string; sheet: string }[];
  /** Input-role sheets that already existed and were left untouched. */
  keptInputs: string[];
  /** Notes for the user (renamed outputs, parts kept as they were, features degraded). */
  notes: string[];
}

/**
 * The one contract every host implements. A host reads grids and writes SheetSpecs; it computes nothing.
 */
export interface WorkbookHost {
  /** The workbook's sheets in tab order, with the add-in's own marked. */
  listSheets(): Promise<SheetInfo[]>;
  /** Read several sheets' used ranges in one round trip. Missing sheets are absent from the map. */
  readSheets(names: readonly string[]): Promise<Map<string, Grid>>;
  /**
   * Write all output sheets as one all-or-nothing replacement of the add-in's own sheets:
   * on failure the workbook is left as it was.
   */
  write(update: WorkbookUpdate, options?: WriteOptions): Promise<WriteReport>;
}

/** Thrown by hosts for failures the user must act on (protected sheet, file locked…). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** The marker the add-in leaves on its own sheets (a hidden sheet-scoped defined name). */
export const OWNER_MARKER_NAME = 'SalaryStructure_Output';
