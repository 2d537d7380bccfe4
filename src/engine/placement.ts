/**
 * Employee placement: every employee in a grade (by their job's points in a post-based system, by
 * their own skill level or competency score in a skill- or ability-based one), with compa-ratio,
 * range penetration, red and green circles, and the annual cost to bring them to the minimum, the
 * midpoint and their job's market rate; then the same totals by grade and by department.
 *
 * A cost is (target − base salary) × FTE a year, as the merit rules cost an increase. Per employee it
 * is the double the sheet's formula MAX(0, target − salary) × FTE computes; the totals by grade and
 * department are exact (whole cents summed as integers, anything else in decimal), so they are the
 * exact sums of the amounts as entered. Compa-ratio and range penetration are ratios, in double
 * precision as the sheet computes them. One pass over the employees: O(n).
 */
import type Decimal from 'decimal.js';
import { decimalCents } from './exactSum';
import { money, toDouble, ZERO } from './money';
import type { PayStructure } from './payStructure';
import { problem, type Problem } from './problem';
import { gradeOfPoints } from './structure';
import type { Assumptions, Employee, Job } from './types';

export type Circle = '' | 'Red' | 'Green';

export interface PlacedEmployee {
  employee: Employee;
  /** The base salary as a double (the annual full-time rate), for the statistics. */
  salary: number;
  job?: Job;
  /** The value read against the grade bands: job points (Post), skill level (Skill) or competency score (Ability). */
  gradingValue?: number;
  grade?: number;
  minimum?: Decimal;
  midpoint?: Decimal;
  maximum?: Decimal;
  /** The job's blended market rate (Market Analysis), when the job is priced. */
  marketRate?: Decimal;
  /** Base salary / midpoint (double precision). */
  compaRatio?: number;
  /** (Base salary − minimum) / (maximum − minimum) (double precision); undefined for a zero-width range. */
  rangePenetration?: number;
  /** Red: above the maximum; green: below the minimum. */
  circle: Circle;
  /** (minimum − base) × FTE when below the minimum, else 0. */
  costToMinimum: number;
  /** (midpoint − base) × FTE when below the midpoint, else 0. */
  costToMidpoint: number;
  /** (market rate − base) × FTE when below the job's market rate, else 0. */
  costToMarket: number;
  /** (base − maximum) × FTE when above the maximum, else 0: the red-circle excess. */
  excessOverMaximum: number;
}

export interface PlacementTotals {
  /** Grade number, department name, or "All". */
  key: string | number;
  headcount: number;
  /** Σ FTE. */
  fte: number;
  /** Mean base salary (the full-time rate), unweighted; a statistic, in double precision. */
  meanSalary?: number;
  /** Unweighted mean of the compa-ratios of the employees who have one. */
  meanCompaRatio?: number;
  compaRatioCount: number;
  red: number;
  green: number;
  /** Exact totals of the employees' costs. */
  costToMinimum: Decimal;
  costToMidpoint: Decimal;
  costToMarket: Decimal;
  excessOverMaximum: Decimal;
}

export interface Placement {
  employees: PlacedEmployee[];
  /** Every grade of the structure, in order, empty ones included. */
  byGrade: PlacementTotals[];
  /** Departments in alphabetical order; employees without one under "(none)". */
  byDepartment: PlacementTotals[];
  total: PlacementTotals;
  problems: Problem[];
}

export const NO_DEPARTMENT = '(none)';

/**
 * An employee's grade and range as an earlier stage set them: person-based grades and location-adjusted
 * ranges (`compareWithRanges` from structureOptions/employeeRanges returns exactly this shape).
 */
export interface GivenRange {
  employee: Employee;
  /** The grading value (job points, skill level or competency score). */
  value?: number;
  grade?: number;
  minimum?: Decimal;
  midpoint?: Decimal;
  maximum?: Decimal;
}

