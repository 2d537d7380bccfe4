import type Decimal from 'decimal.js';
import { excelDouble } from './money';
import type { PayLineModel } from './types';

/**
 * A least-squares pay line, in double precision (it is a statistic, not money).
 * Linear: rate = a + b·points. Exponential: ln rate = a + b·points. Power: ln rate = a + b·ln points.
 */
export interface PayLineFit {
  model: PayLineModel;
  /** Intercept, rounded to the 15 significant digits Excel keeps once it is written to a cell. */
  a: number;
  /** Slope, rounded the same way. */
  b: number;
  /** R² on the fitted scale (ln rate for the log models, as Excel's LOGEST and trendlines report it). */
  r2: number;
  n: number;
}

/** Fits the pay line by ordinary least squares on the model's scale. */
export function fitPayLine(points: number[], rates: number[], model: PayLineModel): PayLineFit | { error: string } {
  if (points.length !== rates.length) return { error: `${points.length} points but ${rates.length} rates` };
  const n = points.length;
  if (n < 2) return { error: `a pay line needs at least 2 benchmark jobs, found ${n}` };
  if (![...points, ...rates].every(Number.isFinite)) return { error: 'points and rates must be finite numbers' };
  if (model !== 'Linear' && rates.some((r) => r <= 0)) return { error: `the ${model} pay line needs every rate above zero` };
  if (model === 'Power' && points.some((p) => p <= 0)) return { error: 'the Power pay line needs every job\'s points above zero' };

  const xs = model === 'Power' ? points.map(Math.log) : points;
  const ys = model === 'Linear' ? rates : rates.map(Math.log);
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return { error: 'every benchmark job has the same points; no line can be fitted' };
  const b = sxy / sxx;
  const a = my - b * mx;
  // Equal rates fit a flat line exactly: R² = 1 rather than 0/0.
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { model, a: excelDouble(a), b: excelDouble(b), r2: excelDouble(r2), n };
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The pay line's rate at `points`, computed exactly as the sheet formula is. */
export function predictPayLine(fit: PayLineFit, points: number): number {
  switch (fit.model) {
    case 'Linear':
      return fit.a + fit.b * points;
    case 'Exponential':
      return Math.exp(fit.a + fit.b * points);
    case 'Power':
      return Math.exp(fit.a) * Math.pow(points, fit.b);
  }
}

/** How far a job's policy rate sits from the pay line: policy / pay line − 1. */
export function deviation(policyRate: Decimal | number, payLineRate: number): number {
  return (typeof policyRate === 'number' ? policyRate : policyRate.toNumber()) / payLineRate - 1;
}
