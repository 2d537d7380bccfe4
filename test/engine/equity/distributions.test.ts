/**
 * Reference values: R 4.2.2 (lgamma, pbeta, pt, qt, pf), which implement the same functions with
 * different algorithms (TOMS 708 for pbeta); textbook checks: Γ(1/2) = √π, Beta(1,1) is uniform,
 * Beta(2,5) CDF at 0.3 in closed form, and the familiar t-table values t(0.975; 10) = 2.228,
 * t(0.975; ∞) = 1.960 (e.g. Wooldridge, Introductory Econometrics, Table G.2).
 */
import fc from 'fast-check';
import {
  fisherFUpperTail,
  incompleteBeta,
  logGamma,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
  studentTTwoSided,
} from '../../../src/engine/equity/distributions';

const close = (actual: number, expected: number, relative = 1e-12) => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));
};

describe('logGamma', () => {
  it('matches known values', () => {
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14); // Γ(1/2) = √π
    close(logGamma(10), Math.log(362880), 1e-14); // Γ(10) = 9!
    close(logGamma(100.5), 361.43554046777757094, 1e-14);
    close(logGamma(1e-3), 6.90717888538385338, 1e-13);
    close(logGamma(3.5), 1.2009736023470743, 1e-14);
    close(logGamma(171.5), 709.1431630309283491, 1e-14);
    close(logGamma(0.1), 2.252712651734206, 1e-14);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
  });
});

describe('regularized incomplete beta', () => {
  it('matches R pbeta', () => {
    // Beta(2,5) CDF at 0.3: 1 − Σ_{j<2} C(6,j) 0.3^j 0.7^(6−j) = 0.579825 exactly.
    close(regularizedBeta(0.3, 2, 5), 0.579825, 1e-13);
    close(regularizedBeta(0.9, 0.5, 0.5), 0.79516723530086664, 1e-13);
    close(regularizedBeta(0.2, 0.5, 3.5), 0.77254718194023686, 1e-13);
    close(regularizedBeta(0.99, 50, 2), 0.90750910070630475, 1e-12);
    close(regularizedBeta(0.5, 200, 300), 0.99999645651973568, 1e-13);
    close(regularizedBeta(0.7, 200, 80), 0.29374688750766831, 1e-11);
    close(regularizedBeta(0.5, 1, 1), 0.5, 1e-15);
  });
  it('returns the upper tail directly, keeping its precision', () => {
    const t = incompleteBeta(0.3, 2, 5);
    close(t.upper, 0.420175, 1e-13);
    expect(t.lower + t.upper).toBeCloseTo(1, 15);
  });
  it('is a CDF: 0 at 0, 1 at 1, non-decreasing in x', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(regularizedBeta(lo, a, b)).toBeLessThanOrEqual(regularizedBeta(hi, a, b) + 1e-12);
        // Symmetry I_x(a, b) = 1 − I_{1−x}(b, a), the complement taken directly (1 − x loses a tiny x).
        expect(regularizedBeta(lo, a, b)).toBeCloseTo(incompleteBeta(1 - lo, b, a, lo).upper, 10);
      }),
    );
  });
  it('rejects impossible parameters', () => {
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(RangeError);
  });
});

describe("Student's t", () => {
  it('matches R pt', () => {
    close(studentTCdf(2, 5), 0.9490302605850709, 1e-13);
    close(studentTCdf(-1.5, 1), 0.1871670418109988, 1e-13); // Cauchy: 1/2 + atan(−1.5)/π
    close(studentTCdf(-1.5, 1), 0.5 + Math.atan(-1.5) / Math.PI, 1e-13);
    close(studentTCdf(0.1, 3), 0.53667382559959709, 1e-13);
    close(studentTCdf(-2.5, 7), 0.020496109292876437, 1e-12);
    // ν = 10⁶: ln B(ν/2, 1/2) is a difference of two logs near 6·10⁶, good to about 1e-11 relative.
    close(studentTCdf(1.96, 1e6), 0.97500196620736512, 1e-10);
    close(studentTTwoSided(-3, 2), 0.095465966266709126, 1e-13);
  });
  it('keeps relative precision for tiny p-values', () => {
    close(studentTTwoSided(-8.28116925986, 519), 1.0422294785782077e-15, 1e-9);
    close(studentTTwoSided(-11.86823018722, 519), 6.5392203684462461e-29, 1e-9);
    close(studentTTwoSided(-40, 519), 1.1477010865612495e-160, 1e-9);
  });
  it('inverts: quantiles match R qt and the t tables', () => {
    close(studentTQuantile(0.975, 1), 12.706204736174694, 1e-12);
    close(studentTQuantile(0.975, 2), 4.3026527297494619, 1e-12);
    close(studentTQuantile(0.975, 10), 2.2281388519862739, 1e-12);
    close(studentTQuantile(0.975, 30), 2.0422724563012378, 1e-12);
    close(studentTQuantile(0.975, 519), 1.964545331496788, 1e-12);
    close(studentTQuantile(0.95, 5), 2.0150483733330224, 1e-12);
    close(studentTQuantile(0.999, 3), 10.214531852407383, 1e-12);
    close(studentTQuantile(0.995, 2), 9.9248432009182892, 1e-12);
    close(studentTQuantile(0.6, 4), 0.27072229470759746, 1e-12);
    close(studentTQuantile(0.025, 10), -2.2281388519862744, 1e-12);
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.959963984540054, 6); // the normal quantile
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });
  it('quantile and CDF are inverse', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 2000 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
  });
});

describe("Fisher's F", () => {
  it('matches R pf (upper tail)', () => {
    close(fisherFUpperTail(3, 2, 10), 0.095367431640624972, 1e-13); // = (1 + 2·3/10)^(−5)
    close(fisherFUpperTail(40, 6, 519), 5.0418134991388514e-40, 1e-9);
    expect(fisherFUpperTail(0, 3, 4)).toBe(1);
  });
});
