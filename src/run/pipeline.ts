import { hasErrors, problem, type Problem } from '../engine/problem';
import type { Progress, WorkbookHost, WriteReport } from '../hosts/host';
import type { Grid } from '../workbook/grid';
import { managerIndexOf, matchInputSheets, parseWorkbook, type ParsedWorkbook } from '../workbook/readInputs';
import type { WorkbookUpdate } from '../workbook/sheetSpec';
import { checkConsistency, type ConsistencyResult } from '../engine/consistency/consistency';
import { meritEquityImpact, type MeritEquityImpact } from '../engine/equity/meritImpact';
import { analysePayEquity, equityBasis, payEquityFiguresOnSalaries, type EquityBasis, type PayEquity } from '../engine/equity/payEquity';
import { buildMerit, type MeritResult } from '../engine/merit';
import { placeEmployees, type Placement } from '../engine/placement';
import { fairnessSheets } from '../workbook/layouts/fairness';
import { meritLayoutContext, meritParameterNames, meritSheets } from '../workbook/layouts/merit';
import { meritEquitySheet } from '../workbook/layouts/merit/meritEquity';
import { meritInputs } from '../workbook/layouts/merit/step';
import { computeStructureStage, layoutStructureStage, type StructureStageComputed } from './structureOptionsStage';

export type Stage = 'read' | 'parse' | 'compute' | 'layout' | 'write';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** What the engine derived: the structure with its options, graded employees, and counts for the layouts. */
export interface Computed extends StructureStageComputed {
  /** The merit cycle on the structure: ratings, calibrated matrix, plan, bonus, budget. */
  merit?: MeritResult;
  /** Employees placed in their ranges, the consistency checks and the pay equity analysis. */
  fairness?: { placement: Placement; consistency: ConsistencyResult; equity: PayEquity };
  /** The gender pay gaps before and after the merit plan's increases. */
  meritEquity?: MeritEquityImpact;
}

export interface RunSummary {
  currency: string;
  payLine?: { model: string; a: number; b: number; r2: number; n: number };
  grades: { grade: number; minimum: number; midpoint: number; maximum: number; jobs: number; employees: number }[];
  counts: { jobs: number; benchmarks: number; surveyRows: number; employees: number };
  flags: Record<string, number>;
  merit?: { budget: number; eligiblePayroll: number; factor: number; calibratedCost: number; planCost: number; roundingDifference: number; status: string; unrated: number; bonusPool?: number };
}

export interface RunResult {
  ok: boolean;
  problems: Problem[];
  summary?: RunSummary;
  report?: WriteReport;
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
}

export class CancelledError extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'CancelledError';
  }
}

const checkCancelled = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError();
};

/** Read: list the sheets, pick the inputs, read them in one round trip. */
export async function readWorkbook(host: WorkbookHost): Promise<{ grids: Map<string, Grid>; sheetOf: Map<string, string> }> {
  const sheets = await host.listSheets();
  const sheetOf = matchInputSheets(sheets);
  const grids = await host.readSheets([...new Set(sheetOf.values())]);
  return { grids, sheetOf };
}

/** The parts of `compute`, as the benchmark reports them. */
export type ComputeStage = 'structure' | 'checks' | 'merit';

/**
 * Compute: everything the engine derives from the parsed inputs. `timings`, when given, receives
 * the milliseconds spent in market and structure, in the checks and equity regression, and in the
 * merit cycle.
 */
