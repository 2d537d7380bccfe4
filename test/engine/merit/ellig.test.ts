import { money } from '../../../src/engine/money';
import { allocateBonus, buildMerit, calibratePlan, meritCases, meritZones, scaleToPool, type MeritGuidelines } from '../../../src/engine/merit';
import { cents, employee, grade, meritAssumptions, meritOptions } from './fixtures';

/*
 * Published worked examples, from Bruce R. Ellig, "The Complete Guide to Executive Compensation"
 * (McGraw-Hill, 2007; the same material as his Executive Compensation Handbook / Compensation and
 * Benefits Design), chapter 5 "Salary", Table 5-26 "Merit pay matrix—performance vs. position in range"
 * and "Developing the Merit Budget", and chapter 7 "Short-Term Incentives" (bonus funds scaled to a pool).
 */

describe("Ellig's merit matrix: the middle third of the range", () => {
  // Table 5-26, middle 1/3 column, ratings 6 (Outstanding) down to 0 (Unacceptable): 13, 11, 9, 7, 5, 3, 0 %.
  // Our ratings run 1…7, so Ellig's 0…6 are 1…7 here. One zone: everyone sits in the middle third.
  const guidelines: MeritGuidelines = { ratings: [7, 6, 5, 4, 3, 2, 1], cells: [[0.13], [0.11], [0.09], [0.07], [0.05], [0.03], [0]], source: 'sheet' };
  // The distribution 4/8/16/44/16/8/4 % (highest rating first) is 1, 2, 4, 11, 4, 2, 1 people of 25.
  const counts = [1, 2, 4, 11, 4, 2, 1];
  const a = meritAssumptions({ ratingScale: 7, ratingThresholds: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5], compaZones: [], meritBudget: 0.03 });
  const o = meritOptions({ targetDistribution: undefined }, a);
  const people = counts.flatMap((n, i) =>
    Array.from({ length: n }, (_, j) => ({ employee: employee(`E${7 - i}-${j}`, 100000), grade: 1, rating: 7 - i })),
  );
  // A wide range so that no one reaches the maximum: the cost is then linear in the factor.
  const grades = [grade(1, 50000, 100000, 200000)];
  const { cases } = meritCases(people, grades, guidelines, meritZones('Compa Ratio', []), a, o);

  it('the guideline matrix costs 6.96% of payroll under that distribution', () => {
    const plan = calibratePlan(cases, guidelines, a, o);
    // 4%×13 + 8%×11 + 16%×9 + 44%×7 + 16%×5 + 8%×3 + 4%×0 = 6.96%.
    expect(plan.calibration.eligiblePayroll.toString()).toBe('2500000');
    expect(plan.calibration.guidelineCost.div(plan.calibration.eligiblePayroll).toString()).toBe('0.0696');
  });

  it('scaling it to a 3% budget takes the factor 0.4310345 (= 3 / 6.96) and spends the budget to the cent', () => {
    const plan = calibratePlan(cases, guidelines, a, o);
    expect(plan.calibration.status).toBe('exact');
    expect(plan.calibration.factor.toDecimalPlaces(7).toString()).toBe('0.4310345');
    expect(plan.calibration.factor.minus(money(3).div(6.96)).abs().lt(1e-30)).toBe(true);
    expect(cents(plan.calibration.budget)).toBe('75000.00');
    expect(cents(plan.calibration.calibratedCost)).toBe('75000.00');
  });

  it('shows the cells rounded to 0.1% and reports what the rounding costs', () => {
    const plan = calibratePlan(cases, guidelines, a, o);
    // 13% × 0.4310345 = 5.603% → 5.6%; 11% → 4.741% → 4.7%; 9% → 3.879% → 3.9%; 7% → 3.017% → 3.0%;
    // 5% → 2.155% → 2.2%; 3% → 1.293% → 1.3%.
    expect(plan.matrix.cells.map((r) => +(r[0] * 100).toFixed(10))).toEqual([5.6, 4.7, 3.9, 3, 2.2, 1.3, 0]);
    // Rounded plan: 100,000 × (5.6 + 2×4.7 + 4×3.9 + 11×3.0 + 4×2.2 + 2×1.3)% = 100,000 × 75.0% = 75,000: rounding happens to cost nothing here.
    expect(cents(plan.calibration.planCost)).toBe('75000.00');
    expect(cents(plan.calibration.roundingDifference)).toBe('0.00');
  });

  it('coarser rounding moves the cost, and the difference is reported', () => {
    const plan = calibratePlan(cases, guidelines, a, { ...o, matrixRounding: 0.01 });
    // Cells 6, 5, 4, 3, 2, 1, 0 %: 100,000 × (6 + 2×5 + 4×4 + 11×3 + 4×2 + 2×1 + 0)% = 75,000 again.
    expect(plan.matrix.cells.map((r) => +(r[0] * 100).toFixed(10))).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(cents(plan.calibration.planCost)).toBe('75000.00');
    const half = calibratePlan(cases, guidelines, a, { ...o, matrixRounding: 0.005 });
    // To the nearest 0.5%: 5.603 → 5.5, 4.741 → 4.5, 3.879 → 4.0, 3.017 → 3.0, 2.155 → 2.0, 1.293 → 1.5:
    // 100,000 × (5.5 + 2×4.5 + 4×4 + 11×3 + 4×2 + 2×1.5)% = 74,500, 500 under the budget.
    expect(half.matrix.cells.map((r) => +(r[0] * 100).toFixed(10))).toEqual([5.5, 4.5, 4, 3, 2, 1.5, 0]);
    expect(cents(half.calibration.planCost)).toBe('74500.00');
    expect(cents(half.calibration.roundingDifference)).toBe('-500.00');
  });

  it('the whole merit step reproduces it from the Employees sheet ratings', () => {
    const employees = people.map((p) => ({ ...p.employee, rating: p.rating }));
    const result = buildMerit({ employees, assumptions: a, grades, gradeOfJob: new Map([['J1', 1]]), guidelines, options: o });
    expect(result.plan.calibration.factor.toDecimalPlaces(7).toString()).toBe('0.4310345');
    expect(result.distribution.map((d) => d.share)).toEqual([0.04, 0.08, 0.16, 0.44, 0.16, 0.08, 0.04]);
  });
});

