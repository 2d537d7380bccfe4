import type { Where } from '../../engine/problem';
import { HostError, type WriteReport } from '../../hosts/host';
import { assumptionNames, assumptionsSheet, readAssumptions, type AssumptionsRead, type ParamDef } from '../../workbook/assumptions';
import type { Grid } from '../../workbook/grid';
import type { Analysis, AnalysisInput, AnalysisLevel } from '../engine/analysis';
import { CancelledRun, type EngineClient } from '../engine/engineClient';
import type { CellEdit, TaskPaneWorkbook } from '../taskPaneWorkbook';
import { inputTemplates } from './inputTemplates';
import { parameterCell, parameterText, parseEntry } from './parameters';

export interface Busy {
  label: string;
  /** 0..1 */
  fraction: number;
  stage: string;
}

export interface StatusMessage {
  intent: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

export interface AssumptionsState {
  read: AssumptionsRead;
  /** The user's Assumptions sheet, when the workbook has one. */
  sheet?: string;
  grid?: Grid;
}

export interface WorkflowState {
  /** The workbook has been read once. */
  loaded: boolean;
  /** The workbook's sheets when last read (a problem on a missing sheet has no cell to show). */
  sheets: string[];
  /** The latest analysis of any level: what was found, and every problem. */
  latest?: Analysis;
  /** The latest structure build. */
  structure?: Analysis;
  /** An Assumptions value changed since the structure was built. */
  structureStale: boolean;
  /** The checks were run on the current structure. */
  checked: boolean;
  report?: WriteReport;
  assumptions: AssumptionsState;
  busy?: Busy;
  message?: StatusMessage;
}

type Work = (run: { signal: AbortSignal; progress: (fraction: number, stage: string) => void }) => Promise<StatusMessage | void>;

// The pipeline's CancelledError is recognised by name: importing run/ would put the engine in the pane's main bundle.
const isCancel = (e: unknown): boolean => e instanceof CancelledRun || (e instanceof Error && e.name === 'CancelledError') || (e instanceof HostError && e.code === 'cancelled');
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The task pane's workflow as plain logic: read the workbook, run the engine (in a worker), write
 * the outputs, edit the Assumptions sheet. One long operation at a time, with progress and cancel.
 * React reads it through useSyncExternalStore (WorkflowContext.tsx); tests can drive it directly.
 */
export class WorkflowController {
  private state: WorkflowState = { loaded: false, sheets: [], structureStale: false, checked: false, assumptions: { read: readAssumptions(undefined) } };
  private readonly listeners = new Set<() => void>();
  private current?: AbortController;

  constructor(
    private readonly workbook: TaskPaneWorkbook,
    private readonly engine: EngineClient,
  ) {}

  readonly getState = (): WorkflowState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<WorkflowState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Stop the running operation: the worker is stopped, a write is undone. */
  cancel(): void {
    this.current?.abort();
  }

  /** Read the workbook and check its data (on opening the pane, and on demand). */
  refresh(): Promise<void> {
    return this.operation('Reading the workbook', async ({ signal, progress }) => {
      const analysis = await this.analyse('data', signal, progress);
      return this.dataMessage(analysis);
    });
  }

  loadSample(): Promise<void> {
    return this.operation('Loading the sample workbook', async ({ signal, progress }) => {
      progress(0.05, 'Generating the sample');
      const sample = await this.engine.sample(undefined, { signal });
      const report = await this.workbook.addInputSheets(sample, { signal, onProgress: (p) => progress(0.1 + 0.5 * p.fraction, p.stage) });
      const analysis = await this.analyse('data', signal, (f, s) => progress(0.6 + 0.4 * f, s));
      const kept = report.keptInputs.length > 0 ? ` Your sheets ${report.keptInputs.map((s) => `"${s}"`).join(', ')} were kept as they were.` : '';
      return { intent: analysis.ok ? 'success' : 'warning', text: `Loaded the sample workbook (${report.written.map((w) => w.sheet).join(', ')}).${kept}` };
    });
  }

