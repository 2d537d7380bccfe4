import fc from 'fast-check';
import { decimalCents, decimalUnits, ExactSum, roundCents, roundCentsOfText, RunningSum } from '../../src/engine/exactSum';
import { fromDouble, money, roundExcel, sum } from '../../src/engine/money';

describe('roundCents: ROUND(x, 2) in whole cents without a decimal', () => {
  it('agrees with roundExcel wherever it answers, and answers for ordinary amounts', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e11, max: 1e11, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000)), (x) => {
        const c = roundCents(x);
        if (c !== undefined) {
          answered++;
          expect(money(c).div(100).eq(roundExcel(x, 2))).toBe(true);
        }
      }),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(15000);
  });

  it('leaves the near-ties to decimal rounding: Excel rounds 2.675 (stored 2.67499999…) to 2.68', () => {
    // The classic double-precision trap: 2.675 is 2.67499999999999982236431605997495353221893310546875 as a
    // double, but Excel reads it as 2.675 (15 significant digits) and ROUND(2.675, 2) = 2.68.
    expect(roundCents(2.675)).toBeUndefined();
    expect(roundExcel(2.675, 2).toFixed(2)).toBe('2.68');
    expect(roundCents(1.005)).toBeUndefined();
    expect(roundCents(-0.125)).toBeUndefined();
    expect(roundCents(1234.5678)).toBe(123457);
    expect(roundCents(-1234.5678)).toBe(-123457);
    expect(roundCents(0)).toBe(0);
    expect(roundCents(Number.NaN)).toBeUndefined();
    expect(roundCents(1e14)).toBeUndefined();
  });
});

describe('decimalCents', () => {
  it('is the whole cents of decimals with at most two places, else undefined', () => {
    expect(decimalCents(money('52000.25'))).toBe(5200025);
    expect(decimalCents(money('-0.07'))).toBe(-7);
    expect(decimalCents(money('52000.255'))).toBeUndefined();
    expect(decimalCents(money('1e13'))).toBeUndefined();
  });
});

describe('ExactSum equals the term-by-term decimal sum', () => {
  it('for whole cents times FTEs, decimals and spills past the safe-integer range', () => {
    const term = fc.record({
      cents: fc.integer({ min: -1e12, max: 1e12 }),
      fte: fc.constantFrom(1, 0.5, 0.8, 0.75, 0.6, 1 / 3, 0.1, 2),
      odd: fc.option(fc.integer({ min: -1e9, max: 1e9 }).map((n) => money(n).div(1000)), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 60 }), (terms) => {
        const s = new ExactSum();
        const expected = sum(
          terms.map((t) => {
            if (t.odd) {
              s.addDecimal(t.odd);
              return t.odd;
            }
            s.addCents(t.cents, t.fte);
            return money(t.cents).div(100).mul(fromDouble(t.fte));
          }),
        );
        expect(s.total().eq(expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps exact past 2^53 cents by spilling into decimal', () => {
    const s = new ExactSum();
    const big = Number.MAX_SAFE_INTEGER - 5;
    s.addCents(big);
    s.addCents(10);
    s.addCents(big, 0.5);
    s.addCents(big, 0.5);
    const expected = money(big).plus(10).plus(money(big).mul(2).mul('0.5')).div(100);
    expect(s.total().eq(expected)).toBe(true);
  });

  it('adds another sum', () => {
    const a = new ExactSum();
    const b = new ExactSum();
    a.addCents(150, 0.8);
    b.addCents(250, 0.8);
    b.addDecimal(money('0.001'));
    a.addSum(b);
    expect(a.total().toString()).toBe('3.201');
  });
});

describe('RunningSum: the 40-digit decimal loop, digit for digit', () => {
  it('equals `s = s.plus(t)` term by term, whatever the mix of integer-unit and decimal terms', () => {
    const term = fc.oneof(
      fc.record({ units: fc.integer({ min: -1e12, max: 1e15 }), places: fc.integer({ min: 0, max: 22 }) }),
      // Terms of 40 significant digits (a third, a seventh…) make the decimal sum round.
      fc.record({ n: fc.integer({ min: -1e9, max: 1e9 }), q: fc.integer({ min: 1, max: 1e6 }) }),
    );
    fc.assert(
      fc.property(fc.array(term, { maxLength: 200 }), (terms) => {
        const s = new RunningSum();
        let expected = money(0);
        for (const t of terms) {
          if ('units' in t) {
            s.addUnits(t.units, t.places);
            expected = expected.plus(money(t.units).div(money(10).pow(t.places)));
          } else {
            const d = money(t.n).div(3 * t.q + 1);
            s.addDecimal(d);
            expected = expected.plus(d);
          }
        }
        expect(s.total().toString()).toBe(expected.toString());
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps adding after a total is read, and resets to zero', () => {
    const s = new RunningSum();
    s.addUnits(1, 1);
    s.addDecimal(money(1).div(3));
    expect(s.total().toString()).toBe(money('0.1').plus(money(1).div(3)).toString());
    s.addUnits(25, 2);
    expect(s.total().toString()).toBe(money('0.1').plus(money(1).div(3)).plus('0.25').toString());
    s.reset();
    expect(s.total().toString()).toBe('0');
  });
});

describe('decimalUnits: a double as decimalOf reads it, in integer units', () => {
  it('is units × 10^-places of the 15-digit form', () => {
    expect(decimalUnits(0.8)).toEqual({ units: 8, places: 1 });
    expect(decimalUnits(0.045)).toEqual({ units: 45, places: 3 });
    expect(decimalUnits(1)).toEqual({ units: 1, places: 0 });
    expect(decimalUnits(1 / 3)).toEqual({ units: 333333333333333, places: 15 });
    expect(decimalUnits(1e-30)).toBeUndefined();
    expect(decimalUnits(Number.NaN)).toBeUndefined();
  });

  it('agrees with fromDouble', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const u = decimalUnits(x);
        if (u) expect(money(u.units).div(money(10).pow(u.places)).eq(fromDouble(x))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('roundCentsOfText: the near-ties of ROUND(x, 2) without a decimal', () => {
  it('is decimalCents(roundExcel(x, 2)) wherever it answers', () => {
    const near = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0.5, 0.4999999999999, 0.5000000000001, 0.49, 0.51, 0)).map(([n, f]) => (n + f) / 100);
    fc.assert(
      fc.property(fc.oneof(near, fc.double({ min: -1e14, max: 1e14, noNaN: true })), (x) => {
        const c = roundCentsOfText(x);
        if (c !== undefined) expect(Object.is(c, decimalCents(roundExcel(x, 2)))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(roundCentsOfText(2.675)).toBe(268);
    expect(roundCentsOfText(-0.125)).toBe(-13);
    expect(roundCentsOfText(1e20)).toBeUndefined();
  });
});
