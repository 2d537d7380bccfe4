import type Decimal from 'decimal.js';
import { money } from '../../../src/engine/money';
import type { GradeBounds, MeritAssumptions, MeritCase, MeritOptions, MeritPolicy } from '../../../src/engine/merit';
import { defaultMeritOptions } from '../../../src/engine/merit';
import type { CalendarDate, Employee } from '../../../src/engine/types';

export const date = (year: number, month: number, day = 1): CalendarDate => ({ year, month, day });

export const meritAssumptions = (over: Partial<MeritAssumptions> = {}): MeritAssumptions => ({
  meritBudget: 0.03,
  ratingScale: 5,
  ratingThresholds: [1.5, 2.5, 3.5, 4.5],
  compaZones: [0.9, 1.0, 1.1],
  aboveMaximum: 'Lump Sum',
  catchUpToMinimum: false,
  ...over,
});

export const meritOptions = (over: Partial<MeritOptions> = {}, a: MeritAssumptions = meritAssumptions()): MeritOptions => ({
  ...defaultMeritOptions(a),
  ...over,
});

export const employee = (id: string, base: number, over: Partial<Employee> = {}): Employee => ({
  id,
  name: `Name ${id}`,
  jobCode: 'J1',
  baseSalary: money(base),
  fte: 1,
  ...over,
});

export const grade = (g: number, minimum: number, midpoint: number, maximum: number): GradeBounds => ({
  grade: g,
  minimum: money(minimum),
  midpoint: money(midpoint),
  maximum: money(maximum),
});

/** A merit case by hand: eligible, full year, in grade 1 of the given range. */
export const meritCase = (id: string, base: number, range: [number, number, number], guideline: number, over: Partial<MeritCase> = {}): MeritCase => ({
  id,
  base: money(base),
  fte: 1,
  grade: 1,
  minimum: money(range[0]),
  midpoint: money(range[1]),
  maximum: money(range[2]),
  rating: 3,
  zone: 1,
  months: 12,
  proration: 1,
  eligible: true,
  guideline,
  ...over,
});

export const policy = (over: Partial<MeritPolicy> = {}): MeritPolicy => ({ cap: false, catchUp: false, catchUpInside: false, ...over });

/** An amount to the cent; a number must be the double of a whole number of cents (as the engine's plan amounts are). */
export const cents = (d: Decimal | number): string => {
  if (typeof d !== 'number') return d.toFixed(2);
  const c = Math.round(d * 100);
  if (c / 100 !== d) throw new Error(`${d} is not the double of a whole number of cents`);
  return money(c).div(100).toFixed(2);
};
