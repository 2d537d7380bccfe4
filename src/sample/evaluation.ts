import { FACTOR_PLAN } from '../workbook/structureInputs/sheets';
import type { SheetSpec, SpecCell } from '../workbook/sheetSpec';
import { columnLetter } from '../workbook/address';
import type { Random } from './random';

/** The sample's point-factor plan: 1,000 points, arithmetic levels (PRODUCT.md). */
export const SAMPLE_FACTORS = [
  { factor: 'Knowledge and Skills', weight: 0.3, levels: 10, description: 'Education, expertise and experience the job requires.' },
  { factor: 'Problem Solving', weight: 0.2, levels: 8, description: 'Complexity of the analysis and judgement the job needs.' },
  { factor: 'Accountability', weight: 0.25, levels: 10, description: 'Freedom to act and impact on results.' },
  { factor: 'Communication', weight: 0.15, levels: 6, description: 'Influence and negotiation inside and outside the company.' },
  { factor: 'Working Conditions', weight: 0.1, levels: 5, description: 'Physical effort and environment.' },
] as const;

export const SAMPLE_TOTAL_POINTS = 1000;

/** Points of a set of factor levels: Σ weight × Total Points × level / levels. */
export const evaluatedPoints = (levels: readonly number[]): number =>
  SAMPLE_FACTORS.reduce((sum, f, i) => sum + (f.weight * SAMPLE_TOTAL_POINTS * levels[i]) / f.levels, 0);

/**
 * Levels for a job that was sized at `points` (100–1,000): each factor climbs with the job's size,
 * with a little judgement noise; working conditions run the other way for front-line jobs.
 */
export function levelsFor(rng: Random, points: number, frontline: boolean): number[] {
  const t = Math.min(1, Math.max(0, (points - 100) / 900));
  return SAMPLE_FACTORS.map((f, i) => {
    const size = i === 4 ? (frontline ? 0.75 : 0.2) : t;
    const level = Math.round(1 + (f.levels - 1) * size + (i === 4 ? 0 : rng.normal(0, 0.35)));
    return Math.min(f.levels, Math.max(1, level));
  });
}

export function factorPlanSheet(): SheetSpec {
  const cells: SpecCell[][] = [FACTOR_PLAN.columns.map((c) => c.name)];
  for (const f of SAMPLE_FACTORS) cells.push([f.factor, f.weight, f.levels, f.description]);
  return {
    name: FACTOR_PLAN.name,
    role: 'input',
    cells,
    formats: [{ range: `B2:B${cells.length}`, format: '0%' }],
    columns: [{ width: 24 }, { width: 9 }, { width: 8 }, { width: 60 }],
    tables: [{ name: 'tblFactorPlan', range: `A1:D${cells.length}`, style: 'TableStyleMedium2' }],
    freeze: { rows: 1, columns: 0 },
  };
}

export function jobEvaluationSheet(jobs: readonly { code: string; title: string; levels: number[] }[]): SheetSpec {
  const header = ['Job Code', 'Job Title', ...SAMPLE_FACTORS.map((f) => f.factor)];
  const cells: SpecCell[][] = [header, ...jobs.map((j) => [j.code, j.title, ...j.levels])];
  const last = columnLetter(header.length);
  return {
    name: 'Job Evaluation',
    role: 'input',
    cells,
    columns: [{ width: 12 }, { width: 40 }, ...SAMPLE_FACTORS.map((f) => ({ width: Math.max(12, f.factor.length + 2) }))],
    tables: [{ name: 'tblJobEvaluation', range: `A1:${last}${cells.length}`, style: 'TableStyleMedium2' }],
    freeze: { rows: 1, columns: 2 },
  };
}

/** Bump factor levels until the points exceed `floor` (a job above another in its family must evaluate higher). */
export function raiseAbove(levels: number[], floor: number): number[] {
  const out = [...levels];
  for (const i of [0, 2, 1, 3]) {
    while (evaluatedPoints(out) <= floor && out[i] < SAMPLE_FACTORS[i].levels) out[i]++;
    if (evaluatedPoints(out) > floor) break;
  }
  return out;
}
