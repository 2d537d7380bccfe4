import type { Problem } from '../engine/problem';
import type { RunSummary } from '../run/pipeline';

const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** The short run summary printed by `salary-structure run`. */
export function formatSummary(s: RunSummary): string {
  const lines: string[] = [];
  if (s.payLine) {
    lines.push(`Pay line: ${s.payLine.model}, a = ${s.payLine.a.toPrecision(6)}, b = ${s.payLine.b.toPrecision(6)}, R² = ${s.payLine.r2.toFixed(4)} (${s.payLine.n} benchmarks)`);
  }
  lines.push(`Jobs ${s.counts.jobs} (${s.counts.benchmarks} benchmarks priced), survey rows ${s.counts.surveyRows}, employees ${s.counts.employees}`);
  lines.push('');
  const header = ['Grade', `Minimum ${s.currency}`, 'Midpoint', 'Maximum', 'Jobs', 'Employees'];
  const rows = s.grades.map((g) => [String(g.grade), money(g.minimum), money(g.midpoint), money(g.maximum), String(g.jobs), String(g.employees)]);
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(header));
  for (const r of rows) lines.push(fmt(r));
  if (s.merit) {
    const m = s.merit;
    const pct = m.eligiblePayroll > 0 ? ` (${((m.budget / m.eligiblePayroll) * 100).toFixed(2)}% of eligible payroll ${money(m.eligiblePayroll)})` : '';
    lines.push('');
    lines.push(`Merit: budget ${money(m.budget)}${pct}; guideline matrix scaled by ${m.factor.toFixed(7)} (${m.status})`);
    lines.push(`       calibrated cost ${m.calibratedCost.toFixed(2)}, with the rounded matrix cells ${m.planCost.toFixed(2)} (rounding ${m.roundingDifference >= 0 ? '+' : ''}${m.roundingDifference.toFixed(2)})${m.unrated ? `; ${m.unrated} without a rating` : ''}`);
    if (m.bonusPool !== undefined) lines.push(`Bonus pool ${money(m.bonusPool)} allocated on the Bonus Plan sheet`);
  }
  const flags = Object.entries(s.flags);
  if (flags.length > 0) {
    lines.push('');
    lines.push(`Slotting flags: ${flags.map(([f, n]) => `${f} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}

export function formatProblems(problems: readonly Problem[], limit = 50): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  const lines = sorted.slice(0, limit).map((p) => `  ${p.severity.padEnd(7)} ${p.message}`);
  if (sorted.length > limit) lines.push(`  … and ${sorted.length - limit} more`);
  return lines.join('\n');
}
