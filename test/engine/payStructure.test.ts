import { money } from '../../src/engine/money';
import { buildPayStructure } from '../../src/engine/payStructure';
import type { Assumptions, Job, MarketRow } from '../../src/engine/types';
import { assumptions, job, marketRow, SIX_BENCHMARKS } from './fixtures';

// The six-benchmark regression example (see payLine.test.ts), priced at P50 with no aging and no
// market position, so the policy rates are the example's salaries; plus two non-benchmark jobs that
// stretch the point range to 100–1,500.
const benchmarkJobs = SIX_BENCHMARKS.map(([points], i) => job(`B${points}`, points, true, i + 2));
const jobs: Job[] = [...benchmarkJobs, job('LOW', 100, false, 8), job('HIGH', 1500, false, 9)];
const market: MarketRow[] = SIX_BENCHMARKS.map(([points, salary], i) =>
  marketRow(`B${points}`, { 25: Math.round(salary * 0.9), 50: salary, 75: Math.round(salary * 1.1) }, { ref: { sheet: 'Market', row: i + 2 } }),
);
const build = (over: Partial<Assumptions> = {}, j = jobs, m = market) => buildPayStructure({ jobs: j, market: m, assumptions: assumptions(over) });

describe('buildPayStructure on the six-benchmark example', () => {
  const s = build();

  it('fits the pay line on the benchmarks’ policy rates', () => {
    expect(s.problems).toEqual([]);
    expect(s.fit!.a.toFixed(2)).toBe('17042.70');
    expect(s.fit!.b.toFixed(4)).toBe('130.5828');
    expect(s.priced.get('B1200')!.policyRate.toString()).toBe('170000');
  });

  it('reports each benchmark’s deviation from the line', () => {
    expect(s.benchmarks.map((b) => b.job.code)).toEqual(benchmarkJobs.map((j) => j.code));
    const b1200 = s.benchmarks.find((b) => b.job.code === 'B1200')!;
    // 170,000 / (17,042.70 + 130.5828 × 1,200) − 1 = 170,000 / 173,742.06 − 1 ≈ −2.154%
    expect(b1200.payLineRate).toBeCloseTo(173742.06, 1);
    expect(b1200.deviation).toBeCloseTo(-0.021538, 5);
  });

  it('bands all jobs’ points, 100 to 1,500, in 5 equal grades', () => {
    expect(s.edges).toEqual([100, 380, 660, 940, 1220, 1500]);
  });

  it('builds ranges from the line at the band centres, rounded to 100', () => {
    // Grade 1: 17,042.70 + 130.5828 × 240 = 48,382.57 → 48,400; 48,400/1.25 = 38,720 → 38,700; × 1.5/1.25 = 58,080 → 58,100.
    // Grade 5: 17,042.70 + 130.5828 × 1,360 = 194,635.31 → 194,600; /1.25 = 155,680 → 155,700; × 1.2 = 233,520 → 233,500.
    const row = (g: number) => [s.grades[g - 1].minimum, s.grades[g - 1].midpoint, s.grades[g - 1].maximum].map(String);
    expect(s.grades).toHaveLength(5);
    expect(row(1)).toEqual(['38700', '48400', '58100']);
    expect(row(5)).toEqual(['155700', '194600', '233500']);
  });

  it('slots every job, flagging market rates away from the midpoint', () => {
    // By hand from the printed line (min / mid / max, rounding 100, spread 50%):
    // grade 1 (centre 240): 38,700 / 48,400 / 58,100;  grade 2 (520): 67,900 / 84,900 / 101,900;
    // grade 3 (800): 97,200 / 121,500 / 145,800;        grade 4 (1,080): 126,500 / 158,100 / 189,700.
    expect(s.slotting.map((x) => [x.job.code, x.grade, x.flag])).toEqual([
      ['B1200', 4, 'Above midpoint'], // 170,000 vs 158,100: +7.5%
      ['B900', 3, 'Above maximum'], // 150,000 > 145,800
      ['B750', 3, 'Below midpoint'], // 100,000 vs 121,500: −17.7%, above the 97,200 minimum
      ['B500', 2, ''], // 85,000 vs 84,900: +0.1%
      ['B300', 1, 'Above maximum'], // 60,000 > 58,100
      ['B200', 1, 'Below midpoint'], // 40,000 vs 48,400, above the 38,700 minimum
      ['LOW', 1, 'No market data'],
      ['HIGH', 5, 'No market data'],
    ]);
    const grade2 = s.grades[1];
    expect([grade2.minimum, grade2.midpoint, grade2.maximum].map(String)).toEqual(['67900', '84900', '101900']);
    expect(s.slotting[3].marketVsMidpoint!.toFixed(6)).toBe((85000 / 84900 - 1).toFixed(6));
  });

  it('fits the log models on the same benchmarks', () => {
    expect(build({ payLine: 'Exponential' }).fit!.b.toFixed(7)).toBe('0.0013894');
    expect(build({ payLine: 'Power' }).fit!.b.toFixed(6)).toBe('0.789768');
  });

  it('prices at the target percentile and market position before fitting', () => {
    // P75 = 1.1 × salary, lagging the market by 10%: policy = 0.99 × salary, so the line scales by 0.99.
    const lag = build({ marketPercentile: 75, marketPosition: -0.1 });
    expect(lag.problems).toEqual([]);
    expect(lag.priced.get('B1200')!.policyRate.toString()).toBe('168300');
    expect(lag.fit!.b).toBeCloseTo(130.5828 * 0.99, 3);
  });
});

