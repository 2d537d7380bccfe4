import { hasErrors, problem, type Problem } from '../../engine/problem';
import type { Progress } from '../../hosts/host';
import { compute, layout, summarize, type Computed, type RunSummary } from '../../run/pipeline';
import type { Grid } from '../../workbook/grid';
import { parseWorkbook, type ParsedWorkbook } from '../../workbook/readInputs';
import { ASSUMPTIONS_SHEET, INPUT_SHEETS } from '../../workbook/schema';
import type { WorkbookUpdate } from '../../workbook/sheetSpec';
import { checksView, type ChecksView } from './checksView';
import { meritView, type MeritView } from './meritView';
import { rangeChartData, type RangeChartData } from './rangeChartData';

/** The grids a host read, as plain data that crosses to the worker. */
export interface AnalysisInput {
  grids: [string, Grid][];
  sheetOf: [string, string][];
}

/** How far to go: find and check the data, or build the whole structure (and lay out the sheets). */
export type AnalysisLevel = 'data' | 'structure';

/** One input the workflow looks for, and where it was found. */
export interface FoundInput {
  key: string;
  label: string;
  required: boolean;
  sheet?: string;
  /** Data rows found under the header. */
  rows?: number;
}

export interface Analysis {
  level: AnalysisLevel;
  found: FoundInput[];
  problems: Problem[];
  /** No errors, and (at the structure level) a structure was built. */
  ok: boolean;
  summary?: RunSummary;
  /** The output sheets, ready for the host to write (unless asked for without them). */
  update?: WorkbookUpdate;
  chart?: RangeChartData;
  checks?: ChecksView;
  merit?: MeritView;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

function found(parsed: ParsedWorkbook, sheetOf: Map<string, string>): FoundInput[] {
  const rows = (key: string): number | undefined => {
    const t = parsed.tables.get(key);
    return t ? Math.max(0, t.lastDataRow - t.firstDataRow + 1) : undefined;
  };
  return [
    ...INPUT_SHEETS.map((def) => ({ key: def.key, label: def.name, required: def.required, sheet: sheetOf.get(def.key), rows: rows(def.key) })),
    { key: 'assumptions', label: ASSUMPTIONS_SHEET, required: false, sheet: sheetOf.get('assumptions') },
  ];
}

/**
 * The engine stages on grids a host has read: parse, then (for the structure) compute, lay out and
 * summarise. Pure and synchronous: the task pane runs it in a Web Worker, tests run it inline.
 * `sheets: false` skips the layout: the build and the checks show summaries only, and the output
 * sheets of 10,000 employees are some 40 MB for the pane's main thread to receive.
 */
export function analyse(input: AnalysisInput, level: AnalysisLevel, onProgress: (p: Progress) => void = () => undefined, { sheets = true }: { sheets?: boolean } = {}): Analysis {
  const timings: Record<string, number> = {};
  const timed = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    timings[stage] = performance.now() - t0;
    return out;
  };
  const grids = new Map(input.grids);
  const sheetOf = new Map(input.sheetOf);
  onProgress({ fraction: 0.1, stage: 'Checking the data' });
  const parsed = timed('parse', () => parseWorkbook(grids, sheetOf));
  const problems = [...parsed.problems];
  const base = { level, found: found(parsed, sheetOf), problems, timings };
  if (level === 'data' || hasErrors(problems)) return { ...base, ok: !hasErrors(problems) };

  onProgress({ fraction: 0.4, stage: 'Building the structure' });
  const computed: Computed = timed('compute', () => compute(parsed));
  problems.push(...computed.problems);
  if (hasErrors(problems) || !computed.structure.fit || computed.structure.grades.length === 0) {
    if (!hasErrors(problems)) problems.push(problem('error', 'no-structure', 'no structure could be built from this data'));
    return { ...base, ok: false };
  }
  let update: WorkbookUpdate | undefined;
  if (sheets) {
    onProgress({ fraction: 0.75, stage: 'Laying out the sheets' });
    update = timed('layout', () => layout(parsed, computed));
  }
  onProgress({ fraction: 0.95, stage: 'Summarising' });
  return {
    ...base,
    ok: true,
    summary: summarize(parsed, computed),
    update,
    chart: rangeChartData(computed),
    checks: checksView(computed),
    merit: meritView(computed),
  };
}
