/**
 * Does pay follow the job evaluation's order? Spearman's rank correlation of points and market
 * rates (Pearson's r on ranks, ties given their average rank, as R's cor(method = "spearman")), and
 * the job pairs whose order inverts: fewer points but a higher rate. Double precision.
 */

/** 1-based ranks, ties sharing the mean of the ranks they span. O(n log n). */
export function averageRanks(values: readonly number[]): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // mean of start+1 … end
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson's correlation; undefined when either variable is constant or n < 2. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  const n = x.length;
  if (n < 2 || y.length !== n) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ with average ranks for ties. */
export const spearman = (x: readonly number[], y: readonly number[]): number | undefined => pearson(averageRanks(x), averageRanks(y));

/**
 * The number of pairs (i, j) with points_i < points_j and rate_i > rate_j (strictly: equal points or
 * equal rates are not inversions), by merge sort in O(n log n).
 */
export function countInversions(points: readonly number[], rates: readonly number[]): number {
  const n = points.length;
  // In points order; within equal points by ascending rate, so that no pair inside a tie counts.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => points[i] - points[j] || rates[i] - rates[j]);
  let seq = Float64Array.from(order, (i) => rates[i]);
  let buffer = new Float64Array(n);
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Taking the left element on equality keeps equal rates from counting.
        if (seq[i] <= seq[j]) buffer[k++] = seq[i++];
        else {
          count += mid - i;
          buffer[k++] = seq[j++];
        }
      }
      while (i < mid) buffer[k++] = seq[i++];
      while (j < hi) buffer[k++] = seq[j++];
    }
    [seq, buffer] = [buffer, seq];
  }
  return count;
}

export interface InvertedPair<T> {
  /** The item with fewer points (and the higher rate). */
  lower: T;
  /** The item with more points (and the lower rate). */
  higher: T;
}

/** Up to `limit` inverted pairs, in points order of the lower-points item. */
export function listInversions<T>(items: readonly T[], points: (t: T) => number, rate: (t: T) => number, limit: number): InvertedPair<T>[] {
  const sorted = [...items].sort((a, b) => points(a) - points(b) || rate(a) - rate(b));
  const out: InvertedPair<T>[] = [];
  for (let i = 0; i < sorted.length && out.length < limit; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && out.length < limit; j++) {
      const b = sorted[j];
      if (points(b) > points(a) && rate(b) < rate(a)) out.push({ lower: a, higher: b });
    }
  }
  return out;
}
