import { formatWhere, problem, type Problem, type SourceRef, type Where } from '../problem';
import type { Job, PaySystem } from '../types';
import { factorKey, levelPoints, validateFactorPlan, type FactorPlan } from './factorPlan';

/** The `Job Evaluation` sheet as read: its factor columns and one row of levels per job. */
export interface EvaluationSheet {
  /** Factor columns in sheet order, by header; `where` is the header cell. */
  columns: { name: string; where?: Where; numeric?: boolean }[];
  rows: EvaluationRow[];
}

export interface EvaluationRow {
  jobCode: string;
  /** Level per column (aligned with `columns`); undefined when the cell is blank or not a number. */
  levels: (number | undefined)[];
  /** Where each level cell is (aligned with `columns`), for messages. */
  cells?: (Where | undefined)[];
  /** Absolute reference of each level cell a formula may cite as is (aligned with `columns`). */
  liveCells?: (string | undefined)[];
  ref?: SourceRef;
}

/** One evaluated job: its level and points on every plan factor, and the total. */
export interface JobPoints {
  jobCode: string;
  /** Levels in plan order; undefined where the job has no usable level. */
  levels: (number | undefined)[];
  /** Points in plan order; undefined where the level is missing or invalid. */
  factorPoints: (number | undefined)[];
  /** Σ factor points; undefined unless every factor has a valid level. */
  total?: number;
  row: EvaluationRow;
  /** 0-based position among the evaluation rows (the order the results are written in). */
  index: number;
}

export interface Evaluation {
  plan: FactorPlan;
  /** Plan factor index → column index of the evaluation sheet (undefined when the sheet has no column for it). */
  columnOfFactor: (number | undefined)[];
  jobs: JobPoints[];
  /** By upper-case job code. */
  byCode: Map<string, JobPoints>;
  problems: Problem[];
}

const JOB_EVALUATION: Where = { sheet: 'Job Evaluation' };

/**
 * Points of every evaluated job: Σ over the plan's factors of the points of the job's level.
 * Never throws; every inconsistency between the plan and the evaluation sheet is a problem.
 */
export function evaluateJobs(plan: FactorPlan, sheet: EvaluationSheet): Evaluation {
  const problems = validateFactorPlan(plan);
  const sheetWhere = sheet.columns[0]?.where ? { sheet: sheet.columns[0].where.sheet } : sheet.rows[0]?.ref ? { sheet: sheet.rows[0].ref.sheet } : JOB_EVALUATION;
  const factorIndex = new Map(plan.factors.map((f, i) => [factorKey(f.name), i]));
  const columnOfFactor: (number | undefined)[] = plan.factors.map(() => undefined);
  sheet.columns.forEach((c, j) => {
    const i = factorIndex.get(factorKey(c.name));
    if (i === undefined) {
      // A column of numbers is a factor the plan lacks; any other column is a note, and is ignored.
      if (c.numeric === false) problems.push(problem('info', 'not-a-factor-column', `column "${c.name}" is not a factor on the Factor Plan and is ignored`, c.where ?? sheetWhere));
      else problems.push(problem('error', 'factor-column-without-plan', `column "${c.name}" holds levels but the Factor Plan has no factor "${c.name}"`, c.where ?? sheetWhere));
      return;
    }
    if (columnOfFactor[i] !== undefined) {
      problems.push(problem('error', 'duplicate-factor-column', `factor "${plan.factors[i].name}" has a second column "${c.name}"`, c.where ?? sheetWhere));
      return;
    }
    columnOfFactor[i] = j;
  });
  plan.factors.forEach((f, i) => {
    if (columnOfFactor[i] === undefined) {
      problems.push(problem('error', 'factor-without-column', `factor "${f.name}" of the Factor Plan has no column on the Job Evaluation sheet`, f.ref ? { sheet: f.ref.sheet, row: f.ref.row } : sheetWhere));
    }
  });

  const jobs: JobPoints[] = [];
  const byCode = new Map<string, JobPoints>();
  sheet.rows.forEach((row, index) => {
    const rowWhere: Where = row.ref ? { sheet: row.ref.sheet, row: row.ref.row } : sheetWhere;
    const key = row.jobCode.toUpperCase();
    const earlier = byCode.get(key);
    if (earlier) {
      problems.push(problem('error', 'duplicate-evaluation', `job "${row.jobCode}" is evaluated twice (first at row ${earlier.row.ref?.row ?? earlier.index + 1})`, rowWhere));
      return;
    }
    const levels: (number | undefined)[] = [];
    const factorPoints: (number | undefined)[] = [];
    plan.factors.forEach((f, i) => {
      const j = columnOfFactor[i];
      if (j === undefined) {
        levels.push(undefined);
        factorPoints.push(undefined);
        return;
      }
      const level = row.levels[j];
      const where = row.cells?.[j] ?? rowWhere;
      let ok = true;
      if (level === undefined) {
        problems.push(problem('error', 'missing-level', `job "${row.jobCode}" has no level for factor "${f.name}"`, where));
        ok = false;
      } else if (!Number.isInteger(level) || level < 1) {
        problems.push(problem('error', 'invalid-level', `job "${row.jobCode}": level ${level} of factor "${f.name}" must be a whole number from 1 to ${f.levels}`, where));
        ok = false;
      } else if (Number.isInteger(f.levels) && level > f.levels) {
        problems.push(problem('error', 'level-above-count', `job "${row.jobCode}": level ${level} of factor "${f.name}" is above its ${f.levels} levels`, where));
        ok = false;
      }
      levels.push(level);
      factorPoints.push(ok && Number.isInteger(f.levels) && f.levels >= 1 ? levelPoints(f, level!, plan) : undefined);
    });
    const complete = factorPoints.length > 0 && factorPoints.every((p) => p !== undefined);
    const jp: JobPoints = { jobCode: row.jobCode, levels, factorPoints, total: complete ? sumInOrder(factorPoints as number[]) : undefined, row, index };
    jobs.push(jp);
    byCode.set(key, jp);
  });
  return { plan, columnOfFactor, jobs, byCode, problems };
}

