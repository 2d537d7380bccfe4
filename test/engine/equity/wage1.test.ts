/**
 * The adjusted gap checked against a published result, through the workbook.
 *
 * Wooldridge, Introductory Econometrics: A Modern Approach, Example 7.5 ("Log hourly wage equation"),
 * data set WAGE1 (526 workers, 1976 CPS): ln(wage) on female, educ, exper, exper², tenure, tenure² gives
 * female −.297 (se .036), R² = .441 — to four decimals −0.2965 and 0.4408, exp(b) − 1 = −25.66%.
 *
 * The workbook: one Employees row per worker, Base Salary = hourly wage × 2,080 (40 h × 52 weeks; a
 * constant factor moves only the intercept), Gender F/M from `female`, Hire Date on 1 January
 * (2026 − tenure) so that Tenure (whole months to the 2026-01-01 effective date / 12) is exactly `tenure`,
 * and Educ, Exper as extra columns. Equity Controls: "Educ; Exper; Exper^2; Tenure; Tenure^2".
 * Reference figures: R 4.2.2 lm() and HC1 from its definition (test/fixtures/equity/crossCheck.R →
 * wage1.lm.json). Data: test/fixtures/equity/wage1.csv (see README.md there for its source).
 */
import { analysePayEquity, type PayEquity } from '../../../src/engine/equity/payEquity';
import type { GridValue } from '../../../src/workbook/grid';
import { dateToSerial } from '../../../src/workbook/dates';
import { parseSheets, readCsv, readJson, structureAndPlacement } from './helpers';

interface Reference {
  n: number;
  k: number;
  dfResidual: number;
  rSquared: number;
  adjustedRSquared: number;
  sigma: number;
  fStatistic: number;
  terms: { name: string; estimate: number; stdError: number; t: number; p: number; lower: number; upper: number; robustStdError: number; robustT: number; robustP: number }[];
}

const EFFECTIVE = { year: 2026, month: 1, day: 1 };

async function wage1Equity(): Promise<PayEquity> {
  const { header, rows } = readCsv('wage1.csv');
  const col = (name: string) => header.indexOf(name);
  const employees: GridValue[][] = [['Employee ID', 'Job Code', 'Base Salary', 'FTE', 'Gender', 'Hire Date', 'Weekly Hours', 'Educ', 'Exper']];
  rows.forEach((r, i) => {
    const wage = r[col('wage')] as number;
    employees.push([
      `W${i + 1}`,
      'CPS',
      wage * 2080,
      1,
      r[col('female')] === 1 ? 'F' : 'M',
      dateToSerial({ year: 2026 - (r[col('tenure')] as number), month: 1, day: 1 }),
      40,
      r[col('educ')],
      r[col('exper')],
    ]);
  });
  const inputs = await parseSheets([
    { name: 'Jobs', rows: [['Job Code', 'Job Title', 'Points', 'Benchmark'], ['CPS', 'CPS worker', 100, 'Y'], ['REF', 'Reference job', 200, 'Y']] },
    {
      name: 'Market',
      rows: [['Job Code', 'Survey', 'Effective Date', 'P50'], ['CPS', 'S', dateToSerial(EFFECTIVE), 10000], ['REF', 'S', dateToSerial(EFFECTIVE), 20000]],
    },
    { name: 'Employees', rows: employees },
    { name: 'Assumptions', rows: [['Parameter', 'Value'], ['Effective Date', dateToSerial(EFFECTIVE)], ['Grades', 1], ['Pay Line', 'Linear']] },
  ]);
  const { placement } = structureAndPlacement(inputs);
  return analysePayEquity(placement, {
    effectiveDate: inputs.assumptions.effectiveDate,
    payGapThreshold: inputs.assumptions.payGapThreshold,
    minimumGroupSize: 5,
    controls: 'Educ; Exper; Exper^2; Tenure; Tenure^2',
    categories: 'Grade',
    fullTimeHours: 40,
    remediationMethod: 'Regression',
  });
}

describe('adjusted gap on Wooldridge WAGE1 (Example 7.5), through the workbook', () => {
  let equity: PayEquity;
  const ref = readJson<Reference>('wage1.lm.json');
  beforeAll(async () => {
    equity = await wage1Equity();
  });

  it('reproduces the published figures: female −0.2965, exp(b) − 1 = −25.66%, R² 0.4408', () => {
    const a = equity.adjusted;
    expect(a.status).toBe('ok');
    expect(a.n).toBe(526);
    expect(a.nFemale).toBe(252);
    expect(a.female!.estimate).toBeCloseTo(-0.2965, 4);
    expect(a.female!.stdError).toBeCloseTo(0.0358, 4);
    expect(a.gap!).toBeCloseTo(-0.2566, 4);
    expect(a.menMinusWomen!).toBeCloseTo(0.2566, 4);
    expect(a.fit!.rSquared).toBeCloseTo(0.4408, 4);
    expect(a.controls.map((c) => `${c.name}${c.squared ? '^2' : ''}`)).toEqual(['Educ', 'Exper', 'Exper^2', 'Tenure', 'Tenure^2']);
    expect(a.controls.map((c) => c.source)).toEqual(['column', 'column', 'column', 'standard', 'standard']);
  });

  it('agrees with R lm() (and HC1) to 1e-6 on every term', () => {
    const fit = equity.adjusted.fit!;
    expect(fit.n).toBe(ref.n);
    expect(fit.k).toBe(ref.k);
    expect(fit.dfResidual).toBe(ref.dfResidual);
    expect(Math.abs(fit.rSquared - ref.rSquared)).toBeLessThan(1e-6);
    expect(Math.abs(fit.adjustedRSquared - ref.adjustedRSquared)).toBeLessThan(1e-6);
    expect(Math.abs(fit.sigma - ref.sigma)).toBeLessThan(1e-6);
    expect(Math.abs(fit.fStatistic! - ref.fStatistic) / ref.fStatistic).toBeLessThan(1e-6);
    expect(fit.terms).toHaveLength(ref.terms.length);
    fit.terms.forEach((t, i) => {
      const r = ref.terms[i];
      for (const key of ['estimate', 'stdError', 'lower', 'upper', 'robustStdError'] as const) expect(Math.abs(t[key] - r[key])).toBeLessThan(1e-6);
      for (const key of ['t', 'robustT'] as const) expect(Math.abs(t[key] - r[key]) / Math.abs(r[key])).toBeLessThan(1e-6);
      // p-values as small as 1e-298: compared relatively.
      for (const key of ['p', 'robustP'] as const) expect(Math.abs(t[key] - r[key]) / r[key]).toBeLessThan(1e-6);
    });
  });

  it('keeps everyone in the headcount and both genders in the binary metrics', () => {
    expect(equity.headcount).toEqual([
      { gender: 'F', count: 252, binary: true },
      { gender: 'M', count: 274, binary: true },
    ]);
    expect(equity.excludedFromBinary).toBe(0);
  });
});
