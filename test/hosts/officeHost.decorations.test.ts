/**
 * The Office host's conditional formats and charts on the fake Excel: icon sets and fixed-point colour
 * scales as Office.js takes them (Excel.IconSetConditionalFormat: style, and one criterion per icon,
 * the first ignored; ExcelApi 1.6), the pipeline's range chart and employee chart series by series, and
 * the sheets written without them, with a note, where Excel cannot make them.
 */
import { MemoryHost } from '../../src/hosts/memory';
import { OfficeHost } from '../../src/hosts/office';
import type { SheetSpec, WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { FakeExcel } from '../support/fakeExcel';
import type { ModelSheet, Rect } from '../support/fakeExcelModel';
import { officeHostOn } from '../support/fakeExcelWorkbooks';
import { runWithMerit } from '../workbook/merit/run';
import { meritWorkbook } from '../workbook/merit/workbook';

const rect = (a1: string): Rect => {
  const [from, to = from] = a1.replace(/\$/g, '').split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    return { col: m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const a = cell(from);
  const b = cell(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
};

const data = (): SheetSpec => ({
  name: 'Data',
  role: 'output',
  cells: [['Grade', 'Salary', 'Penetration', 'Compa'], ...Array.from({ length: 6 }, (_, i) => [(i % 3) + 1, 40000 + 5000 * i, i / 4 - 0.25, 0.8 + i / 12])],
  conditionalFormats: [
    { kind: 'colorScale', range: 'D2:D7', min: '#F8696B', mid: 'FCFCFF', max: '#5A8AC6', minValue: 0.8, midValue: 1, maxValue: 1.2 },
    { kind: 'iconSet', range: 'C2:C7', icons: '3ArrowsGray', thresholds: [{ type: 'number', value: 0 }, { type: 'number', value: 1, inclusive: false }] },
    { kind: 'iconSet', range: 'B2:B7', icons: '5Quarters', thresholds: [{ type: 'percent', value: 20 }, { type: 'percent', value: 40 }, { type: 'percentile', value: 60 }, { type: 'percentile', value: 80 }], reverse: true, showValue: false },
  ],
  charts: [{ kind: 'scatter', title: 'Salary by grade', anchor: 'F2', widthCells: 8, heightCells: 15, series: [{ name: 'Salary', values: 'B2:B7', categories: 'A2:A7', marker: 'circle' }] }],
});

const update = (sheets: SheetSpec[]): WorkbookUpdate => ({ sheets, names: [] });

describe('Office host: icon sets and colour scales', () => {
  it('adds an icon set with Office.js style names and one criterion per icon, and a colour scale on fixed numbers', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
    const report = await officeHostOn(fake).write(update([data()]));
    expect(report.notes).toEqual([]);
    const cfs = fake.sheet('Data').conditionalFormats;
    expect(cfs.map((c) => [c.type, c.rect])).toEqual([
      ['ColorScale', rect('D2:D7')],
      ['IconSet', rect('C2:C7')],
      ['IconSet', rect('B2:B7')],
    ]);
    expect(cfs[0].colorScale).toEqual({
      minimum: { type: 'Number', formula: '0.8', color: '#F8696B' },
      midpoint: { type: 'Number', formula: '1', color: '#FCFCFF' },
      maximum: { type: 'Number', formula: '1.2', color: '#5A8AC6' },
    });
    // "threeArrowsGray" in Excel.IconSet; the first criterion's type, formula and operator are ignored by Excel.
    expect(cfs[1].iconSet).toEqual({
      style: 'ThreeArrowsGray',
      criteria: [
        {},
        { type: 'Number', formula: '=0', operator: 'GreaterThanOrEqual' },
        { type: 'Number', formula: '=1', operator: 'GreaterThan' },
      ],
    });
    expect(cfs[2].iconSet).toEqual({
      style: 'FiveQuarters',
      reverseIconOrder: true,
      showIconOnly: true,
      criteria: [
        {},
        { type: 'Percent', formula: '=20', operator: 'GreaterThanOrEqual' },
        { type: 'Percent', formula: '=40', operator: 'GreaterThanOrEqual' },
        { type: 'Percentile', formula: '=60', operator: 'GreaterThanOrEqual' },
        { type: 'Percentile', formula: '=80', operator: 'GreaterThanOrEqual' },
      ],
    });
  });
});

describe('Office host: the pipeline\'s charts and formats', () => {
  let run: Awaited<ReturnType<typeof runWithMerit>>;
  beforeAll(async () => {
    run = await runWithMerit(new MemoryHost(meritWorkbook()));
  });
  const spec = (name: string) => run.update.sheets.find((s) => s.name === name)!;

  it('draws the range chart as floating bars with the midpoint as dash markers, citing Pay Structure\'s cells', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
    await officeHostOn(fake).write(run.update);
    const ps = fake.sheet('Pay Structure');
    const [chart] = ps.charts;
    const [wanted] = spec('Pay Structure').charts!;
    expect(chart).toMatchObject({ type: 'ColumnStacked', title: wanted.title, from: wanted.anchor, legend: 'Bottom' });
    expect(chart.series.map((s) => ({ name: s.name, values: s.values?.rect, x: s.xValues?.rect, sheet: s.values?.sheet.name }))).toEqual(
      wanted.series.map((s) => ({ name: s.name, values: rect(s.values), x: rect(s.categories!), sheet: 'Pay Structure' })),
    );
    expect(chart.series.map((s) => [s.fillCleared ?? false, s.lineStyle, s.chartType, s.markerStyle])).toEqual([
      [true, 'None', undefined, undefined],
      [false, undefined, undefined, undefined],
      [false, 'None', 'LineMarkers', 'Dash'],
    ]);
  });

  it('plots the employees on Placement with two references per series, and puts the scale and icons on its columns', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
    await officeHostOn(fake).write(run.update);
    const pl = fake.sheet('Placement');
    const [chart] = pl.charts;
    const [wanted] = spec('Placement').charts!;
    expect(chart.type).toBe('XYScatter');
    expect(chart.series.map((s) => [s.name, s.values?.rect, s.xValues?.rect, s.markerStyle])).toEqual(
      wanted.series.map((s) => [s.name, rect(s.values), rect(s.categories!), s.marker === 'dash' ? 'Dash' : 'Circle']),
    );
    expect(pl.conditionalFormats.map((c) => [c.type, c.rect])).toEqual(spec('Placement').conditionalFormats!.map((c) => [c.kind === 'iconSet' ? 'IconSet' : 'ColorScale', rect(c.range)]));
    // Every written sheet holds the formats its spec asked for, and nothing more.
    for (const s of run.update.sheets) expect([s.name, fake.sheet(s.name).conditionalFormats.length]).toEqual([s.name, (s.conditionalFormats ?? []).length]);
  });

  it('costs the same requests for the charts at 20 and at 20,000 employees: the series are references, not data', async () => {
    const chartBytes: number[] = [];
    for (const rows of [20, 20000]) {
      const sheet: SheetSpec = {
        name: 'Placement',
        role: 'output',
        cells: [['Grade', 'Salary'], ...Array.from({ length: rows }, (_, i) => [(i % 5) + 1, 30000 + i])],
        charts: [{ kind: 'scatter', title: 'Employees', anchor: 'D2', widthCells: 8, heightCells: 15, series: [{ name: 'Salary', values: `B2:B${rows + 1}`, categories: `A2:A${rows + 1}` }] }],
      };
      const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
      const plain = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
      await officeHostOn(fake).write(update([sheet]));
      await officeHostOn(plain).write(update([{ ...sheet, charts: [] }]));
      const total = (f: FakeExcel) => f.syncs.reduce((n, s) => n + s.requestBytes, 0);
      chartBytes.push(total(fake) - total(plain));
      expect(fake.sheet('Placement').charts[0].series[0].values?.rect).toEqual(rect(`B2:B${rows + 1}`));
    }
    expect(chartBytes[0]).toBeGreaterThan(0);
    // Only the digits of the row numbers differ.
    expect(Math.abs(chartBytes[1] - chartBytes[0])).toBeLessThan(100);
  });
});

