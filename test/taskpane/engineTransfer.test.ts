/**
 * What crosses from the engine's worker to the pane's main thread (issue 7, item 3): the output
 * sheets come in `rows` messages of bounded size ahead of the result, are put back together exactly,
 * and are not sent at all when the pane asks for summaries only (the build and the checks).
 * Messages are measured with v8.serialize, Node's form of the structured clone a Worker uses.
 */
import * as v8 from 'node:v8';
import { MemoryHost } from '../../src/hosts/memory';
import { readWorkbook } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { WorkflowController } from '../../src/taskpane/controller/controller';
import type { AnalysisInput } from '../../src/taskpane/engine/analysis';
import { workerEngine, type AnalyseOptions, type EngineClient, type WorkerLike } from '../../src/taskpane/engine/engineClient';
import { CELLS_PER_MESSAGE, handleEngineRequest } from '../../src/taskpane/engine/engineWork';
import { inlineEngine } from '../../src/taskpane/engine/inlineEngine';
import type { EngineRequest, EngineResponse } from '../../src/taskpane/engine/protocol';
import { specCells, type WorkbookUpdate } from '../../src/workbook/sheetSpec';

const CELLS = 2_000;

/** A worker in this thread that keeps every message it sends, as structured-clone bytes. */
class RecordingWorker implements WorkerLike {
  readonly sent: { type: EngineResponse['type']; bytes: number; cells: number }[] = [];
  onmessage: ((event: { data: EngineResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  postMessage(message: EngineRequest): void {
    const request = v8.deserialize(v8.serialize(message)) as EngineRequest;
    setTimeout(
      () =>
        void handleEngineRequest(
          request,
          (response) => {
            const bytes = v8.serialize(response);
            this.sent.push({ type: response.type, bytes: bytes.length, cells: response.type === 'rows' ? response.rows.reduce((n, r) => n + r.length, 0) : 0 });
            this.onmessage?.({ data: v8.deserialize(bytes) as EngineResponse });
          },
          CELLS,
        ),
      0,
    );
  }
  terminate(): void {}
}

const cellCount = (u: WorkbookUpdate) => u.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.length, 0), 0);

let input: AnalysisInput;
beforeAll(async () => {
  const sample = sampleUpdate({ employees: 400 });
  const { grids, sheetOf } = await readWorkbook(MemoryHost.fromSheetSpecs(sample.sheets, sample.names));
  input = { grids: [...grids], sheetOf: [...sheetOf] };
});

describe('the output sheets between the worker and the pane', () => {
  test('arrive in messages of bounded size and are put back together exactly', async () => {
    const worker = new RecordingWorker();
    const viaWorker = await workerEngine(() => worker).analyse(input, 'structure');
    const direct = await inlineEngine().analyse(input, 'structure');
    // Fills (formulas filled down a column) arrive spelled out, row by row as the worker sends them:
    // the same cells as specCells, and no fills left for the main thread to spell out in one long task.
    const spelled = (u: WorkbookUpdate | undefined) => u && { ...u, sheets: u.sheets.map(({ fills: _fills, ...s }) => ({ ...s, cells: specCells({ ...s, fills: _fills }) })) };
    expect(direct.update!.sheets.flatMap((s) => s.fills ?? []).length).toBeGreaterThan(10);
    expect(viaWorker.update!.sheets.every((s) => s.fills === undefined)).toBe(true);
    expect({ ...viaWorker, timings: {} }).toEqual({ ...direct, update: spelled(direct.update), timings: {} });

    const rows = worker.sent.filter((m) => m.type === 'rows');
    const total = cellCount(direct.update!);
    expect(rows.reduce((n, m) => n + m.cells, 0)).toBe(total);
    // About total / CELLS messages, none much over CELLS cells (a message ends on the row that reaches it).
    expect(rows.length).toBeGreaterThanOrEqual(Math.ceil(total / CELLS));
    const widest = Math.max(...direct.update!.sheets.flatMap((s) => s.cells.map((r) => r.length)));
    expect(Math.max(...rows.map((m) => m.cells))).toBeLessThan(CELLS + widest);
    // The result itself carries no cells: it is small whatever the size of the workbook.
    const result = worker.sent.find((m) => m.type === 'result')!;
    expect(result.bytes).toBeLessThan(v8.serialize(direct).length / 10);
    expect(worker.sent[worker.sent.length - 1].type).toBe('result');
  });

  test('are not laid out or sent when the pane asks for summaries only', async () => {
    const worker = new RecordingWorker();
    const stages: string[] = [];
    const summary = await workerEngine(() => worker).analyse(input, 'structure', { sheets: false, onProgress: (p) => stages.push(p.stage) });
    const full = await inlineEngine().analyse(input, 'structure');
    expect(summary.update).toBeUndefined();
    expect({ ...summary, timings: {} }).toEqual({ ...full, update: undefined, timings: {} });
    expect(stages).not.toContain('Laying out the sheets');
    expect(worker.sent.filter((m) => m.type === 'rows')).toEqual([]);
    expect(worker.sent.reduce((n, m) => n + m.bytes, 0)).toBeLessThan(v8.serialize(full.update).length / 10);
  });

  test('the sample workbook comes the same way, whole', async () => {
    const worker = new RecordingWorker();
    const sample = await workerEngine(() => worker).sample(300);
    expect(sample).toEqual(sampleUpdate({ employees: 300 }));
    expect(worker.sent.filter((m) => m.type === 'rows').length).toBeGreaterThan(sample.sheets.length);
  });

  test('by default each message stays well under half a megabyte', async () => {
    const sizes: number[] = [];
    await handleEngineRequest({ id: 1, type: 'analyse', input, level: 'structure' }, (m) => {
      if (m.type === 'rows') sizes.push(v8.serialize(m).length);
    });
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(sizes.length).toBeGreaterThan(3);
    // The cells of the layouts (text, numbers, formulas with their values) take some 60 bytes each at most;
    // under a fill a cell is its cached value only, the formula travelling once with the sheet.
    expect(Math.max(...sizes)).toBeLessThan(CELLS_PER_MESSAGE * 100);
    expect(Math.max(...sizes)).toBeLessThan(512 * 1024);
    expect(total).toBeGreaterThan(256 * 1024);
  });
});

describe('the workflow asks for the output sheets only when it writes', () => {
  test('build and checks go without them; the write has them and writes them', async () => {
    const sample = sampleUpdate({ employees: 60 });
    const host = MemoryHost.fromSheetSpecs(sample.sheets, sample.names);
    const inline = inlineEngine();
    const asked: (boolean | undefined)[] = [];
    const engine: EngineClient = {
      ...inline,
      analyse: (i, level, options?: AnalyseOptions) => {
        if (level === 'structure') asked.push(options?.sheets);
        return inline.analyse(i, level, options);
      },
    };
    const workbook = {
      listSheets: () => host.listSheets(),
      readSheets: (names: readonly string[]) => host.readSheets(names),
      write: (u: WorkbookUpdate) => host.write(u),
      addInputSheets: () => Promise.reject(new Error('not used')),
      setCells: () => Promise.reject(new Error('not used')),
      select: () => Promise.resolve(),
    };
    const controller = new WorkflowController(workbook, engine);
    await controller.build();
    expect(controller.getState().structure?.ok).toBe(true);
    expect(controller.getState().structure?.update).toBeUndefined();
    await controller.runChecks();
    expect(controller.getState().checked).toBe(true);
    await controller.write();
    expect(controller.getState().message?.text).toMatch(/^Wrote /);
    expect(asked).toEqual([false, false, true]);
    expect((await host.listSheets()).filter((s) => s.owned).map((s) => s.name)).toEqual(expect.arrayContaining(['Pay Structure', 'Merit Plan']));
  });
});
