import type { ZoneBasis } from './options';

/** The matrix columns: zone k holds positions x with bounds[k−2] ≤ x < bounds[k−1] (zone 1 below the first bound). */
export interface Zones {
  basis: ZoneBasis;
  /** Ascending lower bounds of zones 2…n (compa-ratios, or range penetrations for quartiles). */
  bounds: number[];
  count: number;
  labels: string[];
}

/** Quartiles of the range: penetration below 25%, 25–50%, 50–75%, 75% and above (below minimum counts in Q1, above maximum in Q4). */
export const QUARTILE_BOUNDS = [0.25, 0.5, 0.75];

export function meritZones(basis: ZoneBasis, compaZones: readonly number[]): Zones {
  const bounds = basis === 'Quartile' ? [...QUARTILE_BOUNDS] : [...compaZones];
  return { basis, bounds, count: bounds.length + 1, labels: zoneLabels(basis, bounds) };
}

function zoneLabels(basis: ZoneBasis, bounds: number[]): string[] {
  if (basis === 'Quartile') return ['Q1', 'Q2', 'Q3', 'Q4'];
  if (bounds.length === 0) return ['All'];
  const f = (x: number) => x.toFixed(2);
  return [`< ${f(bounds[0])}`, ...bounds.slice(1).map((b, i) => `${f(bounds[i])}–${f(b)}`), `≥ ${f(bounds[bounds.length - 1])}`];
}

/** The zone holding x: 1 + the number of bounds at or below x, as the sheet's 1+SUMPRODUCT(--(bounds<=x)) counts. */
export function zoneOf(x: number, bounds: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < bounds.length; i++) if (bounds[i] <= x) n++;
  return n;
}

/** Base / midpoint, in double precision as the sheet divides. */
export const compaRatio = (base: number, midpoint: number): number => base / midpoint;

/** (base − min) / (max − min); a zero-width range puts pay at or above it at 1 and below it at 0. */
export function rangePenetration(base: number, minimum: number, maximum: number): number {
  if (maximum === minimum) return base >= maximum ? 1 : 0;
  return (base - minimum) / (maximum - minimum);
}