  createInputSheets(): Promise<void> {
    return this.operation('Creating the input sheets', async ({ signal, progress }) => {
      const report = await this.workbook.addInputSheets(inputTemplates(), { signal, onProgress: (p) => progress(0.6 * p.fraction, p.stage) });
      await this.analyse('data', signal, (f, s) => progress(0.6 + 0.4 * f, s));
      if (report.written.length === 0) return { intent: 'info', text: 'Every input sheet already exists; nothing was added.' };
      return { intent: 'success', text: `Added empty input sheets: ${report.written.map((w) => w.sheet).join(', ')}. Fill them in, then build the structure.` };
    });
  }

  build(): Promise<void> {
    return this.operation('Building the structure', async ({ signal, progress }) => {
      const analysis = await this.analyse('structure', signal, progress, { sheets: false });
      if (!analysis.ok) return this.failed(analysis, 'The structure could not be built');
      const s = analysis.summary!;
      return { intent: 'success', text: `Built ${plural(s.grades.length, 'grade')} from ${plural(s.counts.jobs, 'job')}${s.payLine ? `; R² ${s.payLine.r2.toFixed(4)}` : ''}.` };
    });
  }

  runChecks(): Promise<void> {
    return this.operation('Running the checks', async ({ signal, progress }) => {
      const analysis = await this.analyse('structure', signal, progress, { sheets: false });
      if (!analysis.ok) return this.failed(analysis, 'The checks need a structure, which could not be built');
      this.set({ checked: true });
      const flagged = analysis.checks!.consistency.filter((c) => c.status !== 'OK').length;
      return { intent: flagged > 0 ? 'warning' : 'success', text: flagged > 0 ? `Checks done: ${plural(flagged, 'check')} to review.` : 'Checks done: everything is consistent.' };
    });
  }

  /** Build from the workbook as it is now, then write every output sheet, all or nothing. */
  write(): Promise<void> {
    return this.operation('Writing to the workbook', async ({ signal, progress }) => {
      const analysis = await this.analyse('structure', signal, (f, s) => progress(0.4 * f, s));
      if (!analysis.ok || !analysis.update) return this.failed(analysis, 'Nothing was written');
      const report = await this.workbook.write(analysis.update, { signal, onProgress: (p) => progress(0.4 + 0.6 * p.fraction, p.stage) });
      this.set({ report });
      return { intent: 'success', text: `Wrote ${report.written.map((w) => w.sheet).join(', ')}.` };
    });
  }

  /**
   * Save one Assumptions value the user typed: checked first (the reason is returned for the form),
   * then written to its cell, or the Assumptions sheet is created when the workbook has none.
   */
  async saveParameter(def: ParamDef, text: string): Promise<string | undefined> {
    const entry = parseEntry(def, text);
    if (!entry.ok) return entry.reason;
    if (text.trim() === parameterText(def, this.state.assumptions.read.assumptions)) return undefined;
    let failure: string | undefined;
    await this.operation(`Saving ${def.name}`, async ({ signal }) => {
      const a = this.state.assumptions;
      if (a.sheet && a.grid) {
        const at = parameterCell(a.grid, def);
        const edits: CellEdit[] = [];
        if (a.grid.rows.length === 0) edits.push({ row: 1, col: 1, value: 'Parameter' }, { row: 1, col: 2, value: 'Value' });
        if (at.name) edits.push({ ...at.name, value: def.name });
        edits.push({ row: at.row, col: at.col, value: entry.cell, format: def.format });
        await this.workbook.setCells(a.sheet, edits);
      } else {
        const assumptions = { ...a.read.assumptions, [def.key]: entry.value };
        await this.workbook.addInputSheets({ sheets: [assumptionsSheet(assumptions)], names: assumptionNames({ assumptions, cells: new Map(), problems: [] }, true) }, { signal });
      }
      const assumptions = await this.readAssumptions();
      this.set({ assumptions, structureStale: this.state.structure !== undefined });
      return { intent: 'success', text: `${def.name} saved on the ${assumptions.sheet ?? 'Assumptions'} sheet.` };
    }).catch(() => undefined);
    if (this.state.message?.intent === 'error') failure = this.state.message.text;
    return failure;
  }

