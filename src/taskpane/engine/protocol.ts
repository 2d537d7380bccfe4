import type { Progress } from '../../hosts/host';
import type { SheetInfo } from '../../workbook/grid';
import type { SpecCell, WorkbookUpdate } from '../../workbook/sheetSpec';
import type { Analysis, AnalysisInput, AnalysisLevel } from './analysis';

/** Which sheets a run reads, and which input each holds (decided by the pipeline's own reader). */
export interface ReadPlan {
  read: string[];
  sheetOf: [string, string][];
}

/** Main thread → worker. Only types here: the main bundle must not carry the engine. */
export type EngineRequest =
  | { id: number; type: 'plan'; sheets: SheetInfo[] }
  | { id: number; type: 'analyse'; input: AnalysisInput; level: AnalysisLevel; sheets?: boolean }
  | { id: number; type: 'sample'; employees?: number };

/**
 * Worker → main thread. A result that carries sheets (an analysis's `update`, or the sample itself)
 * comes as `rows` messages first, then the result with those sheets' cells left empty and `rowsOf`
 * saying where they go: each message is then decoded in a task of its own on the main thread,
 * instead of one long task for tens of megabytes.
 */
export type EngineResponse =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'rows'; sheet: number; rows: SpecCell[][] }
  | { id: number; type: 'result'; result: ReadPlan | Analysis | WorkbookUpdate; rowsOf?: 'update' | 'result' }
  | { id: number; type: 'error'; message: string };
