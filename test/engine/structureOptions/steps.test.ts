import fc from 'fast-check';
import { money } from '../../../src/engine/money';
import { rangeFromMidpoint } from '../../../src/engine/structure';
import { stepRates } from '../../../src/engine/structureOptions/steps';

const str = (xs: { toString(): string }[]) => xs.map(String);

// OPM Salary Table 2024-GS (base, effective January 2024; as reproduced at
// fedsmith.com/2023/12/21/2024-gs-pay-scale/): ten equal steps from step 1 to step 10,
// the within-grade increase (WGI) being (step 10 − step 1)/9.
const GS_2024: [grade: number, steps: number[], wgi: number][] = [
  [3, [26975, 27874, 28773, 29672, 30571, 31470, 32369, 33268, 34167, 35066], 899],
  [5, [33878, 35007, 36136, 37265, 38394, 39523, 40652, 41781, 42910, 44039], 1129],
  [7, [41966, 43365, 44764, 46163, 47562, 48961, 50360, 51759, 53158, 54557], 1399],
  [8, [46475, 48024, 49573, 51122, 52671, 54220, 55769, 57318, 58867, 60416], 1549],
];

describe('step scales', () => {
  it.each(GS_2024)('Equal Amount reproduces the 2024 GS-%p row from its step 1 and step 10', (_grade, row, wgi) => {
    const steps = stepRates(money(row[0]), money(row[9]), 10, 'Equal Amount', 1);
    expect(steps.map(Number)).toEqual(row);
    expect(steps[1].minus(steps[0]).toNumber()).toBe(wgi);
  });

  it('Equal Percentage, by hand: 40,000 to 60,000 in 5 steps, rounding 100', () => {
    // r = 1.5^(1/4) = 1.106682: 40,000; 44,267.28 → 44,300; 48,989.79 → 49,000; 54,216.12 → 54,200; 60,000.
    expect(str(stepRates(money(40000), money(60000), 5, 'Equal Percentage', 100))).toEqual(['40000', '44300', '49000', '54200', '60000']);
    // Equal Amount on the same range: 5,000 a step.
    expect(str(stepRates(money(40000), money(60000), 5, 'Equal Amount', 100))).toEqual(['40000', '45000', '50000', '55000', '60000']);
  });

  it('a step-based structure grade by grade: 50% spread ranges of 40,000 and 48,000 midpoints, 4 steps', () => {
    // Grade 1: 32,000–48,000, steps of 5,333.33: 32,000; 37,333 → 37,300; 42,667 → 42,700; 48,000.
    // Grade 2: 38,400–57,600, steps of 6,400: 38,400; 44,800; 51,200; 57,600.
    const table = [40000, 48000].map((mid) => {
      const { minimum, maximum } = rangeFromMidpoint(money(mid), 0.5, 100);
      return str(stepRates(minimum, maximum, 4, 'Equal Amount', 100));
    });
    expect(table).toEqual([
      ['32000', '37300', '42700', '48000'],
      ['38400', '44800', '51200', '57600'],
    ]);
  });

  it('needs at least two steps', () => {
    expect(() => stepRates(money(1), money(2), 1, 'Equal Amount', 1)).toThrow(RangeError);
  });

  it('steps rise from the minimum to the maximum and stay inside the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 2, max: 30 }),
        fc.constantFrom('Equal Amount' as const, 'Equal Percentage' as const),
        fc.constantFrom(0.01, 1, 10, 100, 1000),
        (k, spread, n, method, rounding) => {
          const { minimum, maximum } = rangeFromMidpoint(money(k).mul(rounding), spread, rounding);
          fc.pre(minimum.gt(0));
          const steps = stepRates(minimum, maximum, n, method, rounding);
          expect(steps).toHaveLength(n);
          expect(steps[0].eq(minimum)).toBe(true);
          expect(steps[n - 1].eq(maximum)).toBe(true);
          for (let i = 1; i < n; i++) expect(steps[i].gte(steps[i - 1])).toBe(true);
          for (const s of steps) expect(s.gte(minimum) && s.lte(maximum)).toBe(true);
        },
      ),
    );
  });
});
