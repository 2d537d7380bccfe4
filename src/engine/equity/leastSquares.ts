/**
 * Ordinary least squares in double precision, by a pivoted Cholesky factorization of the
 * equilibrated cross-product matrix, with one step of refinement (the corrected semi-normal
 * equations, Björck, Numerical Methods for Least Squares Problems, 1996, §2.5.4).
 *
 * Why not QR: the design of a pay model is mostly 0/1 indicators, so each row has a handful of
 * non-zeros; XᵀX and the HC1 "meat" are accumulated over those in O(n·nnz²), where Householder QR
 * costs O(n·k²) and fills the zeros in (100,000 employees × 28 terms: about 10 ms against 400 ms).
 * Accuracy: columns are scaled to unit norm before factorizing (which removes the ill-conditioning
 * due to scale, e.g. experience²), and the refinement step recovers the QR accuracy of β; the
 * cross-check tests hold every figure to R's lm() within 1e-6.
 *
 * Collinearity: columns are taken in the order given; a column whose part not explained by the
 * columns already kept has a norm below `tolerance` × its own norm is collinear with them (or
 * constant, when an intercept precedes it) and is dropped, as R's lm() drops aliased columns. So the
 * caller's order decides which of a collinear set is kept: put the term of interest first.
 *
 * Standard errors: classical σ²(XᵀX)⁻¹ and heteroskedasticity-robust HC1, n/(n − k)·(XᵀX)⁻¹XᵀΩX(XᵀX)⁻¹
 * with Ω = diag(eᵢ²) (MacKinnon & White 1985; Stata's `robust`, R's sandwich::vcovHC type "HC1").
 * Tests, p-values and intervals use Student's t with n − k degrees of freedom, as lm() and coeftest() do.
 */
import { fisherFUpperTail, studentTQuantile, studentTTwoSided } from './distributions';

/** A column of the design matrix, given by its values. */
export interface RegressionColumn {
  name: string;
  values: Float64Array | number[];
}

/**
 * A category given by codes rather than by indicator columns: one indicator column per name, the
 * observation's column being names[code − 1] (code 0 is the reference level, all zeros). Equivalent
 * to the indicator columns in this order, without building them.
 */
export interface RegressionFactor {
  names: string[];
  codes: Int32Array;
}

export type RegressionBlock = RegressionColumn | RegressionFactor;

const isFactor = (b: RegressionBlock): b is RegressionFactor => (b as RegressionFactor).codes !== undefined;

export interface RegressionTerm {
  name: string;
  estimate: number;
  stdError: number;
  t: number;
  p: number;
  /** Confidence interval (95% unless asked otherwise), estimate ± t_{1−α/2, n−k}·SE. */
  lower: number;
  upper: number;
  robustStdError: number;
  robustT: number;
  robustP: number;
  robustLower: number;
  robustUpper: number;
}

export interface LeastSquaresFit {
  n: number;
  /** Columns kept (the rank of X). */
  k: number;
  dfResidual: number;
  terms: RegressionTerm[];
  /** Names of the columns dropped as collinear with earlier ones (or constant), in input order. */
  aliased: string[];
  rSquared: number;
  adjustedRSquared: number;
  /** Residual standard error √(RSS/(n − k)). */
  sigma: number;
  rss: number;
  tss: number;
  /** Overall F test of every term but the intercept (undefined without one, or with k = 1). */
  fStatistic?: number;
  fP?: number;
  confidenceLevel: number;
  /** Coefficients by input column (NaN for aliased columns), for predictions. */
  coefficients: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
}

export interface LeastSquaresOptions {
  /** Relative residual norm below which a column counts as collinear (default 1e-6). */
  tolerance?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidenceLevel?: number;
  /** Whether column 0 is an intercept (all ones): R² is then centred (default true). */
  intercept?: boolean;
}

export type LeastSquaresResult = LeastSquaresFit | { error: string; aliased: string[] };

