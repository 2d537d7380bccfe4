import type { Factor, FactorPlan } from '../../../src/engine/evaluation/factorPlan';
import { evaluateJobs, reconcileJobPoints, type EvaluationSheet } from '../../../src/engine/evaluation/jobEvaluation';
import type { Job } from '../../../src/engine/types';

// A 1,000-point plan (hand-computed points in each test):
// Skill 35% × 5 levels = 70 a level; Effort 25% × 4 = 62.5; Responsibility 25% × 5 = 50; Working Conditions 15% × 3 = 50.
const FACTORS: Factor[] = [
  { name: 'Skill', weight: 0.35, levels: 5, ref: { sheet: 'Factor Plan', row: 2 } },
  { name: 'Effort', weight: 0.25, levels: 4, ref: { sheet: 'Factor Plan', row: 3 } },
  { name: 'Responsibility', weight: 0.25, levels: 5, ref: { sheet: 'Factor Plan', row: 4 } },
  { name: 'Working Conditions', weight: 0.15, levels: 3, ref: { sheet: 'Factor Plan', row: 5 } },
];
const PLAN: FactorPlan = { factors: FACTORS, totalPoints: 1000, progression: 'Arithmetic' };
const HEADERS = ['Skill', 'Effort', 'Responsibility', 'Working Conditions'];
const COLS = ['B', 'C', 'D', 'E', 'F', 'G'];

/** An evaluation sheet: Job Code in A, factor columns from B, data from row 2. */
function sheet(headers: string[], rows: [string, ...(number | undefined)[]][]): EvaluationSheet {
  return {
    columns: headers.map((name, j) => ({ name, where: { sheet: 'Job Evaluation', cell: `${COLS[j]}1` }, numeric: true })),
    rows: rows.map(([jobCode, ...levels], i) => ({
      jobCode,
      levels,
      cells: levels.map((_, j) => ({ sheet: 'Job Evaluation', cell: `${COLS[j]}${i + 2}` })),
      ref: { sheet: 'Job Evaluation', row: i + 2 },
    })),
  };
}

const job = (code: string, points: number, row: number): Job => ({ code, title: code, points, benchmark: true, ref: { sheet: 'Jobs', row } });

describe('evaluateJobs', () => {
  it('turns levels into points: Σ weight × Total Points × level / levels', () => {
    const e = evaluateJobs(PLAN, sheet(HEADERS, [
      ['ANL', 3, 2, 4, 1], // 210 + 125 + 200 + 50 = 585
      ['DIR', 5, 4, 5, 3], // the top of every factor: 1,000
      ['CLK', 1, 1, 1, 1], // 70 + 62.5 + 50 + 50 = 232.5
    ]));
    expect(e.problems).toEqual([]);
    expect(e.jobs.map((j) => [j.jobCode, +j.total!.toFixed(9)])).toEqual([['ANL', 585], ['DIR', 1000], ['CLK', 232.5]]);
    expect(e.jobs[0].factorPoints.map((x) => +x!.toFixed(9))).toEqual([210, 125, 200, 50]);
  });

  it('matches factor columns to the plan ignoring case, spaces and punctuation, in any order', () => {
    const e = evaluateJobs(PLAN, sheet(['working-conditions', 'RESPONSIBILITY', 'effort', 'Skill'], [['ANL', 1, 4, 2, 3]]));
    expect(e.problems).toEqual([]);
    expect(e.columnOfFactor).toEqual([3, 2, 1, 0]);
    expect(e.jobs[0].total).toBeCloseTo(585, 9);
  });

  it('geometric levels follow the plan', () => {
    // Effort 250 × 4 levels, r = 4^(1/3): level 2 = 250/r² = 99.21.
    const e = evaluateJobs({ ...PLAN, progression: 'Geometric' }, sheet(HEADERS, [['X', 5, 2, 5, 3]]));
    expect(e.jobs[0].factorPoints[1]).toBeCloseTo(250 / Math.cbrt(4) ** 2, 9);
    expect(e.jobs[0].total).toBeCloseTo(350 + 99.2126 + 250 + 150, 3);
  });

  it('a level above the factor\'s level count is an error at its cell', () => {
    const e = evaluateJobs(PLAN, sheet(HEADERS, [['ANL', 3, 5, 4, 1]]));
    expect(e.problems.map((p) => [p.code, p.message])).toEqual([['level-above-count', `'Job Evaluation'!C2: job "ANL": level 5 of factor "Effort" is above its 4 levels`]]);
    expect(e.jobs[0].total).toBeUndefined();
    expect(e.jobs[0].factorPoints[1]).toBeUndefined();
  });

  it('a missing, fractional or zero level is an error', () => {
    const e = evaluateJobs(PLAN, sheet(HEADERS, [['A', 3, undefined, 4, 1], ['B', 2.5, 1, 1, 1], ['C', 0, 1, 1, 1]]));
    expect(e.problems.map((p) => [p.code, p.where?.cell])).toEqual([['missing-level', 'C2'], ['invalid-level', 'B3'], ['invalid-level', 'B4']]);
  });

  it('a factor column with no plan row is an error at its header; a text column is ignored', () => {
    const s = sheet([...HEADERS, 'Travel'], [['ANL', 3, 2, 4, 1, 2]]);
    s.columns.push({ name: 'Comments', where: { sheet: 'Job Evaluation', cell: 'G1' }, numeric: false });
    const e = evaluateJobs(PLAN, s);
    expect(e.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['error', 'factor-column-without-plan', `'Job Evaluation'!F1: column "Travel" holds levels but the Factor Plan has no factor "Travel"`],
      ['info', 'not-a-factor-column', `'Job Evaluation'!G1: column "Comments" is not a factor on the Factor Plan and is ignored`],
    ]);
    expect(e.jobs[0].total).toBeCloseTo(585, 9);
  });

  it('a plan factor without a column, a column repeated, a job evaluated twice', () => {
    const e = evaluateJobs(PLAN, sheet(['Skill', 'Effort', 'Responsibility', 'skill'], [['ANL', 3, 2, 4, 3], ['anl', 1, 1, 1, 1]]));
    expect(e.problems.map((p) => [p.code, p.where])).toEqual([
      ['duplicate-factor-column', { sheet: 'Job Evaluation', cell: 'E1' }],
      ['factor-without-column', { sheet: 'Factor Plan', row: 5 }],
      ['duplicate-evaluation', { sheet: 'Job Evaluation', row: 3 }],
    ]);
    expect(e.jobs).toHaveLength(1);
  });

  it('reports the plan\'s own problems too', () => {
    const e = evaluateJobs({ ...PLAN, factors: FACTORS.slice(0, 3) }, sheet(HEADERS.slice(0, 3), [['ANL', 3, 2, 4]]));
    expect(e.problems.map((p) => p.code)).toEqual(['factor-weights-sum']);
  });
});