describe('buildPayStructure problems (no throw)', () => {
  const codes = (s: ReturnType<typeof build>) => s.problems.map((p) => [p.severity, p.code]);

  it('needs at least two priced benchmarks', () => {
    const s = build({}, jobs, market.slice(0, 1));
    expect(codes(s)).toEqual([
      ...SIX_BENCHMARKS.slice(1).map(() => ['warning', 'benchmark-without-market']),
      ['error', 'too-few-benchmarks'],
    ]);
    expect(s.problems[0].where).toEqual({ sheet: 'Jobs', row: 3 });
    expect(s.fit).toBeUndefined();
    expect(s.grades).toEqual([]);
    expect(s.slotting).toEqual([]);
    expect(s.edges).toHaveLength(6); // the bands do not depend on the line
  });

  it('rejects a grade count below 1 or not whole', () => {
    for (const grades of [0, -2, 2.5]) {
      const s = build({ grades });
      expect(codes(s)).toEqual([['error', 'invalid-grades']]);
      expect(s.problems[0].where).toEqual({ sheet: 'Assumptions' });
      expect(s.edges).toEqual([]);
    }
  });

  it('rejects geometric bands with zero points and bands when every job has the same points', () => {
    expect(codes(build({ gradeBands: 'Geometric' }, [...jobs, job('ZERO', 0, false)]))).toEqual([
      ['error', 'geometric-bands-need-positive-points'],
    ]);
    const flat = [job('A', 500), job('B', 500)];
    const flatMarket = [marketRow('A', { 50: 1000 }), marketRow('B', { 50: 2000 })];
    expect(codes(build({}, flat, flatMarket))).toEqual([
      ['error', 'pay-line-fit'],
      ['error', 'flat-points'],
    ]);
  });

  it('passes market problems through, with their rows', () => {
    const s = build({}, jobs, [...market, marketRow('NOPE', { 50: 1 }, { ref: { sheet: 'Market', row: 40 } })]);
    expect(codes(s)).toEqual([['warning', 'unknown-job-code']]);
    expect(s.problems[0].where).toEqual({ sheet: 'Market', row: 40 });
    expect(s.grades).toHaveLength(5);
  });

  it('reports a pay line that gives non-positive pay in some grade', () => {
    // Pay falling with points: 100,000 at 100 points, 10,000 at 1,000, so 0 or less from 1,100 points (centres 583, 1,550, 2,517).
    const falling = [job('A', 100), job('B', 1000), job('C', 3000, false)];
    const s = build({ grades: 3 }, falling, [marketRow('A', { 50: 100000 }), marketRow('B', { 50: 10000 })]);
    expect(codes(s)).toEqual([
      ['error', 'non-positive-range'],
      ['error', 'non-positive-range'],
    ]);
    expect(s.problems[0].message).toMatch(/^Assumptions: grade 2/);
  });

  it('rejects negative range spreads and rounding', () => {
    expect(codes(build({ rangeSpread: { low: -0.1, high: 0.5 }, rounding: -1 }))).toEqual([
      ['error', 'invalid-range-spread'],
      ['error', 'invalid-rounding'],
    ]);
  });

  it('reports missing jobs', () => {
    expect(codes(build({}, [], []))).toEqual([
      ['error', 'too-few-benchmarks'],
      ['error', 'no-jobs'],
    ]);
  });
});

describe('buildPayStructure inputs', () => {
  it('accepts weights as market data gives them', () => {
    const weighted = market.map((r) => ({ ...r, weight: money(2) }));
    expect(build({}, jobs, weighted).fit!.a.toFixed(2)).toBe('17042.70');
  });
});