/** Fits y = Xβ + e. Never throws on bad data: returns `{ error }` when there is nothing to estimate. */
export function leastSquares(y: Float64Array | number[], blocks: RegressionBlock[], options: LeastSquaresOptions = {}): LeastSquaresResult {
  return fitDesign(prepareDesign(blocks, y.length, options), y);
}

/**
 * The part of a fit that depends on the design only: the checked blocks, the sparse rows, XᵀX, its
 * factorization with the collinear columns dropped, and (XᵀX)⁻¹. `fitDesign` fits any response on it,
 * with the same arithmetic as `leastSquares` (which is the two in a row), so the same design fitted on
 * another response (the salaries after a merit plan) costs only the response's part.
 */
export interface PreparedDesign {
  /** Observations. */
  readonly n: number;
  /** An error found in the blocks, reported before the response is looked at. */
  readonly blockError?: string;
  /** An error found factorizing (nothing left, no degrees of freedom), reported after the response is checked. */
  readonly error?: string;
  readonly aliased: string[];
  /** Internals (undefined with a block error). */
  readonly parts?: DesignParts;
}

interface DesignParts {
  level: number;
  hasIntercept: boolean;
  columns: { name: string }[];
  p: number;
  rowStart: Int32Array;
  colIndex: Int32Array;
  value: Float64Array;
  scale: Float64Array;
  kept: number[];
  rk: Float64Array;
  k: number;
  df: number;
  /** Each non-zero's column's position among the kept columns, −1 when aliased. */
  keptAt: Int32Array;
  bread: Float64Array;
}

/** Checks the blocks and factorizes XᵀX (see PreparedDesign). */
export function prepareDesign(blocks: RegressionBlock[], n: number, options: LeastSquaresOptions = {}): PreparedDesign {
  const tolerance = options.tolerance ?? 1e-6;
  const level = options.confidenceLevel ?? 0.95;
  const hasIntercept = options.intercept ?? true;
  const columns: { name: string }[] = blocks.flatMap((b) => (isFactor(b) ? b.names.map((name) => ({ name })) : [b]));
  const p = columns.length;
  for (const b of blocks) {
    if (isFactor(b)) {
      if (b.codes.length !== n) return { n, blockError: `factor "${b.names[0]}…" has ${b.codes.length} codes for ${n} observations`, aliased: [] };
      for (let i = 0; i < n; i++) if (!(b.codes[i] >= 0 && b.codes[i] <= b.names.length)) return { n, blockError: `factor "${b.names[0]}…" has an invalid code at observation ${i + 1}`, aliased: [] };
      continue;
    }
    if (b.values.length !== n) return { n, blockError: `column "${b.name}" has ${b.values.length} values for ${n} observations`, aliased: [] };
    for (let i = 0; i < n; i++) if (!Number.isFinite(b.values[i])) return { n, blockError: `column "${b.name}" has a non-finite value at observation ${i + 1}`, aliased: [] };
  }
  // The design's non-zeros, row by row (compressed sparse rows): every pass below reads only these.
  const { rowStart, colIndex, value } = sparseRows(blocks, n);

  // XᵀX (upper triangle).
  const g = new Float64Array(p * p);
  crossProducts(rowStart, colIndex, value, g, p);

  // Equilibrate (unit column norms) and factorize in order, dropping collinear columns.
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = g[j * p + j] > 0 ? 1 / Math.sqrt(g[j * p + j]) : 0;
  const kept: number[] = [];
  const aliased: string[] = [];
  // rk: the Cholesky factor over kept columns, rk[m][c] for kept positions m ≤ c, row-major p×p.
  const rk = new Float64Array(p * p);
  const tol2 = tolerance * tolerance;
  for (let j = 0; j < p; j++) {
    if (scale[j] === 0) {
      aliased.push(columns[j].name);
      continue;
    }
    const k = kept.length;
    const col = new Float64Array(k);
    let d = 1; // scaled diagonal
    for (let m = 0; m < k; m++) {
      const jm = kept[m];
      let s = g[jm * p + j] * scale[jm] * scale[j];
      for (let l = 0; l < m; l++) s -= rk[l * p + m] * col[l];
      col[m] = s / rk[m * p + m];
      d -= col[m] * col[m];
    }
    if (!(d > tol2)) {
      aliased.push(columns[j].name);
      continue;
    }
    for (let m = 0; m < k; m++) rk[m * p + k] = col[m];
    rk[k * p + k] = Math.sqrt(d);
    kept.push(j);
  }
  const k = kept.length;
  if (k === 0) return { n, error: 'every column is zero', aliased };
  const df = n - k;
  if (df <= 0) return { n, error: `${n} observations cannot estimate ${k} coefficients with any residual degrees of freedom`, aliased };

  // Position of each column among the kept ones (−1 when aliased), and of each non-zero's column.
  const position = new Int32Array(p).fill(-1);
  kept.forEach((j, c) => (position[j] = c));
  const keptAt = new Int32Array(colIndex.length);
  for (let a = 0; a < colIndex.length; a++) keptAt[a] = position[colIndex[a]];

  // (XᵀX)⁻¹ over the kept columns: S R⁻¹R⁻ᵀ S, from the inverse of the scaled factor.
  const rinv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    rinv[c * k + c] = 1 / rk[c * p + c];
    for (let row = c - 1; row >= 0; row--) {
      let s = 0;
      for (let m = row + 1; m <= c; m++) s += rk[row * p + m] * rinv[m * k + c];
      rinv[row * k + c] = -s / rk[row * p + row];
    }
  }
  const bread = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let m = b; m < k; m++) s += rinv[a * k + m] * rinv[b * k + m];
      s *= scale[kept[a]] * scale[kept[b]];
      bread[a * k + b] = s;
      bread[b * k + a] = s;
    }
  }
  return { n, aliased, parts: { level, hasIntercept, columns, p, rowStart, colIndex, value, scale, kept, rk, k, df, keptAt, bread } };
}

