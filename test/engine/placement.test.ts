/**
 * Employee placement on the classic six-benchmark structure (test/engine/fixtures.ts), three equal
 * bands, range spread 50%, rounding 100:
 *   grade 1 (200–533 points): 51,900 / 64,900 / 77,900; grade 2: 86,800 / 108,500 / 130,200;
 *   grade 3 (867–1,200): 121,600 / 152,000 / 182,400.
 * Compa-ratio = salary / midpoint; range penetration = (salary − min) / (max − min); red circle above
 * the maximum, green below the minimum (PRODUCT.md, calculation rules); costs × FTE a year.
 */
import { money } from '../../src/engine/money';
import { buildPayStructure } from '../../src/engine/payStructure';
import { placeEmployees } from '../../src/engine/placement';
import type { Assumptions, Employee, Job } from '../../src/engine/types';
import { assumptions, job, marketRow, SIX_BENCHMARKS } from './fixtures';

const jobs: Job[] = SIX_BENCHMARKS.map(([p], i) => job(`J${i + 1}`, p));
const market = SIX_BENCHMARKS.map(([, s], i) => marketRow(`J${i + 1}`, { 50: s }));
const base = assumptions({ grades: 3, rangeSpread: { low: 0.5, high: 0.5 } });
const structure = buildPayStructure({ jobs, market, assumptions: base });
const person = (id: string, jobCode: string, salary: number | string, over: Partial<Employee> = {}): Employee => ({ id, jobCode, baseSalary: money(salary), fte: 1, ...over });
const place = (employees: Employee[], a: Assumptions = base) => placeEmployees({ employees, jobs, structure, assumptions: a });

describe('placement in a post-based structure', () => {
  const p = place([
    person('A', 'J6', 45000, { department: 'Ops' }), // grade 1, below the minimum; market 40,000
    person('B', 'J4', 80000, { department: 'Ops' }), // grade 1, above the maximum; market 85,000
    person('C', 'J3', 108500, { department: 'Sales', fte: 0.5 }), // grade 2, at the midpoint; market 100,000
    person('D', 'J1', 130000.55, { department: 'Sales', fte: 0.8 }), // grade 3, inside the range; market 170,000
  ]);
  const [a, b, c, d] = p.employees;
  it('grades, compa-ratios, penetration and circles', () => {
    expect(p.employees.map((e) => e.grade)).toEqual([1, 1, 2, 3]);
    expect(a.compaRatio).toBeCloseTo(45000 / 64900, 15);
    expect(c.compaRatio).toBe(1);
    expect(b.rangePenetration).toBeCloseTo((80000 - 51900) / (77900 - 51900), 15);
    expect(p.employees.map((e) => e.circle)).toEqual(['Green', 'Red', '', '']);
    expect(a.marketRate!.toNumber()).toBe(40000);
  });
  it('costs a year, × FTE', () => {
    expect([a.costToMinimum, a.costToMidpoint, a.costToMarket]).toEqual([6900, 19900, 0]);
    expect([b.costToMinimum, b.costToMidpoint, b.costToMarket, b.excessOverMaximum]).toEqual([0, 0, 5000, 2100]);
    expect(c.costToMarket).toBe(0);
    expect(d.costToMinimum).toBe(0); // 130,000.55 is above grade 3's minimum (121,600)
    expect(d.costToMidpoint).toBeCloseTo((152000 - 130000.55) * 0.8, 9);
    expect(d.costToMarket).toBeCloseTo((170000 - 130000.55) * 0.8, 9);
  });
  it('exact totals by grade, department and overall', () => {
    expect(p.byGrade.map((t) => [t.key, t.headcount, t.red, t.green])).toEqual([
      [1, 2, 1, 1],
      [2, 1, 0, 0],
      [3, 1, 0, 0],
    ]);
    expect(p.byGrade[0].costToMidpoint.toString()).toBe('19900');
    expect(p.byGrade[2].costToMidpoint.toString()).toBe('17599.56'); // (152,000 − 130,000.55) × 0.8
    expect(p.byDepartment.map((t) => t.key)).toEqual(['Ops', 'Sales']);
    expect(p.byDepartment[1].costToMarket.toString()).toBe('31999.56'); // (170,000 − 130,000.55) × 0.8
    expect(p.total.costToMidpoint.toString()).toBe('37499.56');
    expect(p.total.excessOverMaximum.toString()).toBe('2100');
    expect(p.total.headcount).toBe(4);
    expect(p.total.meanCompaRatio).toBeCloseTo((45000 / 64900 + 80000 / 64900 + 1 + 130000.55 / 152000) / 4, 14);
    expect(p.byGrade[0].meanSalary).toBe(62500);
  });
});

