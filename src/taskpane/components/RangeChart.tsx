import { tokens, useId } from '@fluentui/react-components';
import type { RangeChartData } from '../engine/rangeChartData';
import { useTaskPaneStyles } from '../useTaskPaneStyles';
import { chartGeometry } from './rangeChartGeometry';

/** The range chart in the pane: each grade's minimum to maximum with its midpoint, employees as dots. */
export function RangeChart({ data, currency }: { data: RangeChartData; currency: string }) {
  const styles = useTaskPaneStyles();
  const titleId = useId('range-chart-title');
  const descId = useId('range-chart-desc');
  const g = chartGeometry(data);
  const fmt = (v: number) => v.toLocaleString('en');
  const sampled = data.employees.length < data.total ? ` (a sample of ${data.employees.length} of ${data.total})` : '';
  return (
    <svg className={styles.chart} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>Salary ranges by grade ({currency})</title>
      <desc id={descId}>
        {data.grades.map((r) => `Grade ${r.grade}: ${fmt(r.minimum)} to ${fmt(r.maximum)}, midpoint ${fmt(r.midpoint)}`).join('; ')}. Dots are employees{sampled}.
      </desc>
      {g.ticks.map((t) => (
        <g key={t.label}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke={tokens.colorNeutralStroke2} strokeWidth={0.5} />
          <text x={g.plot.left - 4} y={t.y + 3} textAnchor="end" fontSize={9} fill={tokens.colorNeutralForeground3}>
            {t.label}
          </text>
        </g>
      ))}
      {g.bars.map((b) => (
        <g key={b.grade}>
          <rect x={b.x} y={b.top} width={b.width} height={Math.max(1, b.bottom - b.top)} fill={tokens.colorBrandBackground2} stroke={tokens.colorBrandStroke1} strokeWidth={0.75} rx={1} />
          <line x1={b.x} x2={b.x + b.width} y1={b.mid} y2={b.mid} stroke={tokens.colorBrandForeground1} strokeWidth={1.5} />
          <text x={b.x + b.width / 2} y={g.plot.bottom + 14} textAnchor="middle" fontSize={9} fill={tokens.colorNeutralForeground2}>
            {b.label}
          </text>
        </g>
      ))}
      {g.dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={1.4} fill={tokens.colorNeutralForeground2} fillOpacity={0.45} />
      ))}
    </svg>
  );
}
