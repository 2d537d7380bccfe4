/**
 * The structure's internal consistency, as rows of the `Consistency` sheet: Check, Scope, Value,
 * Threshold, Status (OK | Warning | Fail), Detail. Each row also names its subject (a grade, a pair of
 * grades, a job, an employee) so the layout can write the value as a live formula where Excel can.
 *
 * Checks: midpoint progression against a target and its monotonicity; range overlap too high or
 * negative (a gap); points order against pay order (Spearman's ρ of points and market rates and the
 * job pairs that invert); benchmark jobs whose market rate is outside their grade's range; empty
 * grades, grades without employees and grades without a benchmark; grade-average pay inversions; pay
 * compression against managers; red and green circles by grade.
 */
import type Decimal from 'decimal.js';
import type { PayStructure } from '../payStructure';
import type { Placement, PlacementTotals } from '../placement';
import type { GradeRange } from '../structure';
import type { Job } from '../types';
import { payCompression, type CompressedPair } from './compression';
import { countInversions, listInversions, spearman } from './rankOrder';

export type CheckStatus = 'OK' | 'Warning' | 'Fail';

export const CHECKS = {
  progression: 'Midpoint progression',
  monotonicity: 'Midpoint monotonicity',
  overlap: 'Range overlap',
  rankCorrelation: 'Points vs pay order',
  inversions: 'Points vs pay inversions',
  invertedPair: 'Inverted job pair',
  benchmarkOutside: 'Benchmark outside range',
  emptyGrade: 'Empty grade',
  gradeWithoutEmployees: 'Grade without employees',
  gradeWithoutBenchmark: 'Grade without benchmark',
  gradePayInversion: 'Grade pay inversion',
  atOrAboveManager: 'Paid at or above manager',
  withinMargin: 'Within margin of manager',
  managerNotFound: 'Manager not found',
  redCircles: 'Red circles',
  greenCircles: 'Green circles',
} as const;

export type CheckName = (typeof CHECKS)[keyof typeof CHECKS];

export type CheckSubject =
  | { kind: 'summary' }
  /** From grade g to grade g + 1. */
  | { kind: 'gradePair'; grade: number; next: number }
  | { kind: 'grade'; grade: number }
  | { kind: 'job'; jobCode: string }
  | { kind: 'jobPair'; lower: string; higher: string }
  | { kind: 'employee'; employeeId: string; managerId: string; /** The employee's position in the placement. */ index?: number };

export type ValueFormat = 'percent' | 'ratio' | 'integer';

export interface CheckRow {
  check: CheckName;
  scope: string;
  value?: number;
  valueFormat?: ValueFormat;
  /** A number, or a text such as "10.0% ± 5.0%" for a band. */
  threshold?: number | string;
  status: CheckStatus;
  detail: string;
  subject: CheckSubject;
}

/** The thresholds (Assumptions parameters; see the defaults). */
export interface ConsistencyOptions {
  /** Target midpoint progression; undefined: the structure's own even progression, (mid_N/mid_1)^(1/(N−1)) − 1. */
  progressionTarget?: number;
  /** A progression further than this from the target is a warning. */
  progressionTolerance: number;
  /** Overlap above this is a warning. */
  maxOverlap: number;
  /** Overlap below this (a gap when 0) is a warning. */
  minOverlap: number;
  /** Spearman's ρ of points and market rates below this is a warning. */
  minRankCorrelation: number;
  /** Employees paid within this fraction below their manager are flagged. */
  compressionMargin: number;
  /** A grade whose share of red (or green) circles exceeds this warns. */
  circleThreshold: number;
  /** At most this many detail rows (inverted pairs, compressed employees, missing managers) per check. */
  maxListed: number;
}

export const DEFAULT_CONSISTENCY_OPTIONS: ConsistencyOptions = {
  progressionTarget: undefined,
  progressionTolerance: 0.05,
  maxOverlap: 0.5,
  minOverlap: 0,
  minRankCorrelation: 0.9,
  compressionMargin: 0.05,
  circleThreshold: 0.05,
  maxListed: 25,
};

export interface ConsistencyResult {
  rows: CheckRow[];
  /** The thresholds in force. */
  options: ConsistencyOptions;
  /** The progression target in force (given, or the structure's even progression). */
  progressionTarget?: number;
  /** Whether the target was given (`Progression Target`) or is the structure's even progression. */
  progressionTargetSource: 'given' | 'even';
  rankCorrelation?: number;
  /** Priced jobs the rank correlation is over. */
  rankedJobs: number;
  inversionCount: number;
  compression: { atOrAbove: CompressedPair[]; withinMargin: CompressedPair[]; withManager: number; managerNotFound: number };
}