export function compute(parsed: ParsedWorkbook, timings?: Partial<Record<ComputeStage, number>>): Computed {
  let t0 = performance.now();
  const lap = (stage: ComputeStage) => {
    const now = performance.now();
    if (timings) timings[stage] = (timings[stage] ?? 0) + (now - t0);
    t0 = now;
  };
  const stage = computeStructureStage(parsed, parsed.structure);
  const a = parsed.inputs.assumptions;
  lap('structure');
  let fairness: Computed['fairness'];
  let basis: EquityBasis | undefined;
  if (stage.structure.grades.length > 0 && parsed.inputs.employees.length > 0) {
    const placement = placeEmployees({ employees: parsed.inputs.employees, jobs: stage.jobs, structure: stage.structure, assumptions: a, ranges: stage.employees });
    const consistency = checkConsistency(
      // The parser's manager indices, when they are for these employees (placement keeps their order).
      { jobs: stage.jobs, structure: stage.structure, placement, managers: managerIndexOf(parsed.inputs.employees) },
      {
        progressionTarget: a.progressionTarget,
        progressionTolerance: a.progressionTolerance,
        maxOverlap: a.maxOverlap,
        minOverlap: a.minOverlap,
        minRankCorrelation: a.minRankCorrelation,
        compressionMargin: a.compressionMargin,
        circleThreshold: a.circleThreshold,
      },
    );
    basis = equityBasis(placement, equityOptions(a));
    const equity = analysePayEquity(placement, equityOptions(a), basis);
    stage.problems.push(...placement.problems, ...equity.problems);
    fairness = { placement, consistency, equity };
  }
  lap('checks');
  let merit: MeritResult | undefined;
  // The merit cycle runs when there is something to pay for: ratings or appraisal scores.
  const rated = parsed.inputs.appraisal.length > 0 || parsed.inputs.employees.some((e) => e.rating !== undefined);
  if (parsed.merit && rated && stage.structure.grades.length > 0) {
    const personBased = parsed.inputs.assumptions.paySystem !== 'Post';
    const gradeOfEmployee = personBased ? new Map(stage.graded.flatMap((g) => (g.grade === undefined ? [] : [[g.employee.id, g.grade] as [string, number]]))) : undefined;
    // With the parser's manager indices (for its employees, which the merit inputs are).
    merit = buildMerit({ ...meritInputs(parsed.merit, parsed, stage.structure, gradeOfEmployee), managers: managerIndexOf(parsed.inputs.employees) });
    stage.problems.push(...merit.problems);
  }
  let meritEquity: MeritEquityImpact | undefined;
  if (merit && fairness && basis) {
    // The same figures on the salaries the plan proposes, people in the same grades and ranges: each
    // employee's new salary as the double a placement would hold (their base salary when not in the plan).
    meritEquity = meritEquityImpact(fairness.equity, payEquityFiguresOnSalaries(basis, salariesAfter(fairness.placement, merit)));
  }
  lap('merit');
  return { ...stage, merit, fairness, meritEquity };
}

/**
 * Each placed employee's salary after the merit plan, as the double a placement would hold: the plan
 * row's new salary, found by Employee ID (the base salary when the plan has no row for them). The rows
 * usually follow the employees' order: they are matched in step, and looked up by ID only if not.
 * IDs are unique (the parser rejects a repeated one), so both give the same row.
 */
function salariesAfter(placement: Placement, merit: MeritResult): Float64Array {
  const rows = merit.plan.rows;
  const placed = placement.employees;
  const salaries = new Float64Array(placed.length);
  let j = 0;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    if (j < rows.length && rows[j].case.id === p.employee.id) salaries[i] = rows[j++].outcome.newSalaryValue;
    else salaries[i] = p.salary;
  }
  if (j === rows.length) return salaries;
  // Out of step: by ID, the last row for an ID winning.
  const newSalary = new Map(rows.map((r) => [r.case.id, r.outcome.newSalaryValue]));
  for (let i = 0; i < placed.length; i++) {
    const after = newSalary.get(placed[i].employee.id);
    salaries[i] = after ?? placed[i].salary;
  }
  return salaries;
}

const equityOptions = (a: ParsedWorkbook['inputs']['assumptions']) => ({
  effectiveDate: a.effectiveDate,
  payGapThreshold: a.payGapThreshold,
  minimumGroupSize: a.minimumGroupSize,
  controls: a.equityControls,
  categories: a.payCategories,
  fullTimeHours: a.fullTimeHours,
  remediationMethod: a.remediationMethod,
});


/** Lay out: the output sheets and the defined names their formulas cite. */
export function layout(parsed: ParsedWorkbook, computed: Computed): WorkbookUpdate {
  const update = layoutStructureStage(parsed, parsed.structure, computed);
  const a = parsed.inputs.assumptions;
  if (computed.fairness) {
    const slottingLastRow = a.paySystem === 'Post' ? Math.max(2, computed.structure.slotting.length + 1) : undefined;
    // The parser's manager indices are for its employees, in the order the placement keeps.
    const managers = managerIndexOf(parsed.inputs.employees);
    update.sheets.push(...fairnessSheets({ structure: computed.structure, ...computed.fairness }, { paySystem: a.paySystem, grades: computed.structure.grades.length, slottingLastRow, managers }));
  }
  if (computed.merit && parsed.merit) {
    const merit = meritSheets(computed.merit, meritLayoutContext(parsed.merit, parsed, computed.structure));
    update.sheets.push(...merit.sheets);
    update.names.push(...merit.names, ...meritParameterNames(parsed.merit.optionsRead));
    if (computed.meritEquity) update.sheets.push(meritEquitySheet(computed.meritEquity));
  }
  return update;
}

