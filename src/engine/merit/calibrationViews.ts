import { upperKey } from './keys';

/**
 * The views reviewers look at before money moves: the rating distribution against the target, and
 * each manager's mean rating against everyone's. Statistics here are in double precision.
 */

export interface DistributionRow {
  rating: number;
  count: number;
  /** count / rated employees. */
  share: number;
  target?: number;
  /** share − target. */
  difference?: number;
  /** target × rated employees: the headcount the target implies. */
  targetCount?: number;
}

/** Ratings 1…scale with counts and shares over the rated employees, beside the target distribution (rating 1 first). */
export function ratingDistribution(ratings: readonly (number | undefined)[], ratingScale: number, target?: readonly number[]): DistributionRow[] {
  // One pass: the count of each rating on the scale, and of every rated employee.
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r === undefined) continue;
    n++;
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const useTarget = target && target.length === ratingScale ? target : undefined;
  const rows: DistributionRow[] = [];
  for (let r = 1; r <= ratingScale; r++) {
    const count = counts.get(r) ?? 0;
    const share = n > 0 ? count / n : 0;
    const row: DistributionRow = { rating: r, count, share };
    if (useTarget) {
      row.target = useTarget[r - 1];
      row.difference = share - row.target;
      row.targetCount = row.target * n;
    }
    rows.push(row);
  }
  return rows;
}

export type RaterFlag = '' | 'Lenient' | 'Harsh';

export interface ManagerRow {
  managerId: string;
  managerName?: string;
  /** Rated direct reports. */
  reports: number;
  meanRating: number;
  /** meanRating − the mean over every rated employee. */
  difference: number;
  /** (mean − overall mean) / (σ / √reports), σ the population standard deviation of all ratings; undefined below the minimum reports or when σ = 0. */
  z?: number;
  flag: RaterFlag;
}

export interface RatedPerson {
  id: string;
  name?: string;
  managerId?: string;
  rating?: number;
}

/**
 * Mean rating per manager over their rated direct reports. A manager is flagged Lenient (Harsh) when
 * their mean is at least `z` standard errors above (below) the overall mean, the standard error being
 * σ/√n with σ over all rated employees: a larger team has to deviate less to stand out.
 */
export function managerCalibration(people: readonly RatedPerson[], options: { minReports: number; z: number }): { rows: ManagerRow[]; mean?: number; sd?: number } {
  return calibrateManagers(
    people.map((p) => p.rating),
    people,
    options,
  );
}

/**
 * managerCalibration with the ratings apart, aligned with the people (their own `rating` is not read).
 * `indexOf`, when given, finds the last person with an upper-cased ID (as a map of the people would).
 */
export function calibrateManagers(
  ratings: readonly (number | undefined)[],
  people: readonly Pick<RatedPerson, 'id' | 'name' | 'managerId'>[],
  options: { minReports: number; z: number },
  /**
   * How a manager is found among `people`: by upper-cased ID (the index of the last person with it, −1
   * when none), or each person's manager as an index into `people` (−1: none or not found) resolved as
   * that lookup resolves them (e.g. by the parser, whose IDs are unique ignoring case).
   */
  indexOf?: ((upperId: string) => number) | ArrayLike<number>,
): { rows: ManagerRow[]; mean?: number; sd?: number } {
  let rated = 0;
  let total = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r === undefined) continue;
    rated++;
    total += r;
  }
  if (rated === 0) return { rows: [] };
  const mean = total / rated;
  // STDEVP: the population standard deviation, as the sheet computes it.
  let squares = 0;
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    if (r !== undefined) squares += (r - mean) * (r - mean);
  }
  const sd = Math.sqrt(squares / rated);
  // Each manager's reports' ratings, in the people's order, by upper-cased Manager ID.
  const groups = new Map<string, { id: string; count: number; sum: number }>();
  // Each manager's name: the last person with that ID (ignoring case).
  const names = new Map<string, string | undefined>();
  if (indexOf !== undefined && typeof indexOf !== 'function') {
    // The managers who are people counted by their index (no ID read); the others by ID. A group's ID is
    // its first report's Manager ID as written, and the groups come in the order of their first report.
    const n = people.length;
    const count = new Int32Array(n);
    const sum = new Float64Array(n);
    const first = new Int32Array(n);
    const order: (number | string)[] = [];
    const byId = new Map<string, { id: string; count: number; sum: number }>();
    for (let i = 0; i < n; i++) {
      const r = ratings[i];
      if (r === undefined) continue;
      const m = indexOf[i];
      if (m >= 0) {
        if (count[m]++ === 0) {
          first[m] = i;
          order.push(m);
        }
        sum[m] += r;
        continue;
      }
      const managerId = people[i].managerId;
      if (!managerId) continue;
      const k = upperKey(managerId);
      let g = byId.get(k);
      if (!g) {
        byId.set(k, (g = { id: managerId, count: 0, sum: 0 }));
        order.push(k);
      }
      g.count++;
      g.sum += r;
    }
    for (const o of order) {
      if (typeof o === 'string') groups.set(o, byId.get(o)!);
      else {
        const id = people[first[o]].managerId!;
        groups.set(upperKey(id), { id, count: count[o], sum: sum[o] });
        names.set(upperKey(id), people[o].name);
      }
    }
  } else {
    for (let i = 0; i < people.length; i++) {
      const r = ratings[i];
      const managerId = people[i].managerId;
      if (r === undefined || !managerId) continue;
      const k = upperKey(managerId);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { id: managerId, count: 0, sum: 0 }));
      g.count++;
      g.sum += r;
    }
  }
  if (typeof indexOf === 'function') {
    groups.forEach((_, k) => {
      const i = indexOf(k);
      if (i >= 0) names.set(k, people[i].name);
    });
  } else if (!indexOf && groups.size > 0) {
    for (let i = 0; i < people.length; i++) {
      const p = people[i];
      const k = upperKey(p.id);
      if (groups.has(k)) names.set(k, p.name);
    }
  }
  const rows: ManagerRow[] = [];
  groups.forEach((g, k) => {
    // The ratings summed in the people's order.
    const n = g.count;
    const m = g.sum / n;
    const z = n >= options.minReports && sd > 0 ? (m - mean) / (sd / Math.sqrt(n)) : undefined;
    const flag: RaterFlag = z === undefined ? '' : z >= options.z ? 'Lenient' : z <= -options.z ? 'Harsh' : '';
    rows.push({ managerId: g.id, managerName: names.get(k), reports: n, meanRating: m, difference: m - mean, z, flag });
  });
  rows.sort((a, b) => (a.managerId < b.managerId ? -1 : a.managerId > b.managerId ? 1 : 0));
  return { rows, mean, sd };
}
