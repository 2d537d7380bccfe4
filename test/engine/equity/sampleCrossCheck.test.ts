/**
 * The adjusted gap on the sample workbook, against R.
 *
 * test/fixtures/equity/sample300.csv is the dataset the engine's regression used on the sample workbook
 * (`salary-structure sample`: 300 employees, seed 42, default Assumptions, default Equity Controls
 * "Grade; Job Family; Tenure; Rating; Location; FTE"), written by exportSample.ts; sample300.lm.json is
 * R 4.2.2's lm() on it (crossCheck.R; categories with the engine's reference levels). Both commands are
 * in exportSample.ts. The fit from the fixture must agree with R to 1e-6; the live sample must still run.
 */
import { adjustedGap } from '../../../src/engine/equity/adjustedGap';
import { analysePayEquity, DEFAULT_EQUITY_OPTIONS } from '../../../src/engine/equity/payEquity';
import type { EquityRecord } from '../../../src/engine/equity/records';
import { money } from '../../../src/engine/money';
import { sampleUpdate } from '../../../src/sample/sampleWorkbook';
import { MemoryHost } from '../../../src/hosts/memory';
import { readWorkbook } from '../../../src/run/pipeline';
import { parseWorkbook } from '../../../src/workbook/readInputs';
import { buildPayStructure } from '../../../src/engine/payStructure';
import { placeEmployees } from '../../../src/engine/placement';
import { placed, readCsv, readJson } from './helpers';

interface Reference {
  n: number;
  k: number;
  rSquared: number;
  adjustedRSquared: number;
  sigma: number;
  terms: { name: string; estimate: number; stdError: number; lower: number; upper: number; robustStdError: number; t: number; p: number; robustP: number }[];
}

function fixtureRecords(): EquityRecord[] {
  const { header, rows } = readCsv('sample300.csv');
  const at = (r: (number | string)[], name: string) => r[header.indexOf(name)];
  return rows.map((r, index) => {
    const p = placed({
      id: String(at(r, 'id')),
      baseSalary: money(at(r, 'y')),
      fte: at(r, 'fte') as number,
      gender: at(r, 'female') === 1 ? 'F' : 'M',
      grade: at(r, 'grade') as number,
      family: String(at(r, 'family')),
      rating: at(r, 'rating') as number,
      location: String(at(r, 'location')),
    });
    const base = p.employee.baseSalary.toNumber();
    return {
      index,
      placed: p,
      gender: p.employee.gender!,
      binary: p.employee.gender as 'F' | 'M',
      base,
      fte: p.employee.fte,
      weeklyHours: 40,
      hourlyPay: base,
      bonus: 0,
      hasBonus: false,
      hourlyTotalPay: base,
      tenure: at(r, 'tenure') as number,
    };
  });
}

describe('adjusted gap on the sample workbook', () => {
  it('agrees with R lm() to 1e-6 on the sample dataset', () => {
    const ref = readJson<Reference>('sample300.lm.json');
    const a = adjustedGap(fixtureRecords(), { controls: DEFAULT_EQUITY_OPTIONS.controls, minimumGroupSize: 5 });
    expect(a.status).toBe('ok');
    const fit = a.fit!;
    expect(fit.n).toBe(ref.n);
    expect(fit.k).toBe(ref.k);
    expect(Math.abs(fit.rSquared - ref.rSquared)).toBeLessThan(1e-6);
    expect(Math.abs(fit.adjustedRSquared - ref.adjustedRSquared)).toBeLessThan(1e-6);
    expect(Math.abs(fit.sigma - ref.sigma)).toBeLessThan(1e-6);
    expect(fit.terms.length).toBe(ref.terms.length);
    fit.terms.forEach((t, i) => {
      const r = ref.terms[i];
      for (const key of ['estimate', 'stdError', 'lower', 'upper', 'robustStdError'] as const) expect(Math.abs(t[key] - r[key])).toBeLessThan(1e-6);
      expect(Math.abs(t.t - r.t) / Math.abs(r.t)).toBeLessThan(1e-6);
      expect(Math.abs(t.p - r.p) / r.p).toBeLessThan(1e-6);
      expect(Math.abs(t.robustP - r.robustP) / r.robustP).toBeLessThan(1e-6);
    });
    // Terms in R's order: intercept, female, grade 2…, the families but the first, tenure, rating, locations, fte.
    expect(fit.terms[1].name).toBe('Female');
    expect(fit.terms[2].name).toBe('Grade: 2');
    expect(a.controls.map((c) => c.name)).toEqual(['Grade', 'Job Family', 'Tenure', 'Rating', 'Location', 'FTE']);
  });

  it('runs end to end on the live sample workbook', async () => {
    const update = sampleUpdate();
    const host = MemoryHost.fromSheetSpecs(update.sheets, update.names);
    const { grids, sheetOf } = await readWorkbook(host);
    const { inputs } = parseWorkbook(grids, sheetOf);
    const structure = buildPayStructure(inputs);
    const placement = placeEmployees({ employees: inputs.employees, jobs: inputs.jobs, structure, assumptions: inputs.assumptions });
    const equity = analysePayEquity(placement, { ...DEFAULT_EQUITY_OPTIONS, effectiveDate: inputs.assumptions.effectiveDate, payGapThreshold: inputs.assumptions.payGapThreshold });
    expect(equity.adjusted.status).toBe('ok');
    const binary = equity.headcount.filter((h) => h.binary).reduce((s, h) => s + h.count, 0);
    expect(equity.adjusted.n + equity.adjusted.excludedMissing).toBe(binary);
    expect(equity.excludedFromBinary).toBe(inputs.employees.length - binary);
    expect(equity.eu.categories.length).toBeGreaterThan(0);
    expect(equity.uk.quartiles.reduce((s, b) => s + b.size, 0)).toBe(binary);
  });
});