export interface PlacementInput {
  employees: readonly Employee[];
  jobs: readonly Job[];
  structure: PayStructure;
  assumptions: Pick<Assumptions, 'paySystem'>;
  /**
   * Each employee's grade and range, when an earlier stage has set them (which then also reported
   * who could not be graded). Without them: Post grades by the job's points, Skill and Ability by the
   * employee's own skill level or competency score read on the same bands (the Jobs Points column then
   * holds each job's required level, see evaluation/paySystem), against the national ranges.
   */
  ranges?: readonly GivenRange[];
}

/** Places every employee in the structure, in one pass. Never throws on bad data. */
export function placeEmployees(input: PlacementInput): Placement {
  const { employees, jobs, structure, assumptions: a } = input;
  const problems: Problem[] = [];
  const jobOf = new Map(jobs.map((j) => [j.code.toUpperCase(), j]));
  const personal = a.paySystem !== 'Post';
  const valueOf = (e: Employee, job: Job | undefined): number | undefined =>
    a.paySystem === 'Skill' ? e.skillLevel : a.paySystem === 'Ability' ? e.competencyScore : job?.points;
  const edges = structure.edges;
  // Given ranges usually come one per employee, in order: then ranges[i] is employees[i]'s, without a lookup.
  const ranges = input.ranges;
  const aligned = ranges !== undefined && ranges.length === employees.length && ranges.every((r, i) => r.employee === employees[i]);
  const given = ranges && !aligned ? new Map(ranges.map((r) => [r.employee, r])) : undefined;
  const boundOf = new Map<Decimal, Bound>();
  const cachedBound = (d: Decimal): Bound => boundOf.get(d) ?? boundOf.set(d, bound(d)).get(d)!;
  // Given ranges share their decimals (one set per grade and location): each set's bounds made once, found by its midpoint.
  const rangeOf = new Map<Decimal, { min: Bound; mid: Bound; max: Bound }>();
  const givenRange = (minimum: Decimal, midpoint: Decimal, maximum: Decimal) => {
    const hit = rangeOf.get(midpoint);
    if (hit && hit.min.decimal === minimum && hit.max.decimal === maximum) return hit;
    const made = { min: cachedBound(minimum), mid: cachedBound(midpoint), max: cachedBound(maximum) };
    rangeOf.set(midpoint, made);
    return made;
  };
  const marketOf = new Map([...structure.priced.values()].map((j) => [j.jobCode, bound(j.marketRate)]));
  // Few distinct job codes and departments: each spelling looked up once.
  const jobAndMarket = new Map<string, { job?: Job; market?: Bound }>();
  const jobAndMarketOf = (code: string) => {
    let hit = jobAndMarket.get(code);
    if (!hit) {
      const job = jobOf.get(code.toUpperCase());
      jobAndMarket.set(code, (hit = { job, market: marketOf.get(job?.code ?? code) }));
    }
    return hit;
  };
  const boundsOf = new Map(structure.grades.map((g) => [g.grade, { min: bound(g.minimum), mid: bound(g.midpoint), max: bound(g.maximum) }]));
  const gradeTotals = new Map(structure.grades.map((g) => [g.grade, new Totals()]));
  const departmentTotals = new Map<string, Totals>();
  const departmentOf = new Map<string | undefined, string>();
  const missing: Employee[] = [];
  const outside: Employee[] = [];
  const placed: PlacedEmployee[] = employees.map((employee, i): PlacedEmployee => {
    const { job, market } = jobAndMarketOf(employee.jobCode);
    const pay = toDouble(employee.baseSalary);
    const fte = employee.fte;
    let grade: number | undefined;
    let range: { min: Bound; mid: Bound; max: Bound } | undefined;
    let gradingValue: number | undefined;
    if (ranges) {
      const set = aligned ? ranges[i] : given!.get(employee);
      gradingValue = set?.value;
      if (set?.grade !== undefined && set.minimum && set.midpoint && set.maximum) {
        grade = set.grade;
        range = givenRange(set.minimum, set.midpoint, set.maximum);
      }
    } else {
      gradingValue = valueOf(employee, job);
      const valid = gradingValue !== undefined && Number.isFinite(gradingValue);
      grade = valid && edges.length > 1 ? gradeOfPoints(gradingValue!, edges) : undefined;
      range = grade === undefined ? undefined : boundsOf.get(grade);
      if (!range) grade = undefined;
      if (!valid) {
        if (personal || job) missing.push(employee);
      } else if (!range) outside.push(employee);
    }
    // Comparisons on doubles are exact for amounts of up to 15 significant digits.
    const p = new Placed(employee, pay, job, gradingValue, grade, range, market, !range ? '' : pay > range.max.value ? 'Red' : pay < range.min.value ? 'Green' : '');
    let department = departmentOf.get(employee.department);
    if (department === undefined) departmentOf.set(employee.department, (department = employee.department?.trim() || NO_DEPARTMENT));
    let byDepartment = departmentTotals.get(department);
    if (!byDepartment) departmentTotals.set(department, (byDepartment = new Totals()));
    const byGrade = grade === undefined ? undefined : gradeTotals.get(grade);
    const costed = (range !== undefined && (p.costToMinimum > 0 || p.costToMidpoint > 0 || p.excessOverMaximum > 0)) || (market !== undefined && p.costToMarket > 0);
    const cents = !costed ? undefined : fte === 1 ? exactCents(pay) : decimalCents(employee.baseSalary);
    byDepartment.add(p);
    byGrade?.add(p);
    if (costed) {
      // Each cost goes to the department's and the grade's totals; a term worked out in decimal for one is reused by the other.
      const salary = employee.baseSalary;
      if (range && p.costToMinimum > 0) byGrade?.cost(0, range.min, salary, cents, fte, 1, byDepartment.cost(0, range.min, salary, cents, fte, 1));
      if (range && p.costToMidpoint > 0) byGrade?.cost(1, range.mid, salary, cents, fte, 1, byDepartment.cost(1, range.mid, salary, cents, fte, 1));
      if (market && p.costToMarket > 0) byGrade?.cost(2, market, salary, cents, fte, 1, byDepartment.cost(2, market, salary, cents, fte, 1));
      if (range && p.excessOverMaximum > 0) byGrade?.cost(3, range.max, salary, cents, fte, -1, byDepartment.cost(3, range.max, salary, cents, fte, -1));
    }
    return p;
  });

  const what = a.paySystem === 'Skill' ? 'Skill Level' : a.paySystem === 'Ability' ? 'Competency Score' : 'job points';
  if (missing.length > 0) {
    problems.push(problem('warning', 'ungraded-employee', `${missing.length} employee(s) have no ${what} and are not placed in a grade: ${sample(missing)}`, whereOf(missing[0])));
  }
  if (outside.length > 0) {
    problems.push(problem('warning', 'employee-outside-bands', `${outside.length} employee(s) have a ${what} outside the grade bands and are not placed: ${sample(outside)}`, whereOf(outside[0])));
  }

  const byGrade = structure.grades.map((g) => gradeTotals.get(g.grade)!.build(g.grade));
  const byDepartment = [...departmentTotals.keys()].sort(compareText).map((d) => departmentTotals.get(d)!.build(d));
  // Every employee is in exactly one department group: the total adds those up.
  const total = combine('All', byDepartment);
  return { employees: placed, byGrade, byDepartment, total, problems };
}