/** The coefficients of y on a prepared design, with the fitted values and residuals they leave; or why there are none. */
interface Estimates {
  parts: DesignParts;
  /** Coefficients of the kept columns, in their order. */
  beta: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
  csr: Csr;
}

function estimate(design: PreparedDesign, y: Float64Array | number[]): Estimates | { error: string; aliased: string[] } {
  if (design.blockError !== undefined) return { error: design.blockError, aliased: [] };
  const n = design.n;
  if (y.length !== n) return { error: `${y.length} responses for ${n} observations`, aliased: [] };
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) return { error: `observation ${i + 1} has a non-finite response`, aliased: [] };
  if (design.error !== undefined || !design.parts) return { error: design.error ?? 'no design', aliased: design.aliased };
  const parts = design.parts;
  const { p, rowStart, colIndex, value, scale, kept, rk, k, keptAt } = parts;

  // Xᵀy.
  const xty = new Float64Array(p);
  crossWithResponse(rowStart, colIndex, value, y, xty);

  /** Solves (XᵀX) β = rhs over the kept columns (unscaled in, unscaled out). */
  const solve = (rhs: Float64Array): Float64Array => {
    const z = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let s = rhs[c] * scale[kept[c]];
      for (let m = 0; m < c; m++) s -= rk[m * p + c] * z[m];
      z[c] = s / rk[c * p + c];
    }
    for (let c = k - 1; c >= 0; c--) {
      let s = z[c];
      for (let m = c + 1; m < k; m++) s -= rk[c * p + m] * z[m];
      z[c] = s / rk[c * p + c];
    }
    for (let c = 0; c < k; c++) z[c] *= scale[kept[c]];
    return z;
  };

  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const csr: Csr = { rowStart, value, keptAt };
  const computeResiduals = (beta: Float64Array) => residualsOf(csr, beta, y, fitted, residuals);
  const crossWith = (v: Float64Array): Float64Array => transposeTimes(csr, v, k);
  // β from the semi-normal equations, then one correction: Rᵀ R δ = Xᵀ(y − Xβ).
  const beta = solve(Float64Array.from(kept, (j) => xty[j]));
  computeResiduals(beta);
  const delta = solve(crossWith(residuals));
  for (let c = 0; c < k; c++) beta[c] += delta[c];
  computeResiduals(beta);
  return { parts, beta, fitted, residuals, csr };
}

