import fc from 'fast-check';
import { money } from '../../../src/engine/money';
import type { PayLineFit } from '../../../src/engine/payLine';
import { buildRanges, gradeEdges } from '../../../src/engine/structure';
import { progressionMidpoints, targetProgression } from '../../../src/engine/structureOptions/progression';
import { designRanges } from '../../../src/engine/structureOptions/ranges';

const linear = (a: number, b: number): PayLineFit => ({ model: 'Linear', a, b, r2: 1, n: 2 });
const str = (xs: { toString(): string }[]) => xs.map(String);
const bandsOf = (edges: number[]) => edges.slice(1).map((maxPoints, i) => ({ minPoints: edges[i], maxPoints }));

// Midpoint progression (WorldatWork: "midpoint differential", the % between adjacent midpoints), typically
// 8–15% at the bottom of a structure rising to 15–25% at the top. Tables below computed by hand.
describe('target progression', () => {
  it('rises linearly from the first step to the last: 8% → 14% over 4 steps is 8, 10, 12, 14%', () => {
    expect([1, 2, 3, 4].map((k) => targetProgression(k, 4, { low: 0.08, high: 0.14 }))).toEqual([0.08, 0.1, 0.12, 0.14]);
    expect(targetProgression(1, 1, { low: 0.08, high: 0.14 })).toBe(0.08);
  });

  it('8% → 14% from 40,000, rounded to 100, grade by grade', () => {
    // 40,000 × 1.08 = 43,200; × 1.10 = 47,520 → 47,500; × 1.12 = 53,200; × 1.14 = 60,648 → 60,600.
    const p = progressionMidpoints(money(40000), 5, { low: 0.08, high: 0.14 }, 100);
    expect(str(p.midpoints)).toEqual(['40000', '43200', '47500', '53200', '60600']);
    expect(p.unrounded.map((x) => +x.toFixed(6))).toEqual([40000, 43200, 47520, 53200, 60648]);
    expect(p.progression).toEqual([0.08, 0.1, 0.12, 0.14, undefined]);
  });

  it('a constant 10% from 40,000: 44,000, 48,400, 53,240 → 53,200, 58,520 → 58,500', () => {
    expect(str(progressionMidpoints(money(40000), 5, { low: 0.1, high: 0.1 }, 100).midpoints)).toEqual(['40000', '44000', '48400', '53200', '58500']);
  });

  it('a given midpoint is used as is and the chain continues from it', () => {
    const p = progressionMidpoints(money(40000), 4, { low: 0.1, high: 0.1 }, 100, [undefined, money(45050)]);
    // 45,050 as given; × 1.1 = 49,555 → 49,600; × 1.1 = 54,560 → 54,600.
    expect(str(p.midpoints)).toEqual(['40000', '45050', '49600', '54600']);
  });
});

