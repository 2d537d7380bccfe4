import fc from 'fast-check';
import type { PricedJob } from '../../src/engine/market';
import { money } from '../../src/engine/money';
import { slotJobs } from '../../src/engine/slotting';
import { buildRanges, gradeEdges, gradeOfPoints, type GradeRange } from '../../src/engine/structure';
import { job } from './fixtures';

/** Two hand-made grades: 100–200 points (40,000 – 50,000 – 60,000) and 200–300 (50,000 – 62,500 – 75,000). */
const edges = [100, 200, 300];
const range = (grade: number, min: number, mid: number, max: number): GradeRange => ({
  grade,
  minPoints: edges[grade - 1],
  maxPoints: edges[grade],
  centre: (edges[grade - 1] + edges[grade]) / 2,
  payLineRate: mid,
  midpoint: money(mid),
  minimum: money(min),
  maximum: money(max),
  designSpread: 0.5,
  spread: money(0.5),
});
const grades = [range(1, 40000, 50000, 60000), range(2, 50000, 62500, 75000)];
const priced = (rates: Record<string, number>) =>
  new Map<string, PricedJob>(
    Object.entries(rates).map(([code, r]) => [code, { jobCode: code, marketRate: money(r), policyRate: money(r).mul(1.05), surveys: [] }]),
  );

describe('slotJobs', () => {
  const jobs = [
    job('ON', 150),
    job('HIGH', 150),
    job('MAX', 150),
    job('LOW', 150),
    job('MIN', 150),
    job('JUST', 150),
    job('TOP', 300),
    job('NONE', 250),
    job('OUT', 301),
  ];
  const market = priced({ ON: 50000, HIGH: 53000, MAX: 61000, LOW: 47000, MIN: 39999, JUST: 52500, TOP: 62500, OUT: 70000 });
  const slotted = slotJobs(jobs, edges, grades, market, 0.05);
  const byCode = new Map(slotted.map((s) => [s.job.code, s]));

  it('slots and flags each job', () => {
    expect(slotted.map((s) => [s.job.code, s.grade, s.flag])).toEqual([
      ['ON', 1, ''],
      ['HIGH', 1, 'Above midpoint'], // 53,000 / 50,000 − 1 = 6% > 5%
      ['MAX', 1, 'Above maximum'],
      ['LOW', 1, 'Below midpoint'], // −6%
      ['MIN', 1, 'Below minimum'],
      ['JUST', 1, ''], // exactly +5% is within tolerance
      ['TOP', 2, ''], // the top grade includes its upper edge
      ['NONE', 2, 'No market data'],
      ['OUT', undefined, 'Outside bands'],
    ]);
  });

  it('reports market vs midpoint and the range', () => {
    const high = byCode.get('HIGH')!;
    expect(high.marketVsMidpoint!.toString()).toBe('0.06');
    expect([high.minimum!, high.midpoint!, high.maximum!].map(String)).toEqual(['40000', '50000', '60000']);
    expect(high.marketRate!.toString()).toBe('53000');
    expect(high.policyRate!.toString()).toBe('55650');
    expect(byCode.get('NONE')!.midpoint!.toString()).toBe('62500');
    expect(byCode.get('NONE')!.marketRate).toBeUndefined();
    expect(byCode.get('OUT')!.marketRate!.toString()).toBe('70000');
    expect(byCode.get('OUT')!.midpoint).toBeUndefined();
  });

  it('flags outside bands before missing market data', () => {
    expect(slotJobs([job('X', 5)], edges, grades, new Map(), 0.05)[0].flag).toBe('Outside bands');
  });
});

describe('slotting properties', () => {
  it('puts every job with points in [e0, eN] in exactly the one grade whose band holds it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom('Equal' as const, 'Geometric' as const),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (lowest, width, n, method, fractions) => {
          const e = gradeEdges(lowest, lowest + width, n, method);
          const ranges = buildRanges({ model: 'Linear', a: 20000, b: 50, r2: 1, n: 2 }, e, { grades: n, rounding: 100, rangeSpread: { low: 0.4, high: 0.6 } });
          // Points spread over the band, plus every edge itself.
          const points = [...fractions.map((f) => Math.min(lowest + f * width, lowest + width)), ...e];
          const jobs = points.map((p, i) => job(`J${i}`, p));
          const slotted = slotJobs(jobs, e, ranges, new Map(), 0.05);
          expect(slotted).toHaveLength(jobs.length);
          slotted.forEach((s, i) => {
            const p = jobs[i].points;
            const holding = ranges.filter((r, g) => r.minPoints <= p && (p < r.maxPoints || (g === n - 1 && p === r.maxPoints)));
            expect(holding).toHaveLength(1);
            expect(s.grade).toBe(holding[0].grade);
            expect(s.grade).toBe(gradeOfPoints(p, e));
            expect(s.midpoint!.eq(holding[0].midpoint)).toBe(true);
            expect(s.flag).toBe('No market data');
          });
        },
      ),
    );
  });
});