describe('placement in skill- and ability-based structures', () => {
  // Under Skill and Ability the Jobs Points column holds each job's required level (evaluation/paySystem),
  // so the bands (200–533, 533–867, 867–1,200) are on the scale of the people's own levels.
  it('Skill: the grade follows the skill level, whatever the job', () => {
    const p = place(
      [person('A', 'J1', 60000, { skillLevel: 250 }), person('B', 'J1', 110000, { skillLevel: 700 }), person('C', 'J6', 150000, { skillLevel: 1200 }), person('D', 'J6', 60000)],
      { ...base, paySystem: 'Skill' },
    );
    expect(p.employees.map((e) => e.grade)).toEqual([1, 2, 3, undefined]);
    expect(p.employees.map((e) => e.gradingValue)).toEqual([250, 700, 1200, undefined]);
    expect(p.problems.map((x) => x.code)).toEqual(['ungraded-employee']);
    expect(p.problems[0].message).toContain('no Skill Level');
  });
  it('Ability: a competency score outside the bands is not placed', () => {
    const p = place([person('A', 'J1', 60000, { competencyScore: 200 }), person('B', 'J1', 60000, { competencyScore: 1300 })], { ...base, paySystem: 'Ability' });
    expect(p.employees.map((e) => e.grade)).toEqual([1, undefined]);
    expect(p.problems.map((x) => x.code)).toEqual(['employee-outside-bands']);
  });
  it('takes the grades and (e.g. location-adjusted) ranges an earlier stage set', () => {
    const a = person('A', 'J6', 50000);
    const b = person('B', 'J6', 50000);
    const p = placeEmployees({
      employees: [a, b],
      jobs,
      structure,
      assumptions: base,
      ranges: [
        { employee: a, value: 200, grade: 1, minimum: money(57100), midpoint: money(71400), maximum: money(85700) }, // +10%
        { employee: b, value: 200 },
      ],
    });
    expect(p.employees.map((e) => [e.grade, e.circle, e.costToMinimum])).toEqual([
      [1, 'Green', 7100],
      [undefined, '', 0],
    ]);
    expect(p.employees[0].compaRatio).toBeCloseTo(50000 / 71400, 15);
    expect(p.problems).toEqual([]); // the earlier stage reported who could not be graded
  });
});

describe('exact cost totals', () => {
  // The totals are the term-by-term decimal sums of (target − salary) × FTE, in employee order.
  const sequential = (terms: [string, string, number][]) => terms.reduce((t, [target, salary, fte]) => t.plus(money(target).minus(money(salary)).mul(fte)), money(0));

  it('part-time costs on whole cents add up exactly, whatever the FTEs', () => {
    const staff = [
      person('A', 'J6', '45000.37', { fte: 0.5 }),
      person('B', 'J6', '45000.01', { fte: 0.37 }),
      person('C', 'J6', '46000', { fte: 1 }),
      person('D', 'J6', '51899.99', { fte: 0.123456789 }),
      person('E', 'J6', '40000.5', { fte: 0.8 }),
    ];
    const p = place(staff); // grade 1: 51,900 / 64,900 / 77,900
    const expected = sequential([
      ['51900', '45000.37', 0.5],
      ['51900', '45000.01', 0.37],
      ['51900', '46000', 1],
      ['51900', '51899.99', 0.123456789],
      ['51900', '40000.5', 0.8],
    ]);
    expect(p.byGrade[0].costToMinimum.toString()).toBe(expected.toString());
    expect(p.total.costToMinimum.toString()).toBe(expected.toString());
  });

  it('once a target is not whole cents, the part-time costs are summed in decimal in order, as before', () => {
    const odd = '71400.33333333333333333333333333333333333';
    const staff = [person('A', 'J6', '50000.1', { fte: 0.5 }), person('B', 'J6', '50000.2', { fte: 0.8 }), person('C', 'J6', '50000.3', { fte: 0.6 }), person('D', 'J6', '50000.4', { fte: 0.5 })];
    const mids = ['71400', '71400', odd, '71400'];
    const p = placeEmployees({
      employees: staff,
      jobs,
      structure,
      assumptions: base,
      ranges: staff.map((employee, i) => ({ employee, value: 200, grade: 1, minimum: money(57100), midpoint: money(mids[i]), maximum: money(85700) })),
    });
    const expected = sequential(staff.map((e, i) => [mids[i], e.baseSalary.toString(), e.fte]));
    expect(p.byGrade[0].costToMidpoint.toString()).toBe(expected.toString());
    expect(p.byDepartment[0].costToMidpoint.toString()).toBe(expected.toString());
  });
});
