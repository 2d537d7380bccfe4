import { gradeBasis, gradeEmployees, jobPointsMeaning } from '../../../src/engine/evaluation/paySystem';
import { money } from '../../../src/engine/money';
import type { Employee } from '../../../src/engine/types';

const person = (id: string, over: Partial<Employee> = {}, row = 2): Employee => ({ id, jobCode: 'J1', baseSalary: money(50000), fte: 1, ref: { sheet: 'Employees', row }, ...over });

// Skill-based pay (Milkovich & Newman, Compensation, ch. 6 "person-based structures"): the job sets the
// required skill level, the person is paid for the skill level they are certified at.
describe('the three pay systems', () => {
  it('name what grades a person and what the Jobs Points column holds', () => {
    expect(['Post', 'Skill', 'Ability'].map((s) => gradeBasis(s as 'Post'))).toEqual(['Job', 'Skill Level', 'Competency Score']);
    expect(jobPointsMeaning('Skill')).toBe('required skill level');
    expect(jobPointsMeaning('Ability')).toBe('required competency score');
  });

  // Five skill blocks, one grade each: edges 1, 2, 3, 4, 5, 6 (grade g holds skill levels [g, g+1); grade 5 includes 6).
  const edges = [1, 2, 3, 4, 5, 6];

  it('Skill: each person is graded by their own skill level, not their job', () => {
    const { graded, problems } = gradeEmployees({
      employees: [person('A', { skillLevel: 1 }), person('B', { skillLevel: 3.5 }), person('C', { skillLevel: 6 })],
      system: 'Skill',
      edges,
      jobs: new Map([['J1', { grade: 2, points: 2 }]]),
    });
    expect(problems).toEqual([]);
    expect(graded.map((g) => [g.employee.id, g.basis, g.value, g.grade])).toEqual([
      ['A', 'Skill Level', 1, 1],
      ['B', 'Skill Level', 3.5, 3],
      ['C', 'Skill Level', 6, 5],
    ]);
  });

  it('Ability: by the competency score', () => {
    const { graded } = gradeEmployees({ employees: [person('A', { competencyScore: 4.2, skillLevel: 1 })], system: 'Ability', edges, jobs: new Map() });
    expect(graded[0]).toMatchObject({ basis: 'Competency Score', value: 4.2, grade: 4 });
  });

  it('Post: by the job\'s grade', () => {
    const { graded, problems } = gradeEmployees({
      employees: [person('A', { skillLevel: 5 }), person('B', { jobCode: 'J9' })],
      system: 'Post',
      edges,
      jobs: new Map([['J1', { grade: 2, points: 2.5 }], ['J9', { points: 99 }]]),
    });
    expect(problems).toEqual([]);
    expect(graded.map((g) => [g.basis, g.value, g.grade, g.reason])).toEqual([
      ['Job', 2.5, 2, undefined],
      ['Job', 99, undefined, 'job-not-graded'],
    ]);
  });

  it('an employee missing the skill level is an error at their cell; one outside the bands a warning', () => {
    const { graded, problems } = gradeEmployees({
      employees: [person('A', { skillLevel: 2 }, 2), person('B', {}, 3), person('C', { skillLevel: 9 }, 4)],
      system: 'Skill',
      edges,
      jobs: new Map(),
      valueAt: (e) => ({ sheet: 'Employees', cell: `O${e.ref!.row}` }),
    });
    expect(graded.map((g) => g.grade ?? g.reason)).toEqual([2, 'missing-value', 'outside-bands']);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', 'Employees!O3: employee "B" has no Skill Level; under the Skill pay system it decides the grade'],
      ['warning', 'Employees!O4: employee "C": Skill Level 9 is outside the grade bands (1 to 6); no grade'],
    ]);
  });

  it('no employee with a competency score at all is one error, not one per employee', () => {
    const { problems } = gradeEmployees({ employees: [person('A'), person('B')], system: 'Ability', edges, jobs: new Map() });
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['missing-competency-score', 'Employees: Pay System is Ability: employees are graded by their Competency Score, but no employee has one (add a "Competency Score" column)'],
    ]);
  });
});
