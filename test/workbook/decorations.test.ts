/**
 * The output sheets' conditional formats and charts: every range they cite holds the column it is
 * meant for (found by header, row for row with the data), and the formats say what the cells say.
 * How each host renders them: test/hosts/fileHost.decorations.test.ts, officeHost.decorations.test.ts.
 */
import { MemoryHost } from '../../src/hosts/memory';
import { columnNumber, parseCell, parseRange } from '../../src/workbook/address';
import { isFormula, type ChartSpec, type ConditionalFormatSpec, type IconThreshold, type SheetSpec, type SpecCell } from '../../src/workbook/sheetSpec';
import { runWithMerit } from './merit/run';
import { meritWorkbook } from './merit/workbook';
import { runOn } from './structure/run';
import { GRADE_BANDS_ROWS, structureWorkbook } from './structure/workbook';

const cellAt = (s: SheetSpec, row: number, col: number): SpecCell => s.cells[row - 1]?.[col - 1] ?? null;
const valueAt = (s: SheetSpec, row: number, col: number): SpecCell => {
  const c = cellAt(s, row, col);
  return c !== null && isFormula(c) ? c.value : c;
};

/** The header above a one-column range and the range's rows. */
function column(s: SheetSpec, a1: string, headerRow = 1): { header: SpecCell; col: number; top: number; bottom: number } {
  const r = parseRange(a1);
  expect(r.left).toBe(r.right);
  return { header: cellAt(s, headerRow, r.left), col: r.left, top: r.top, bottom: r.bottom };
}

/** The data rows of a table: from under its header to its last row. */
function tableRows(s: SheetSpec, name: string): { top: number; bottom: number; left: number; right: number } {
  const r = parseRange(s.tables!.find((t) => t.name === name)!.range);
  return { top: r.top + 1, bottom: r.bottom, left: r.left, right: r.right };
}

const scales = (s: SheetSpec) => (s.conditionalFormats ?? []).filter((f): f is Extract<ConditionalFormatSpec, { kind: 'colorScale' }> => f.kind === 'colorScale');
const iconSets = (s: SheetSpec) => (s.conditionalFormats ?? []).filter((f): f is Extract<ConditionalFormatSpec, { kind: 'iconSet' }> => f.kind === 'iconSet');

/**
 * The icon Excel shows for a value: the last threshold it reaches (≥, or > when not inclusive), 0 for
 * the first icon (ECMA-376 Part 1, §18.3.1.49 iconSet: each cfvo is the lower bound of the next icon).
 */
function iconFor(value: number, thresholds: readonly IconThreshold[]): number {
  let icon = 0;
  thresholds.forEach((t, i) => {
    expect(t.type).toBe('number');
    if (t.inclusive === false ? value > t.value : value >= t.value) icon = i + 1;
  });
  return icon;
}

/**
 * The compa-ratio points a 50% range spread (the Assumptions default) gives: minimum = midpoint / (1 +
 * spread / 2), maximum = minimum × (1 + spread) (PRODUCT.md, Structure).
 */
const SPREAD = 0.5;
const RANGE_ENDS = { low: 1 / (1 + SPREAD / 2), high: (1 + SPREAD) / (1 + SPREAD / 2) };

function expectCompaScale(cf: ConditionalFormatSpec | undefined): void {
  expect(cf).toMatchObject({ kind: 'colorScale', midValue: 1 });
  const scale = cf as Extract<ConditionalFormatSpec, { kind: 'colorScale' }>;
  expect(scale.minValue).toBeCloseTo(RANGE_ENDS.low, 12);
  expect(scale.maxValue).toBeCloseTo(RANGE_ENDS.high, 12);
  // A diverging scale: the two ends differ from each other and from the middle.
  expect(new Set([scale.min, scale.mid, scale.max]).size).toBe(3);
}

/** Cells a chart would cover: its anchor and the size in cells. */
function chartCells(chart: ChartSpec): { top: number; left: number; bottom: number; right: number } {
  const a = parseCell(chart.anchor);
  return { top: a.row, left: a.col, bottom: a.row + chart.heightCells - 1, right: a.col + chart.widthCells - 1 };
}

function expectCoversNoCell(s: SheetSpec, chart: ChartSpec): void {
  const c = chartCells(chart);
  const covered: string[] = [];
  for (let r = c.top; r <= c.bottom; r++) for (let col = c.left; col <= c.right; col++) if (cellAt(s, r, col) !== null && cellAt(s, r, col) !== '') covered.push(`${r}:${col}`);
  expect(covered).toEqual([]);
}

