import { problem, type Problem, type Where } from '../problem';
import { gradeOfPoints } from '../structure';
import type { Employee, PaySystem } from '../types';

/**
 * The three pay systems (PRODUCT.md): Post grades the job by its evaluation points; Skill and Ability
 * read the Jobs Points column as each job's required skill level or competency score (so the pay
 * line is fitted on those) and grade each person by their own certified skill level or assessed
 * competency score (person-based slotting).
 */
export type GradeBasis = 'Job' | 'Skill Level' | 'Competency Score';

export const gradeBasis = (system: PaySystem): GradeBasis => (system === 'Skill' ? 'Skill Level' : system === 'Ability' ? 'Competency Score' : 'Job');

/** What the Jobs Points column means under each system, for headings and messages. */
export const jobPointsMeaning = (system: PaySystem): string =>
  system === 'Skill' ? 'required skill level' : system === 'Ability' ? 'required competency score' : 'job evaluation points';

/** The employee's own grading value under a person-based system; undefined under Post or when missing. */
export function personValue(e: Employee, system: PaySystem): number | undefined {
  const v = system === 'Skill' ? e.skillLevel : system === 'Ability' ? e.competencyScore : undefined;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

export interface GradedEmployee {
  employee: Employee;
  basis: GradeBasis;
  /** The value the grade was read from: the job's points (Post) or the person's own level or score. */
  value?: number;
  grade?: number;
  /** Why there is no grade. */
  reason?: 'missing-value' | 'outside-bands' | 'job-not-graded';
}

export interface GradeEmployeesInput {
  employees: Employee[];
  system: PaySystem;
  /** Band edges of the structure (N + 1 ascending values; given bands: the N minimums and the top maximum). */
  edges: number[];
  /** Post: each job's grade (from slotting) and points, by job code as on the Jobs sheet. */
  jobs: Map<string, { grade?: number; points: number }>;
  /** The cell of an employee's skill level or competency score, for messages; default: the employee's row. */
  valueAt?: (e: Employee, field: 'skillLevel' | 'competencyScore') => Where | undefined;
}

/** Every employee's grade under the pay system in force, with a problem for each one who cannot be graded. */
export function gradeEmployees(input: GradeEmployeesInput): { graded: GradedEmployee[]; problems: Problem[] } {
  const { employees, system, edges, jobs } = input;
  const basis = gradeBasis(system);
  const problems: Problem[] = [];
  if (basis === 'Job') {
    const graded = employees.map((employee): GradedEmployee => {
      const job = jobs.get(employee.jobCode);
      if (!job) return { employee, basis, reason: 'job-not-graded' };
      return job.grade === undefined ? { employee, basis, value: job.points, reason: 'job-not-graded' } : { employee, basis, value: job.points, grade: job.grade };
    });
    return { graded, problems };
  }
  const field = system === 'Skill' ? 'skillLevel' : 'competencyScore';
  const label = basis;
  const rowOf = (e: Employee): Where | undefined => input.valueAt?.(e, field) ?? (e.ref ? { sheet: e.ref.sheet, row: e.ref.row } : undefined);
  const anyValue = employees.some((e) => personValue(e, system) !== undefined);
  if (!anyValue && employees.length > 0) {
    const sheet = employees[0].ref?.sheet ?? 'Employees';
    problems.push(problem('error', `missing-${field === 'skillLevel' ? 'skill-level' : 'competency-score'}`, `Pay System is ${system}: employees are graded by their ${label}, but no employee has one (add a "${label}" column)`, { sheet }));
    return { graded: employees.map((employee) => ({ employee, basis, reason: 'missing-value' })), problems };
  }
  const lowest = edges[0];
  const highest = edges[edges.length - 1];
  const graded = employees.map((employee): GradedEmployee => {
    const value = personValue(employee, system);
    if (value === undefined) {
      problems.push(problem('error', `missing-${field === 'skillLevel' ? 'skill-level' : 'competency-score'}`, `employee "${employee.id}" has no ${label}; under the ${system} pay system it decides the grade`, rowOf(employee)));
      return { employee, basis, reason: 'missing-value' };
    }
    const grade = gradeOfPoints(value, edges);
    if (grade === undefined) {
      problems.push(problem('warning', 'person-outside-bands', `employee "${employee.id}": ${label} ${value} is outside the grade bands (${lowest} to ${highest}); no grade`, rowOf(employee)));
      return { employee, basis, value, reason: 'outside-bands' };
    }
    return { employee, basis, value, grade };
  });
  return { graded, problems };
}
