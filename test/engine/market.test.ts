import { agingFactor, monthsBetween, percentileRate, priceJobs } from '../../src/engine/market';
import { money, roundToMultiple } from '../../src/engine/money';
import { assumptions, date, job, marketRow } from './fixtures';

describe('monthsBetween', () => {
  it('counts whole calendar months, day ignored', () => {
    expect(monthsBetween(date(2024, 1, 1), date(2024, 10, 1))).toBe(9);
    expect(monthsBetween(date(2024, 1, 31), date(2024, 2, 1))).toBe(1);
    expect(monthsBetween(date(2024, 6, 1), date(2024, 6, 30))).toBe(0);
    expect(monthsBetween(date(2023, 11, 15), date(2025, 2, 3))).toBe(15);
  });
  it('is negative when the survey is dated after the effective date', () => {
    expect(monthsBetween(date(2025, 3, 1), date(2024, 12, 1))).toBe(-3);
  });
});

describe('agingFactor', () => {
  // BLR Compensation Daily Advisor, "Keys to Aging Salary Data Effectively" (2015), also on
  // compable.net "Age Salary Data": $52,000 effective January 1 aged to October 1 (9 months) at 3%
  // a year: $52,000 × 1.0225 = $53,170; $53,000 aged 4 months: × 1.01 = $53,530.
  it('simple: $52,000 aged 9 months at 3% is $53,170', () => {
    expect(money(52000).mul(agingFactor(9, 0.03, 'Simple')).toString()).toBe('53170');
    expect(money(53000).mul(agingFactor(4, 0.03, 'Simple')).toString()).toBe('53530');
  });

  // comp-shop.com glossary, "Aging factor": 90,000 × (1.03)^(6/12). The page prints $91,341; the
  // exact value is 90,000 × 1.014889157… = 91,340.024…, i.e. 91,340.02 to the cent.
  it('compound: 90,000 × 1.03^(6/12) = 91,340.02', () => {
    const aged = money(90000).mul(agingFactor(6, 0.03, 'Compound'));
    expect(roundToMultiple(aged, 0.01).toString()).toBe('91340.02');
  });

  it('compound over whole years is (1 + rate)^years', () => {
    expect(agingFactor(24, 0.03, 'Compound').toDecimalPlaces(20).toString()).toBe('1.0609');
    expect(agingFactor(0, 0.05, 'Compound').toString()).toBe('1');
  });

  it('ages backwards for negative months', () => {
    expect(agingFactor(-6, 0.04, 'Simple').toString()).toBe('0.98');
  });
});

describe('percentileRate', () => {
  const published = { 25: money(50000), 50: money(60000), 75: money(70000) };

  it('uses a published percentile as is', () => {
    expect(percentileRate(published, 50)).toEqual({ value: money(60000) });
  });

  it('interpolates P60 linearly between P50 and P75', () => {
    // 60,000 + (70,000 − 60,000) × (60 − 50)/(75 − 50) = 64,000
    const r = percentileRate(published, 60);
    expect('value' in r && r.value.toString()).toBe('64000');
    const r40 = percentileRate(published, 40);
    expect('value' in r40 && r40.value.toString()).toBe('56000');
  });

  it('does not extrapolate', () => {
    const above = percentileRate(published, 95);
    expect('error' in above && above.error).toMatch(/P95.*P25, P50, P75/);
    expect('error' in percentileRate(published, 10)).toBe(true);
    expect('error' in percentileRate({}, 50)).toBe(true);
  });

  it('skips unpublished (undefined) percentiles', () => {
    const r = percentileRate({ 10: undefined, 50: money(100), 90: money(200) }, 70);
    expect('value' in r && r.value.toString()).toBe('150');
  });
});

describe('priceJobs', () => {
  const a = { ...assumptions(), effectiveDate: date(2024, 10, 1), agingRate: 0.03, agingMethod: 'Simple' as const };

  it('blends aged surveys by weight: the BLR composite of $53,350', () => {
    // Same source as above: the two aged surveys averaged with equal weight give $53,350.
    const jobs = [job('MGR', 500)];
    const market = [
      marketRow('MGR', { 50: 52000 }, { survey: 'A', effectiveDate: date(2024, 1, 1) }),
      marketRow('MGR', { 50: 53000 }, { survey: 'B', effectiveDate: date(2024, 6, 2) }),
    ];
    const { priced, problems } = priceJobs(jobs, market, a);
    expect(problems).toEqual([]);
    const mgr = priced.get('MGR')!;
    expect(mgr.surveys.map((s) => [s.months, s.agedRate.toString()])).toEqual([
      [9, '53170'],
      [4, '53530'],
    ]);
    expect(mgr.marketRate.toString()).toBe('53350');
    expect(mgr.policyRate.toString()).toBe('53350');
  });

  it('weights surveys and applies the market position', () => {
    const jobs = [job('X', 100)];
    const market = [
      marketRow('X', { 50: 100000 }, { effectiveDate: a.effectiveDate, weight: money(3) }),
      marketRow('X', { 50: 80000 }, { effectiveDate: a.effectiveDate, weight: money(1) }),
      marketRow('X', { 50: 1 }, { effectiveDate: a.effectiveDate, weight: money(0) }),
    ];
    const { priced } = priceJobs(jobs, market, { ...a, marketPosition: 0.05 });
    // (3 × 100,000 + 80,000) / 4 = 95,000; lead by 5% → 99,750
    expect(priced.get('X')!.marketRate.toString()).toBe('95000');
    expect(priced.get('X')!.policyRate.toString()).toBe('99750');
  });

  it('reports unknown job codes (warning, row ignored), uninterpolable percentiles and zero weights, by row', () => {
    const jobs = [job('A', 100), job('B', 200)];
    const market = [
      marketRow('ZZZ', { 50: 1 }, { ref: { sheet: 'Market', row: 2 } }),
      marketRow('A', { 25: 1, 50: 2 }, { ref: { sheet: 'Market', row: 3 } }),
      marketRow('B', { 50: 1 }, { weight: money(0), ref: { sheet: 'Market', row: 4 } }),
    ];
    const { priced, problems } = priceJobs(jobs, market, { ...a, marketPercentile: 75 });
    expect(priced.size).toBe(0);
    expect(problems.map((p) => [p.severity, p.code, p.where])).toEqual([
      ['warning', 'unknown-job-code', { sheet: 'Market', row: 2 }],
      ['error', 'percentile-not-interpolable', { sheet: 'Market', row: 3 }],
      ['error', 'percentile-not-interpolable', { sheet: 'Market', row: 4 }],
    ]);
    expect(problems[0].message).toMatch(/^Market!2:2: .*ZZZ/);

    const zero = priceJobs(jobs, market.slice(2), a);
    expect(zero.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'zero-weights']]);
  });

  it('leaves a job without surveys unpriced, without a problem', () => {
    const { priced, problems } = priceJobs([job('A', 1)], [], a);
    expect(priced.size).toBe(0);
    expect(problems).toEqual([]);
  });
});