describe('decorations on the merit workbook (14 employees, 3 grades)', () => {
  let sheet: (name: string) => SheetSpec;
  beforeAll(async () => {
    const host = new MemoryHost(meritWorkbook());
    const run = await runWithMerit(host);
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The memory host validates the update as every host does.
    await host.write(run.update);
    sheet = (name) => {
      const s = run.update.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
  });

  it('Pay Structure: the range chart floats each grade from its minimum to its maximum, the midpoint on it', () => {
    const ps = sheet('Pay Structure');
    expect(ps.charts).toHaveLength(1);
    const [chart] = ps.charts!;
    expect(chart.kind).toBe('rangeBar');
    const [base, band, mid] = chart.series;
    const grades = tableRows(ps, 'tblPayStructure');
    expect(grades.bottom - grades.top + 1).toBe(3);
    // Base and midpoint are the table's Minimum and Midpoint columns, row for row, on the grades.
    for (const [s, header] of [[base, 'Minimum'], [mid, 'Midpoint']] as const) {
      expect(column(ps, s.values)).toMatchObject({ header, top: grades.top, bottom: grades.bottom });
      expect(column(ps, s.categories!)).toMatchObject({ header: 'Grade', top: grades.top, bottom: grades.bottom });
    }
    // The band is the width column under the notes: Maximum − Minimum of the same grade, live.
    const width = column(ps, band.values, parseRange(band.values).top - 1);
    expect(width.header).toBe('Range Width');
    expect(width.bottom - width.top).toBe(grades.bottom - grades.top);
    const minCol = columnNumber('D');
    expect(cellAt(ps, 1, minCol)).toBe('Minimum');
    expect(cellAt(ps, 1, columnNumber('F'))).toBe('Maximum');
    const widths = [];
    for (let i = 0; i <= grades.bottom - grades.top; i++) {
      const row = grades.top + i;
      const cell = cellAt(ps, width.top + i, width.col);
      expect(isFormula(cell) && cell.formula).toBe(`=F${row}-D${row}`);
      expect(valueAt(ps, width.top + i, width.col)).toBe((valueAt(ps, row, columnNumber('F')) as number) - (valueAt(ps, row, minCol) as number));
      widths.push(valueAt(ps, width.top + i, width.col));
    }
    // The six-job structure (test/workbook/merit/workbook.ts): 77,900 − 51,900; 130,200 − 86,800; 182,400 − 121,600.
    expect(widths).toEqual([26000, 43400, 60800]);
    expectCoversNoCell(ps, chart);
  });

  it('Placement: the compa-ratio scale and the range-position icons on their columns, every employee row', () => {
    const pl = sheet('Placement');
    const rows = tableRows(pl, 'tblPlacement');
    expect(rows.bottom).toBe(15);
    const [scale] = scales(pl);
    expect(column(pl, scale.range)).toMatchObject({ header: 'Compa-Ratio', top: 2, bottom: 15 });
    expectCompaScale(scale);
    const [icons] = iconSets(pl);
    expect(column(pl, icons.range)).toMatchObject({ header: 'Range Penetration', top: 2, bottom: 15 });
    expect(icons.icons.startsWith('3')).toBe(true);
  });

  it('Placement: the icon says what the Circle column says (green circle below the range, red above)', () => {
    const pl = sheet('Placement');
    const [icons] = iconSets(pl);
    const pen = column(pl, icons.range);
    const circleCol = pl.cells[0].indexOf('Circle') + 1;
    const seen = new Set<string>();
    for (let r = pen.top; r <= pen.bottom; r++) {
      const penetration = valueAt(pl, r, pen.col);
      const circle = valueAt(pl, r, circleCol);
      if (typeof penetration !== 'number') continue;
      const expected = circle === 'Green' ? 0 : circle === 'Red' ? 2 : 1;
      expect({ row: r, icon: iconFor(penetration, icons.thresholds) }).toEqual({ row: r, icon: expected });
      seen.add(String(circle));
    }
    // The workbook has employees below, inside and above their ranges.
    expect([...seen].sort()).toEqual(['', 'Green', 'Red']);
  });

  it('Placement: the mean compa-ratio of both summary tables carries the same scale', () => {
    const pl = sheet('Placement');
    const [, ...summaries] = scales(pl);
    expect(summaries).toHaveLength(2);
    for (const [cf, table] of summaries.map((cf, i) => [cf, ['tblPlacementByGrade', 'tblPlacementByDepartment'][i]] as const)) {
      const rows = tableRows(pl, table);
      expect(column(pl, cf.range, rows.top - 1)).toMatchObject({ header: 'Mean Compa-Ratio', top: rows.top, bottom: rows.bottom });
      expectCompaScale(cf);
    }
  });

  it('Placement: employees plotted at their grade against their range, citing the table\'s columns', () => {
    const pl = sheet('Placement');
    expect(pl.charts).toHaveLength(1);
    const [chart] = pl.charts!;
    expect(chart.kind).toBe('scatter');
    expect(chart.series.map((s) => column(pl, s.values).header)).toEqual(['Base Salary', 'Minimum', 'Maximum']);
    for (const s of chart.series) {
      expect(column(pl, s.values)).toMatchObject({ top: 2, bottom: 15 });
      expect(column(pl, s.categories!)).toMatchObject({ header: 'Grade', top: 2, bottom: 15 });
    }
    // Right of everything on the sheet.
    const widest = Math.max(...pl.cells.map((r) => r.length));
    expect(chartCells(chart).left).toBeGreaterThan(widest);
    expectCoversNoCell(pl, chart);
  });

  it('Merit Plan and Pay Equity: the compa-ratio scale on their compa-ratio columns', () => {
    const mp = sheet('Merit Plan');
    const [mpScale] = scales(mp);
    expect(column(mp, mpScale.range)).toMatchObject({ header: 'Compa-Ratio', top: 2, bottom: 15 });
    expectCompaScale(mpScale);
    // The status colours already there stay first.
    expect(mp.conditionalFormats!.map((f) => f.kind)).toEqual(['textContains', 'textContains', 'textContains', 'textContains', 'colorScale']);

    const pe = sheet('Pay Equity');
    const [peScale] = scales(pe);
    const rows = tableRows(pe, 'tblCompaRatioByGender');
    const r = parseRange(peScale.range);
    expect({ top: r.top, bottom: r.bottom }).toEqual({ top: rows.top, bottom: rows.bottom });
    expect([cellAt(pe, rows.top - 1, r.left), cellAt(pe, rows.top - 1, r.right)]).toEqual(['Mean Women', 'Mean Men']);
    expectCompaScale(peScale);
  });
});

describe('decorations with the structure options (Skill system, given bands, progression midpoints)', () => {
  const run = runOn(
    structureWorkbook({
      evaluation: false,
      assumptions: [['Pay System', 'Skill'], ['Grade Bands', 'Custom'], ['Midpoint Method', 'Progression'], ['Midpoint Progression', 0.12], ['Grade 1 Midpoint', 50050], ['Rounding', 1]],
      sheets: [{ name: 'Grade Bands', rows: GRADE_BANDS_ROWS }],
    }),
  );
  const sheetOf = async (name: string) => (await run).update.sheets.find((s) => s.name === name)!;

  it('Pay Structure: the options\' notes end above the range chart\'s data, which stays whole', async () => {
    expect((await run).errors).toEqual([]);
    const ps = await sheetOf('Pay Structure');
    const [chart] = ps.charts!;
    const band = parseRange(chart.series[1].values);
    // The last note (the options append theirs) is above the chart data's caption.
    const captionRow = band.top - 2;
    const noteRows = ps.cells.map((r, i) => (typeof r?.[0] === 'string' && i + 1 < captionRow && i + 1 > 4 ? i + 1 : 0)).filter((r) => r > 0);
    expect(noteRows.length).toBeGreaterThanOrEqual(6);
    expect(cellAt(ps, captionRow, 1)).toMatch(/^Range chart data/);
    expect(cellAt(ps, captionRow - 1, 1)).toBeNull();
    for (let i = 0; i < 3; i++) {
      const row = 2 + i;
      expect(valueAt(ps, band.top + i, 1)).toBe(valueAt(ps, row, 1));
      expect(valueAt(ps, band.top + i, 2)).toBe((valueAt(ps, row, columnNumber('F')) as number) - (valueAt(ps, row, columnNumber('D')) as number));
    }
    expectCoversNoCell(ps, chart);
  });

  it('Employee Ranges: the compa-ratio scale and the icons agree with its Status column', async () => {
    const er = await sheetOf('Employee Ranges');
    const [scale] = scales(er);
    expect(column(er, scale.range)).toMatchObject({ header: 'Compa-Ratio', top: 2, bottom: 6 });
    expectCompaScale(scale);
    const [icons] = iconSets(er);
    const pen = column(er, icons.range);
    expect(pen).toMatchObject({ header: 'Range Penetration', top: 2, bottom: 6 });
    const statusCol = er.cells[0].indexOf('Status') + 1;
    let checked = 0;
    for (let r = pen.top; r <= pen.bottom; r++) {
      const penetration = valueAt(er, r, pen.col);
      if (typeof penetration !== 'number') continue;
      const status = valueAt(er, r, statusCol);
      const expected = status === 'Below minimum' ? 0 : status === 'Above maximum' ? 2 : 1;
      expect({ row: r, icon: iconFor(penetration, icons.thresholds) }).toEqual({ row: r, icon: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