/**
 * A placed employee: the range's ends, the ratios and the costs are read off the salary and the range
 * (shared by the employees of a grade) when asked for, with the same arithmetic each time, so a placed
 * employee holds no number of their own beyond the salary and the grading value.
 */
class Placed implements PlacedEmployee {
  constructor(
    readonly employee: Employee,
    readonly salary: number,
    readonly job: Job | undefined,
    readonly gradingValue: number | undefined,
    readonly grade: number | undefined,
    private readonly range: Range | undefined,
    private readonly market: Bound | undefined,
    readonly circle: Circle,
  ) {}
  get minimum(): Decimal | undefined {
    return this.range?.min.decimal;
  }
  get midpoint(): Decimal | undefined {
    return this.range?.mid.decimal;
  }
  get maximum(): Decimal | undefined {
    return this.range?.max.decimal;
  }
  get marketRate(): Decimal | undefined {
    return this.market?.decimal;
  }
  get compaRatio(): number | undefined {
    const r = this.range;
    return r && r.mid.value !== 0 ? this.salary / r.mid.value : undefined;
  }
  get rangePenetration(): number | undefined {
    const r = this.range;
    return r && r.max.value !== r.min.value ? (this.salary - r.min.value) / (r.max.value - r.min.value) : undefined;
  }
  get costToMinimum(): number {
    const r = this.range;
    return r && this.salary < r.min.value ? (r.min.value - this.salary) * this.employee.fte : 0;
  }
  get costToMidpoint(): number {
    const r = this.range;
    return r && this.salary < r.mid.value ? (r.mid.value - this.salary) * this.employee.fte : 0;
  }
  get costToMarket(): number {
    const m = this.market;
    return m && this.salary < m.value ? (m.value - this.salary) * this.employee.fte : 0;
  }
  get excessOverMaximum(): number {
    const r = this.range;
    return r && this.salary > r.max.value ? (this.salary - r.max.value) * this.employee.fte : 0;
  }
}