  /** Show a problem's cell in the workbook. */
  async select(where: Where): Promise<void> {
    try {
      await this.workbook.select(where);
    } catch (e) {
      this.set({ message: { intent: 'error', text: e instanceof Error ? e.message : String(e) } });
    }
  }

  // ---- internals ----

  private async operation(label: string, work: Work): Promise<void> {
    if (this.current) return;
    const controller = new AbortController();
    this.current = controller;
    this.set({ busy: { label, fraction: 0, stage: label }, message: undefined });
    try {
      const message = await work({
        signal: controller.signal,
        progress: (fraction, stage) => {
          if (!controller.signal.aborted) this.set({ busy: { label, fraction: Math.min(1, Math.max(0, fraction)), stage } });
        },
      });
      this.set({ message: message ?? undefined });
    } catch (e) {
      if (isCancel(e) || controller.signal.aborted) this.set({ message: { intent: 'warning', text: `${label}: cancelled. Nothing was changed.` } });
      else this.set({ message: { intent: 'error', text: e instanceof Error ? e.message : String(e) } });
    } finally {
      this.current = undefined;
      this.set({ busy: undefined, loaded: true });
    }
  }

  /** Read the inputs, run the engine on them, keep the result (the output sheets only when writing). */
  private async analyse(level: AnalysisLevel, signal: AbortSignal, progress: (fraction: number, stage: string) => void, { sheets: layOut = true }: { sheets?: boolean } = {}): Promise<Analysis> {
    progress(0.02, 'Reading the workbook');
    const sheets = await this.workbook.listSheets();
    const plan = await this.engine.plan(sheets, { signal });
    const grids = await this.workbook.readSheets(plan.read);
    if (signal.aborted) throw new CancelledRun();
    const sheetOf = new Map(plan.sheetOf);
    const input: AnalysisInput = { grids: [...grids], sheetOf: plan.sheetOf };
    const analysis = await this.engine.analyse(input, level, { signal, sheets: layOut, onProgress: (p) => progress(0.2 + 0.8 * p.fraction, p.stage) });
    const assumptionsSheetName = sheetOf.get('assumptions');
    const grid = assumptionsSheetName === undefined ? undefined : grids.get(assumptionsSheetName);
    this.set({
      latest: analysis,
      sheets: sheets.map((s) => s.name),
      assumptions: { read: readAssumptions(grid), sheet: grid?.sheet, grid },
      ...(level === 'structure' ? { structure: analysis, structureStale: false, checked: false } : {}),
    });
    return analysis;
  }

  private async readAssumptions(): Promise<AssumptionsState> {
    const plan = await this.engine.plan(await this.workbook.listSheets());
    const name = new Map(plan.sheetOf).get('assumptions');
    const grid = name === undefined ? undefined : (await this.workbook.readSheets([name])).get(name);
    return { read: readAssumptions(grid), sheet: grid?.sheet, grid };
  }

  private dataMessage(analysis: Analysis): StatusMessage {
    const errors = analysis.problems.filter((p) => p.severity === 'error').length;
    const warnings = analysis.problems.filter((p) => p.severity === 'warning').length;
    if (errors > 0) return { intent: 'error', text: `Found ${plural(errors, 'error')} in the data${warnings ? ` and ${plural(warnings, 'warning')}` : ''}: click one to see its cell.` };
    if (warnings > 0) return { intent: 'warning', text: `The data is usable, with ${plural(warnings, 'warning')}.` };
    return { intent: 'success', text: 'The data is complete and consistent.' };
  }

  private failed(analysis: Analysis, what: string): StatusMessage {
    const errors = analysis.problems.filter((p) => p.severity === 'error').length;
    return { intent: 'error', text: `${what}: ${plural(errors, 'error')} to fix (see Data).` };
  }
}
