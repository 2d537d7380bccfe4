import type Decimal from 'decimal.js';
import { roundFormulaToMultiple } from '../money';
import { problem, type Problem, type SourceRef, type Where } from '../problem';
import type { GradeRange } from '../structure';

/**
 * Geographic differentials: one structure, moved up or down by a percentage per location
 * (e.g. +12% for a high-cost city, −8% for a low-cost one). A location's range is the national range
 * × (1 + differential), minimum, midpoint and maximum each rounded once from the national value.
 */
export interface LocationDifferential {
  name: string;
  /** As a fraction: 0.12 = +12%. */
  differential: number;
  ref?: SourceRef;
  /** Absolute reference of the input cell holding the differential, when a formula may cite it as is. */
  differentialCell?: string;
}

export interface LocationRange {
  location: string;
  differential: number;
  grade: number;
  minimum: Decimal;
  midpoint: Decimal;
  maximum: Decimal;
}

const LOCATIONS: Where = { sheet: 'Locations' };
const at = (l: LocationDifferential): Where => (l.ref ? { sheet: l.ref.sheet, row: l.ref.row } : LOCATIONS);

/** Locations match as Excel's MATCH(…, 0) matches text: ignoring case (and surrounding spaces). */
export const locationKey = (name: string): string => name.trim().toUpperCase();

export function validateLocations(locations: LocationDifferential[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, LocationDifferential>();
  for (const l of locations) {
    const key = locationKey(l.name);
    const first = seen.get(key);
    if (first) problems.push(problem('error', 'duplicate-location', `location "${l.name}" is listed twice${first.ref ? ` (first at row ${first.ref.row})` : ''}`, at(l)));
    else seen.set(key, l);
    if (!(Number.isFinite(l.differential) && l.differential > -1)) {
      problems.push(problem('error', 'invalid-differential', `location "${l.name}": a differential of ${l.differential} would leave no pay; it must be above −100%`, at(l)));
    }
  }
  return problems;
}

/** An amount moved by a differential, as ROUND(amount*(1+d)/RoundingMultiple,0)*RoundingMultiple. */
export const adjustForLocation = (amount: Decimal, differential: number, rounding: number): Decimal =>
  roundFormulaToMultiple(amount.toNumber() * (1 + differential), rounding);

/** The location-adjusted copy of the structure: every location × every grade. */
export function locationRanges(ranges: GradeRange[], locations: LocationDifferential[], rounding: number): LocationRange[] {
  const out: LocationRange[] = [];
  for (const l of locations) {
    for (const r of ranges) {
      out.push({
        location: l.name,
        differential: l.differential,
        grade: r.grade,
        minimum: adjustForLocation(r.minimum, l.differential, rounding),
        midpoint: adjustForLocation(r.midpoint, l.differential, rounding),
        maximum: adjustForLocation(r.maximum, l.differential, rounding),
      });
    }
  }
  return out;
}

/** The differential in force for a location name: 0 for a blank name; undefined for a name not on the list. */
export function differentialOf(locations: LocationDifferential[], name: string | undefined): number | undefined {
  if (name === undefined || name.trim() === '') return 0;
  const key = locationKey(name);
  return locations.find((l) => locationKey(l.name) === key)?.differential;
}
