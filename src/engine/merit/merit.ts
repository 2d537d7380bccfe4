import type { PayStructure } from '../payStructure';
import type { Problem } from '../problem';
import type { AppraisalRow, Employee } from '../types';
import { resolveRatings, scoreAppraisals, type AppraisalScore, type EmployeeRating } from './appraisal';
import { allocateBonus, defaultBonusMultipliers, defaultBonusTargets, type BonusPlan } from './bonus';
import { budgetBy, budgetScenarios, type BudgetLine, type BudgetScenario } from './budget';
import { managerCalibration, ratingDistribution, type DistributionRow, type ManagerRow } from './calibrationViews';
import type { MeritCase } from './employeeMerit';
import { defaultGuidelines, validateGuidelines, type MeritGuidelines } from './guidelines';
import { calibratePlan, meritCases, type CalibratedPlan, type GradeBounds, type MeritPerson } from './meritPlan';
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

const upper = <V>(m: ReadonlyMap<string, V> | undefined): Map<string, V> => new Map([...(m ?? new Map<string, V>())].map(([k, v]) => [k.toUpperCase(), v]));

/** Appraisal → ratings → calibration views → calibrated merit plan → bonus → budget and scenarios. Never throws on bad data. */
export function buildMerit(input: MeritInputs): MeritResult {
  const { assumptions: a, options: o } = input;
  const problems: Problem[] = [...validateMeritSettings(a, o)];
  const zones = meritZones(o.zoneBasis, a.compaZones);
  const guidelines = input.guidelines ?? defaultGuidelines(a.ratingScale, zones.count);
  problems.push(...validateGuidelines(guidelines, a.ratingScale, zones.count));

  const scored = scoreAppraisals(input.employees, input.appraisal ?? [], o.scoreScale);
  problems.push(...scored.problems);
  const rated = resolveRatings(input.employees, scored.scores, a);
  problems.push(...rated.problems);

  const overrides = upper(input.overrides);
  const eligibility = upper(input.eligibility);
  const people: MeritPerson[] = input.employees.map((employee) => {
    const r = rated.ratings.get(employee.id);
    return {
      employee,
      grade: input.gradeOfEmployee ? input.gradeOfEmployee.get(employee.id) : input.gradeOfJob.get(employee.jobCode),
      rating: r?.rating,
      score: r?.score,
      override: overrides.get(employee.id.toUpperCase()),
      eligible: eligibility.get(employee.id.toUpperCase()),
    };
  });
  const { cases, problems: caseProblems } = meritCases(people, input.grades, guidelines, zones, a, o);
  problems.push(...caseProblems);
  const plan = calibratePlan(cases, guidelines, a, o);
  problems.push(...plan.problems);

  const distribution = ratingDistribution(people.map((p) => p.rating), a.ratingScale, o.targetDistribution);
  const managers = managerCalibration(
    people.map((p) => ({ id: p.employee.id, name: p.employee.name, managerId: p.employee.managerId, rating: p.rating })),
    { minReports: o.outlierMinReports, z: o.outlierZ },
  );

  const bonusTargets = new Map(input.bonusTargets ?? defaultBonusTargets(Math.max(0, ...input.grades.map((g) => g.grade))));
  const bonusMultipliers = new Map(input.bonusMultipliers ?? defaultBonusMultipliers(a.ratingScale));
  let bonus: BonusPlan | undefined;
  if (a.bonusPool) {
    bonus = allocateBonus(
      cases.map((c) => ({ id: c.id, base: c.base, fte: c.fte, grade: c.grade, rating: c.rating, proration: c.proration })),
      bonusTargets,
      bonusMultipliers,
      a.bonusPool,
      o.bonusRounding,
    );
    problems.push(...bonus.problems);
  }
  // Departments group as the sheet's SUMIFS match them: ignoring case, under the first spelling met.
  const spelling = new Map<string, string>();
  for (const p of people) if (p.employee.department && !spelling.has(p.employee.department.toUpperCase())) spelling.set(p.employee.department.toUpperCase(), p.employee.department);
  const byDepartment = budgetBy(plan.rows, (_, i) => (people[i].employee.department ? spelling.get(people[i].employee.department!.toUpperCase()) : undefined), bonus);
  const byGrade = budgetBy(plan.rows, (r) => r.case.grade, bonus);
  const scenarios = budgetScenarios(cases, guidelines, a, o, plan);
  return {
    zones,
    guidelines,
    scores: scored.scores,
    ratings: rated.ratings,
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
