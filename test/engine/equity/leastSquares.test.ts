/**
 * Least squares: Anscombe's quartet, data set I (F. J. Anscombe, "Graphs in Statistical Analysis",
 * The American Statistician 27(1), 1973): y = 3.00 + 0.500 x, R² = 0.667. Standard errors, intervals
 * and HC1 from R 4.2.2 lm() (HC1 from its definition, as in test/fixtures/equity/crossCheck.R).
 * Collinearity as R's lm() treats it: the later column of a collinear set is dropped.
 */
import { fitDesign, leastSquares, prepareDesign, type LeastSquaresFit, type RegressionBlock } from '../../../src/engine/equity/leastSquares';

const X1 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
const ones = (n: number) => new Array<number>(n).fill(1);

const fitOf = (y: number[], blocks: RegressionBlock[]): LeastSquaresFit => {
  const fit = leastSquares(y, blocks);
  if ('error' in fit) throw new Error(fit.error);
  return fit;
};

describe('leastSquares on Anscombe I', () => {
  const fit = fitOf(Y1, [
    { name: '(Intercept)', values: ones(11) },
    { name: 'x', values: X1 },
  ]);
  it('gives the published line and R²', () => {
    expect(fit.terms[0].estimate).toBeCloseTo(3.0000909090909089, 12);
    expect(fit.terms[1].estimate).toBeCloseTo(0.50009090909090914, 12);
    expect(fit.rSquared).toBeCloseTo(0.66654245950877489, 12);
    expect(fit.n).toBe(11);
    expect(fit.k).toBe(2);
    expect(fit.dfResidual).toBe(9);
  });
  it('matches R: standard errors, t, p, intervals, HC1', () => {
    const [a, b] = fit.terms;
    expect(a.stdError).toBeCloseTo(1.124746790808644, 12);
    expect(b.stdError).toBeCloseTo(0.11790550059563409, 12);
    expect(b.t).toBeCloseTo(4.2414552888928316, 11);
    expect(a.p).toBeCloseTo(0.025734051399162489, 12);
    expect(b.p).toBeCloseTo(0.002169628873078794, 12);
    expect(a.lower).toBeCloseTo(0.45573689992884026, 11);
    expect(b.upper).toBeCloseTo(0.76681168179663084, 11);
    expect(a.robustStdError).toBeCloseTo(0.98948663530684999, 12);
    expect(b.robustStdError).toBeCloseTo(0.11415102597412699, 12);
    // Residuals sum to zero with an intercept; fitted + residual = y.
    expect(fit.residuals.reduce((s, e) => s + e, 0)).toBeCloseTo(0, 12);
    fit.fitted.forEach((f, i) => expect(f + fit.residuals[i]).toBeCloseTo(Y1[i], 12));
  });
});

describe('collinearity', () => {
  const x2 = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
  it('drops a column that is a combination of earlier ones, keeping the earlier ones', () => {
    const fit = fitOf(Y1, [
      { name: '(Intercept)', values: ones(11) },
      { name: 'x', values: X1 },
      { name: 'x2', values: x2 },
      { name: 'x + 2·x2 + 1', values: X1.map((x, i) => x + 2 * x2[i] + 1) },
    ]);
    expect(fit.aliased).toEqual(['x + 2·x2 + 1']);
    expect(fit.terms.map((t) => t.name)).toEqual(['(Intercept)', 'x', 'x2']);
    expect(Number.isNaN(fit.coefficients[3])).toBe(true);
  });
  it('drops a constant column after the intercept, and an all-zero column', () => {
    const fit = fitOf(Y1, [
      { name: '(Intercept)', values: ones(11) },
      { name: 'FTE', values: ones(11) },
      { name: 'zero', values: new Array<number>(11).fill(0) },
      { name: 'x', values: X1 },
    ]);
    expect(fit.aliased).toEqual(['FTE', 'zero']);
    expect(fit.terms[1].estimate).toBeCloseTo(0.50009090909090914, 12);
  });
  it('the order decides which of a collinear pair is kept', () => {
    const double = X1.map((x) => 2 * x);
    const first = fitOf(Y1, [{ name: '(Intercept)', values: ones(11) }, { name: 'x', values: X1 }, { name: '2x', values: double }]);
    const second = fitOf(Y1, [{ name: '(Intercept)', values: ones(11) }, { name: '2x', values: double }, { name: 'x', values: X1 }]);
    expect(first.aliased).toEqual(['2x']);
    expect(second.aliased).toEqual(['x']);
    expect(second.terms[1].estimate).toBeCloseTo(0.50009090909090914 / 2, 12);
  });
  it('a dummy set that adds up to the intercept loses its last level', () => {
    const group = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1];
    const dummies = [0, 1, 2].map((g) => ({ name: `g${g}`, values: group.map((v) => (v === g ? 1 : 0)) }));
    const fit = fitOf(Y1, [{ name: '(Intercept)', values: ones(11) }, ...dummies]);
    expect(fit.aliased).toEqual(['g2']);
  });
});