/** Σ left to right, as the sheet's SUM adds the factor points. */
const sumInOrder = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

export interface ReconcileOptions {
  pay: PaySystem;
  /** The cell of a job's given points on the Jobs sheet (for messages); default: the job's row. */
  givenAt?: (job: Job) => Where | undefined;
  /** The cell holding a job's computed points (e.g. on the evaluation results sheet), as text for messages. */
  computedAt?: (points: JobPoints) => string | undefined;
  /** Given and computed points within this of each other agree (given points are usually whole numbers). Default 0.5. */
  tolerance?: number;
}

export interface ReconciledJobs {
  /** The jobs with the evaluated points in force (the given ones where a job has no evaluation). */
  jobs: Job[];
  problems: Problem[];
}

/**
 * Points in force for each job. Under the Post system the evaluation decides: a job's computed points
 * replace the given ones, with a warning naming both cells when they differ by more than the tolerance;
 * a job without an evaluation keeps its given points (a warning), or is an error when it has none.
 * Under Skill and Ability the Jobs Points column is each job's required skill level or competency score,
 * so an evaluation is not used (a warning says so).
 */
export function reconcileJobPoints(jobs: Job[], evaluation: Evaluation, options: ReconcileOptions): ReconciledJobs {
  const problems: Problem[] = [];
  const tolerance = options.tolerance ?? 0.5;
  if (options.pay !== 'Post') {
    problems.push(problem('warning', 'evaluation-ignored', `Pay System is ${options.pay}: the Jobs Points column is each job's required ${options.pay === 'Skill' ? 'skill level' : 'competency score'}, so the Job Evaluation points are not used`, { sheet: 'Assumptions' }));
    return { jobs, problems };
  }
  const known = new Set(jobs.map((j) => j.code.toUpperCase()));
  for (const jp of evaluation.jobs) {
    if (!known.has(jp.jobCode.toUpperCase())) {
      problems.push(problem('warning', 'evaluation-for-unknown-job', `job "${jp.jobCode}" is evaluated but is not on the Jobs sheet; its evaluation is ignored`, jp.row.ref ? { sheet: jp.row.ref.sheet, row: jp.row.ref.row } : undefined));
    }
  }
  const out = jobs.map((job): Job => {
    const given = Number.isFinite(job.points) ? job.points : undefined;
    const givenWhere = options.givenAt?.(job) ?? (job.ref ? { sheet: job.ref.sheet, row: job.ref.row } : undefined);
    const jp = evaluation.byCode.get(job.code.toUpperCase());
    if (!jp) {
      if (given === undefined) problems.push(problem('error', 'job-without-evaluation', `job "${job.code}" has neither points nor an evaluation on the Job Evaluation sheet`, givenWhere));
      else problems.push(problem('warning', 'job-without-evaluation', `job "${job.code}" has no evaluation on the Job Evaluation sheet; its given ${given} points are used`, givenWhere));
      return job;
    }
    if (jp.total === undefined) return job; // its level problems are already reported
    if (given !== undefined && Math.abs(given - jp.total) > tolerance) {
      const computedCell = options.computedAt?.(jp);
      const evalRow = jp.row.ref ? formatWhere({ sheet: jp.row.ref.sheet, row: jp.row.ref.row }) : 'the Job Evaluation sheet';
      const here = givenWhere ? '' : ' on the Jobs sheet';
      problems.push(
        problem(
          'warning',
          'points-disagree',
          `job "${job.code}": the ${given} points given${here} differ from the ${+jp.total.toFixed(6)} its evaluation (${evalRow}) computes${computedCell ? ` at ${computedCell}` : ''}; the computed points are used`,
          givenWhere,
        ),
      );
    }
    return { ...job, points: jp.total };
  });
  return { jobs: out, problems };
}
