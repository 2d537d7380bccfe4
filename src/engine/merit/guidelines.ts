import { problem, type Problem, type Where } from '../problem';

/** The guideline merit matrix: one row per rating, one column per zone, cells as fractions (0.03 = 3%). */
export interface MeritGuidelines {
  /** The rating of each row, in the order shown. */
  ratings: number[];
  /** cells[i][z]: the guideline for ratings[i] in zone z + 1. */
  cells: number[][];
  source: 'sheet' | 'default';
  /** Where the sheet's rows are, for problems (row i of the matrix is sheet row rows[i]). */
  where?: { sheet: string; rows: number[] };
}

/**
 * The default matrix for an R-point scale and Z zones: 6% for the top rating in the lowest zone, falling
 * linearly to 0% at rating 1, less 3% spread linearly from the lowest to the highest zone, never below 0:
 * cell(r, z) = max(0, 6%·(r − 1)/(R − 1) − 3%·(z − 1)/(Z − 1)). Five ratings × four zones gives
 * 6/5/4/3, 4.5/3.5/2.5/1.5, 3/2/1/0, 1.5/0.5/0/0 and 0/0/0/0 (rows from rating 5 down).
 */
export function defaultGuidelines(ratingScale: number, zoneCount: number): MeritGuidelines {
  const ratings: number[] = [];
  const cells: number[][] = [];
  for (let r = ratingScale; r >= 1; r--) {
    ratings.push(r);
    const perf = ratingScale > 1 ? (0.06 * (r - 1)) / (ratingScale - 1) : 0.06;
    const row: number[] = [];
    for (let z = 1; z <= zoneCount; z++) {
      const position = zoneCount > 1 ? (0.03 * (z - 1)) / (zoneCount - 1) : 0;
      row.push(Math.max(0, Number((perf - position).toFixed(6))));
    }
    cells.push(row);
  }
  return { ratings, cells, source: 'default' };
}

/** The guideline for a rating and zone, or undefined when the matrix has no such row or column. */
export function guidelineOf(g: MeritGuidelines, rating: number, zone: number): number | undefined {
  const i = g.ratings.indexOf(rating);
  if (i < 0) return undefined;
  return g.cells[i][zone - 1];
}

/** Shape and plausibility of a guideline matrix against the rating scale and zones. */
export function validateGuidelines(g: MeritGuidelines, ratingScale: number, zoneCount: number): Problem[] {
  const out: Problem[] = [];
  const sheet = g.where?.sheet ?? 'Merit Guidelines';
  const at = (i: number): Where => (g.where ? { sheet, row: g.where.rows[i] } : { sheet });
  const seen = new Set<number>();
  // A sheet whose every row has the same wrong number of zone columns gets one message, not one per row.
  const widths = new Set(g.cells.map((row) => row.length));
  const uniformlyWrong = widths.size === 1 && !widths.has(zoneCount);
  if (uniformlyWrong) {
    out.push(problem('error', 'guideline-zones', `the matrix has ${[...widths][0]} zone columns; the zones (Compa Zones, or quartiles) need ${zoneCount}`, { sheet }));
  }
  g.ratings.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 1 || r > ratingScale) {
      out.push(problem('error', 'guideline-rating', `rating ${r} is not a whole number from 1 to ${ratingScale} (Rating Scale)`, at(i)));
    } else if (seen.has(r)) {
      out.push(problem('error', 'guideline-duplicate-rating', `rating ${r} has two rows`, at(i)));
    }
    seen.add(r);
    const row = g.cells[i] ?? [];
    if (row.length !== zoneCount && !uniformlyWrong) {
      out.push(problem('error', 'guideline-zones', `the row for rating ${r} has ${row.length} zone columns; the zones need ${zoneCount}`, at(i)));
    }
    row.forEach((c, z) => {
      if (!Number.isFinite(c) || c < 0) out.push(problem('error', 'guideline-negative', `zone ${z + 1} for rating ${r}: ${c} is not a percentage of 0 or more`, at(i)));
      else if (c > 0.5) out.push(problem('warning', 'guideline-large', `zone ${z + 1} for rating ${r}: ${+(c * 100).toFixed(4)}% is an unusually large merit guideline`, at(i)));
    });
  });
  const missing: number[] = [];
  for (let r = 1; r <= ratingScale; r++) if (!seen.has(r)) missing.push(r);
  if (missing.length > 0) {
    out.push(problem('warning', 'guideline-missing-rating', `no guideline row for rating ${missing.join(', ')}: employees so rated get no merit increase`, { sheet }));
  }
  return out;
}