describe('factor blocks', () => {
  it('equal the indicator columns they stand for', () => {
    const codes = Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1]);
    const viaFactor = fitOf(Y1, [{ name: '(Intercept)', values: ones(11) }, { names: ['g1', 'g2'], codes }, { name: 'x', values: X1 }]);
    const viaColumns = fitOf(Y1, [
      { name: '(Intercept)', values: ones(11) },
      { name: 'g1', values: Array.from(codes, (c) => (c === 1 ? 1 : 0)) },
      { name: 'g2', values: Array.from(codes, (c) => (c === 2 ? 1 : 0)) },
      { name: 'x', values: X1 },
    ]);
    expect(viaFactor.terms.map((t) => t.name)).toEqual(['(Intercept)', 'g1', 'g2', 'x']);
    viaFactor.terms.forEach((t, i) => {
      expect(t.estimate).toBeCloseTo(viaColumns.terms[i].estimate, 12);
      expect(t.stdError).toBeCloseTo(viaColumns.terms[i].stdError, 12);
      expect(t.robustStdError).toBeCloseTo(viaColumns.terms[i].robustStdError, 12);
    });
  });
});

describe('bad input returns an error, never throws', () => {
  it('no residual degrees of freedom', () => {
    expect(leastSquares([1, 2], [{ name: 'a', values: [1, 1] }, { name: 'b', values: [0, 1] }])).toEqual(expect.objectContaining({ error: expect.stringContaining('degrees of freedom') }));
  });
  it('non-finite values', () => {
    expect(leastSquares([1, NaN, 3], [{ name: 'a', values: [1, 1, 1] }])).toEqual(expect.objectContaining({ error: expect.stringContaining('response') }));
    expect(leastSquares([1, 2, 3], [{ name: 'a', values: [1, Infinity, 1] }])).toEqual(expect.objectContaining({ error: expect.stringContaining('"a"') }));
  });
  it('mismatched lengths and nothing to estimate', () => {
    expect(leastSquares([1, 2, 3], [{ name: 'a', values: [1, 1] }])).toEqual(expect.objectContaining({ error: expect.stringContaining('2 values for 3') }));
    expect(leastSquares([1, 2, 3], [{ name: 'zero', values: [0, 0, 0] }])).toEqual(expect.objectContaining({ error: 'every column is zero' }));
  });
});

describe('a prepared design fitted on several responses', () => {
  const blocks: RegressionBlock[] = [
    { name: '(Intercept)', values: ones(11) },
    { name: 'x', values: X1 },
    { names: ['g: b', 'g: c'], codes: Int32Array.from(X1, (x) => x % 3) },
  ];
  it('gives exactly what leastSquares gives on each response', () => {
    const design = prepareDesign(blocks, 11);
    for (const y of [Y1, Y1.map((v, i) => v * (i % 2 ? 1.05 : 1)), Y1.map((v) => Math.log(v))]) {
      expect(fitDesign(design, y)).toEqual(leastSquares(y, blocks));
    }
  });
  it('reports the errors leastSquares reports, in the same order', () => {
    const zero = prepareDesign([{ name: 'zero', values: [0, 0, 0] }], 3);
    expect(fitDesign(zero, [1, NaN, 3])).toEqual(leastSquares([1, NaN, 3], [{ name: 'zero', values: [0, 0, 0] }]));
    expect(fitDesign(zero, [1, 2, 3])).toEqual({ error: 'every column is zero', aliased: ['zero'] });
    expect(fitDesign(prepareDesign([{ name: 'a', values: [1, 1] }], 3), [1, 2, 3])).toEqual(leastSquares([1, 2, 3], [{ name: 'a', values: [1, 1] }]));
  });
});
