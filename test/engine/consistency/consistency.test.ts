/**
 * Every consistency check has a case that makes it fire and one that keeps it quiet.
 *
 * The base structure is the classic six-benchmark example (test/engine/fixtures.ts: points 200–1,200,
 * market 40,000–170,000, linear pay line), three equal bands, range spread 150%, rounding 100:
 *   grade 1: 37,100 / 64,900 / 92,700; grade 2: 62,000 / 108,500 / 155,000; grade 3: 86,900 / 152,000 / 217,100;
 *   progression 67.2% and 40.1% (even progression (152,000/64,900)^½ − 1 = 53.0%); overlap 33.0% and 52.3%.
 * With spread 50% the ranges are 51,900 / 64,900 / 77,900, 86,800 / 108,500 / 130,200, … : a gap
 * between grades 1 and 2 (overlap −20.5%), and J6 (40,000) below grade 1's minimum.
 */
import { checkConsistency, CHECKS, type CheckName, type CheckRow, type ConsistencyOptions } from '../../../src/engine/consistency/consistency';
import { averageRanks, countInversions, spearman } from '../../../src/engine/consistency/rankOrder';
import { money } from '../../../src/engine/money';
import { buildPayStructure, type PayStructure } from '../../../src/engine/payStructure';
import { placeEmployees } from '../../../src/engine/placement';
import type { Assumptions, Employee, Job } from '../../../src/engine/types';
import { assumptions, job, marketRow, SIX_BENCHMARKS } from '../fixtures';

const QUIET: Partial<ConsistencyOptions> = { progressionTolerance: 0.2, maxOverlap: 0.6, minOverlap: 0, minRankCorrelation: 0.9, compressionMargin: 0.05, circleThreshold: 0.05 };

interface Scenario {
  spread?: number;
  grades?: number;
  market?: Record<string, number>;
  notBenchmark?: string[];
  employees?: Employee[];
}

/** A manager chain in every grade, everyone inside their range: the quiet workforce. */
const QUIET_STAFF: [id: string, job: string, salary: number, manager?: string][] = [
  ['E1', 'J1', 180000],
  ['E2', 'J2', 150000, 'E1'],
  ['E3', 'J3', 105000, 'E2'],
  ['E4', 'J4', 80000, 'E3'],
  ['E5', 'J5', 60000, 'E4'],
  ['E6', 'J6', 45000, 'E5'],
];

const employee = (id: string, jobCode: string, salary: number, managerId?: string): Employee => ({ id, jobCode, baseSalary: money(salary), fte: 1, managerId });
const quietStaff = () => QUIET_STAFF.map(([id, j, s, m]) => employee(id, j, s, m));

