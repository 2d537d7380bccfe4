import Decimal from 'decimal.js';
import fc from 'fast-check';
import { money, roundExcel } from '../../src/engine/money';
import type { PayLineFit } from '../../src/engine/payLine';
import {
  buildRanges,
  designSpread,
  gradeEdges,
  gradeOfPoints,
  plusMinusFromSpread,
  rangeFromMidpoint,
  spreadFromPlusMinus,
} from '../../src/engine/structure';

const linear = (a: number, b: number): PayLineFit => ({ model: 'Linear', a, b, r2: 1, n: 2 });

describe('gradeEdges', () => {
  it('equal bands', () => {
    expect(gradeEdges(100, 600, 5, 'Equal')).toEqual([100, 200, 300, 400, 500, 600]);
    expect(gradeEdges(100, 200, 3, 'Equal')).toEqual([100, 133.333333333333, 166.666666666667, 200]);
  });
  it('geometric bands: each edge a constant ratio above the last', () => {
    expect(gradeEdges(100, 3200, 5, 'Geometric')).toEqual([100, 200, 400, 800, 1600, 3200]);
  });
  it('one grade is the whole range', () => {
    expect(gradeEdges(150, 900, 1, 'Geometric')).toEqual([150, 900]);
  });
  it('rejects impossible bands', () => {
    expect(() => gradeEdges(100, 200, 0, 'Equal')).toThrow(RangeError);
    expect(() => gradeEdges(0, 200, 3, 'Geometric')).toThrow(RangeError);
    expect(() => gradeEdges(300, 200, 3, 'Equal')).toThrow(RangeError);
  });
});

describe('gradeOfPoints', () => {
  const edges = [100, 200, 300];
  it.each([
    [100, 1],
    [199.99, 1],
    [200, 2], // an edge belongs to the band above it
    [300, 2], // the top grade includes e_N
    [99.99, undefined],
    [300.01, undefined],
    [Number.NaN, undefined],
  ])('%p points → grade %p', (points, grade) => {
    expect(gradeOfPoints(points, edges)).toBe(grade);
  });
});

describe('designSpread', () => {
  it('rises linearly from the low spread at grade 1 to the high at the top grade', () => {
    const spread = { low: 0.4, high: 0.6 };
    expect([1, 2, 3, 4, 5].map((g) => designSpread(g, 5, spread))).toEqual([0.4, 0.45, 0.5, 0.55, 0.6]);
    expect(designSpread(1, 1, spread)).toBe(0.4);
  });
});

// Range construction as taught in the standard compensation texts (WorldatWork's definitions):
// a range of ±x around its midpoint has spread (1 + x)/(1 − x) − 1 = 2x/(1 − x).
describe('spread and ±x around the midpoint', () => {
  it.each([
    [1 / 6, 0.4], // ±16.7% ↔ 40%
    [0.2, 0.5], // ±20% ↔ 50%
    [1 / 3, 1], // ±33.3% ↔ 100%
  ])('±%p ↔ spread %p', (x, spread) => {
    expect(spreadFromPlusMinus(x)).toBeCloseTo(spread, 14);
    expect(plusMinusFromSpread(spread)).toBeCloseTo(x, 14);
  });
  it('a range built from that spread sits ±x around its midpoint', () => {
    const { minimum, maximum } = rangeFromMidpoint(money(60000), 0.5, 0);
    expect(minimum.toString()).toBe('48000');
    expect(maximum.toString()).toBe('72000');
  });
});

