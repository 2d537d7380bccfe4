import type { RangeChartData } from '../engine/rangeChartData';

export interface ChartGeometry {
  width: number;
  height: number;
  bars: { grade: number; x: number; width: number; top: number; bottom: number; mid: number; label: string }[];
  dots: { x: number; y: number }[];
  ticks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const compact = (v: number): string => (Math.abs(v) >= 1e6 ? `${+(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e3 ? `${+(v / 1e3).toFixed(0)}k` : String(Math.round(v)));

/** A step of 1, 2 or 5 × 10ⁿ giving about `count` ticks. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Where everything goes: grades across, pay up; each grade a bar from minimum to maximum. */
export function chartGeometry(data: RangeChartData, width = 320, height = 200): ChartGeometry {
  const plot = { left: 40, right: width - 8, top: 8, bottom: height - 22 };
  const values = [...data.grades.flatMap((g) => [g.minimum, g.maximum]), ...data.employees.map((e) => e.salary)];
  const step = niceStep(Math.max(1, Math.max(...values) - Math.min(...values)), 4);
  const lo = Math.floor(Math.min(...values) / step) * step;
  const hi = Math.ceil(Math.max(...values) / step) * step || step;
  const y = (v: number): number => plot.top + ((hi - v) / (hi - lo || 1)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, data.grades.length);
  const xOf = new Map(data.grades.map((g, i) => [g.grade, plot.left + band * (i + 0.5)]));
  const bars = data.grades.map((g) => ({
    grade: g.grade,
    x: xOf.get(g.grade)! - band * 0.3,
    width: band * 0.6,
    top: y(g.maximum),
    bottom: y(g.minimum),
    mid: y(g.midpoint),
    label: String(g.grade),
  }));
  // Spread the dots across the bar with a fixed pattern (golden-ratio steps), so the picture is stable.
  const dots = data.employees.flatMap((e, i) => {
    const x = xOf.get(e.grade);
    return x === undefined ? [] : [{ x: x + (((i * 0.618034) % 1) - 0.5) * band * 0.5, y: y(e.salary) }];
  });
  const ticks: ChartGeometry['ticks'] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push({ y: y(v), label: compact(v) });
  return { width, height, bars, dots, ticks, plot };
}
