import { money } from '../../../src/engine/money';
import { buildMerit, defaultBonusMultipliers, defaultBonusTargets, defaultGuidelines, planCostAt, meritPolicy } from '../../../src/engine/merit';
import type { AppraisalRow } from '../../../src/engine/types';
import { cents, date, employee, grade, meritAssumptions, meritOptions } from './fixtures';

const grades = [grade(1, 40000, 50000, 60000), grade(2, 64000, 80000, 96000)];
const gradeOfJob = new Map([
  ['J1', 1],
  ['J2', 2],
]);
const employees = [
  employee('E1', 45000, { department: 'Sales', managerId: 'E5', rating: 5 }),
  employee('E2', 52000, { department: 'Sales', managerId: 'E5', rating: 3, fte: 0.5 }),
  employee('E3', 58000, { department: 'Ops', managerId: 'E5', hireDate: date(2025, 7, 10) }),
  employee('E4', 38000, { department: 'Ops', managerId: 'E5', rating: 2 }),
  employee('E5', 95000, { jobCode: 'J2', department: 'Ops', rating: 4 }),
  employee('E6', 70000, { jobCode: 'J2', rating: 3 }),
  employee('E7', 66000, { jobCode: 'JX', rating: 3 }),
  employee('E8', 60000, { jobCode: 'J2', department: 'Sales' }),
];
const appraisal: AppraisalRow[] = [
  { employeeId: 'E3', weight: 0.6, score: 4, ref: { sheet: 'Appraisal', row: 2 } },
  { employeeId: 'E3', weight: 0.4, score: 5, ref: { sheet: 'Appraisal', row: 3 } },
];

describe('buildMerit: appraisal to plan, bonus and budget', () => {
  const a = meritAssumptions({ prorationStart: date(2025, 1, 1), catchUpToMinimum: true, bonusPool: money(20000) });
  const o = meritOptions({}, a);
  const result = buildMerit({ employees, appraisal, assumptions: a, grades, gradeOfJob, overrides: new Map([['e6', 0.05]]), options: o });

  it('ratings from the appraisal (E3: 0.6 × 4 + 0.4 × 5 = 4.4 → 4) and the Rating column', () => {
    expect(result.people.map((p) => p.rating)).toEqual([5, 3, 4, 2, 4, 3, 3, undefined]);
    expect(result.unrated.map((e) => e.id)).toEqual(['E8']);
  });

  it('eligibility: no rating, no grade; E7’s job is not slotted', () => {
    expect(result.cases.map((c) => c.ineligibility ?? 'Y')).toEqual(['Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Not in a grade', 'No rating']);
  });

  it('zones by compa-ratio: 45,000/50,000 = 0.9 → zone 2; 38,000/50,000 = 0.76 → 1; 95,000/80,000 → 4', () => {
    expect(result.cases.map((c) => c.zone)).toEqual([2, 3, 4, 1, 4, 1, undefined, 1]);
  });

  it('proration: E3 hired in July of a review period starting in January: 6 months', () => {
    expect(result.cases[2].months).toBe(6);
  });

  it('the budget is 3% of eligible payroll and the calibrated plan spends it to the cent', () => {
    // Eligible payroll: 45,000 + 26,000 + 58,000 + 38,000 + 95,000 + 70,000 = 332,000; budget 9,960.
    const cal = result.plan.calibration;
    expect(cal.eligiblePayroll.toString()).toBe('332000');
    expect(cents(cal.budget)).toBe('9960.00');
    expect(cal.status).toBe('exact');
    expect(cents(planCostAt(result.cases, cal.factor, meritPolicy(a, o)))).toBe('9960.00');
    // The sheet plan is the rounded plan; its difference from the budget is reported.
    expect(cal.roundingDifference.eq(cal.planCost.minus(cal.calibratedCost))).toBe(true);
    expect(cal.roundingDifference.abs().lt(50)).toBe(true);
  });

  it('the override is honoured and flagged; E4 below minimum is caught up (outside the budget)', () => {
    const e6 = result.plan.rows[5].outcome;
    expect([e6.meritPct, cents(e6.increase), e6.flag]).toEqual([0.05, '3500.00', 'Override']);
    const e4 = result.plan.rows[3].outcome;
    expect(cents(e4.newSalary)).toBe('40000.00');
    expect(e4.catchUp).toBeGreaterThan(0);
  });

  it('the default matrix is 5 ratings × 4 zones', () => {
    expect(result.guidelines).toEqual(defaultGuidelines(5, 4));
    expect(result.guidelines.cells[0]).toEqual([0.06, 0.05, 0.04, 0.03]);
    expect(result.guidelines.cells[4]).toEqual([0, 0, 0, 0]);
  });

  it('bonus: target % by grade × multiplier × proration, scaled to the pool', () => {
    const bonus = result.bonus!;
    expect(defaultBonusTargets(2)).toEqual(new Map([[1, 0.05], [2, 0.2]]));
    expect(defaultBonusMultipliers(5)).toEqual(new Map([[1, 0], [2, 0.5], [3, 1], [4, 1.25], [5, 1.5]]));
    // E1: 45,000 × 1 × 5% × 1.5 = 3,375; E3: 58,000 × 5% × 1.25 × 6/12 = 1,812.50; E8 unrated: 0.
    expect(cents(bonus.rows[0].target)).toBe('3375.00');
    expect(cents(bonus.rows[2].target)).toBe('1812.50');
    expect(cents(bonus.rows[7].target)).toBe('0.00');
    expect(bonus.totalScaled.toFixed(8)).toBe('20000.00000000');
    expect(bonus.roundingDifference.eq(bonus.totalBonus.minus(20000))).toBe(true);
  });

  it('budget by department and grade add up to the plan', () => {
    const t = result.plan.totals;
    for (const lines of [result.byDepartment, result.byGrade]) {
      expect(lines.reduce((s, l) => s + l.headcount, 0)).toBe(8);
      expect(lines.reduce((s, l) => s.plus(l.meritCost), money(0)).eq(t.meritCost)).toBe(true);
      expect(lines.reduce((s, l) => s.plus(l.bonus), money(0)).eq(result.bonus!.totalBonus)).toBe(true);
    }
    expect(result.byDepartment.map((l) => l.key)).toEqual(['Ops', 'Sales', undefined]);
    expect(result.byGrade.map((l) => [l.key, l.headcount])).toEqual([[1, 4], [2, 3], [undefined, 1]]);
  });

  it('scenarios: 2.5%, 3%, 3.5%; the factor rises with the budget and 3% is the plan itself', () => {
    expect(result.scenarios.map((s) => s.budgetPercent)).toEqual([0.025, 0.03, 0.035]);
    const f = result.scenarios.map((s) => s.factor);
    expect(f[0].lt(f[1]) && f[1].lt(f[2])).toBe(true);
    expect(f[1].eq(result.plan.calibration.factor)).toBe(true);
    for (const s of result.scenarios) expect(cents(s.calibratedCost)).toBe(cents(s.budget));
  });
});