/** A range's three ends (see Bound). */
interface Range {
  min: Bound;
  mid: Bound;
  max: Bound;
}

/**
 * An amount as the double the sheet holds, its decimal, and its whole cents: `cents` when the double is
 * within 1e-6 cent of whole cents (what a full-time employee's costs are summed on), `exactCents` when
 * the decimal itself is whole cents (what a part-time employee's are).
 */
interface Bound {
  value: number;
  decimal: Decimal;
  cents?: number;
  exactCents?: number;
}

const bound = (decimal: Decimal): Bound => {
  const value = decimal.toNumber();
  return { value, decimal, cents: exactCents(value), exactCents: decimalCents(decimal) };
};

/** x × 100 when x is a whole number of cents (safe integers only), else undefined. */
function exactCents(x: number): number | undefined {
  const c = Math.round(x * 100);
  return Number.isSafeInteger(c) && Math.abs(x * 100 - c) < 1e-6 ? c : undefined;
}

/**
 * A group's running totals; the four costs are exact, as the sum of (target − salary) × FTE over the
 * employees in order in decimal would be. A full-time employee's cost is summed in integer cents when the
 * salary and the target are whole cents (as the doubles tell). A part-time one's, when both decimals are
 * whole cents, is summed as integer cents per distinct FTE, each sum multiplied by its FTE once
 * (Σ fte·cents = Σ_f f·Σ cents with FTE f, exactly), until a cost of the group first needs decimal
 * arithmetic (a target that is not whole cents, or a sum that would leave the safe integers): the sums
 * so far are exact, so they become the decimal running total as it would stand, and from there on every
 * part-time cost is added in decimal, in order, as before.
 */
class Totals {
  headcount = 0;
  fte = 0;
  salaries = 0;
  compaSum = 0;
  compaCount = 0;
  red = 0;
  green = 0;
  private readonly cents = [0, 0, 0, 0];
  /** FTE → the four costs' sums of (target − salary) in cents, for part-time employees. */
  private readonly centsByFte = new Map<number, number[]>();
  /** Whether cost k sums in decimal from now on. */
  private readonly inDecimal = [false, false, false, false];
  private readonly rest: Decimal[] = [ZERO, ZERO, ZERO, ZERO];

  add(p: PlacedEmployee): void {
    this.headcount++;
    this.fte += p.employee.fte;
    this.salaries += p.salary;
    if (p.compaRatio !== undefined) {
      this.compaSum += p.compaRatio;
      this.compaCount++;
    }
    if (p.circle === 'Red') this.red++;
    else if (p.circle === 'Green') this.green++;
  }

