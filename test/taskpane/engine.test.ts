import { MemoryHost } from '../../src/hosts/memory';
import { runPipeline, readWorkbook } from '../../src/run/pipeline';
import { analyse, type AnalysisInput } from '../../src/taskpane/engine/analysis';
import { CancelledRun, workerEngine, type WorkerLike } from '../../src/taskpane/engine/engineClient';
import { handleEngineRequest, planRead } from '../../src/taskpane/engine/engineWork';
import { inlineEngine } from '../../src/taskpane/engine/inlineEngine';
import type { EngineRequest, EngineResponse } from '../../src/taskpane/engine/protocol';
import { MAX_CHART_POINTS } from '../../src/taskpane/engine/rangeChartData';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { sixJobSheets } from '../support/smallWorkbook';
import { specCells, type WorkbookUpdate } from '../../src/workbook/sheetSpec';

async function inputOf(host: MemoryHost): Promise<AnalysisInput> {
  const { grids, sheetOf } = await readWorkbook(host);
  return { grids: [...grids], sheetOf: [...sheetOf] };
}

/** A worker in the same thread: messages go through structured clone and a macrotask, as they would. */
class FakeWorker implements WorkerLike {
  static created = 0;
  terminated = false;
  onmessage: ((event: { data: EngineResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  constructor(private readonly hold?: Promise<void>) {
    FakeWorker.created++;
  }
  postMessage(message: EngineRequest): void {
    const request = structuredClone(message);
    setTimeout(async () => {
      await this.hold;
      await handleEngineRequest(request, (response) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(response) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the engine stages for the task pane', () => {
  test('build what the pipeline builds, from the grids a host read', async () => {
    const host = new MemoryHost(sixJobSheets());
    const analysis = analyse(await inputOf(host), 'structure');
    const run = await runPipeline(new MemoryHost(sixJobSheets()));
    expect(analysis.ok).toBe(true);
    expect(analysis.summary).toEqual(run.summary);
    expect(analysis.problems).toEqual(run.problems);
    const memory = new MemoryHost(sixJobSheets());
    await memory.write(analysis.update!);
    expect(memory.sheetNames()).toEqual(new MemoryHost(sixJobSheets()).sheetNames().concat(run.report!.written.map((w) => w.sheet)));
  });

  test('stop at the data level, reporting where each input was found', async () => {
    const analysis = analyse(await inputOf(new MemoryHost(sixJobSheets())), 'data');
    expect(analysis.update).toBeUndefined();
    expect(analysis.found.map((f) => [f.label, f.sheet, f.rows])).toEqual([
      ['Jobs', 'Jobs', 6],
      ['Market', 'Market', 6],
      ['Employees', 'Employees', 5],
      ['Appraisal', undefined, undefined],
      ['Assumptions', 'Assumptions', undefined],
    ]);
  });

  test('plan the read exactly as the pipeline reads', async () => {
    const host = new MemoryHost(sixJobSheets());
    const plan = await planRead(await host.listSheets());
    const { grids, sheetOf } = await readWorkbook(host);
    expect(new Map(plan.sheetOf)).toEqual(sheetOf);
    expect(plan.read.sort()).toEqual([...grids.keys()].sort());
  });

  test('sample the employees for the chart, deterministically', async () => {
    const sample = sampleUpdate({ employees: 5000 });
    const analysis = analyse(await inputOf(MemoryHost.fromSheetSpecs(sample.sheets, sample.names)), 'structure');
    expect(analysis.chart!.total).toBe(5000);
    expect(analysis.chart!.employees.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(analysis.chart!.employees.length).toBeGreaterThan(MAX_CHART_POINTS / 2);
    expect(analysis.checks!.consistency.length).toBeGreaterThan(3);
  });
});

describe('the engine in a worker', () => {
  test('answers plans, analyses and samples as the inline engine does, with progress', async () => {
    const engine = workerEngine(() => new FakeWorker());
    const inline = inlineEngine();
    const host = new MemoryHost(sixJobSheets());
    const sheets = await host.listSheets();
    expect(await engine.plan(sheets)).toEqual(await inline.plan(sheets));
    const progress: string[] = [];
    const input = await inputOf(host);
    const viaWorker = await engine.analyse(input, 'structure', { onProgress: (p) => progress.push(p.stage) });
    const direct = await inline.analyse(input, 'structure');
    // The worker spells fills out as it sends the rows (test/taskpane/engineTransfer.test.ts).
    const spelled = (u: WorkbookUpdate | undefined) => u && { ...u, sheets: u.sheets.map(({ fills, ...s }) => ({ ...s, cells: specCells({ ...s, fills }) })) };
    expect({ ...viaWorker, timings: {} }).toEqual({ ...direct, update: spelled(direct.update), timings: {} });
    expect(progress).toEqual(['Checking the data', 'Building the structure', 'Laying out the sheets', 'Summarising']);
    expect((await engine.sample(20)).sheets.map((s) => s.name)).toEqual(sampleUpdate({ employees: 20 }).sheets.map((s) => s.name));
  });

  test('cancels by stopping the worker, and starts a fresh one for the next request', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const workers: FakeWorker[] = [];
    const engine = workerEngine(() => {
      const w = new FakeWorker(workers.length === 0 ? hold : undefined);
      workers.push(w);
      return w;
    });
    const input = await inputOf(new MemoryHost(sixJobSheets()));
    const controller = new AbortController();
    const running = engine.analyse(input, 'structure', { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledRun);
    expect(workers[0].terminated).toBe(true);
    release();
    const next = await engine.analyse(input, 'data');
    expect(next.ok).toBe(true);
    expect(workers).toHaveLength(2);
  });

  test('reports a worker that crashed', async () => {
    const engine = workerEngine(() => {
      const w = new FakeWorker();
      w.postMessage = () => setTimeout(() => w.onerror?.({ message: 'out of memory' }), 0);
      return w;
    });
    await expect(engine.analyse({ grids: [], sheetOf: [] }, 'data')).rejects.toThrow('The calculation stopped unexpectedly: out of memory.');
  });
});
