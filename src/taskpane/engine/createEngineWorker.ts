import { workerEngine, type EngineClient, type WorkerLike } from './engineClient';

/**
 * The engine in its own Web Worker bundle: webpack splits the worker off at the literal
 * `new Worker(new URL(…, import.meta.url))`. Only the entry points import this file (jest and tsc
 * see CommonJS, where import.meta does not exist).
 */
export function createEngine(): EngineClient {
  return workerEngine(
    () =>
      // @ts-expect-error -- import.meta is resolved by webpack; tsc checks this file as CommonJS.
      new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'salary-structure-engine' }) as unknown as WorkerLike,
  );
}
