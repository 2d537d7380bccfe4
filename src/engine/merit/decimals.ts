import type Decimal from 'decimal.js';
import { fromDouble } from '../money';

const memo = new Map<number, Decimal>();

/**
 * fromDouble, remembered: FTEs, guideline cells and merit percentages repeat across thousands of employees,
 * and parsing each one anew dominates a 100k-employee plan. A pure function's memo, bounded in size.
 */
export function decimalOf(x: number): Decimal {
  let d = memo.get(x);
  if (d === undefined) {
    d = fromDouble(x);
    if (memo.size >= 10000) memo.clear();
    memo.set(x, d);
  }
  return d;
}
