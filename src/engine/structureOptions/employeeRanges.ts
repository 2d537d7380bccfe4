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

/** A range as compared: its ends in decimal and as doubles. */
interface Bounds {
  minimum: Decimal;
  midpoint: Decimal;
  maximum: Decimal;
  min: number;
  mid: number;
  max: number;
  width: number;
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
  // Few distinct spellings of a location: each looked up once.
  const differentialByName = new Map<string, number | undefined>();
  const differentialOf = (name: string | undefined): number | undefined => {
    if (name === undefined) return 0;
    if (differentialByName.has(name)) return differentialByName.get(name);
    const d = name.trim() === '' ? 0 : differentialByKey.get(locationKey(name));
    differentialByName.set(name, d);
    return d;
  };
  // Each (differential, grade) range worked out once, with its ends as the doubles the sheet holds.
  const boundsByDifferential = new Map<number, Map<number, Bounds>>();
  const boundsOf = (range: GradeRange, differential: number): Bounds => {
    let ofGrade = boundsByDifferential.get(differential);
    if (!ofGrade) boundsByDifferential.set(differential, (ofGrade = new Map()));
    let b = ofGrade.get(range.grade);
    if (!b) {
      // No differential: the national range as it stands (a given midpoint off the rounding grid is not re-rounded).
      const move = (x: Decimal) => (differential === 0 ? x : adjustForLocation(x, differential, rounding));
      const minimum = move(range.minimum);
      const midpoint = move(range.midpoint);
      const maximum = move(range.maximum);
      const min = toDouble(minimum);
      const max = toDouble(maximum);
      b = { minimum, midpoint, maximum, min, mid: toDouble(midpoint), max, width: max - min };
      ofGrade.set(range.grade, b);
    }
    return b;
  };
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
    if (!range) return { employee: e, basis: g.basis, value: g.value, grade: g.grade, reason: g.reason, location: e.location, differential, status: 'No grade' };
    const b = boundsOf(range, differential);
    const salary = e.baseSalary;
    // Ratios are reported, not summed: doubles, as the Employee Ranges sheet's formulas give them.
    const s = toDouble(salary);
    // toDouble rounds correctly, so it keeps order: unequal doubles decide the comparison; equal ones are settled in decimal.
    const below = s < b.min || (s === b.min && salary.lt(b.minimum));
    const above = !below && (s > b.max || (s === b.max && salary.gt(b.maximum)));
    return {
      employee: e,
      basis: g.basis,
      value: g.value,
      grade: g.grade,
      reason: g.reason,
      location: e.location,
      differential,
      minimum: b.minimum,
      midpoint: b.midpoint,
      maximum: b.maximum,
      compaRatio: b.mid === 0 ? undefined : s / b.mid,
      penetration: b.width === 0 ? undefined : (s - b.min) / b.width,
      status: below ? 'Below minimum' : above ? 'Above maximum' : '',
    };
  });
  for (const [name, { count, where }] of unknown) {
    problems.push(problem('warning', 'unknown-location', `location "${name}" (${count} employee${count === 1 ? '' : 's'}) is not on the Locations sheet; the national ranges are used`, where));
  }
  return { employees, problems };
}