describe("Ellig's bonus funds scaled to the pool", () => {
  // Four units' calculated funds of 249,572, 167,198, 123,470 and 197,698 (737,938 in all) scaled to a
  // pool of 702,634: each × 702,634 / 737,938.
  const funds = [249572, 167198, 123470, 197698].map((x) => money(x));

  it('gives 237,632.12 / 159,199.01 / 117,563.02 / 188,239.85 before rounding', () => {
    const { scaled, factor } = scaleToPool(funds, money(702634));
    expect(scaled.map(cents)).toEqual(['237632.12', '159199.01', '117563.02', '188239.85']);
    expect(factor.toDecimalPlaces(7).toString()).toBe('0.9521586');
    expect(scaled.reduce((s, x) => s.plus(x)).toFixed(10)).toBe('702634.0000000000');
  });

  it('rounds each amount and shows the rounding difference', () => {
    // Four "employees" whose target bonus is the unit's fund: base = fund, 100% target, multiplier 1.
    const cases = funds.map((f, i) => ({ id: `U${i + 1}`, base: f, fte: 1, grade: 1, rating: 3, proration: 1 }));
    const targets = new Map([[1, 1]]);
    const multipliers = new Map([[3, 1]]);
    const whole = allocateBonus(cases, targets, multipliers, money(702634), 1);
    expect(whole.rows.map((r) => r.bonus.toString())).toEqual(['237632', '159199', '117563', '188240']);
    expect(whole.roundingDifference.toString()).toBe('0');
    const hundreds = allocateBonus(cases, targets, multipliers, money(702634), 100);
    expect(hundreds.rows.map((r) => r.bonus.toString())).toEqual(['237600', '159200', '117600', '188200']);
    expect(hundreds.roundingDifference.toString()).toBe('-34');
  });
});
