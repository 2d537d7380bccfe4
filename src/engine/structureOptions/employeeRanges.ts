import type Decimal from 'decimal.js';
import { toDouble } from '../money';
import { problem, type Problem, type Where } from '../problem';
import type { GradeRange } from '../structure';
import type { GradedEmployee } from '../evaluation/paySystem';
import { adjustForLocation, locationKey, type LocationDifferential } from './geography';

export type RangeStatus = '' | 'Below minimum' | 'Above maximum' | 'No grade';

/** An employee set against the range of their grade, moved by their location's differential. */
export interface EmployeeRange extends GradedEmployee {
  location?: string;
  /** The location's differential in force (0 when the employee has no location or it is not listed). */
  differential: number;
  minimum?: Decimal;
  midpoint?: Decimal;
  maximum?: Decimal;
  /** Base salary / midpoint, in double precision as the sheet's formula computes it. */
  compaRatio?: number;
  /** (salary − min)/(max − min) in double precision as the sheet computes it; undefined for a zero-width range. */
  penetration?: number;
  status: RangeStatus;
}

/**
 * Compares every graded employee with their range. With locations, the range is the location-adjusted
 * one (national × (1 + differential), each end rounded once); an employee whose location is not on the
 * Locations sheet is compared with the national range, with a warning per unknown location.
 */
export function compareWithRanges(
  graded: GradedEmployee[],
  ranges: GradeRange[],
  rounding: number,
  locations: LocationDifferential[] = [],
): { employees: EmployeeRange[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byGrade = new Map(ranges.map((r) => [r.grade, r]));
  const unknown = new Map<string, { count: number; where?: Where }>();
  // Each location and each (grade, differential) range worked out once, not once per employee.
  const differentialByKey = new Map<string, number>();
  for (const l of locations) if (!differentialByKey.has(locationKey(l.name))) differentialByKey.set(locationKey(l.name), l.differential);
  const differentialOf = (name: string | undefined) => (name === undefined || name.trim() === '' ? 0 : differentialByKey.get(locationKey(name)));
  const adjusted = new Map<string, { minimum: Decimal; midpoint: Decimal; maximum: Decimal }>();
  const employees = graded.map((g): EmployeeRange => {
    const e = g.employee;
    let differential = 0;
    if (locations.length > 0) {
      const d = differentialOf(e.location);
      if (d === undefined) {
        const key = e.location!.trim();
        const seen = unknown.get(key);
        if (seen) seen.count++;
        else unknown.set(key, { count: 1, where: e.ref ? { sheet: e.ref.sheet, row: e.ref.row } : undefined });
      } else differential = d;
    }
    const range = g.grade === undefined ? undefined : byGrade.get(g.grade);
    if (!range) return { ...g, location: e.location, differential, status: 'No grade' };
    // No differential: the national range as it stands (a given midpoint off the rounding grid is not re-rounded).
    const move = (x: Decimal) => (differential === 0 ? x : adjustForLocation(x, differential, rounding));
    const rangeKey = `${range.grade}|${differential}`;
    let bounds = adjusted.get(rangeKey);
    if (!bounds) {
      bounds = { minimum: move(range.minimum), midpoint: move(range.midpoint), maximum: move(range.maximum) };
      adjusted.set(rangeKey, bounds);
    }
    const { minimum, midpoint, maximum } = bounds;
    const salary = e.baseSalary;
    // Ratios are reported, not summed: doubles, as the Employee Ranges sheet's formulas give them.
    const s = toDouble(salary);
    const min = toDouble(minimum);
    const width = toDouble(maximum) - min;
    const mid = toDouble(midpoint);
    return {
      ...g,
      location: e.location,
      differential,
      minimum,
      midpoint,
      maximum,
      compaRatio: mid === 0 ? undefined : s / mid,
      penetration: width === 0 ? undefined : (s - min) / width,
      status: salary.lt(minimum) ? 'Below minimum' : salary.gt(maximum) ? 'Above maximum' : '',
    };
  });
  for (const [name, { count, where }] of unknown) {
    problems.push(problem('warning', 'unknown-location', `location "${name}" (${count} employee${count === 1 ? '' : 's'}) is not on the Locations sheet; the national ranges are used`, where));
  }
  return { employees, problems };
}