describe('designRanges', () => {
  it('a progression structure, grade by grade, against a hand-computed table (spread 50%, rounding 100)', () => {
    // Midpoints 40,000 / 43,200 / 47,500 / 53,200 / 60,600 (above); min = mid / 1.25, max = mid × 1.2:
    const { grades, problems } = designRanges({
      fit: linear(30000, 10),
      bands: bandsOf([100, 200, 300, 400, 500, 600]),
      rangeSpread: { low: 0.5, high: 0.5 },
      rounding: 100,
      midpointMethod: 'Progression',
      progression: { low: 0.08, high: 0.14 },
      firstMidpoint: money(40000),
    });
    expect(problems).toEqual([]);
    expect(grades.map((g) => [g.grade, ...str([g.minimum, g.midpoint, g.maximum])])).toEqual([
      [1, '32000', '40000', '48000'],
      [2, '34600', '43200', '51800'], // 34,560 → 34,600; 51,840 → 51,800
      [3, '38000', '47500', '57000'],
      [4, '42600', '53200', '63800'], // 42,560 → 42,600; 63,840 → 63,800
      [5, '48500', '60600', '72700'], // 48,480 → 48,500; 72,720 → 72,700
    ]);
    expect(grades.map((g) => g.midpointSource)).toEqual(['Given', 'Progression', 'Progression', 'Progression', 'Progression']);
    // The progression after rounding: 47,500 / 43,200 − 1 = 9.954%.
    expect(grades[1].progression!.toFixed(5)).toBe('0.09954');
    expect(grades[0].targetProgression).toBe(0.08);
  });

  it('grade 1 from the pay line when no midpoint is given', () => {
    // Band 1 centre 150: 30,000 + 10 × 150 = 31,500; then × 1.1 = 34,650 → 34,700 (34,650 is a true tie: away from zero).
    const { grades } = designRanges({
      fit: linear(30000, 10),
      bands: bandsOf([100, 200, 300]),
      rangeSpread: { low: 0.5, high: 0.5 },
      rounding: 100,
      midpointMethod: 'Progression',
      progression: { low: 0.1, high: 0.1 },
    });
    expect(str(grades.map((g) => g.midpoint))).toEqual(['31500', '34700']);
    expect(grades[0].midpointSource).toBe('Pay Line');
    expect(grades[0].unroundedMidpoint).toBe(31500);
  });

  it('per-grade midpoint and spread overrides', () => {
    const { grades } = designRanges({
      fit: linear(30000, 10),
      bands: bandsOf([100, 200, 300]),
      rangeSpread: { low: 0.5, high: 0.5 },
      rounding: 100,
      midpointMethod: 'Pay Line',
      progression: { low: 0.1, high: 0.1 },
      overrides: [{ spread: 0.4 }, { midpoint: money(36000) }],
    });
    // Grade 1: 31,500 at 40%: 31,500 / 1.2 = 26,250 → 26,300 (tie away from zero); × 1.4 / 1.2 = 36,750 → 36,800.
    expect(grades.map((g) => [g.midpointSource, g.designSpread, g.spreadGiven, ...str([g.minimum, g.midpoint, g.maximum])])).toEqual([
      ['Pay Line', 0.4, true, '26300', '31500', '36800'],
      ['Given', 0.5, false, '28800', '36000', '43200'],
    ]);
  });

  it('rejects a negative progression and a non-positive first midpoint', () => {
    const base = { fit: linear(30000, 10), bands: bandsOf([100, 200]), rangeSpread: { low: 0.5, high: 0.5 }, rounding: 100, midpointMethod: 'Progression' as const };
    expect(designRanges({ ...base, progression: { low: -0.1, high: 0.1 } }).problems.map((p) => p.code)).toEqual(['invalid-progression']);
    expect(designRanges({ ...base, progression: { low: 0.1, high: 0.1 }, firstMidpoint: money(0) }).problems.map((p) => p.code)).toEqual(['invalid-first-midpoint']);
  });
});

describe('progression properties', () => {
  it('the Pay Line method reproduces buildRanges exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10000, max: 60000 }),
        fc.double({ min: 10, max: 400, noNaN: true }),
        fc.integer({ min: 50, max: 500 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.integer({ min: 1, max: 15 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.constantFrom(0, 0.01, 1, 100, 1000),
        (a, b, lowest, width, n, low, rise, rounding) => {
          const edges = gradeEdges(lowest, lowest + width, n, 'Equal');
          const rangeSpread = { low, high: low + rise };
          const expected = buildRanges(linear(a, b), edges, { grades: n, rounding, rangeSpread });
          const { grades } = designRanges({ fit: linear(a, b), bands: bandsOf(edges), rangeSpread, rounding, midpointMethod: 'Pay Line', progression: { low: 0.1, high: 0.1 } });
          expect(grades.map((g) => [g.minimum, g.midpoint, g.maximum, g.progression, g.overlap].map(String))).toEqual(
            expected.map((g) => [g.minimum, g.midpoint, g.maximum, g.progression, g.overlap].map(String)),
          );
        },
      ),
    );
  });

  it('midpoints are monotone and each within half a rounding step of the previous × (1 + target)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 20000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0.01, 1, 10, 100, 1000),
        (k, n, lowPct, risePct, rounding) => {
          // A given first midpoint is used as is; on the rounding grid, as a pay line midpoint is.
          const first = money(k).mul(rounding).toNumber();
          const progression = { low: lowPct / 100, high: (lowPct + risePct) / 100 };
          const p = progressionMidpoints(money(first), n, progression, rounding);
          for (let g = 1; g < n; g++) {
            expect(p.midpoints[g].gte(p.midpoints[g - 1])).toBe(true);
            const target = p.midpoints[g - 1].toNumber() * (1 + p.progression[g - 1]!);
            expect(Math.abs(p.midpoints[g].toNumber() - target)).toBeLessThanOrEqual(rounding / 2 + 1e-6);
            if (progression.low > 0 && first * progression.low > rounding) expect(p.midpoints[g].gt(p.midpoints[g - 1])).toBe(true);
          }
        },
      ),
    );
  });
});
