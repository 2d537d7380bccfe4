import type Decimal from 'decimal.js';
import { roundFormulaToMultiple } from '../money';
import type { GradeRange } from '../structure';

/**
 * Broadbanding: adjacent grades merged into fewer, wider bands. A band's minimum is its lowest
 * grade's minimum and its maximum its highest grade's maximum (WorldatWork's definition of a
 * broadband: a range spanning several former grades' ranges).
 * `{ bands: B }` splits N grades into B bands as evenly as possible, band b holding grades
 * ⌊(b−1)N/B⌋+1 … ⌊bN/B⌋ (10 grades in 3 bands: 1–3, 4–6, 7–10); `{ sizes }` gives each band's grade count.
 */
export type BroadbandSpec = { bands: number } | { sizes: number[] };

export interface Broadband {
  band: number;
  firstGrade: number;
  lastGrade: number;
  minPoints: number;
  maxPoints: number;
  minimum: Decimal;
  maximum: Decimal;
  /** (minimum + maximum)/2, rounded: a reference point, not a policy line. */
  midpoint: Decimal;
  /** (maximum − minimum)/minimum. */
  spread: Decimal;
}

/** The grade ranges [first, last] of each band, or why the spec cannot be applied to `grades` grades. */
export function broadbandGroups(grades: number, spec: BroadbandSpec): { first: number; last: number }[] | { error: string } {
  if ('bands' in spec) {
    const b = spec.bands;
    if (!Number.isInteger(b) || b < 1) return { error: `Broadbands must be a whole number of bands of at least 1, got ${b}` };
    if (b > grades) return { error: `${b} broadbands cannot be made from ${grades} grades` };
    return Array.from({ length: b }, (_, i) => ({ first: Math.floor((i * grades) / b) + 1, last: Math.floor(((i + 1) * grades) / b) }));
  }
  const { sizes } = spec;
  if (sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || s < 1)) return { error: `Broadbands sizes must be whole numbers of at least 1, got ${sizes.join('; ')}` };
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total !== grades) return { error: `Broadbands sizes ${sizes.join('; ')} add up to ${total} grades, but the structure has ${grades}` };
  const out: { first: number; last: number }[] = [];
  let next = 1;
  for (const s of sizes) {
    out.push({ first: next, last: next + s - 1 });
    next += s;
  }
  return out;
}

/** The broadbands over `ranges` (grade order). Computed as the sheet does: INDEX on the Pay Structure, the midpoint rounded once. */
export function buildBroadbands(ranges: GradeRange[], groups: { first: number; last: number }[], rounding: number): Broadband[] {
  return groups.map(({ first, last }, i) => {
    const low = ranges[first - 1];
    const high = ranges[last - 1];
    const minimum = low.minimum;
    const maximum = high.maximum;
    return {
      band: i + 1,
      firstGrade: first,
      lastGrade: last,
      minPoints: low.minPoints,
      maxPoints: high.maxPoints,
      minimum,
      maximum,
      midpoint: roundFormulaToMultiple((minimum.toNumber() + maximum.toNumber()) / 2, rounding),
      spread: maximum.minus(minimum).div(minimum),
    };
  });
}
