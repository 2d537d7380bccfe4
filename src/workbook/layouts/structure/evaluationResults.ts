import { factorMaxPoints, levelRatio } from '../../../engine/evaluation/factorPlan';
import type { Evaluation, JobPoints } from '../../../engine/evaluation/jobEvaluation';
import type { Job } from '../../../engine/types';
import { absAddress, cellAddress, rangeAddress, sheetRef } from '../../address';
import type { SheetSpec, SpecCell } from '../../sheetSpec';
import type { LocatedTable } from '../../sheetTable';
import { FMT, formula, ownCell, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/** Row of the job table's header: below the factor table, its totals row and a blank row. */
const jobHeaderRow = (factors: number) => factors + 4;
/** Columns of the job table: Job Code, Job Title, a level per factor, points per factor, Total, Given, Difference. */
const totalColumn = (factors: number) => 2 * factors + 3;

/** The cell holding a job's computed points on the results sheet, e.g. `'Evaluation Results'!$J$12`. */
export function evaluationTotalCell(evaluation: Evaluation, jp: JobPoints): string | undefined {
  const i = evaluation.jobs.indexOf(jp);
  if (i < 0) return undefined;
  const f = evaluation.plan.factors.length;
  return sheetRef(STRUCTURE_SHEETS.evaluation, absAddress(jobHeaderRow(f) + 1 + i, totalColumn(f)));
}

export interface EvaluationResultsInput {
  evaluation: Evaluation;
  /** The jobs as given on the Jobs sheet (before the evaluated points replace theirs), for titles and given points. */
  jobs: Job[];
  /** Where the Jobs table sits, so Given Points can cite the Jobs sheet's cells. */
  jobsTable?: LocatedTable;
}

const cite = (ref: string | undefined, value: number | undefined): SpecCell => (ref && value !== undefined ? formula(ref, value) : value ?? null);

/**
 * `Evaluation Results`: the factor plan (weights and level counts citing the Factor Plan sheet, each
 * factor's top points = weight × TotalPoints and its geometric ratio) and, per evaluated job, the
 * levels (citing the Job Evaluation sheet), the points of each factor, the total and the difference
 * from the points given on the Jobs sheet, all as live formulas on the Assumptions names
 * TotalPoints and LevelProgression (and LevelStep when set).
 */
export function evaluationResultsSheet(input: EvaluationResultsInput): SheetSpec {
  const { evaluation, jobs } = input;
  const { plan } = evaluation;
  const b = new SheetBuilder(STRUCTURE_SHEETS.evaluation);
  const f = plan.factors.length;
  const factorRow = (i: number) => 2 + i;
  const factorColumns: LayoutColumn<(typeof plan.factors)[number]>[] = [
    { header: 'Factor', width: 26, cell: (x) => x.name },
    { header: 'Weight', format: FMT.percent, width: 9, cell: (x) => cite(x.weightCell, x.weight) },
    { header: 'Levels', format: FMT.integer, width: 8, cell: (x) => cite(x.levelsCell, x.levels) },
    { header: 'Max Points', format: '#,##0.0', width: 11, cell: (x, r) => formula(`B${r}*TotalPoints`, factorMaxPoints(x, plan.totalPoints)) },
    {
      header: 'Geometric Ratio',
      format: '0.0000',
      width: 15,
      cell: (x, r) => formula(plan.levelStep !== undefined ? '1+LevelStep' : `IF(C${r}>1,C${r}^(1/(C${r}-1)),1)`, levelRatio(x.levels, plan.levelStep)),
    },
  ];
  b.table(STRUCTURE_TABLES.factorPoints, 1, 1, plan.factors, factorColumns);
  const totals = f + 2;
  b.set(totals, 1, 'Total');
  if (f > 0) {
    b.set(totals, 2, formula(`SUM(B2:B${f + 1})`, plan.factors.reduce((s, x) => s + x.weight, 0)));
    b.set(totals, 4, formula(`SUM(D2:D${f + 1})`, plan.factors.reduce((s, x) => s + factorMaxPoints(x, plan.totalPoints), 0)));
    b.format(cellAddress(totals, 2), FMT.percent);
    b.format(cellAddress(totals, 4), '#,##0.0');
  }

  const byCode = new Map(jobs.map((j) => [j.code.toUpperCase(), j]));
  const pointsCol = jobsPointsColumn(input.jobsTable);
  const levelCol = (i: number) => 3 + i;
  const pointCol = (i: number) => 3 + f + i;
  const total = totalColumn(f);
  const given = total + 1;
  const columns: LayoutColumn<JobPoints>[] = [
    { header: 'Job Code', width: 12, cell: (jp) => jp.jobCode },
    { header: 'Job Title', width: 28, cell: (jp) => byCode.get(jp.jobCode.toUpperCase())?.title ?? null },
    ...plan.factors.map((x, i): LayoutColumn<JobPoints> => ({
      header: `${x.name} Level`,
      format: FMT.integer,
      width: 10,
      cell: (jp) => {
        const j = evaluation.columnOfFactor[i];
        return j === undefined ? null : cite(jp.row.liveCells?.[j], jp.levels[i]);
      },
    })),
    ...plan.factors.map((x, i): LayoutColumn<JobPoints> => ({
      header: `${x.name} Points`,
      format: '#,##0.0',
      width: 11,
      fill: {
        formula: (r) => {
          const level = cellAddress(r, levelCol(i));
          const fr = factorRow(i);
          return `IF(LevelProgression="Geometric",$D$${fr}/$E$${fr}^($C$${fr}-${level}),$D$${fr}*${level}/$C$${fr})`;
        },
        value: (jp) => (jp.factorPoints[i] === undefined ? ownCell(null) : jp.factorPoints[i]),
      },
    })),
    f === 0
      ? { header: 'Total Points', format: '#,##0.0', width: 12, cell: () => null }
      : {
          header: 'Total Points',
          format: '#,##0.0',
          width: 12,
          fill: { formula: (r) => `SUM(${rangeAddress(r, pointCol(0), r, pointCol(f - 1))})`, value: (jp) => (jp.total === undefined ? ownCell(null) : jp.total) },
        },
    {
      header: 'Given Points',
      format: FMT.points,
      width: 12,
      cell: (jp) => {
        const job = byCode.get(jp.jobCode.toUpperCase());
        if (!job || !Number.isFinite(job.points)) return null;
        return pointsCol && job.ref ? formula(sheetRef(job.ref.sheet, absAddress(job.ref.row, pointsCol)), job.points) : job.points;
      },
    },
    {
      header: 'Difference',
      format: '#,##0.0',
      width: 11,
      fill: {
        formula: (r) => `IF(ISNUMBER(${cellAddress(r, given)}),${cellAddress(r, total)}-${cellAddress(r, given)},"")`,
        value: (jp) => {
          const job = byCode.get(jp.jobCode.toUpperCase());
          const g = job && Number.isFinite(job.points) ? job.points : undefined;
          if (jp.total === undefined) return ownCell(null);
          return g === undefined ? undefined : jp.total - g;
        },
      },
    },
  ];
  b.table(STRUCTURE_TABLES.jobPoints, jobHeaderRow(f), 1, evaluation.jobs, columns);
  const note = jobHeaderRow(f) + Math.max(1, evaluation.jobs.length) + 2;
  b.set(note, 1, 'Notes');
  b.set(note + 1, 1, 'Max Points = Weight × TotalPoints. Arithmetic levels: Max × level / Levels. Geometric levels: Max / Ratio^(Levels − level), so the top level is worth Max.');
  b.set(note + 2, 1, plan.levelStep !== undefined ? 'Geometric Ratio = 1 + LevelStep.' : 'Geometric Ratio = Levels^(1/(Levels − 1)): the lowest level keeps its arithmetic value, Max / Levels.');
  b.set(note + 3, 1, `Difference = Total Points − the points given on the Jobs sheet; the computed points are used (Pay System Post).`);
  return b.build();
}

/** The Jobs sheet column of Points, when the Jobs table was located. */
const jobsPointsColumn = (t: LocatedTable | undefined): number | undefined => t?.columns.get('points');