// Textbook exercise "Pay Range A / Pay Range B" (worked solution at wizedu.com/questions/611647):
// midpoint $47,500 with a 15% spread → $44,186 – $50,814; midpoint $53,750 with a 25% spread →
// $47,778 – $59,722.50 (the solution rounds the minimum first; exactly it is 59,722.22);
// overlap = (50,814 − 47,778)/(59,722 − 47,778) = 25.42%.
describe('rangeFromMidpoint and buildRanges: the Pay Range A / B example', () => {
  it('rounds min and max to the cent', () => {
    const a = rangeFromMidpoint(money(47500), 0.15, 0.01);
    expect([a.minimum.toString(), a.maximum.toString()]).toEqual(['44186.05', '50813.95']);
    const b = rangeFromMidpoint(money(53750), 0.25, 0.01);
    expect([b.minimum.toString(), b.maximum.toString()]).toEqual(['47777.78', '59722.22']);
  });

  it('gives an overlap of 25.42% and the progression between the midpoints', () => {
    // A line through (1, 47,500) and (3, 53,750), read at the band centres 1 and 3.
    const ranges = buildRanges(linear(44375, 3125), [0, 2, 4], { grades: 2, rounding: 0.01, rangeSpread: { low: 0.15, high: 0.25 } });
    expect(ranges.map((r) => [r.grade, r.centre, r.midpoint.toString(), r.designSpread])).toEqual([
      [1, 1, '47500', 0.15],
      [2, 3, '53750', 0.25],
    ]);
    expect(ranges[0].overlap!.toFixed(4)).toBe('0.2542');
    expect(ranges[0].progression!.toFixed(6)).toBe('0.131579'); // 53,750 / 47,500 − 1
    expect(ranges[1].overlap).toBeUndefined();
    expect(ranges[1].progression).toBeUndefined();
    expect(ranges[0].spread.toFixed(6)).toBe('0.150000');
  });

  it('rounds the midpoint to the rounding multiple before building the range', () => {
    const [r] = buildRanges(linear(0, 1), [52000, 53300], { grades: 1, rounding: 1000, rangeSpread: { low: 0.5, high: 0.5 } });
    expect(r.payLineRate).toBe(52650);
    expect(r.midpoint.toString()).toBe('53000');
    // 53,000 / 1.25 = 42,400 → 42,000; 53,000 × 1.5 / 1.25 = 63,600 → 64,000
    expect([r.minimum.toString(), r.maximum.toString()]).toEqual(['42000', '64000']);
  });
});

const roundings = fc.constantFrom(0, 0.01, 1, 10, 100);

