import fc from 'fast-check';
import { money } from '../../../src/engine/money';
import { allocateBonus, exactBonus, roundedQuotient } from '../../../src/engine/merit';

/** t·p / d rounded to the nearest double (ties to even), in big integers: the quotient to 64 bits and a sticky bit. */
function nearestDouble(t: number, p: number, d: number): number {
  const num = BigInt(t) * BigInt(p);
  const shift = 62 - Math.floor(Math.log2((t * p) / d));
  const scaled = shift >= 0 ? num << BigInt(shift) : num;
  const den = shift >= 0 ? BigInt(d) : BigInt(d) << BigInt(-shift);
  const q = scaled / den;
  const sticky = scaled % den === 0n ? 0n : 1n;
  return Number((q << 1n) | sticky) * 2 ** -(Math.max(shift, 0) + 1) * 2 ** Math.max(-shift, 0);
}

describe('roundedQuotient: t·p / d correctly rounded, in doubles', () => {
  it('is the nearest double wherever it answers, and answers away from ties', () => {
    const safe = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 1e9 }), safe), fc.oneof(fc.integer({ min: 1, max: 1e11 }), safe), fc.integer({ min: 1, max: 9e13 }), (t, p, s) => {
        const q = roundedQuotient(t, p, 100 * s);
        if (q !== undefined) expect(q).toBe(nearestDouble(t, p, 100 * s));
      }),
      { numRuns: 20000 },
    );
  });

  it('leaves an exact tie to the caller: 64,200 × 28,059,810,762,433 / 100 = 2^54 + 2, half-way between doubles', () => {
    expect(roundedQuotient(64200, 28059810762433, 100)).toBeUndefined();
    expect(roundedQuotient(64200, 28059810762434, 100)).toBe(nearestDouble(64200, 28059810762434, 100));
  });
});

describe('allocateBonus: the numbers are the doubles of the exact amounts', () => {
  it('target, scaled and bonus read as the decimals would', () => {
    const row = fc.record({ cents: fc.integer({ min: 1_000_000, max: 30_000_000 }), fte: fc.constantFrom(1, 0.5, 0.8), grade: fc.integer({ min: 1, max: 4 }), rating: fc.integer({ min: 1, max: 5 }), months: fc.integer({ min: 0, max: 12 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 1e10 }), fc.constantFrom(0, 0.01, 1, 5, 100), (rows, pool, rounding) => {
        const cases = rows.map((r, i) => ({ id: `E${i}`, base: money(r.cents).div(100), fte: r.fte, grade: r.grade, rating: r.rating, proration: r.months / 12 }));
        const plan = allocateBonus(cases, new Map([[1, 0.05], [2, 0.1], [3, 0.15], [4, 0.2]]), new Map([[1, 0], [2, 0.5], [3, 1], [4, 1.25], [5, 1.5]]), money(pool).div(100), rounding);
        for (const r of plan.rows) {
          const e = exactBonus(plan, r);
          expect([r.target, r.scaled, r.bonus]).toEqual([e.target.toNumber(), e.scaled.toNumber(), e.bonus.toNumber()]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
