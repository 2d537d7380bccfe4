import { sum, ZERO } from '../../engine/money';
import type { Computed } from '../../run/pipeline';

export type CheckStatus = 'OK' | 'Warning' | 'Fail';

/** One line of the checks, as the Consistency sheet lays them out. */
export interface CheckLine {
  check: string;
  value: string;
  status: CheckStatus;
  detail: string;
}

/** The pay-equity headline figures (gaps as (men − women) / men). */
export interface EquityView {
  nFemale: number;
  nMale: number;
  meanGap?: number;
  medianGap?: number;
  /** The regression-adjusted gap, when it could be estimated. */
  adjustedGap?: number;
  adjustedNote?: string;
  /** EU Directive Article 9 (g): categories of workers at or above the threshold. */
  categoriesFlagged: number;
  categories: number;
  threshold: number;
}

export interface ChecksView {
  consistency: CheckLine[];
  /** From the consistency engine (true) or read off the structure (false). */
  fromEngine: boolean;
  equity?: EquityView;
  /** Employees against their range. */
  belowMinimum: number;
  aboveMaximum: number;
  noGrade: number;
  /** Σ (minimum − salary) × FTE over employees below their minimum. */
  costToMinimum: number;
  /** Mean compa-ratio over employees with a range. */
  meanCompaRatio?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const ORDER: Record<CheckStatus, number> = { OK: 0, Warning: 1, Fail: 2 };

function formatValue(value: number | undefined, format: string | undefined): string {
  if (value === undefined) return '';
  if (format === 'percent') return pct(value);
  if (format === 'ratio') return value.toFixed(3);
  return value.toLocaleString('en');
}

/** The consistency engine's rows, one line per check: its worst status, how many rows are off, the first detail. */
function engineLines(rows: NonNullable<Computed['fairness']>['consistency']['rows']): CheckLine[] {
  const byCheck = new Map<string, typeof rows>();
  for (const r of rows) byCheck.set(r.check, [...(byCheck.get(r.check) ?? []), r]);
  return [...byCheck.entries()].map(([check, list]) => {
    const worst = list.reduce((w, r) => (ORDER[r.status] > ORDER[w.status] ? r : w), list[0]);
    const off = list.filter((r) => r.status !== 'OK').length;
    const value = list.length === 1 ? formatValue(list[0].value, list[0].valueFormat) : off > 0 ? `${off} of ${list.length}` : `${list.length} OK`;
    return { check, value, status: worst.status, detail: worst.status === 'OK' ? list[0].detail : `${worst.scope}: ${worst.detail}` };
  });
}

function equityView(computed: Computed): EquityView | undefined {
  const equity = computed.fairness?.equity;
  if (!equity) return undefined;
  const overall = equity.unadjusted.overall;
  const adjusted = equity.adjusted;
  return {
    nFemale: overall.nFemale,
    nMale: overall.nMale,
    meanGap: overall.suppressed ? undefined : overall.meanGap,
    medianGap: overall.suppressed ? undefined : overall.medianGap,
    adjustedGap: adjusted.status === 'ok' ? adjusted.menMinusWomen : undefined,
    adjustedNote: adjusted.status === 'ok' ? undefined : (adjusted.reason ?? adjusted.status),
    categoriesFlagged: equity.eu.categories.filter((c) => c.flagged).length,
    categories: equity.eu.categories.length,
    threshold: equity.eu.threshold,
  };
}

/**
 * The structure's internal consistency (the consistency engine's checks when the run made them, else
 * read off the structure), where employees sit in their ranges, and the pay-equity headline figures.
 */
export function checksView(computed: Computed): ChecksView {
  const s = computed.structure;
  const lines: CheckLine[] = [];
  const progressions = s.grades.flatMap((g) => (g.progression ? [g.progression.toNumber()] : []));
  if (progressions.length > 0) {
    const falling = s.grades.filter((g) => g.progression && !g.progression.isPositive()).map((g) => g.grade);
    lines.push({
      check: 'Midpoint progression',
      value: `${pct(Math.min(...progressions))} to ${pct(Math.max(...progressions))}`,
      status: falling.length > 0 ? 'Fail' : 'OK',
      detail: falling.length > 0 ? `midpoints do not rise after grade ${falling.join(', ')}` : 'midpoints rise from every grade to the next',
    });
  }
  const overlaps = s.grades.flatMap((g) => (g.overlap ? [{ grade: g.grade, overlap: g.overlap.toNumber() }] : []));
  if (overlaps.length > 0) {
    const gaps = overlaps.filter((o) => o.overlap < 0).map((o) => o.grade);
    lines.push({
      check: 'Range overlap',
      value: `${pct(Math.min(...overlaps.map((o) => o.overlap)))} to ${pct(Math.max(...overlaps.map((o) => o.overlap)))}`,
      status: gaps.length > 0 ? 'Warning' : 'OK',
      detail: gaps.length > 0 ? `a gap between grade ${gaps.join(', ')} and the next` : 'every range overlaps the next',
    });
  }
  const jobsPerGrade = new Map<number, number>();
  for (const j of s.slotting) if (j.grade !== undefined) jobsPerGrade.set(j.grade, (jobsPerGrade.get(j.grade) ?? 0) + 1);
  const empty = s.grades.filter((g) => !jobsPerGrade.has(g.grade)).map((g) => g.grade);
  lines.push({ check: 'Empty grades', value: String(empty.length), status: empty.length > 0 ? 'Warning' : 'OK', detail: empty.length > 0 ? `no job in grade ${empty.join(', ')}` : 'every grade holds a job' });
  const outside = s.slotting.filter((j) => j.flag === 'Above maximum' || j.flag === 'Below minimum');
  lines.push({
    check: 'Market rate outside the range',
    value: String(outside.length),
    status: outside.length > 0 ? 'Warning' : 'OK',
    detail: outside.length > 0 ? outside.slice(0, 5).map((j) => `${j.job.code} (${j.flag.toLowerCase()})`).join(', ') + (outside.length > 5 ? '…' : '') : 'every job is priced inside its range',
  });
  const noMarket = s.slotting.filter((j) => j.flag === 'No market data').length;
  if (noMarket > 0) lines.push({ check: 'Jobs without market data', value: String(noMarket), status: 'Warning', detail: `${plural(noMarket, 'job')} slotted by points only` });

  const employees = computed.employees;
  const below = employees.filter((e) => e.status === 'Below minimum');
  const above = employees.filter((e) => e.status === 'Above maximum');
  const noGrade = employees.filter((e) => e.status === 'No grade').length;
  const costToMinimum = sum(below.map((e) => (e.minimum ?? ZERO).minus(e.employee.baseSalary).times(e.employee.fte))).toDecimalPlaces(2).toNumber();
  const ratios = employees.flatMap((e) => (e.compaRatio ? [e.compaRatio] : []));
  lines.push({ check: 'Green circles (below minimum)', value: String(below.length), status: below.length > 0 ? 'Warning' : 'OK', detail: below.length > 0 ? `cost to bring them to minimum: ${costToMinimum.toLocaleString('en')}` : 'nobody is paid below the range' });
  lines.push({ check: 'Red circles (above maximum)', value: String(above.length), status: above.length > 0 ? 'Warning' : 'OK', detail: above.length > 0 ? `${plural(above.length, 'employee')} paid above the range` : 'nobody is paid above the range' });
  if (noGrade > 0) lines.push({ check: 'Employees without a grade', value: String(noGrade), status: 'Warning', detail: 'their job or level falls outside the grade bands' });
  const engine = computed.fairness?.consistency;
  return {
    consistency: engine ? engineLines(engine.rows) : lines,
    fromEngine: engine !== undefined,
    equity: equityView(computed),
    belowMinimum: below.length,
    aboveMaximum: above.length,
    noGrade,
    costToMinimum,
    meanCompaRatio: ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined,
  };
}
