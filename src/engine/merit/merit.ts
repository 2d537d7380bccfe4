import type { PayStructure } from '../payStructure';
import type { Problem } from '../problem';
import type { AppraisalRow, Employee } from '../types';
import { rateFromSums, ratingMap, sumAppraisals, type AppraisalScore, type EmployeeRating } from './appraisal';
import { allocateBonus, defaultBonusMultipliers, defaultBonusTargets, type BonusPlan } from './bonus';
import { budgetsBy, budgetScenarios, type BudgetLine, type BudgetScenario } from './budget';
import { meritBudgetAmount, solveFactors } from './calibrate';
import { upperKey } from './keys';
import { calibrateManagers, ratingDistribution, type DistributionRow, type ManagerRow } from './calibrationViews';
import type { MeritCase } from './employeeMerit';
import { defaultGuidelines, validateGuidelines, type MeritGuidelines } from './guidelines';
import { ExactSum } from '../exactSum';
import { calibratePlan, meritCases, meritPolicy, type CalibratedPlan, type GradeBounds, type MeritPerson } from './meritPlan';
import { validateMeritSettings, type MeritAssumptions, type MeritOptions } from './options';
import { meritZones, type Zones } from './zones';

/** Everything the merit step reads. Only employees, assumptions, grades and options are required. */
export interface MeritInputs {
  employees: readonly Employee[];
  appraisal?: readonly AppraisalRow[];
  assumptions: MeritAssumptions;
  grades: readonly GradeBounds[];
  /** Job code → grade, from the structure's job slotting. */
  gradeOfJob: ReadonlyMap<string, number>;
  /** No two employees share an ID, ignoring case (as the parser ensures): the IDs need not be indexed to find out. */
  uniqueIds?: boolean;
  /** Each employee's manager as an index into `employees` (-1: none or not an employee), as the parser resolved them. */
  managers?: ArrayLike<number>;
  /** Employee ID → grade, in person-based pay systems (Skill, Ability); takes precedence over the job's grade. */
  gradeOfEmployee?: ReadonlyMap<string, number>;
  /** From the `Merit Guidelines` sheet; the default matrix when absent. */
  guidelines?: MeritGuidelines;
  /** Employee ID → Merit Override % (a fraction). */
  overrides?: ReadonlyMap<string, number>;
  /** Employee ID → the Merit Eligible column (false excludes). */
  eligibility?: ReadonlyMap<string, boolean>;
  /** Grade → target bonus % (from `Bonus Targets`); defaults per defaultBonusTargets. */
  bonusTargets?: ReadonlyMap<number, number>;
  /** Rating → bonus multiplier; defaults per defaultBonusMultipliers. */
  bonusMultipliers?: ReadonlyMap<number, number>;
  options: MeritOptions;
}

export interface MeritResult {
  zones: Zones;
  guidelines: MeritGuidelines;
  scores: Map<string, AppraisalScore>;
  ratings: Map<string, EmployeeRating>;
  unrated: Employee[];
  people: MeritPerson[];
  cases: MeritCase[];
  plan: CalibratedPlan;
  distribution: DistributionRow[];
  managers: { rows: ManagerRow[]; mean?: number; sd?: number };
  bonus?: BonusPlan;
  bonusTargets: Map<number, number>;
  bonusMultipliers: Map<number, number>;
  byDepartment: BudgetLine<string | undefined>[];
  byGrade: BudgetLine<number | undefined>[];
  scenarios: BudgetScenario[];
  problems: Problem[];
}

/** Job code → grade from a built structure. */
export function gradeOfJob(structure: Pick<PayStructure, 'slotting'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of structure.slotting) if (s.grade !== undefined) out.set(s.job.code, s.grade);
  return out;
}

const upper = <V>(m: ReadonlyMap<string, V> | undefined): Map<string, V> => new Map([...(m ?? new Map<string, V>())].map(([k, v]) => [upperKey(k), v]));

