import type Decimal from 'decimal.js';
import { roundFormulaToMultiple } from '../money';
import type { GradeRange } from '../structure';

/**
 * Step scales: N fixed pay points per grade from the minimum (step 1) to the maximum (step N).
 * Equal Amount: step k = min + (max − min)(k − 1)/(N − 1), the U.S. General Schedule's pattern
 * (2024 GS-3: 26,975 … 35,066 in nine equal steps of 899).
 * Equal Percentage: step k = min × (max/min)^((k − 1)/(N − 1)), each step the same % above the last.
 * Each step is rounded once to the rounding multiple, as ROUND((expr)/RoundingMultiple,0)*RoundingMultiple.
 */
export type StepMethod = 'Equal Amount' | 'Equal Percentage';

/** The N step rates of one range, computed in doubles exactly as the step formula evaluates. */
export function stepRates(minimum: Decimal, maximum: Decimal, steps: number, method: StepMethod, rounding: number): Decimal[] {
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`a step scale needs at least 2 steps, got ${steps}`);
  const min = minimum.toNumber();
  const max = maximum.toNumber();
  return Array.from({ length: steps }, (_, i) => {
    const k = i + 1;
    const raw = method === 'Equal Percentage' ? min * Math.pow(max / min, (k - 1) / (steps - 1)) : min + ((max - min) * (k - 1)) / (steps - 1);
    return roundFormulaToMultiple(raw, rounding);
  });
}

export interface GradeSteps {
  grade: number;
  minimum: Decimal;
  maximum: Decimal;
  steps: Decimal[];
}

/** The grade × step table. */
export const stepScale = (ranges: GradeRange[], steps: number, method: StepMethod, rounding: number): GradeSteps[] =>
  ranges.map((r) => ({ grade: r.grade, minimum: r.minimum, maximum: r.maximum, steps: stepRates(r.minimum, r.maximum, steps, method, rounding) }));