/**
 * Only the coefficients of a fit, by column name (undefined for an aliased column), exactly as
 * fitDesign estimates them, without the standard errors, the robust variances and the tests.
 */
export function designCoefficients(design: PreparedDesign, y: Float64Array | number[]): { coefficient: (name: string) => number | undefined; aliased: string[] } | { error: string; aliased: string[] } {
  const e = estimate(design, y);
  if ('error' in e) return e;
  const at = new Map(e.parts.kept.map((j, c) => [e.parts.columns[j].name, c]));
  return { aliased: design.aliased, coefficient: (name) => (at.has(name) ? e.beta[at.get(name)!] : undefined) };
}

/** Fits the response y on a prepared design (see PreparedDesign). */
export function fitDesign(design: PreparedDesign, y: Float64Array | number[]): LeastSquaresResult {
  const e = estimate(design, y);
  if ('error' in e) return e;
  const n = design.n;
  const { aliased } = design;
  const { beta, fitted, residuals, csr } = e;
  const { level, hasIntercept, columns, p, kept, k, df, bread } = e.parts;

  let rss = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    rss += residuals[i] * residuals[i];
    meanY += y[i];
  }
  meanY /= n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const d = hasIntercept ? y[i] - meanY : y[i];
    tss += d * d;
  }
  const sigma2 = rss / df;

  // HC1 meat Σ eᵢ² xᵢxᵢᵀ over the non-zeros of each row.
  const meat = new Float64Array(k * k);
  weightedCrossProduct(csr, residuals, meat, k);
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a];
  const hc1 = n / df;
  const robustVar = new Float64Array(k);
  const tmp = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    // (B M B)_cc = b_cᵀ M b_c with b_c the c-th row of the symmetric B.
    for (let m = 0; m < k; m++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += meat[m * k + l] * bread[c * k + l];
      tmp[m] = s;
    }
    let s = 0;
    for (let m = 0; m < k; m++) s += bread[c * k + m] * tmp[m];
    robustVar[c] = hc1 * s;
  }

  const tCrit = studentTQuantile(1 - (1 - level) / 2, df);
  const terms: RegressionTerm[] = kept.map((j, c) => {
    const estimate = beta[c];
    const stdError = Math.sqrt(sigma2 * bread[c * k + c]);
    const robustStdError = Math.sqrt(robustVar[c]);
    const t = estimate / stdError;
    const robustT = estimate / robustStdError;
    return {
      name: columns[j].name,
      estimate,
      stdError,
      t,
      p: studentTTwoSided(t, df),
      lower: estimate - tCrit * stdError,
      upper: estimate + tCrit * stdError,
      robustStdError,
      robustT,
      robustP: studentTTwoSided(robustT, df),
      robustLower: estimate - tCrit * robustStdError,
      robustUpper: estimate + tCrit * robustStdError,
    };
  });

  const coefficients = new Float64Array(p).fill(NaN);
  kept.forEach((j, c) => (coefficients[j] = beta[c]));
  const rSquared = tss > 0 ? 1 - rss / tss : 1;
  const dfModel = hasIntercept ? k - 1 : k;
  const fit: LeastSquaresFit = {
    n,
    k,
    dfResidual: df,
    terms,
    aliased,
    rSquared,
    adjustedRSquared: 1 - ((1 - rSquared) * (hasIntercept ? n - 1 : n)) / df,
    sigma: Math.sqrt(sigma2),
    rss,
    tss,
    confidenceLevel: level,
    coefficients,
    fitted,
    residuals,
  };
  if (dfModel > 0 && rss > 0) {
    fit.fStatistic = (tss - rss) / dfModel / sigma2;
    fit.fP = fisherFUpperTail(fit.fStatistic, dfModel, df);
  }
  return fit;
}