/** Appraisal → ratings → calibration views → calibrated merit plan → bonus → budget and scenarios. Never throws on bad data. */
export function buildMerit(input: MeritInputs): MeritResult {
  const { assumptions: a, options: o } = input;
  const problems: Problem[] = [...validateMeritSettings(a, o)];
  const zones = meritZones(o.zoneBasis, a.compaZones);
  const guidelines = input.guidelines ?? defaultGuidelines(a.ratingScale, zones.count);
  problems.push(...validateGuidelines(guidelines, a.ratingScale, zones.count));

  // Scores and ratings in arrays aligned with the employees; their maps are made if asked for.
  const scored = sumAppraisals(input.employees, input.appraisal ?? [], o.scoreScale, input.uniqueIds);
  problems.push(...scored.problems);
  const rated = rateFromSums(input.employees, scored.sums, a);
  problems.push(...rated.problems);

  const overrides = upper(input.overrides);
  const eligibility = upper(input.eligibility);
  const people: MeritPerson[] = new Array(input.employees.length);
  for (let i = 0; i < people.length; i++) {
    const employee = input.employees[i];
    const rating = rated.rating[i];
    const value = rated.value[i];
    const id = overrides.size > 0 || eligibility.size > 0 ? upperKey(employee.id) : '';
    people[i] = {
      employee,
      grade: input.gradeOfEmployee ? input.gradeOfEmployee.get(employee.id) : input.gradeOfJob.get(employee.jobCode),
      rating: rated.source[i] === 'None' ? undefined : rating,
      score: Number.isNaN(value) ? undefined : value,
      override: overrides.size > 0 ? overrides.get(id) : undefined,
      eligible: eligibility.size > 0 ? eligibility.get(id) : undefined,
    };
  }
  // The eligible payroll is summed as the cases are made.
  const payroll = new ExactSum();
  const { cases, problems: caseProblems } = meritCases(people, input.grades, guidelines, zones, a, o, payroll);
  problems.push(...caseProblems);
  // The plan's budget and the scenarios' are solved in one sweep of the cost curve.
  const policy = meritPolicy(a, o);
  const eligiblePayroll = payroll.total();
  const mainPercent = o.meritBudgetAmount ? undefined : a.meritBudget;
  const fresh = [...new Set(o.budgetScenarios.filter((pct) => pct !== mainPercent))];
  const budgets = [meritBudgetAmount(eligiblePayroll, a.meritBudget, o.meritBudgetAmount), ...fresh.map((pct) => meritBudgetAmount(eligiblePayroll, pct))];
  const solutions = solveFactors(cases, budgets, policy);
  const plan = calibratePlan(cases, guidelines, a, o, a.meritBudget, o.meritBudgetAmount, { solution: solutions[0], eligiblePayroll });
  problems.push(...plan.problems);

  const ratings = people.map((p) => p.rating);
  const distribution = ratingDistribution(ratings, a.ratingScale, o.targetDistribution);
  // Each manager's name: from the parser's manager indices when given, else by ID.
  const managerOf = input.managers && input.managers.length === input.employees.length ? input.managers : undefined;
  const managers = calibrateManagers(ratings, input.employees, { minReports: o.outlierMinReports, z: o.outlierZ }, managerOf ?? ((k) => scored.sums.indexOfKey(k)));

  const bonusTargets = new Map(input.bonusTargets ?? defaultBonusTargets(Math.max(0, ...input.grades.map((g) => g.grade))));
  const bonusMultipliers = new Map(input.bonusMultipliers ?? defaultBonusMultipliers(a.ratingScale));
  let bonus: BonusPlan | undefined;
  if (a.bonusPool) {
    bonus = allocateBonus(cases, bonusTargets, bonusMultipliers, a.bonusPool, o.bonusRounding);
    problems.push(...bonus.problems);
  }
  // Departments group as the sheet's SUMIFS match them: ignoring case, under the first spelling met.
  const spelling = new Map<string, string>();
  const department: (string | undefined)[] = new Array(people.length);
  for (let i = 0; i < people.length; i++) {
    const d = people[i].employee.department;
    if (!d) continue;
    const k = upperKey(d);
    let first = spelling.get(k);
    if (first === undefined) spelling.set(k, (first = d));
    department[i] = first;
  }
  const [byDepartment, byGrade] = budgetsBy<string | number>(plan.rows, [(_, i) => department[i], (r) => r.case.grade], bonus) as [BudgetLine<string | undefined>[], BudgetLine<number | undefined>[]];
  const scenarios = budgetScenarios(cases, guidelines, a, o, plan, new Map(fresh.map((pct, i) => [pct, solutions[i + 1]])));
  let scores: Map<string, AppraisalScore> | undefined;
  let ratingsById: Map<string, EmployeeRating> | undefined;
  return {
    zones,
    guidelines,
    // The maps by ID are made when first read (nothing downstream needs them; the arrays hold the same).
    get scores() {
      return (scores ??= scored.sums.scoreMap());
    },
    get ratings() {
      return (ratingsById ??= ratingMap(input.employees, rated));
    },
    unrated: rated.unrated,
    people,
    cases,
    plan,
    distribution,
    managers,
    bonus,
    bonusTargets,
    bonusMultipliers,
    byDepartment,
    byGrade,
    scenarios,
    problems,
  };
}
