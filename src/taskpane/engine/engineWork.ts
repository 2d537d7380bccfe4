import type { Progress, WorkbookHost } from '../../hosts/host';
import { readWorkbook } from '../../run/pipeline';
import { sampleUpdate } from '../../sample/sampleWorkbook';
import type { Grid, SheetInfo } from '../../workbook/grid';
import { fillSpeller, type SpecCell, type WorkbookUpdate } from '../../workbook/sheetSpec';
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
      return analyse(request.input, request.level, onProgress, { sheets: request.sheets });
    case 'sample':
      return sampleUpdate(request.employees === undefined ? {} : { employees: request.employees });
  }
}

/** Cells per `rows` message: some 300 kB, decoded on the main thread in a few milliseconds. */
export const CELLS_PER_MESSAGE = 5_000;

/** The sheets a result carries: an analysis's output sheets, or the sample workbook itself. */
function sheetsOf(request: EngineRequest, result: ReadPlan | Analysis | WorkbookUpdate): { update: WorkbookUpdate; rowsOf: 'update' | 'result' } | undefined {
  if (request.type === 'sample') return { update: result as WorkbookUpdate, rowsOf: 'result' };
  if (request.type === 'analyse' && (result as Analysis).update) return { update: (result as Analysis).update!, rowsOf: 'update' };
  return undefined;
}

/**
 * One request in the worker, answered by messages: progress, then the result. The cells of a
 * result's sheets go ahead of it in `rows` messages of about `cellsPerMessage` cells each.
 */
export async function handleEngineRequest(request: EngineRequest, post: (response: EngineResponse) => void, cellsPerMessage = CELLS_PER_MESSAGE): Promise<void> {
  try {
    const result = await engineWork(request, (progress) => post({ id: request.id, type: 'progress', progress }));
    const carried = sheetsOf(request, result);
    if (!carried) {
      post({ id: request.id, type: 'result', result });
      return;
    }
    carried.update.sheets.forEach((sheet, index) => {
      let rows: SpecCell[][] = [];
      let cells = 0;
      // Fills spelled out here, row by row as they are sent: spelling 600,000 filled cells out at once on the
      // main thread (the preview's memory host) was a half-second task.
      const spell = fillSpeller(sheet);
      const height = (sheet.fills ?? []).reduce((h, f) => Math.max(h, f.last), sheet.cells.length);
      for (let r = 0; r < height; r++) {
        const row = spell(sheet.cells[r] ?? [], r + 1);
        rows.push(row);
        cells += Math.max(1, row.length);
        if (cells >= cellsPerMessage) {
          post({ id: request.id, type: 'rows', sheet: index, rows });
          rows = [];
          cells = 0;
        }
      }
      if (rows.length > 0) post({ id: request.id, type: 'rows', sheet: index, rows });
    });
    const update = { ...carried.update, sheets: carried.update.sheets.map(({ fills: _fills, ...s }) => ({ ...s, cells: [] })) };
    post({ id: request.id, type: 'result', result: carried.rowsOf === 'result' ? update : { ...(result as Analysis), update }, rowsOf: carried.rowsOf });
  } catch (e) {
    post({ id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
