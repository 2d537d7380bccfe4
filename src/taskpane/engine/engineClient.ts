import type { Progress } from '../../hosts/host';
import type { SheetInfo } from '../../workbook/grid';
import type { SpecCell, WorkbookUpdate } from '../../workbook/sheetSpec';
import type { Analysis, AnalysisInput, AnalysisLevel } from './analysis';
import type { EngineRequest, EngineResponse, ReadPlan } from './protocol';

export interface AnalyseOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /**
   * Lay out the output sheets and return them as `update` (default true). The build and the checks
   * show summaries only: without the sheets their answer is a few kilobytes, not megabytes.
   */
  sheets?: boolean;
}

/**
 * The engine, wherever it runs: a Web Worker in the add-in and the preview, the calling thread in
 * tests (inlineEngine.ts). The pane's main thread only reads and writes the workbook.
 */
export interface EngineClient {
  /** The sheets a run reads, given the workbook's sheets. */
  plan(sheets: SheetInfo[], options?: AnalyseOptions): Promise<ReadPlan>;
  analyse(input: AnalysisInput, level: AnalysisLevel, options?: AnalyseOptions): Promise<Analysis>;
  /** The sample workbook, as the CLI's `sample` command writes it. */
  sample(employees?: number, options?: AnalyseOptions): Promise<WorkbookUpdate>;
}

export class CancelledRun extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledRun';
  }
}

/** The subset of Worker the client uses. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((event: { data: EngineResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** A result's sheets with the cells that came ahead of it in `rows` messages (see protocol.ts). */
function withRows(result: ReadPlan | Analysis | WorkbookUpdate, rowsOf: 'update' | 'result', rows: ReadonlyMap<number, SpecCell[][]>): ReadPlan | Analysis | WorkbookUpdate {
  const update = rowsOf === 'result' ? (result as WorkbookUpdate) : (result as Analysis).update;
  if (!update) return result;
  const sheets = update.sheets.map((sheet, i) => ({ ...sheet, cells: rows.get(i) ?? [] }));
  return rowsOf === 'result' ? { ...update, sheets } : { ...(result as Analysis), update: { ...update, sheets } };
}

type RequestBody = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The engine in a Web Worker, so a 100,000-employee build never freezes the pane. Cancelling
 * terminates the worker at once (the stages are synchronous) and the next request starts a fresh one.
 */
export function workerEngine(create: () => WorkerLike): EngineClient {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void; rows: Map<number, SpecCell[][]> }>();
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const stop = (w: WorkerLike): void => {
    w.terminate();
    if (worker === w) worker = undefined;
  };
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = create();
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if (data.type === 'progress') p.onProgress?.(data.progress);
      else if (data.type === 'rows') {
        const rows = p.rows.get(data.sheet);
        if (rows) for (const row of data.rows) rows.push(row);
        else p.rows.set(data.sheet, data.rows);
      } else {
        pending.delete(data.id);
        if (data.type === 'result') p.resolve(data.rowsOf ? withRows(data.result, data.rowsOf, p.rows) : data.result);
        else p.reject(new Error(data.message));
      }
    };
    w.onerror = (event) => {
      failAll(new Error(`The calculation stopped unexpectedly${event.message ? `: ${event.message}` : ''}.`));
      stop(w);
    };
    return (worker = w);
  };
  const request = <T>(body: RequestBody, options: AnalyseOptions = {}): Promise<T> => {
    if (options.signal?.aborted) return Promise.reject(new CancelledRun());
    const id = nextId++;
    const w = ensure();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress: options.onProgress, rows: new Map() });
      options.signal?.addEventListener(
        'abort',
        () => {
          if (!pending.has(id)) return;
          // The stages cannot be interrupted from outside: stop the worker and everything it was doing.
          stop(w);
          failAll(new CancelledRun());
        },
        { once: true },
      );
      w.postMessage({ ...body, id } as EngineRequest);
    });
  };
  return {
    plan: (sheets, options) => request({ type: 'plan', sheets }, options),
    analyse: (input, level, options) => request({ type: 'analyse', input, level, sheets: options?.sheets }, options),
    sample: (employees, options) => request({ type: 'sample', employees }, options),
  };
}
