import fc from 'fast-check';
import { money } from '../../src/engine/money';
import { deviation, fitPayLine, predictPayLine, type PayLineFit } from '../../src/engine/payLine';
import { SIX_BENCHMARKS } from './fixtures';

const points = SIX_BENCHMARKS.map(([p]) => p);
const salaries = SIX_BENCHMARKS.map(([, s]) => s);

function fitted(model: PayLineFit['model']): PayLineFit {
  const fit = fitPayLine(points, salaries, model);
  if ('error' in fit) throw new Error(fit.error);
  return fit;
}

// The classic six-benchmark regression example used in compensation texts (points vs salary of
// six benchmark jobs; figures as printed in the lead's issue): linear a = 17,042.70,
// b = 130.5828, R² = 0.96038; log-linear b = 0.0013894; power b = 0.789768.
describe('fitPayLine: the six-benchmark worked example', () => {
  it('linear', () => {
    const fit = fitted('Linear');
    expect(fit.n).toBe(6);
    expect(fit.a.toFixed(2)).toBe('17042.70');
    expect(fit.b.toFixed(4)).toBe('130.5828');
    expect(fit.r2.toFixed(5)).toBe('0.96038');
  });
  it('exponential (log-linear)', () => {
    expect(fitted('Exponential').b.toFixed(7)).toBe('0.0013894');
  });
  it('power', () => {
    expect(fitted('Power').b.toFixed(6)).toBe('0.789768');
  });
  it('keeps the 15 significant digits Excel keeps', () => {
    for (const model of ['Linear', 'Exponential', 'Power'] as const) {
      const fit = fitted(model);
      expect(Number(fit.a.toPrecision(15))).toBe(fit.a);
      expect(Number(fit.b.toPrecision(15))).toBe(fit.b);
    }
  });
});

describe('fitPayLine: R² on the fitted scale', () => {
  it('log models report R² of ln(rate), as LOGEST does', () => {
    // Rates exactly exponential in points: a perfect fit on the ln scale.
    const xs = [100, 200, 300, 400];
    const exp = fitPayLine(xs, xs.map((x) => 20000 * Math.exp(0.002 * x)), 'Exponential');
    expect('r2' in exp && exp.r2).toBeCloseTo(1, 12);
    expect('b' in exp && exp.b).toBeCloseTo(0.002, 12);
    expect('a' in exp && exp.a).toBeCloseTo(Math.log(20000), 12);
    // The same rates fitted linearly are not a perfect line.
    const lin = fitPayLine(xs, xs.map((x) => 20000 * Math.exp(0.002 * x)), 'Linear');
    expect('r2' in lin && lin.r2).toBeLessThan(0.999);
  });
});

describe('fitPayLine: errors', () => {
  it.each([
    [[100], [1000], 'Linear', /at least 2/],
    [[100, 100, 100], [1, 2, 3], 'Linear', /same points/],
    [[100, 200], [1000, 0], 'Exponential', /above zero/],
    [[0, 200], [1000, 2000], 'Power', /points above zero/],
    [[100, 200], [1000], 'Linear', /points but/],
  ] as const)('%j / %j under %s', (xs, ys, model, message) => {
    const r = fitPayLine([...xs], [...ys], model);
    expect('error' in r && r.error).toMatch(message);
  });
  it('accepts zero or negative points under the exponential model', () => {
    expect('error' in fitPayLine([0, -10, 20], [1, 2, 3], 'Exponential')).toBe(false);
  });
});

describe('predictPayLine computes as the sheet formulas do', () => {
  const at = (model: PayLineFit['model'], x: number) => predictPayLine({ model, a: 10.5, b: 0.0013, r2: 1, n: 2 }, x);
  it('Linear a + b*x, Exponential EXP(a + b*x), Power EXP(a)*x^b', () => {
    expect(predictPayLine({ model: 'Linear', a: 17042.7, b: 130.5828, r2: 1, n: 2 }, 1000)).toBe(17042.7 + 130.5828 * 1000);
    expect(at('Exponential', 400)).toBe(Math.exp(10.5 + 0.0013 * 400));
    expect(at('Power', 400)).toBe(Math.exp(10.5) * Math.pow(400, 0.0013));
  });
  it('the fitted linear line goes through the means', () => {
    const fit = fitted('Linear');
    const meanPoints = points.reduce((s, x) => s + x) / points.length;
    const meanSalary = salaries.reduce((s, x) => s + x) / salaries.length;
    expect(predictPayLine(fit, meanPoints)).toBeCloseTo(meanSalary, 6);
  });
});

describe('deviation', () => {
  it('is policy / pay line − 1', () => {
    expect(deviation(money(110000), 100000)).toBeCloseTo(0.1, 15);
    expect(deviation(90000, 100000)).toBeCloseTo(-0.1, 15);
  });
});

describe('fitPayLine properties', () => {
  it('recovers a line the data lie on', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1000, max: 100000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 50, max: 5000 }), { minLength: 2, maxLength: 30 }),
        (a, b, xs) => {
          const fit = fitPayLine(xs, xs.map((x) => a + b * x), 'Linear');
          if ('error' in fit) throw new Error(fit.error);
          expect(Math.abs(fit.b - b) / b).toBeLessThan(1e-9);
          expect(Math.abs(fit.a - a) / a).toBeLessThan(1e-6);
          expect(fit.r2).toBeGreaterThan(1 - 1e-9);
        },
      ),
    );
  });

  it('minimises the squared error: nudging a or b never lowers it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.integer({ min: 20000, max: 300000 })), { minLength: 3, maxLength: 20 }),
        ([xs0, ...rest]) => {
          const pairs = [xs0, ...rest];
          const xs = pairs.map(([x]) => x);
          const ys = pairs.map(([, y]) => y);
          fc.pre(new Set(xs).size > 1);
          const fit = fitPayLine(xs, ys, 'Linear');
          if ('error' in fit) throw new Error(fit.error);
          const sse = (a: number, b: number) => xs.reduce((s, x, i) => s + (ys[i] - a - b * x) ** 2, 0);
          const best = sse(fit.a, fit.b);
          for (const [da, db] of [[1, 0], [-1, 0], [0, 0.01], [0, -0.01]]) {
            expect(sse(fit.a + da, fit.b + db)).toBeGreaterThanOrEqual(best * (1 - 1e-12));
          }
        },
      ),
    );
  });
});