export function summarize(parsed: ParsedWorkbook, computed: Computed): RunSummary {
  const s = computed.structure;
  const flags: Record<string, number> = {};
  for (const j of s.slotting) if (j.flag) flags[j.flag] = (flags[j.flag] ?? 0) + 1;
  const perGrade = (g: number) => s.slotting.filter((j) => j.grade === g);
  // Person-based systems grade people by their own skill or competency, not by their job.
  const personBased = parsed.inputs.assumptions.paySystem !== 'Post';
  const peopleIn = (g: number) =>
    personBased ? computed.graded.filter((e) => e.grade === g).length : perGrade(g).reduce((n, j) => n + (computed.employeesByJob.get(j.job.code) ?? 0), 0);
  return {
    currency: parsed.inputs.assumptions.currency,
    payLine: s.fit ? { model: s.fit.model, a: s.fit.a, b: s.fit.b, r2: s.fit.r2, n: s.fit.n } : undefined,
    grades: s.grades.map((g) => ({
      grade: g.grade,
      minimum: g.minimum.toNumber(),
      midpoint: g.midpoint.toNumber(),
      maximum: g.maximum.toNumber(),
      jobs: perGrade(g.grade).length,
      employees: peopleIn(g.grade),
    })),
    counts: {
      jobs: computed.jobs.length,
      benchmarks: s.benchmarks.length,
      surveyRows: parsed.inputs.market.length,
      employees: parsed.inputs.employees.length,
    },
    flags,
    merit: computed.merit
      ? {
          budget: computed.merit.plan.calibration.budget.toNumber(),
          eligiblePayroll: computed.merit.plan.calibration.eligiblePayroll.toNumber(),
          factor: computed.merit.plan.calibration.factor.toNumber(),
          calibratedCost: computed.merit.plan.calibration.calibratedCost.toNumber(),
          planCost: computed.merit.plan.calibration.planCost.toNumber(),
          roundingDifference: computed.merit.plan.calibration.roundingDifference.toNumber(),
          status: computed.merit.plan.calibration.status,
          unrated: computed.merit.unrated.length,
          bonusPool: parsed.inputs.assumptions.bonusPool?.toNumber(),
        }
      : undefined,
  };
}

/**
 * The whole pipeline: read → parse → compute → lay out → write. Nothing is written when any
 * problem is an error; the write itself is all-or-nothing.
 */
export async function runPipeline(host: WorkbookHost, options: RunOptions = {}): Promise<RunResult> {
  const timings: Partial<Record<Stage, number>> = {};
  const progress = (fraction: number, stage: string) => options.onProgress?.({ fraction, stage });
  const time = async <T>(stage: Stage, f: () => T | Promise<T>): Promise<T> => {
    checkCancelled(options.signal);
    const t0 = performance.now();
    const out = await f();
    timings[stage] = performance.now() - t0;
    return out;
  };
  const prepared = await prepare(host, progress, time);
  if (!prepared.ok) return { ok: false, problems: prepared.problems, timings };
  // Only the update and the summary live on into the write: the grids, the parsed inputs and the
  // engine's results can be collected while it runs.
  const { update, summary, problems } = prepared;
  progress(0.7, 'Writing the sheets');
  const report = await time('write', () =>
    host.write(update, { signal: options.signal, onProgress: (p) => progress(0.7 + 0.3 * p.fraction, p.stage) }),
  );
  progress(1, 'Done');
  return { ok: true, problems, summary, report, timings };
}

/** Read, parse, compute and lay out; what the write needs, or the problems that stop the run. */
async function prepare(
  host: WorkbookHost,
  progress: (fraction: number, stage: string) => void,
  time: <T>(stage: Stage, f: () => T | Promise<T>) => Promise<T>,
): Promise<{ ok: false; problems: Problem[] } | { ok: true; problems: Problem[]; update: WorkbookUpdate; summary: RunSummary }> {
  progress(0, 'Reading the workbook');
  const { grids, sheetOf } = await time('read', () => readWorkbook(host));
  progress(0.2, 'Checking the data');
  const parsed = await time('parse', () => parseWorkbook(grids, sheetOf));
  const problems = [...parsed.problems];
  if (hasErrors(problems)) return { ok: false, problems };
  progress(0.4, 'Building the structure');
  const computed = await time('compute', () => compute(parsed));
  problems.push(...computed.problems);
  if (hasErrors(problems) || !computed.structure.fit || computed.structure.grades.length === 0) {
    if (!hasErrors(problems)) problems.push(problem('error', 'no-structure', 'no structure could be built from this data'));
    return { ok: false, problems };
  }
  progress(0.6, 'Laying out the sheets');
  const update = await time('layout', () => layout(parsed, computed));
  return { ok: true, problems, update, summary: summarize(parsed, computed) };
}
