import type { Progress } from '../../hosts/host';
import type { SheetInfo } from '../../workbook/grid';
import type { WorkbookUpdate } from '../../workbook/sheetSpec';
import type { Analysis, AnalysisInput, AnalysisLevel } from './analysis';

/** Which sheets a run reads, and which input each holds (decided by the pipeline's own reader). */
export interface ReadPlan {
  read: string[];
  sheetOf: [string, string][];
}

/** Main thread → worker. Only types here: the main bundle must not carry the engine. */
export type EngineRequest =
  | { id: number; type: 'plan'; sheets: SheetInfo[] }
  | { id: number; type: 'analyse'; input: AnalysisInput; level: AnalysisLevel }
  | { id: number; type: 'sample'; employees?: number };

/** Worker → main thread. */
export type EngineResponse =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'result'; result: ReadPlan | Analysis | WorkbookUpdate }
  | { id: number; type: 'error'; message: string };