describe('reconcileJobPoints', () => {
  const evaluation = evaluateJobs(PLAN, sheet(HEADERS, [['ANL', 3, 2, 4, 1], ['DIR', 5, 4, 5, 3], ['GHOST', 1, 1, 1, 1]]));
  const jobs = [job('ANL', 585, 2), job('DIR', 950, 3), job('CLK', 230, 4)];
  const options = {
    pay: 'Post' as const,
    givenAt: (j: Job) => ({ sheet: 'Jobs', cell: `D${j.ref!.row}` }),
    computedAt: () => "'Evaluation Results'!$K$9",
  };

  it('replaces given points with the computed ones, warning where they disagree, naming both cells', () => {
    const r = reconcileJobPoints(jobs, evaluation, options);
    expect(r.jobs.map((j) => [j.code, j.points])).toEqual([['ANL', 585], ['DIR', 1000], ['CLK', 230]]);
    expect(r.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['warning', 'evaluation-for-unknown-job', `'Job Evaluation'!4:4: job "GHOST" is evaluated but is not on the Jobs sheet; its evaluation is ignored`],
      [
        'warning',
        'points-disagree',
        `Jobs!D3: job "DIR": the 950 points given differ from the 1000 its evaluation ('Job Evaluation'!3:3) computes at 'Evaluation Results'!$K$9; the computed points are used`,
      ],
      ['warning', 'job-without-evaluation', 'Jobs!D4: job "CLK" has no evaluation on the Job Evaluation sheet; its given 230 points are used'],
    ]);
  });

  it('given points within half a point of the computed ones agree (they are the computed points rounded)', () => {
    const e = evaluateJobs(PLAN, sheet(HEADERS, [['CLK', 1, 1, 1, 1]])); // 232.5
    expect(reconcileJobPoints([job('CLK', 233, 2)], e, options).problems).toEqual([]);
    expect(reconcileJobPoints([job('CLK', 234, 2)], e, options).problems.map((p) => p.code)).toEqual(['points-disagree']);
  });

  it('a job with neither points nor an evaluation is an error', () => {
    const r = reconcileJobPoints([job('NEW', Number.NaN, 7)], evaluation, options);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['Jobs!D7: job "NEW" has neither points nor an evaluation on the Job Evaluation sheet']);
  });

  it('under Skill and Ability the Jobs points are required levels: the evaluation is not used', () => {
    for (const pay of ['Skill', 'Ability'] as const) {
      const r = reconcileJobPoints(jobs, evaluation, { ...options, pay });
      expect(r.jobs).toBe(jobs);
      expect(r.problems.map((p) => p.code)).toEqual(['evaluation-ignored']);
    }
  });
});