describe('Office host: degrading where Excel cannot make them', () => {
  const cells = (s: ModelSheet) => s.rows.length;

  it('without ExcelApi 1.6 writes the sheets, charts included, without icon sets or colour scales, and says so', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }], { apiVersion: '1.7' });
    const host = new OfficeHost({ run: fake.run, isSetSupported: (v) => v !== '1.6' && fake.isSetSupported(v) });
    const report = await host.write(update([data()]));
    const sheet = fake.sheet('Data');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.charts).toHaveLength(1);
    expect(cells(sheet)).toBe(7);
    expect(report.notes).toEqual([expect.stringMatching(/no conditional formats \(ExcelApi 1\.6\).*without them/)]);
  });

  it('without chart support writes the formats, icon sets included, and says the charts are missing', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
    // Excel refuses the chart at run time (an Excel that reports the set but lacks the feature).
    fake.failOnWrite(1, 'UnsupportedFeature', (op) => op.describe.includes('charts.add'));
    const report = await officeHostOn(fake).write(update([data()]));
    const sheet = fake.sheet('Data');
    expect(sheet.charts).toEqual([]);
    expect(sheet.conditionalFormats.map((c) => c.type)).toEqual(['ColorScale', 'IconSet', 'IconSet']);
    expect(report.notes).toEqual([expect.stringMatching(/could not create the charts.*without them/)]);
  });

  it('when Excel refuses an icon set at run time, leaves every conditional format out, keeps the chart, and says so', async () => {
    const fake = new FakeExcel([{ name: 'Notes', rows: [['keep']] }]);
    fake.failOnWrite(1, 'UnsupportedFeature', (op) => op.describe.includes('iconSet.style'));
    const report = await officeHostOn(fake).write(update([data()]));
    const sheet = fake.sheet('Data');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.charts).toHaveLength(1);
    expect(cells(sheet)).toBe(7);
    expect(report.notes).toEqual([expect.stringMatching(/could not create the conditional formats.*without them/)]);
  });
});
