import type { Progress, WorkbookHost } from '../../hosts/host';
import { readWorkbook } from '../../run/pipeline';
import { sampleUpdate } from '../../sample/sampleWorkbook';
import type { Grid, SheetInfo } from '../../workbook/grid';
import type { WorkbookUpdate } from '../../workbook/sheetSpec';
import { analyse, type Analysis } from './analysis';
import type { EngineRequest, EngineResponse, ReadPlan } from './protocol';

/**
 * The sheets the pipeline's own reader would read from this list, found by running it on a host that
 * only lists: the pane then reads exactly those, in one call to the real host.
 */
export async function planRead(sheets: readonly SheetInfo[]): Promise<ReadPlan> {
  const read: string[] = [];
  const lister: WorkbookHost = {
    listSheets: async () => sheets.map((s) => ({ ...s })),
    readSheets: async (names) => {
      read.push(...names);
      return new Map<string, Grid>();
    },
    write: () => Promise.reject(new Error('the read plan never writes')),
  };
  const { sheetOf } = await readWorkbook(lister);
  return { read, sheetOf: [...sheetOf] };
}

/** Everything the worker does, by request: also what the inline engine calls directly. */
export async function engineWork(request: EngineRequest, onProgress: (p: Progress) => void): Promise<ReadPlan | Analysis | WorkbookUpdate> {
  switch (request.type) {
    case 'plan':
      return planRead(request.sheets);
    case 'analyse':
      return analyse(request.input, request.level, onProgress);
    case 'sample':
      return sampleUpdate(request.employees === undefined ? {} : { employees: request.employees });
  }
}

/** One request in the worker, answered by messages. */
export async function handleEngineRequest(request: EngineRequest, post: (response: EngineResponse) => void): Promise<void> {
  try {
    const result = await engineWork(request, (progress) => post({ id: request.id, type: 'progress', progress }));
    post({ id: request.id, type: 'result', result });
  } catch (e) {
    post({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