  /**
   * Adds (target − salary) × FTE × sign to cost `k`. `salaryCents`: for FTE 1, the salary's cents as its
   * double tells (exactCents); otherwise the decimal's own whole cents (decimalCents). `term`: the same
   * term in decimal when already worked out. Returns the decimal term when it was needed.
   */
  cost(k: number, target: Bound, salary: Decimal, salaryCents: number | undefined, fte: number, sign: 1 | -1, term?: Decimal): Decimal | undefined {
    if (fte === 1) {
      if (salaryCents !== undefined && target.cents !== undefined) {
        this.cents[k] += sign * (target.cents - salaryCents);
        return term;
      }
    } else if (!this.inDecimal[k] && salaryCents !== undefined && target.exactCents !== undefined) {
      let sums = this.centsByFte.get(fte);
      if (!sums) this.centsByFte.set(fte, (sums = [0, 0, 0, 0]));
      const next = sums[k] + sign * (target.exactCents - salaryCents);
      if (Number.isSafeInteger(next)) {
        sums[k] = next;
        return term;
      }
    }
    if (!this.inDecimal[k]) {
      this.inDecimal[k] = true;
      this.rest[k] = this.partTime(k);
    }
    if (!term) {
      // × 1 leaves a decimal of the working precision as it is.
      const d = fte === 1 ? target.decimal.minus(salary) : target.decimal.minus(salary).mul(fte);
      term = sign === 1 ? d : d.neg();
    }
    this.rest[k] = this.rest[k].plus(term);
    return term;
  }

  /** The part-time costs summed in integer cents so far, in decimal (exact). */
  private partTime(k: number): Decimal {
    let t = ZERO;
    for (const [fte, sums] of this.centsByFte) if (sums[k] !== 0) t = t.plus(money(sums[k]).mul(fte).div(100));
    return t;
  }

  build(key: string | number): PlacementTotals {
    const exact = (k: number) => (this.inDecimal[k] ? this.rest[k] : this.partTime(k)).plus(money(this.cents[k]).div(100));
    return {
      key,
      headcount: this.headcount,
      fte: this.fte,
      meanSalary: this.headcount > 0 ? this.salaries / this.headcount : undefined,
      meanCompaRatio: this.compaCount > 0 ? this.compaSum / this.compaCount : undefined,
      compaRatioCount: this.compaCount,
      red: this.red,
      green: this.green,
      costToMinimum: exact(0),
      costToMidpoint: exact(1),
      costToMarket: exact(2),
      excessOverMaximum: exact(3),
    };
  }
}

/** Totals of disjoint groups added up. */
function combine(key: string | number, parts: PlacementTotals[]): PlacementTotals {
  let headcount = 0;
  let fte = 0;
  let salaries = 0;
  let compaSum = 0;
  let compaCount = 0;
  const out: PlacementTotals = { key, headcount: 0, fte: 0, compaRatioCount: 0, red: 0, green: 0, costToMinimum: ZERO, costToMidpoint: ZERO, costToMarket: ZERO, excessOverMaximum: ZERO };
  for (const t of parts) {
    headcount += t.headcount;
    fte += t.fte;
    if (t.meanSalary !== undefined) salaries += t.meanSalary * t.headcount;
    if (t.meanCompaRatio !== undefined) compaSum += t.meanCompaRatio * t.compaRatioCount;
    compaCount += t.compaRatioCount;
    out.red += t.red;
    out.green += t.green;
    out.costToMinimum = out.costToMinimum.plus(t.costToMinimum);
    out.costToMidpoint = out.costToMidpoint.plus(t.costToMidpoint);
    out.costToMarket = out.costToMarket.plus(t.costToMarket);
    out.excessOverMaximum = out.excessOverMaximum.plus(t.excessOverMaximum);
  }
  return {
    ...out,
    headcount,
    fte,
    meanSalary: headcount > 0 ? salaries / headcount : undefined,
    meanCompaRatio: compaCount > 0 ? compaSum / compaCount : undefined,
    compaRatioCount: compaCount,
  };
}

const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

const sample = (list: Employee[]): string => list.slice(0, 5).map((e) => e.id).join(', ') + (list.length > 5 ? ', …' : '');

const whereOf = (e: Employee) => (e.ref ? { sheet: e.ref.sheet, row: e.ref.row } : { sheet: 'Employees' });
