import type Decimal from 'decimal.js';
import type { Employee } from '../types';
import type { GroupGap } from './gaps';
import type { PayEquityFigures } from './payEquity';

/** One gap measure before and after the proposed increases. */
export interface ImpactRow {
  measure: string;
  before?: number;
  after?: number;
  /** after − before (positive: the gap widened). */
  change?: number;
  /** Why a side has no figure (suppressed group, model unavailable). */
  note?: string;
}

export interface CategoryImpact {
  category: string | number;
  before?: number;
  after?: number;
  flaggedBefore: boolean;
  flaggedAfter: boolean;
}

export interface MeritEquityImpact {
  rows: ImpactRow[];
  categories: CategoryImpact[];
  /** True when any reported gap grows in absolute size, or a category becomes flagged. */
  widens: boolean;
}

/** Employees with the proposed new salary in place of their base salary (the same full-time basis). */
export function employeesAfterIncreases(employees: readonly Employee[], newSalary: ReadonlyMap<string, Decimal>): Employee[] {
  return employees.map((e) => {
    const after = newSalary.get(e.id);
    return after ? { ...e, baseSalary: after } : e;
  });
}

const row = (measure: string, before: number | undefined, after: number | undefined, note?: string): ImpactRow => ({
  measure,
  before,
  after,
  change: before !== undefined && after !== undefined ? after - before : undefined,
  note,
});

const gapRows = (label: string, b: GroupGap, a: GroupGap): ImpactRow[] => [
  row(`${label}: mean gap`, b.meanGap, a.meanGap, b.suppressed || a.suppressed ? 'suppressed (small group)' : undefined),
  row(`${label}: median gap`, b.medianGap, a.medianGap, b.suppressed || a.suppressed ? 'suppressed (small group)' : undefined),
];

/**
 * The gender pay gap figures before and after a merit plan, side by side, so a plan that widens a
 * gap is seen before it is approved: the adjusted gap, the unadjusted gaps in base salary, the EU
 * gap in hourly total pay and every category of workers with its Art. 10 flag.
 */
export function meritEquityImpact(before: PayEquityFigures, after: PayEquityFigures): MeritEquityImpact {
  const adjustedNote = before.adjusted.status !== 'ok' || after.adjusted.status !== 'ok' ? before.adjusted.reason ?? after.adjusted.reason ?? before.adjusted.status : undefined;
  const rows: ImpactRow[] = [
    row('Adjusted gap (regression, exp(b) − 1)', before.adjusted.gap, after.adjusted.gap, adjustedNote),
    ...gapRows('Base salary', before.unadjusted.overall, after.unadjusted.overall),
    ...gapRows('Hourly total pay (EU Art. 9)', before.eu.pay, after.eu.pay),
    row('Categories flagged (EU Art. 10)', before.eu.categories.filter((c) => c.flagged).length, after.eu.categories.filter((c) => c.flagged).length),
  ];
  const afterByCategory = new Map(after.eu.categories.map((c) => [String(c.category), c]));
  const categories: CategoryImpact[] = before.eu.categories.map((c) => {
    const a = afterByCategory.get(String(c.category));
    return { category: c.category, before: c.total.meanGap, after: a?.total.meanGap, flaggedBefore: c.flagged, flaggedAfter: a?.flagged ?? false };
  });
  // The adjusted gap is b's sign: −0.05 means women paid 5% less; a gap "widens" when it moves away from zero.
  const grows = (r: ImpactRow) => r.before !== undefined && r.after !== undefined && Math.abs(r.after) > Math.abs(r.before) + 1e-12;
  const widens = rows.slice(0, 5).some(grows) || categories.some((c) => c.flaggedAfter && !c.flaggedBefore);
  return { rows, categories, widens };
}
