import type { PayStructure } from '../../engine/payStructure';
import type { GradeRange } from '../../engine/structure';
import type { Assumptions } from '../../engine/types';
import { absRange, rangeAddress, sheetRef } from '../address';
import { OUTPUT_SHEETS } from '../schema';
import type { ChartSpec, SheetSpec } from '../sheetSpec';
import { TABLES } from './names';
import { payLineFormula } from './payLineFormula';
import { FMT, formula, SheetBuilder, type LayoutColumn } from './sheetBuilder';

/** Column letters of `Pay Structure`, shared with the layouts that look it up. */
export const PS = { grade: 'A', minPoints: 'B', maxPoints: 'C', minimum: 'D', midpoint: 'E', maximum: 'F', designSpread: 'L' } as const;

/** `'Pay Structure'!$E$2:$E$11` for a column of the grade table. */
export const payStructureColumn = (letter: string, grades: number): string => {
  const col = letter.charCodeAt(0) - 64;
  return sheetRef(OUTPUT_SHEETS.payStructure, absRange(2, col, grades + 1, col));
};

export interface PayStructureCounts {
  /** Jobs and employees per grade, for the cached values of the count formulas. */
  jobs: Map<number, number>;
  employees: Map<number, number>;
  /** Last data row of `Job Slotting` (for the COUNTIF ranges). */
  slottingLastRow: number;
}

/**
 * `Pay Structure`: one row per grade. Min and max points are the band edges (values); the midpoint
 * reads the pay line at the band centre; minimum, maximum, spread, progression and overlap are
 * formulas on the midpoint, the design spread and the Assumptions names.
 */
export function payStructureSheet(result: PayStructure, a: Assumptions, counts: PayStructureCounts): SheetSpec {
  const b = new SheetBuilder(OUTPUT_SHEETS.payStructure);
  const fit = result.fit!;
  const n = result.grades.length;
  const js = (col: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${col}$2:$${col}$${counts.slottingLastRow}`);
  const round = (expr: string) => `ROUND((${expr})/RoundingMultiple,0)*RoundingMultiple`;
  const columns: LayoutColumn<GradeRange>[] = [
    { header: 'Grade', format: FMT.integer, width: 7, cell: (g) => g.grade },
    { header: 'Min Points', format: FMT.points, width: 11, cell: (g) => g.minPoints },
    { header: 'Max Points', format: FMT.points, width: 11, cell: (g) => g.maxPoints },
    { header: 'Minimum', format: FMT.money, width: 12, cell: (g, r) => formula(round(`E${r}/(1+L${r}/2)`), g.minimum) },
    { header: 'Midpoint', format: FMT.money, width: 12, cell: (g, r) => formula(round(payLineFormula(fit.model, `(B${r}+C${r})/2`)), g.midpoint) },
    { header: 'Maximum', format: FMT.money, width: 12, cell: (g, r) => formula(round(`E${r}*(1+L${r})/(1+L${r}/2)`), g.maximum) },
    { header: 'Spread', format: FMT.percent, width: 9, cell: (g, r) => formula(`(F${r}-D${r})/D${r}`, g.spread) },
    { header: 'Progression', format: FMT.percent, width: 11, cell: (g, r) => (g.grade < n ? formula(`E${r + 1}/E${r}-1`, g.progression) : null) },
    { header: 'Overlap', format: FMT.percent, width: 9, cell: (g, r) => (g.grade < n ? formula(`(F${r}-D${r + 1})/(F${r + 1}-D${r + 1})`, g.overlap) : null) },
    { header: 'Jobs', format: FMT.integer, width: 7, cell: (g, r) => formula(`COUNTIF(${js('D')},A${r})`, counts.jobs.get(g.grade) ?? 0) },
    { header: 'Employees', format: FMT.integer, width: 10, cell: (g, r) => formula(`SUMIF(${js('D')},A${r},${js('I')})`, counts.employees.get(g.grade) ?? 0) },
    {
      header: 'Design Spread',
      format: FMT.percent,
      width: 13,
      cell: (g, r) => formula(n > 1 ? `RangeSpreadLow+(RangeSpreadHigh-RangeSpreadLow)*(A${r}-1)/(${n}-1)` : 'RangeSpreadLow', g.designSpread),
    },
  ];
  b.table(TABLES.payStructure, 1, 1, result.grades, columns);
  const note = n + 3;
  b.set(note, 1, 'Notes');
  b.set(note + 1, 1, `Midpoint: the ${fit.model.toLowerCase()} pay line (Market Analysis) at the band centre, rounded to RoundingMultiple (${a.rounding}).`);
  b.set(note + 2, 1, 'Minimum = Midpoint / (1 + spread/2); Maximum = Midpoint × (1 + spread) / (1 + spread/2); each rounded once, half away from zero.');
  b.set(note + 3, 1, 'Progression and Overlap are from each grade to the next; overlap is negative when there is a gap between ranges.');
  return b.build(n > 0 ? { charts: [rangeChart(b, result.grades)] } : {});
}

/**
 * First row of the range chart's data: below the notes, leaving room for the three notes the
 * structure options append under the core's three (withStructureOptions), and a blank row.
 */
export const rangeChartRow = (grades: number): number => grades + 11;

/**
 * The range chart: each grade's minimum to maximum as a floating bar (an invisible bar up to the
 * minimum with the range width stacked on it, which Excel draws from cells, not from arithmetic, so
 * the width has a column of its own under the notes), the midpoint as a marker on it.
 */
function rangeChart(b: SheetBuilder, grades: readonly GradeRange[]): ChartSpec {
  const n = grades.length;
  const top = rangeChartRow(n);
  b.set(top, 1, 'Range chart data: each grade\'s range width (Maximum − Minimum), stacked on its Minimum in the chart.');
  b.set(top + 1, 1, 'Grade');
  b.set(top + 1, 2, 'Range Width');
  grades.forEach((g, i) => {
    const r = i + 2;
    b.set(top + 2 + i, 1, formula(`${PS.grade}${r}`, g.grade));
    b.set(top + 2 + i, 2, formula(`${PS.maximum}${r}-${PS.minimum}${r}`, g.maximum.minus(g.minimum)));
  });
  b.format(rangeAddress(top + 2, 1, top + 1 + n, 1), FMT.integer);
  b.format(rangeAddress(top + 2, 2, top + 1 + n, 2), FMT.money);
  const column = (letter: string) => `${letter}2:${letter}${n + 1}`;
  const grade = column(PS.grade);
  return {
    kind: 'rangeBar',
    title: 'Salary ranges by grade',
    // Beside the data, a row under its caption (which runs across the columns to the right).
    anchor: `D${top + 1}`,
    widthCells: 10,
    heightCells: 20,
    series: [
      { name: 'Minimum', values: column(PS.minimum), categories: grade },
      { name: 'Minimum to Maximum', values: rangeAddress(top + 2, 2, top + 1 + n, 2), categories: grade },
      { name: 'Midpoint', values: column(PS.midpoint), categories: grade },
    ],
  };
}
