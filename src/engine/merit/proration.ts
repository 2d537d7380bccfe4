import { money } from '../money';
import type { CalendarDate } from '../types';
import type Decimal from 'decimal.js';

/**
 * Months of the review period an employee hired after `Proration Start` worked: the period runs twelve
 * months from the start; whole calendar months are counted from the hire month on, and the hire month
 * counts in full (day of month ignored, as for aging). Hired before or in the start month: 12.
 * Hired twelve or more months after the start: 0.
 */
export function monthsInPeriod(hire: CalendarDate | undefined, start: CalendarDate | undefined): number {
  if (!hire || !start) return 12;
  const after = (hire.year - start.year) * 12 + (hire.month - start.month);
  return Math.max(0, Math.min(12, 12 - after));
}

/** Proration = months in the period / 12, between 0 and 1, as the sheet computes it in double precision. */
export const proration = (hire: CalendarDate | undefined, start: CalendarDate | undefined): number => monthsInPeriod(hire, start) / 12;

/** The same proration as an exact decimal (for calibration). */
export const prorationExact = (hire: CalendarDate | undefined, start: CalendarDate | undefined): Decimal => money(monthsInPeriod(hire, start)).div(12);
