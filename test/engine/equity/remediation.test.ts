/**
 * The cost to close flagged gaps: each member of the disadvantaged gender in a category flagged under
 * Art. 10 of Directive (EU) 2023/970 is raised to a target, cost (target − salary) × FTE a year.
 */
import { analysePayEquity, type PayEquityOptions } from '../../../src/engine/equity/payEquity';
import { money } from '../../../src/engine/money';
import { placed, placementOf } from './helpers';

const EFFECTIVE = { year: 2026, month: 1, day: 1 };
const options = (over: Partial<PayEquityOptions> = {}): PayEquityOptions => ({
  effectiveDate: EFFECTIVE,
  payGapThreshold: 0.05,
  minimumGroupSize: 5,
  controls: 'Grade',
  categories: 'Grade',
  fullTimeHours: 40,
  remediationMethod: 'Regression',
  ...over,
});
const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('remediation cost', () => {
  // Grade 1 (midpoint 50,000): men all on 50,000, women on 45,000 (a 10% gap, flagged), one woman part time.
  // Grade 2 (midpoint 80,000): everyone on 80,000 (no gap, not flagged).
  const staff = () => [
    ...repeat(5, () => placed({ gender: 'M', grade: 1, midpoint: 50000, baseSalary: money(50000) })),
    ...repeat(4, () => placed({ gender: 'F', grade: 1, midpoint: 50000, baseSalary: money(45000) })),
    placed({ gender: 'F', grade: 1, midpoint: 50000, baseSalary: money(45000), fte: 0.6 }),
    ...repeat(5, () => placed({ gender: 'M', grade: 2, midpoint: 80000, baseSalary: money(80000) })),
    ...repeat(5, () => placed({ gender: 'F', grade: 2, midpoint: 80000, baseSalary: money(80000) })),
  ];

  it('Regression: each woman to what the model predicts for her as a man', () => {
    // Grade 1 alone: ln pay = a + b·female fits exactly, so a woman predicted as a man earns 50,000.
    const equity = analysePayEquity(placementOf(staff().filter((p) => p.grade === 1)), options());
    expect(equity.eu.categories.map((c) => c.flagged)).toEqual([true]);
    expect(equity.adjusted.gap).toBeCloseTo(-0.1, 12);
    const r = equity.remediation;
    expect(r.method).toBe('Regression');
    expect(r.categories).toEqual([expect.objectContaining({ category: 1, disadvantaged: 'F', members: 5, raised: 5, fallback: 0, untargeted: 0 })]);
    // 4 × 5,000 + 5,000 × 0.6.
    expect(r.total.toString()).toBe('23000');
    expect(r.raises.map((x) => x.target)).toEqual([50000, 50000, 50000, 50000, 50000]);
    expect(r.raises[4].cost).toBeCloseTo(3000, 9);
  });

  it("Compa-Ratio: each woman to the men's mean compa-ratio in the category × her midpoint", () => {
    const equity = analysePayEquity(placementOf(staff()), options({ remediationMethod: 'Compa-Ratio' }));
    expect(equity.remediation.method).toBe('Compa-Ratio');
    expect(equity.remediation.total.toString()).toBe('23000');
  });

  it('falls back to the compa-ratio target when there is no model, and says why', () => {
    const equity = analysePayEquity(placementOf(staff()), options({ minimumGroupSize: 5, controls: 'Nonsense', categories: 'Grade' }));
    expect(equity.adjusted.status).toBe('ok'); // a model without controls still fits
    const none = analysePayEquity(placementOf(staff().map((p) => ({ ...p, employee: { ...p.employee, gender: p.employee.gender === 'M' && p.grade === 2 ? 'X' : p.employee.gender } }))), options({ minimumGroupSize: 11 }));
    expect(none.adjusted.status).toBe('suppressed');
    expect(none.remediation.method).toBe('Compa-Ratio');
    expect(none.remediation.note).toContain('not available');
  });

  it('nothing to pay when no category is flagged', () => {
    const even = staff().map((p) => ({ ...p, employee: { ...p.employee, baseSalary: p.grade === 1 ? money(50000) : money(80000) }, salary: p.grade === 1 ? 50000 : 80000 }));
    const equity = analysePayEquity(placementOf(even), options());
    expect(equity.remediation.categories).toEqual([]);
    expect(equity.remediation.total.isZero()).toBe(true);
  });

  it('part-time and odd-cents costs: each the double nearest the exact amount, the total exact, as in decimal', () => {
    // Women of grade 1 on assorted FTEs and salaries; one salary with a tenth of a cent sends the rest of the sum to decimal.
    const women: [string, number][] = [
      ['45000.01', 0.6],
      ['44999.99', 0.123456789],
      ['45000.37', 0.5],
      ['45000.005', 0.7],
      ['44000.5', 0.35],
      ['43000', 1],
    ];
    const list = [...repeat(5, () => placed({ gender: 'M', grade: 1, midpoint: 50000, baseSalary: money(50000) })), ...women.map(([salary, fte]) => placed({ gender: 'F', grade: 1, midpoint: 50000, baseSalary: money(salary), fte }))];
    const r = analysePayEquity(placementOf(list), options({ remediationMethod: 'Compa-Ratio' })).remediation;
    // Every woman to 50,000 (the men's compa-ratio, 1, × her midpoint).
    const exact = women.map(([salary, fte]) => money(50000).minus(money(salary)).mul(fte));
    expect(r.raises.map((x) => x.cost)).toEqual(exact.map((d) => d.toNumber()));
    expect(r.total.toString()).toBe(exact.reduce((t, d) => t.plus(d), money(0)).toString());
  });
});
