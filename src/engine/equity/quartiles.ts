/**
 * Quartile pay bands as the UK regulations build them (The Equality Act 2010 (Gender Pay Gap
 * Information) Regulations 2017, SI 2017/172, regulation 13): rank the employees by hourly pay, divide
 * them into four sections of (so far as possible) equal numbers, and where employees on the same rate
 * fall in more than one band, share them so that the proportion of men and women on that rate is the
 * same in each of those bands (regulation 13(2)).
 *
 * Band k (0-based) holds ranks [⌊k·n/4⌋, ⌊(k+1)·n/4⌋): sizes differ by at most one, any extra going to
 * the upper bands. A tie group's women are shared among the bands it spans in proportion to the places
 * it takes in each, rounded to whole people by largest remainder (ties to the lower band); its men take
 * the remaining places. O(n log n).
 */
import type { BinaryGender } from './gender';

export const BAND_NAMES = ['Lower', 'Lower middle', 'Upper middle', 'Upper'] as const;
export type BandName = (typeof BAND_NAMES)[number];

export interface QuartileBand {
  band: BandName;
  size: number;
  female: number;
  male: number;
  /** Lowest and highest pay in the band. */
  lowest?: number;
  highest?: number;
}

export interface RankedPay {
  pay: number;
  gender: BinaryGender;
}

export function quartileBands(items: readonly RankedPay[]): QuartileBand[] {
  const women: number[] = [];
  const men: number[] = [];
  for (const x of items) (x.gender === 'F' ? women : men).push(x.pay);
  return quartileBandsOf(Float64Array.from(women), Float64Array.from(men));
}

/** The same from each gender's pay (the arrays are sorted in place). */
export function quartileBandsOf(women: Float64Array, men: Float64Array): QuartileBand[] {
  const n = women.length + men.length;
  // Each gender's pay sorted natively (no comparator), then merged rate by rate: O(n log n).
  let wi = 0;
  let mi = 0;
  women.sort();
  men.sort();
  const edges = [0, 1, 2, 3, 4].map((k) => Math.floor((k * n) / 4));
  const bands: QuartileBand[] = BAND_NAMES.map((band, k) => ({ band, size: edges[k + 1] - edges[k], female: 0, male: 0 }));
  let start = 0;
  wi = 0;
  mi = 0;
  while (start < n) {
    const rate = wi < women.length && (mi >= men.length || women[wi] <= men[mi]) ? women[wi] : men[mi];
    let w = 0;
    let m = 0;
    while (wi < women.length && women[wi] === rate) {
      wi++;
      w++;
    }
    while (mi < men.length && men[mi] === rate) {
      mi++;
      m++;
    }
    const end = start + w + m;
    const band = bandOf(start, edges);
    if (end <= edges[band + 1]) {
      // The tie group lies in one band: its women and men are all there (as shareOut would give them).
      const b = bands[band];
      b.female += w;
      b.male += m;
      if (b.lowest === undefined) b.lowest = rate;
      b.highest = rate;
      start = end;
      continue;
    }
    // Places the tie group takes in each band.
    const places = edges.slice(0, 4).map((lo, k) => Math.max(0, Math.min(end, edges[k + 1]) - Math.max(start, lo)));
    const share = shareOut(w, places, w + m);
    for (let k = 0; k < 4; k++) {
      if (places[k] === 0) continue;
      const b = bands[k];
      b.female += share[k];
      b.male += places[k] - share[k];
      if (b.lowest === undefined) b.lowest = rate;
      b.highest = rate;
    }
    start = end;
  }
  return bands;
}

/** The band (0–3) holding rank `rank`: the last k with edges[k] ≤ rank (empty bands are passed over). */
function bandOf(rank: number, edges: readonly number[]): number {
  let k = 3;
  while (k > 0 && edges[k] > rank) k--;
  return k;
}

/** `total` whole people over bands in proportion to `places` (Σ places = size), by largest remainder. */
function shareOut(total: number, places: number[], size: number): number[] {
  const exact = places.map((p) => (total * p) / size);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((s, x) => s + x, 0);
  const order = exact.map((x, k) => ({ k, rest: x - whole[k] })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (const { k } of order) {
    if (left === 0) break;
    if (whole[k] < places[k]) {
      whole[k]++;
      left--;
    }
  }
  return whole;
}