describe('structure properties', () => {
  it('edges are monotone, N + 1 long, from the lowest to the highest points exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('Equal' as const, 'Geometric' as const),
        (lowest, width, grades, method) => {
          const highest = lowest + width;
          const edges = gradeEdges(lowest, highest, grades, method);
          expect(edges).toHaveLength(grades + 1);
          expect(edges[0]).toBe(lowest);
          expect(edges[grades]).toBe(highest);
          for (let g = 1; g <= grades; g++) expect(edges[g]).toBeGreaterThanOrEqual(edges[g - 1]);
          if (width > 1e-6 * lowest) {
            for (let g = 1; g <= grades; g++) expect(edges[g]).toBeGreaterThan(edges[g - 1]);
          }
        },
      ),
    );
  });

  it('equal edges step evenly; geometric edges by a constant ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 20 }), (lowest, width, grades) => {
        const highest = lowest + width;
        const equal = gradeEdges(lowest, highest, grades, 'Equal');
        const geometric = gradeEdges(lowest, highest, grades, 'Geometric');
        const r = (highest / lowest) ** (1 / grades);
        for (let g = 0; g <= grades; g++) {
          expect(equal[g]).toBeCloseTo(lowest + (g * width) / grades, 9);
          expect(geometric[g] / (lowest * r ** g)).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('gradeOfPoints agrees with a linear scan of the bands', () => {
    const edgesArb = fc
      .array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 })
      .map((xs) => xs.sort((x, y) => x - y));
    fc.assert(
      fc.property(edgesArb, fc.integer({ min: -10, max: 1010 }), fc.boolean(), (edges, p, onEdge) => {
        const points = onEdge ? edges[Math.abs(p) % edges.length] : p + 0.5;
        const n = edges.length - 1;
        let expected: number | undefined;
        for (let g = 1; g <= n && expected === undefined; g++) {
          if (edges[g - 1] <= points && points < edges[g]) expected = g;
        }
        if (expected === undefined && points === edges[n]) expected = n;
        expect(gradeOfPoints(points, edges)).toBe(expected);
      }),
    );
  });

  it('min < mid < max for positive spreads and sane rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10000, max: 10000000 }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        roundings,
        (mid, spread, rounding) => {
          const { minimum, maximum } = rangeFromMidpoint(money(mid), spread, rounding);
          expect(minimum.lt(mid)).toBe(true);
          expect(maximum.gt(mid)).toBe(true);
        },
      ),
    );
  });

  it('min ≤ mid ≤ max for any non-negative spread when the midpoint is on the rounding grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 3, noNaN: true }), roundings, (k, spread, rounding) => {
        const mid = money(k).mul(rounding || 1);
        const { minimum, maximum } = rangeFromMidpoint(mid, spread, rounding);
        expect(minimum.lte(mid) && mid.lte(maximum)).toBe(true);
      }),
    );
  });

  it('min and max agree with the sheet formula ROUND(mid/(1+s/2)/R,0)*R evaluated in doubles', () => {
    // Spreads from designSpread are often repeating fractions (2/3, 2/13…), where near-ties are common.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(0.01, 1, 10, 100, 1000),
        (k, grades, g, low, high, rounding) => {
          const s = designSpread((g % grades) + 1, grades, { low: low / 100, high: high / 100 });
          const mid = money(k).mul(rounding);
          const m = mid.toNumber();
          const sheetMin = roundExcel(m / (1 + s / 2) / rounding, 0).mul(rounding);
          const sheetMax = roundExcel((m * (1 + s)) / (1 + s / 2) / rounding, 0).mul(rounding);
          const { minimum, maximum } = rangeFromMidpoint(mid, s, rounding);
          expect(minimum.eq(sheetMin)).toBe(true);
          expect(maximum.eq(sheetMax)).toBe(true);
          // …and within half a rounding step of the exact value.
          const exactMin = mid.div(new Decimal(s).div(2).plus(1));
          expect(minimum.minus(exactMin).abs().lte(new Decimal(rounding).div(2).plus(1e-6))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a true tie rounds away from zero, as the sheet rounds it', () => {
    // Spread 2/3 (held as 0.666666666666667): 965,582 × 3/4 = 724,186.5 exactly → 724,187.
    // Exact decimal arithmetic on the 15-digit spread would give 724,186.49999… → 724,186.
    const s = designSpread(2, 4, { low: 0.5, high: 1 });
    expect(s).toBe(0.666666666666667);
    expect(rangeFromMidpoint(money(965582), s, 1).minimum.toString()).toBe('724187');
  });

  it('spread, progression and overlap agree with their definitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10000, max: 60000 }),
        fc.double({ min: 10, max: 400, noNaN: true }),
        fc.integer({ min: 50, max: 500 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.integer({ min: 1, max: 15 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        roundings,
        (a, b, lowest, width, grades, low, rise, rounding) => {
          const fit = linear(a, b);
          const edges = gradeEdges(lowest, lowest + width, grades, 'Equal');
          const ranges = buildRanges(fit, edges, { grades, rounding, rangeSpread: { low, high: low + rise } });
          expect(ranges.map((r) => r.grade)).toEqual(Array.from({ length: grades }, (_, i) => i + 1));
          ranges.forEach((r, i) => {
            expect([r.minPoints, r.maxPoints]).toEqual([edges[i], edges[i + 1]]);
            expect(r.centre).toBe((edges[i] + edges[i + 1]) / 2);
            expect(r.payLineRate).toBe(a + b * r.centre);
            expect(r.minimum.lt(r.midpoint) && r.midpoint.lt(r.maximum)).toBe(true);
            expect(r.spread.eq(r.maximum.minus(r.minimum).div(r.minimum))).toBe(true);
            // The rounded spread stays within a rounding step of the designed one.
            expect(Math.abs(r.spread.toNumber() - r.designSpread)).toBeLessThan((3 * (rounding || 1e-9)) / r.minimum.toNumber() + 1e-12);
            const next = ranges[i + 1];
            if (!next) {
              expect(r.progression).toBeUndefined();
              expect(r.overlap).toBeUndefined();
              return;
            }
            expect(r.progression!.eq(next.midpoint.div(r.midpoint).minus(1))).toBe(true);
            const overlap = new Decimal(r.maximum.minus(next.minimum)).div(next.maximum.minus(next.minimum));
            expect(r.overlap!.minus(overlap).abs().lt(1e-18)).toBe(true);
            // A rising pay line gives rising midpoints.
            expect(r.progression!.gte(0)).toBe(true);
          });
          // Design spreads rise linearly from low to high.
          expect(ranges[0].designSpread).toBeCloseTo(low, 12);
          expect(ranges[grades - 1].designSpread).toBeCloseTo(grades === 1 ? low : low + rise, 12);
        },
      ),
    );
  });
});