function run(s: Scenario = {}, options: Partial<ConsistencyOptions> = QUIET) {
  const jobs: Job[] = SIX_BENCHMARKS.map(([p], i) => job(`J${i + 1}`, p, !(s.notBenchmark ?? []).includes(`J${i + 1}`)));
  const market = SIX_BENCHMARKS.map(([, rate], i) => marketRow(`J${i + 1}`, { 50: s.market?.[`J${i + 1}`] ?? rate }));
  const spread = s.spread ?? 1.5;
  const a: Assumptions = assumptions({ grades: s.grades ?? 3, rangeSpread: { low: spread, high: spread } });
  const structure = buildPayStructure({ jobs, market, assumptions: a });
  expect(structure.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const placement = placeEmployees({ employees: s.employees ?? quietStaff(), jobs, structure, assumptions: a });
  return { structure, result: checkConsistency({ jobs, structure, placement }, options) };
}

const rowsOf = (rows: CheckRow[], check: CheckName) => rows.filter((r) => r.check === check);
const statuses = (rows: CheckRow[], check: CheckName) => rowsOf(rows, check).map((r) => [r.scope, r.status]);

describe('the quiet structure', () => {
  const { result } = run();
  it('passes every check', () => {
    const loud = result.rows.filter((r) => r.status !== 'OK');
    expect(loud).toEqual([]);
    const checks = new Set(result.rows.map((r) => r.check));
    for (const c of [
      CHECKS.progression,
      CHECKS.monotonicity,
      CHECKS.overlap,
      CHECKS.rankCorrelation,
      CHECKS.inversions,
      CHECKS.benchmarkOutside,
      CHECKS.emptyGrade,
      CHECKS.gradeWithoutEmployees,
      CHECKS.gradeWithoutBenchmark,
      CHECKS.gradePayInversion,
      CHECKS.atOrAboveManager,
      CHECKS.withinMargin,
      CHECKS.redCircles,
      CHECKS.greenCircles,
    ]) {
      expect(checks.has(c)).toBe(true);
    }
    expect(result.rankCorrelation).toBe(1);
    expect(result.progressionTarget).toBeCloseTo(Math.sqrt(152000 / 64900) - 1, 12);
  });
});

describe('midpoint progression', () => {
  it('warns where the progression strays from the target', () => {
    const { result } = run({}, { ...QUIET, progressionTarget: 0.5, progressionTolerance: 0.05 });
    const rows = rowsOf(result.rows, CHECKS.progression);
    expect(rows.map((r) => [r.scope, r.status, r.threshold])).toEqual([
      ['Grade 1 → 2', 'Warning', '50.0% ± 5.0%'],
      ['Grade 2 → 3', 'Warning', '50.0% ± 5.0%'],
    ]);
    expect(rows[0].value).toBeCloseTo(108500 / 64900 - 1, 12);
    expect(rows[0].subject).toEqual({ kind: 'gradePair', grade: 1, next: 2 });
  });
  it('fails, with monotonicity, where a midpoint does not rise', () => {
    const { structure } = run();
    // The second grade's midpoint pushed below the first.
    const grades = structure.grades.map((g) => ({ ...g }));
    grades[0].progression = money(-0.1);
    const broken: PayStructure = { ...structure, grades };
    const placement = placeEmployees({ employees: quietStaff(), jobs: SIX_BENCHMARKS.map(([p], i) => job(`J${i + 1}`, p)), structure: broken, assumptions: assumptions({ grades: 3 }) });
    const result = checkConsistency({ jobs: [], structure: broken, placement }, QUIET);
    expect(statuses(result.rows, CHECKS.progression)[0]).toEqual(['Grade 1 → 2', 'Fail']);
    expect(rowsOf(result.rows, CHECKS.monotonicity)[0]).toEqual(expect.objectContaining({ value: 1, status: 'Fail' }));
  });
});

describe('range overlap', () => {
  it('warns when too high', () => {
    expect(statuses(run({}, { ...QUIET, maxOverlap: 0.5 }).result.rows, CHECKS.overlap)).toEqual([
      ['Grade 1 → 2', 'OK'],
      ['Grade 2 → 3', 'Warning'],
    ]);
  });
  it('warns on a gap (negative overlap)', () => {
    const rows = rowsOf(run({ spread: 0.5 }).result.rows, CHECKS.overlap);
    expect(rows[0].status).toBe('Warning');
    expect(rows[0].value).toBeCloseTo((77900 - 86800) / (130200 - 86800), 12);
    expect(rows[0].detail).toContain('a gap between the ranges');
  });
});

describe('points order against pay order', () => {
  it('lists the inverted pairs and lowers the rank correlation', () => {
    // J5 (300 points) priced above J4 (500 points) and J3 (750 points).
    const { result } = run({ market: { J5: 101000 } }, { ...QUIET, minRankCorrelation: 0.95 });
    expect(result.inversionCount).toBe(2);
    expect(rowsOf(result.rows, CHECKS.inversions)[0]).toEqual(expect.objectContaining({ value: 2, status: 'Warning' }));
    expect(rowsOf(result.rows, CHECKS.invertedPair).map((r) => r.scope)).toEqual(['J5 / J4', 'J5 / J3']);
    // Ranks of rates: J6 1, J4 2, J3 3, J5 4, J2 5, J1 6 against points ranks 1…6: ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·6/210.
    expect(result.rankCorrelation).toBeCloseTo(1 - 36 / 210, 12);
    expect(rowsOf(result.rows, CHECKS.rankCorrelation)[0].status).toBe('Warning');
  });
});

describe('benchmarks outside their range', () => {
  it('fires for a benchmark priced below its minimum', () => {
    const rows = rowsOf(run({ spread: 0.5 }).result.rows, CHECKS.benchmarkOutside);
    expect(rows.map((r) => [r.scope, r.status])).toEqual([
      ['6 slotted benchmarks', 'Warning'],
      ['J4', 'Warning'],
      ['J6', 'Warning'],
    ]);
    expect(rows[2].detail).toBe('market rate 40,000 is below the minimum of grade 1');
  });
});

describe('empty grades, grades without employees or a benchmark', () => {
  it('an empty grade', () => {
    // Ten bands of 100 points: jobs at 200, 300, 500, 750, 900 and 1,200 leave grades 3, 5, 7 and 9 empty.
    const rows = rowsOf(run({ grades: 10, employees: [] }, { ...QUIET, progressionTolerance: 10, maxOverlap: 10, minOverlap: -10 }).result.rows, CHECKS.emptyGrade);
    expect(rows[0].status).toBe('Warning');
    expect(rows.slice(1).map((r) => r.scope)).toEqual(['Grade 3', 'Grade 5', 'Grade 7', 'Grade 9']);
    expect(rows[0].value).toBe(4);
  });
  it('a grade without employees', () => {
    const rows = rowsOf(run({ employees: quietStaff().filter((e) => e.jobCode !== 'J3') }).result.rows, CHECKS.gradeWithoutEmployees);
    expect(rows.map((r) => [r.scope, r.status])).toEqual([
      ['3 grades', 'Warning'],
      ['Grade 2', 'Warning'],
    ]);
  });
  it('a grade without a benchmark', () => {
    const rows = rowsOf(run({ notBenchmark: ['J3'] }).result.rows, CHECKS.gradeWithoutBenchmark);
    expect(rows.map((r) => [r.scope, r.status])).toEqual([
      ['3 grades', 'Warning'],
      ['Grade 2', 'Warning'],
    ]);
  });
});

describe('grade-average pay inversion', () => {
  it('fires when a higher grade pays less on average', () => {
    const staff = quietStaff().map((e) => (e.jobCode === 'J3' ? { ...e, baseSalary: money(61000) } : e)); // grade 1 mean 61,667
    const rows = rowsOf(run({ employees: staff }).result.rows, CHECKS.gradePayInversion);
    expect(rows.map((r) => [r.scope, r.status])).toEqual([
      ['3 grades with employees', 'Warning'],
      ['Grade 1 → 2', 'Warning'],
    ]);
    expect(rows[1].value).toBeCloseTo(61000 / (185000 / 3) - 1, 12);
  });
});

describe('pay compression against managers', () => {
  it('fails for someone paid at or above their manager, warns within the margin, and names missing managers', () => {
    const staff = quietStaff();
    staff[4] = { ...staff[4], baseSalary: money(77000) }; // E5 at 96.25% of E4
    staff[5] = { ...staff[5], baseSalary: money(77000) }; // E6 = E5
    staff.push(employee('E7', 'J6', 45000, 'NOBODY'));
    const { result } = run({ employees: staff });
    expect(statuses(result.rows, CHECKS.atOrAboveManager)).toEqual([
      ['5 employees with a manager', 'Fail'],
      ['E6', 'Fail'],
    ]);
    expect(statuses(result.rows, CHECKS.withinMargin)).toEqual([
      ['5 employees with a manager', 'Warning'],
      ['E5', 'Warning'],
    ]);
    expect(rowsOf(result.rows, CHECKS.withinMargin)[1].value).toBeCloseTo(77000 / 80000, 15);
    expect(rowsOf(result.rows, CHECKS.managerNotFound)[0]).toEqual(expect.objectContaining({ status: 'Warning', detail: expect.stringContaining('E7 → NOBODY') }));
  });
  it('managers given by index (as the parser resolves them) give the same result as looking the IDs up', () => {
    const staff = quietStaff();
    staff[4] = { ...staff[4], baseSalary: money(77000), managerId: ' e4 ' }; // E5 at 96.25% of E4, its ID in other case and spacing
    staff[5] = { ...staff[5], baseSalary: money(77000) };
    staff.push(employee('E7', 'J6', 45000, 'NOBODY'), employee('E8', 'J6', 45000, 'e8'), employee('E9', 'J6', 45000, '  '));
    const jobs: Job[] = SIX_BENCHMARKS.map(([p], i) => job(`J${i + 1}`, p, true));
    const market = SIX_BENCHMARKS.map(([, rate], i) => marketRow(`J${i + 1}`, { 50: rate }));
    const a: Assumptions = assumptions({ grades: 3, rangeSpread: { low: 1.5, high: 1.5 } });
    const structure = buildPayStructure({ jobs, market, assumptions: a });
    const placement = placeEmployees({ employees: staff, jobs, structure, assumptions: a });
    const byId = new Map(staff.map((e, i) => [e.id.toUpperCase(), i]));
    const managers = Int32Array.from(staff, (e) => byId.get(e.managerId?.trim().toUpperCase() ?? '') ?? -1);
    expect(Array.from(managers)).toEqual([-1, 0, 1, 2, 3, 4, -1, 7, -1]);
    const looked = checkConsistency({ jobs, structure, placement }, QUIET);
    const indexed = checkConsistency({ jobs, structure, placement, managers }, QUIET);
    expect(indexed).toEqual(looked);
    expect(statuses(indexed.rows, CHECKS.withinMargin)).toEqual([
      ['5 employees with a manager', 'Warning'],
      ['E5', 'Warning'],
    ]);
    expect(rowsOf(indexed.rows, CHECKS.managerNotFound)[0]).toEqual(expect.objectContaining({ status: 'Warning', detail: expect.stringContaining('E7 → NOBODY') }));
    expect(rowsOf(indexed.rows, CHECKS.managerNotFound)[0].detail).toContain('E8 → e8');
  });
  it('a margin of zero flags only at or above', () => {
    const staff = quietStaff();
    staff[4] = { ...staff[4], baseSalary: money(79999) };
    expect(rowsOf(run({ employees: staff }, { ...QUIET, compressionMargin: 0 }).result.rows, CHECKS.withinMargin)[0].status).toBe('OK');
  });
});

describe('red and green circles by grade', () => {
  it('warns for a grade whose share above the maximum or below the minimum exceeds the threshold', () => {
    const staff = quietStaff();
    staff[3] = { ...staff[3], baseSalary: money(95000) }; // grade 1 maximum 92,700
    staff[5] = { ...staff[5], baseSalary: money(36000) }; // grade 1 minimum 37,100
    const { result } = run({ employees: staff });
    expect(statuses(result.rows, CHECKS.redCircles)).toEqual([
      ['Grade 1', 'Warning'],
      ['Grade 2', 'OK'],
      ['Grade 3', 'OK'],
    ]);
    expect(rowsOf(result.rows, CHECKS.redCircles)[0].detail).toBe('1 of 3 above the maximum; excess over the maximum 2,300 a year');
    expect(rowsOf(result.rows, CHECKS.greenCircles)[0]).toEqual(expect.objectContaining({ status: 'Warning', value: 1 / 3, detail: '1 of 3 below the minimum; cost to bring them to the minimum 1,100 a year' }));
  });
});

describe('rank order helpers', () => {
  it('average ranks and Spearman with ties, as R cor(method = "spearman")', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    // R: cor(c(1,2,3,4,5), c(2,1,4,3,5), method = "spearman") = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 15);
    // R: cor(c(1,2,2,3), c(1,3,2,4), method = "spearman") = 0.9486832980505138
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(0.9486832980505138, 14);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeUndefined();
  });
  it('counts inversions in O(n log n), ties in either variable not counted', () => {
    expect(countInversions([1, 2, 3, 4], [4, 3, 2, 1])).toBe(6);
    expect(countInversions([1, 1, 2], [5, 3, 4])).toBe(1); // (1, 5) vs (2, 4); the tie at 1 point is no inversion
    expect(countInversions([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});