/** The non-zeros of the design, row by row, in ascending column order (CSR). */
function sparseRows(blocks: RegressionBlock[], n: number): { rowStart: Int32Array; colIndex: Int32Array; value: Float64Array } {
  const dense = blocks.map((b) => (isFactor(b) ? undefined : b.values instanceof Float64Array ? b.values : Float64Array.from(b.values)));
  const rowStart = new Int32Array(n + 1);
  blocks.forEach((b, j) => {
    if (isFactor(b)) for (let i = 0; i < n; i++) rowStart[i + 1] += b.codes[i] > 0 ? 1 : 0;
    else for (let i = 0, c = dense[j]!; i < n; i++) if (c[i] !== 0) rowStart[i + 1]++;
  });
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const nnz = rowStart[n];
  const colIndex = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  const next = rowStart.slice(0, n);
  // Blocks in order, so each row's entries come out in ascending column order.
  let first = 0;
  blocks.forEach((b, j) => {
    if (isFactor(b)) {
      for (let i = 0; i < n; i++) {
        const code = b.codes[i];
        if (code > 0) {
          const at = next[i]++;
          colIndex[at] = first + code - 1;
          value[at] = 1;
        }
      }
      first += b.names.length;
      return;
    }
    const c = dense[j]!;
    for (let i = 0; i < n; i++) {
      const v = c[i];
      if (v !== 0) {
        const at = next[i]++;
        colIndex[at] = first;
        value[at] = v;
      }
    }
    first++;
  });
  return { rowStart, colIndex, value };
}

interface Csr {
  rowStart: Int32Array;
  value: Float64Array;
  /** Each non-zero's column's position among the kept columns, −1 when aliased. */
  keptAt: Int32Array;
}

/** XᵀX (upper triangle, p×p row-major). */
function crossProducts(rowStart: Int32Array, colIndex: Int32Array, value: Float64Array, g: Float64Array, p: number): void {
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1];
    for (let a = rowStart[i]; a < end; a++) {
      const row = colIndex[a] * p;
      const va = value[a];
      for (let b = a; b < end; b++) g[row + colIndex[b]] += va * value[b];
    }
  }
}

/** Xᵀy over every column. */
function crossWithResponse(rowStart: Int32Array, colIndex: Int32Array, value: Float64Array, y: ArrayLike<number>, xty: Float64Array): void {
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1];
    const yi = y[i];
    for (let a = rowStart[i]; a < end; a++) xty[colIndex[a]] += value[a] * yi;
  }
}

/** fitted = Xβ and residuals = y − Xβ over the kept columns. */
function residualsOf(x: Csr, beta: Float64Array, y: ArrayLike<number>, fitted: Float64Array, residuals: Float64Array): void {
  const { rowStart, value, keptAt } = x;
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    let f = 0;
    const end = rowStart[i + 1];
    for (let a = rowStart[i]; a < end; a++) {
      const c = keptAt[a];
      if (c >= 0) f += beta[c] * value[a];
    }
    fitted[i] = f;
    residuals[i] = y[i] - f;
  }
}

/** Xᵀv over the kept columns. */
function transposeTimes(x: Csr, v: Float64Array, k: number): Float64Array {
  const { rowStart, value, keptAt } = x;
  const n = rowStart.length - 1;
  const out = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const vi = v[i];
    const end = rowStart[i + 1];
    for (let a = rowStart[i]; a < end; a++) {
      const c = keptAt[a];
      if (c >= 0) out[c] += value[a] * vi;
    }
  }
  return out;
}

/** Upper triangle of Σ eᵢ² xᵢxᵢᵀ over the kept columns (k×k row-major). */
function weightedCrossProduct(x: Csr, e: Float64Array, out: Float64Array, k: number): void {
  const { rowStart, value, keptAt } = x;
  const n = rowStart.length - 1;
  for (let i = 0; i < n; i++) {
    const w = e[i] * e[i];
    const end = rowStart[i + 1];
    for (let a = rowStart[i]; a < end; a++) {
      const ca = keptAt[a];
      if (ca < 0) continue;
      const row = ca * k;
      const wa = w * value[a];
      for (let b = a; b < end; b++) {
        const cb = keptAt[b];
        if (cb >= 0) out[row + cb] += wa * value[b];
      }
    }
  }
}
