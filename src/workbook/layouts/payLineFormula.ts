import type { PayLineModel } from '../../engine/types';
import { PAY_LINE_A, PAY_LINE_B } from './names';

/** The pay line at `x` (a cell or expression) as a sheet formula, matching `predictPayLine` operation by operation. */
export function payLineFormula(model: PayLineModel, points: string): string {
  // Parenthesised: ^ binds tighter than / in Excel, so (B2+C2)/2^b would be wrong.
  const x = /^\$?[A-Z]+\$?\d+$/.test(points) || isOneGroup(points) ? points : `(${points})`;
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

/** `(a+b)/2` is not one group; `((a+b)/2)` is. */
function isOneGroup(expr: string): boolean {
  if (!expr.startsWith('(') || !expr.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    if (expr[i] === '(') depth++;
    else if (expr[i] === ')') depth--;
    if (depth === 0 && i < expr.length - 1) return false;
  }
  return true;
}
