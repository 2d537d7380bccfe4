import type { Computed } from '../../run/pipeline';

/** What the pane's range chart draws: each grade's range, and (a sample of) employees by grade. */
export interface RangeChartData {
  grades: { grade: number; minimum: number; midpoint: number; maximum: number }[];
  employees: { grade: number; salary: number }[];
  /** Employees with a grade, before sampling. */
  total: number;
}

/** Enough dots to show the spread, few enough to draw at once. */
export const MAX_CHART_POINTS = 1500;

export function rangeChartData(computed: Computed, maxPoints = MAX_CHART_POINTS): RangeChartData {
  const grades = computed.structure.grades.map((g) => ({ grade: g.grade, minimum: g.minimum.toNumber(), midpoint: g.midpoint.toNumber(), maximum: g.maximum.toNumber() }));
  const graded = computed.graded.filter((g) => g.grade !== undefined);
  // An even stride keeps the sample deterministic and spread over the whole list.
  const stride = Math.max(1, Math.ceil(graded.length / maxPoints));
  const employees: RangeChartData['employees'] = [];
  for (let i = 0; i < graded.length; i += stride) employees.push({ grade: graded[i].grade!, salary: graded[i].employee.baseSalary.toNumber() });
  return { grades, employees, total: graded.length };
}
