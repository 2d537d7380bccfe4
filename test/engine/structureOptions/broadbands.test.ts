import fc from 'fast-check';
import { money } from '../../../src/engine/money';
import type { PayLineFit } from '../../../src/engine/payLine';
import { buildRanges, gradeEdges } from '../../../src/engine/structure';
import { broadbandGroups, buildBroadbands } from '../../../src/engine/structureOptions/broadbands';
import { designRanges } from '../../../src/engine/structureOptions/ranges';

const linear = (a: number, b: number): PayLineFit => ({ model: 'Linear', a, b, r2: 1, n: 2 });

describe('broadbands', () => {
  it('split the grades as evenly as possible, or by the sizes given', () => {
    expect(broadbandGroups(10, { bands: 3 })).toEqual([{ first: 1, last: 3 }, { first: 4, last: 6 }, { first: 7, last: 10 }]);
    expect(broadbandGroups(10, { bands: 4 })).toEqual([{ first: 1, last: 2 }, { first: 3, last: 5 }, { first: 6, last: 7 }, { first: 8, last: 10 }]);
    expect(broadbandGroups(10, { sizes: [4, 4, 2] })).toEqual([{ first: 1, last: 4 }, { first: 5, last: 8 }, { first: 9, last: 10 }]);
    expect(broadbandGroups(5, { bands: 1 })).toEqual([{ first: 1, last: 5 }]);
  });

  it('refuse what cannot be applied', () => {
    expect(broadbandGroups(3, { bands: 4 })).toEqual({ error: '4 broadbands cannot be made from 3 grades' });
    expect(broadbandGroups(10, { sizes: [3, 3, 3] })).toEqual({ error: 'Broadbands sizes 3; 3; 3 add up to 9 grades, but the structure has 10' });
    expect(broadbandGroups(10, { bands: 0 })).toHaveProperty('error');
  });

  it('by hand: six grades into three bands, the band from its lowest grade\'s minimum to its highest grade\'s maximum', () => {
    // Midpoints 40,000 × 1.1^k rounded to 100, 50% spread (min = mid/1.25, max = mid × 1.2):
    // g1 32,000–48,000, g2 35,200–52,800, g3 38,700–58,100 (48,400), g4 42,600–63,800 (53,200),
    // g5 46,800–70,200 (58,500), g6 51,500–77,300 (64,400: 58,500 × 1.1 = 64,350 → 64,400).
    const { grades } = designRanges({
      fit: linear(0, 1),
      bands: [0, 1, 2, 3, 4, 5].map((i) => ({ minPoints: i * 100, maxPoints: (i + 1) * 100 })),
      rangeSpread: { low: 0.5, high: 0.5 },
      rounding: 100,
      midpointMethod: 'Progression',
      progression: { low: 0.1, high: 0.1 },
      firstMidpoint: money(40000),
    });
    expect(grades.map((g) => [g.minimum, g.midpoint, g.maximum].map(Number))).toEqual([
      [32000, 40000, 48000],
      [35200, 44000, 52800],
      [38700, 48400, 58100],
      [42600, 53200, 63800],
      [46800, 58500, 70200],
      [51500, 64400, 77300],
    ]);
    const bands = buildBroadbands(grades, broadbandGroups(6, { bands: 3 }) as { first: number; last: number }[], 100);
    // Band 1: 32,000–52,800, midpoint 42,400, spread 65%; band 2: 38,700–63,800, 51,250 → 51,300 (tie up);
    // band 3: 46,800–77,300, midpoint 62,050 → 62,100, spread 65.17%.
    expect(bands.map((b) => [b.band, b.firstGrade, b.lastGrade, b.minPoints, b.maxPoints, ...[b.minimum, b.midpoint, b.maximum].map(Number), b.spread.toFixed(4)])).toEqual([
      [1, 1, 2, 0, 200, 32000, 42400, 52800, '0.6500'],
      [2, 3, 4, 200, 400, 38700, 51300, 63800, '0.6486'],
      [3, 5, 6, 400, 600, 46800, 62100, 77300, '0.6517'],
    ]);
  });

  it('cover their grades: contiguous, every grade in one band, each band spanning its grades\' ranges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 10000, max: 60000 }),
        fc.double({ min: 10, max: 300, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.constantFrom(1, 100, 1000),
        (n, b, a, slope, spread, rounding) => {
          fc.pre(b <= n);
          const ranges = buildRanges(linear(a, slope), gradeEdges(100, 1000, n, 'Equal'), { grades: n, rounding, rangeSpread: { low: spread, high: spread } });
          const groups = broadbandGroups(n, { bands: b }) as { first: number; last: number }[];
          expect(groups).toHaveLength(b);
          expect(groups[0].first).toBe(1);
          expect(groups[b - 1].last).toBe(n);
          groups.forEach((g, i) => {
            expect(g.last).toBeGreaterThanOrEqual(g.first);
            if (i > 0) expect(g.first).toBe(groups[i - 1].last + 1);
          });
          for (const band of buildBroadbands(ranges, groups, rounding)) {
            for (let g = band.firstGrade; g <= band.lastGrade; g++) {
              const r = ranges[g - 1];
              expect(band.minimum.lte(r.minimum) && band.maximum.gte(r.maximum)).toBe(true);
              expect(band.minPoints <= r.minPoints && band.maxPoints >= r.maxPoints).toBe(true);
            }
            expect(band.minimum.lte(band.midpoint) && band.midpoint.lte(band.maximum)).toBe(true);
          }
        },
      ),
    );
  });
});
