import type { Analysis } from './analysis';
import { CancelledRun, type AnalyseOptions, type EngineClient } from './engineClient';
import { engineWork } from './engineWork';
import type { EngineRequest, ReadPlan } from './protocol';
import type { WorkbookUpdate } from '../../workbook/sheetSpec';

/** The engine on the calling thread (tests, and browsers without workers); cancel takes effect between stages. */
export function inlineEngine(): EngineClient {
  let id = 0;
  const run = async <T>(request: EngineRequest, options: AnalyseOptions = {}): Promise<T> => {
    await Promise.resolve();
    if (options.signal?.aborted) throw new CancelledRun();
    const result = await engineWork(request, options.onProgress ?? (() => undefined));
    if (options.signal?.aborted) throw new CancelledRun();
    return result as T;
  };
  return {
    plan: (sheets, options) => run<ReadPlan>({ id: ++id, type: 'plan', sheets }, options),
    analyse: (input, level, options) => run<Analysis>({ id: ++id, type: 'analyse', input, level, sheets: options?.sheets }, options),
    sample: (employees, options) => run<WorkbookUpdate>({ id: ++id, type: 'sample', employees }, options),
  };
}