export function checkConsistency(
  input: {
    jobs: Job[];
    structure: PayStructure;
    placement: Placement;
    /** Each placed employee's manager as an index into `placement.employees` (-1: none or not found), when the caller has them (see payCompression). */
    managers?: ArrayLike<number>;
  },
  options: Partial<ConsistencyOptions> = {},
): ConsistencyResult {
  const o: ConsistencyOptions = { ...DEFAULT_CONSISTENCY_OPTIONS, ...options };
  const { jobs, structure, placement } = input;
  const grades = structure.grades;
  const rows: CheckRow[] = [];
  const summary: CheckSubject = { kind: 'summary' };

  // Midpoint progression and monotonicity.
  const target = o.progressionTarget ?? evenProgression(grades);
  const band = target === undefined ? undefined : `${pct(target)} ± ${pct(o.progressionTolerance)}`;
  let falling = 0;
  for (let i = 0; i + 1 < grades.length; i++) {
    const g = grades[i];
    const next = grades[i + 1];
    const progression = num(g.progression);
    const subject: CheckSubject = { kind: 'gradePair', grade: g.grade, next: next.grade };
    const scope = `Grade ${g.grade} → ${next.grade}`;
    if (progression === undefined) continue;
    let status: CheckStatus = 'OK';
    let detail = `midpoint ${money(g.midpoint)} → ${money(next.midpoint)}`;
    if (progression <= 0) {
      falling++;
      status = 'Fail';
      detail += '; the midpoint does not rise';
    } else if (target !== undefined && Math.abs(progression - target) > o.progressionTolerance) {
      status = 'Warning';
      detail += `; ${progression > target ? 'above' : 'below'} the target ${pct(target)} by more than ${pct(o.progressionTolerance)}`;
    }
    rows.push({ check: CHECKS.progression, scope, value: progression, valueFormat: 'percent', threshold: band, status, detail, subject });
  }
  if (grades.length > 1) {
    rows.push({
      check: CHECKS.monotonicity,
      scope: 'All grades',
      value: falling,
      valueFormat: 'integer',
      threshold: 0,
      status: falling > 0 ? 'Fail' : 'OK',
      detail: falling > 0 ? `${falling} step(s) where the midpoint does not rise` : 'every midpoint is above the one below',
      subject: summary,
    });
  }

  // Range overlap.
  for (let i = 0; i + 1 < grades.length; i++) {
    const g = grades[i];
    const next = grades[i + 1];
    const overlap = num(g.overlap);
    const subject: CheckSubject = { kind: 'gradePair', grade: g.grade, next: next.grade };
    const threshold = `${pct(o.minOverlap)} to ${pct(o.maxOverlap)}`;
    const scope = `Grade ${g.grade} → ${next.grade}`;
    if (overlap === undefined) {
      rows.push({ check: CHECKS.overlap, scope, threshold, status: 'Warning', detail: `grade ${next.grade} has a zero-width range; overlap is undefined`, subject });
      continue;
    }
    let status: CheckStatus = 'OK';
    let detail = `maximum ${money(g.maximum)} vs next minimum ${money(next.minimum)}`;
    if (overlap < o.minOverlap) {
      status = 'Warning';
      detail += overlap < 0 ? '; a gap between the ranges' : `; below the minimum overlap ${pct(o.minOverlap)}`;
    } else if (overlap > o.maxOverlap) {
      status = 'Warning';
      detail += `; overlap above ${pct(o.maxOverlap)}`;
    }
    rows.push({ check: CHECKS.overlap, scope, value: overlap, valueFormat: 'percent', threshold, status, detail, subject });
  }

  // Points order against pay order.
  const priced = jobs.filter((j) => structure.priced.has(j.code) && Number.isFinite(j.points));
  const rateOf = (j: Job) => structure.priced.get(j.code)!.marketRate.toNumber();
  const rho = priced.length >= 3 ? spearman(priced.map((j) => j.points), priced.map(rateOf)) : undefined;
  rows.push({
    check: CHECKS.rankCorrelation,
    scope: `${priced.length} priced jobs`,
    value: rho,
    valueFormat: 'ratio',
    threshold: o.minRankCorrelation,
    status: rho === undefined ? 'Warning' : rho < o.minRankCorrelation ? 'Warning' : 'OK',
    detail:
      rho === undefined
        ? priced.length < 3
          ? 'fewer than 3 priced jobs: no rank correlation'
          : 'points or market rates are all equal: no rank correlation'
        : "Spearman's rank correlation of job points and market rates (ties at average rank)",
    subject: summary,
  });
  const inversionCount = countInversions(priced.map((j) => j.points), priced.map(rateOf));
  rows.push({
    check: CHECKS.inversions,
    scope: `${priced.length} priced jobs`,
    value: inversionCount,
    valueFormat: 'integer',
    threshold: 0,
    status: inversionCount > 0 ? 'Warning' : 'OK',
    detail:
      inversionCount > 0
        ? `${inversionCount} job pair(s) where the job with fewer points has the higher market rate${inversionCount > o.maxListed ? `; the first ${o.maxListed} are listed` : ''}`
        : 'market rates rise with points',
    subject: summary,
  });
  if (inversionCount > 0) {
    for (const { lower, higher } of listInversions(priced, (j) => j.points, rateOf, o.maxListed)) {
      rows.push({
        check: CHECKS.invertedPair,
        scope: `${lower.code} / ${higher.code}`,
        value: rateOf(lower) / rateOf(higher) - 1,
        valueFormat: 'percent',
        threshold: 0,
        status: 'Warning',
        detail: `${lower.code} has fewer points (${lower.points}) than ${higher.code} (${higher.points}) but a higher market rate (${money(structure.priced.get(lower.code)!.marketRate)} vs ${money(structure.priced.get(higher.code)!.marketRate)})`,
        subject: { kind: 'jobPair', lower: lower.code, higher: higher.code },
      });
    }
  }

  // Benchmark jobs whose market rate falls outside their grade's range.
  const outside = structure.slotting.filter((s) => s.job.benchmark && (s.flag === 'Above maximum' || s.flag === 'Below minimum'));
  const benchmarks = structure.slotting.filter((s) => s.job.benchmark && s.marketRate !== undefined && s.grade !== undefined).length;
  rows.push({
    check: CHECKS.benchmarkOutside,
    scope: `${benchmarks} slotted benchmarks`,
    value: outside.length,
    valueFormat: 'integer',
    threshold: 0,
    status: outside.length > 0 ? 'Warning' : 'OK',
    detail: outside.length > 0 ? `${outside.length} benchmark job(s) priced outside their grade's range` : "every benchmark's market rate is within its grade's range",
    subject: summary,
  });
  for (const s of outside) {
    rows.push({
      check: CHECKS.benchmarkOutside,
      scope: s.job.code,
      value: num(s.marketVsMidpoint),
      valueFormat: 'percent',
      threshold: `${money(s.minimum)} to ${money(s.maximum)}`,
      status: 'Warning',
      detail: `market rate ${money(s.marketRate)} is ${s.flag === 'Above maximum' ? 'above the maximum' : 'below the minimum'} of grade ${s.grade}`,
      subject: { kind: 'job', jobCode: s.job.code },
    });
  }

  // Empty grades, grades without employees, grades without a benchmark.
  const jobsIn = new Map<number, number>();
  const benchmarksIn = new Map<number, number>();
  for (const s of structure.slotting) {
    if (s.grade === undefined) continue;
    jobsIn.set(s.grade, (jobsIn.get(s.grade) ?? 0) + 1);
    if (s.job.benchmark) benchmarksIn.set(s.grade, (benchmarksIn.get(s.grade) ?? 0) + 1);
  }
  const totalsOf = new Map<number, PlacementTotals>(placement.byGrade.map((t) => [t.key as number, t]));
  const empty = grades.filter((g) => !jobsIn.get(g.grade));
  const withoutEmployees = grades.filter((g) => !(totalsOf.get(g.grade)?.headcount ?? 0));
  const withoutBenchmark = grades.filter((g) => (jobsIn.get(g.grade) ?? 0) > 0 && !benchmarksIn.get(g.grade));
  const gradeList = (list: GradeRange[]) => list.map((g) => g.grade).join(', ');
  rows.push({
    check: CHECKS.emptyGrade,
    scope: `${grades.length} grades`,
    value: empty.length,
    valueFormat: 'integer',
    threshold: 0,
    status: empty.length > 0 ? 'Warning' : 'OK',
    detail: empty.length > 0 ? `no job is slotted in grade(s) ${gradeList(empty)}` : 'every grade holds at least one job',
    subject: summary,
  });
  for (const g of empty) rows.push({ check: CHECKS.emptyGrade, scope: `Grade ${g.grade}`, value: 0, valueFormat: 'integer', threshold: 1, status: 'Warning', detail: 'no job is slotted in this grade', subject: { kind: 'grade', grade: g.grade } });
  rows.push({
    check: CHECKS.gradeWithoutEmployees,
    scope: `${grades.length} grades`,
    value: withoutEmployees.length,
    valueFormat: 'integer',
    threshold: 0,
    status: withoutEmployees.length > 0 ? 'Warning' : 'OK',
    detail: withoutEmployees.length > 0 ? `no employee is placed in grade(s) ${gradeList(withoutEmployees)}` : 'every grade has employees',
    subject: summary,
  });
  for (const g of withoutEmployees) {
    rows.push({ check: CHECKS.gradeWithoutEmployees, scope: `Grade ${g.grade}`, value: 0, valueFormat: 'integer', threshold: 1, status: 'Warning', detail: 'no employee is placed in this grade', subject: { kind: 'grade', grade: g.grade } });
  }
  rows.push({
    check: CHECKS.gradeWithoutBenchmark,
    scope: `${grades.length} grades`,
    value: withoutBenchmark.length,
    valueFormat: 'integer',
    threshold: 0,
    status: withoutBenchmark.length > 0 ? 'Warning' : 'OK',
    detail: withoutBenchmark.length > 0 ? `grade(s) ${gradeList(withoutBenchmark)} hold jobs but no benchmark` : 'every grade with jobs holds a benchmark',
    subject: summary,
  });
  for (const g of withoutBenchmark) {
    rows.push({
      check: CHECKS.gradeWithoutBenchmark,
      scope: `Grade ${g.grade}`,
      value: 0,
      valueFormat: 'integer',
      threshold: 1,
      status: 'Warning',
      detail: `${jobsIn.get(g.grade)} job(s), none a benchmark`,
      subject: { kind: 'grade', grade: g.grade },
    });
  }

  // Grade-average pay inversions: the next grade with employees pays less on average.
  const staffed = placement.byGrade.filter((t) => t.headcount > 0 && t.meanSalary);
  const inversions: CheckRow[] = [];
  for (let i = 0; i + 1 < staffed.length; i++) {
    const here = staffed[i];
    const next = staffed[i + 1];
    const ratio = next.meanSalary! / here.meanSalary! - 1;
    if (ratio > 0) continue;
    inversions.push({
      check: CHECKS.gradePayInversion,
      scope: `Grade ${here.key} → ${next.key}`,
      value: ratio,
      valueFormat: 'percent',
      threshold: 0,
      status: 'Warning',
      detail: `mean base salary ${amount(here.meanSalary!)} in grade ${here.key} (${here.headcount}) vs ${amount(next.meanSalary!)} in grade ${next.key} (${next.headcount})`,
      subject: { kind: 'gradePair', grade: here.key as number, next: next.key as number },
    });
  }
  rows.push({
    check: CHECKS.gradePayInversion,
    scope: `${staffed.length} grades with employees`,
    value: inversions.length,
    valueFormat: 'integer',
    threshold: 0,
    status: inversions.length > 0 ? 'Warning' : 'OK',
    detail: inversions.length > 0 ? `${inversions.length} step(s) where a higher grade pays less on average` : 'mean base salary rises with grade',
    subject: summary,
  });
  rows.push(...inversions);

  // Pay compression against managers.
  const c = payCompression(placement.employees.map((p) => p.employee), o.compressionMargin, placement.employees.map((p) => p.salary), input.managers);
  const pairRow = (pair: CompressedPair, check: CheckName): CheckRow => ({
    check,
    scope: pair.employee.id,
    value: pair.ratio,
    valueFormat: 'percent',
    threshold: check === CHECKS.atOrAboveManager ? 1 : 1 - o.compressionMargin,
    status: check === CHECKS.atOrAboveManager ? 'Fail' : 'Warning',
    detail: `base salary ${money(pair.employee.baseSalary)} vs manager ${pair.manager.id} ${money(pair.manager.baseSalary)}`,
    subject: { kind: 'employee', employeeId: pair.employee.id, managerId: pair.manager.id, index: pair.index },
  });
  const scope = `${c.withManager} employees with a manager`;
  rows.push({
    check: CHECKS.atOrAboveManager,
    scope,
    value: c.atOrAbove.length,
    valueFormat: 'integer',
    threshold: 0,
    status: c.atOrAbove.length > 0 ? 'Fail' : 'OK',
    detail: c.atOrAbove.length > 0 ? `${c.atOrAbove.length} employee(s) paid at or above their manager${listedNote(c.atOrAbove.length, o.maxListed)}` : 'no one is paid at or above their manager',
    subject: summary,
  });
  for (const pair of c.atOrAbove.slice(0, o.maxListed)) rows.push(pairRow(pair, CHECKS.atOrAboveManager));
  rows.push({
    check: CHECKS.withinMargin,
    scope,
    value: c.withinMargin.length,
    valueFormat: 'integer',
    threshold: 0,
    status: c.withinMargin.length > 0 ? 'Warning' : 'OK',
    detail:
      c.withinMargin.length > 0
        ? `${c.withinMargin.length} employee(s) paid within ${pct(o.compressionMargin)} below their manager${listedNote(c.withinMargin.length, o.maxListed)}`
        : `no one is paid within ${pct(o.compressionMargin)} below their manager`,
    subject: summary,
  });
  for (const pair of c.withinMargin.slice(0, o.maxListed)) rows.push(pairRow(pair, CHECKS.withinMargin));
  if (c.managerNotFound.length > 0) {
    rows.push({
      check: CHECKS.managerNotFound,
      scope: `${c.managerNotFound.length} employees`,
      value: c.managerNotFound.length,
      valueFormat: 'integer',
      threshold: 0,
      status: 'Warning',
      detail: `Manager ID not found among the Employee IDs (or the employee's own): ${c.managerNotFound.slice(0, o.maxListed).map((e) => `${e.id} → ${e.managerId}`).join(', ')}${c.managerNotFound.length > o.maxListed ? ', …' : ''}`,
      subject: summary,
    });
  }

  // Red and green circles by grade.
  for (const t of placement.byGrade) {
    if (t.headcount === 0) continue;
    const share = t.red / t.headcount;
    rows.push({
      check: CHECKS.redCircles,
      scope: `Grade ${t.key}`,
      value: share,
      valueFormat: 'percent',
      threshold: o.circleThreshold,
      status: share > o.circleThreshold ? 'Warning' : 'OK',
      detail: `${t.red} of ${t.headcount} above the maximum${t.red > 0 ? `; excess over the maximum ${money(t.excessOverMaximum)} a year` : ''}`,
      subject: { kind: 'grade', grade: t.key as number },
    });
  }
  for (const t of placement.byGrade) {
    if (t.headcount === 0) continue;
    const share = t.green / t.headcount;
    rows.push({
      check: CHECKS.greenCircles,
      scope: `Grade ${t.key}`,
      value: share,
      valueFormat: 'percent',
      threshold: o.circleThreshold,
      status: share > o.circleThreshold ? 'Warning' : 'OK',
      detail: `${t.green} of ${t.headcount} below the minimum${t.green > 0 ? `; cost to bring them to the minimum ${money(t.costToMinimum)} a year` : ''}`,
      subject: { kind: 'grade', grade: t.key as number },
    });
  }

  return {
    rows,
    options: o,
    progressionTarget: target,
    progressionTargetSource: o.progressionTarget === undefined ? 'even' : 'given',
    rankCorrelation: rho,
    rankedJobs: priced.length,
    inversionCount,
    compression: { atOrAbove: c.atOrAbove, withinMargin: c.withinMargin, withManager: c.withManager, managerNotFound: c.managerNotFound.length },
  };
}

/** (mid_N / mid_1)^(1/(N − 1)) − 1: the constant progression that spans the same midpoints. */
export function evenProgression(grades: readonly GradeRange[]): number | undefined {
  if (grades.length < 2) return undefined;
  const first = grades[0].midpoint.toNumber();
  const last = grades[grades.length - 1].midpoint.toNumber();
  if (!(first > 0 && last > 0)) return undefined;
  return Math.pow(last / first, 1 / (grades.length - 1)) - 1;
}

const num = (d: Decimal | undefined): number | undefined => (d === undefined ? undefined : d.toNumber());
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const money = (d: Decimal | undefined): string => (d === undefined ? '—' : d.toDecimalPlaces(0).toNumber().toLocaleString('en-US'));
const amount = (x: number): string => Math.round(x).toLocaleString('en-US');
const listedNote = (count: number, limit: number): string => (count > limit ? `; the first ${limit} are listed` : '');
