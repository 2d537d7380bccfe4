import type { PayLineModel } from '../../engine/types';
import { PAY_LINE_A, PAY_LINE_B } from './names';

/** The pay line at `x` (a cell or expression) as a sheet formula, matching `predictPayLine` operation by operation. */
export function payLineFormula(model: PayLineModel, points: string): string {
  // Parenthesised: ^ binds tighter than / in Excel, so (B2+C2)/2^b would be wrong.
  const x = /^[A-Z]+\$?\d+$|^\$?[A-Z]+\$?\d+$/.test(points) ? points : `(${points})`;
  switch (model) {
    case 'Linear':
      return `${PAY_LINE_A}+${PAY_LINE_B}*${x}`;
    case 'Exponential':
      return `EXP(${PAY_LINE_A}+${PAY_LINE_B}*${x})`;
    case 'Power':
      return `EXP(${PAY_LINE_A})*${x}^${PAY_LINE_B}`;
  }
}

export function payLineEquation(model: PayLineModel, a: number, b: number): string {
  const n = (v: number) => v.toPrecision(6);
  switch (model) {
    case 'Linear':
      return `rate = ${n(a)} + ${n(b)} × points`;
    case 'Exponential':
      return `rate = exp(${n(a)} + ${n(b)} × points)`;
    case 'Power':
      return `rate = exp(${n(a)}) × points^${n(b)}`;
  }
}
