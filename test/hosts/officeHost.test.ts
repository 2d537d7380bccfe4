import { HostError, OWNER_MARKER_NAME } from '../../src/hosts/host';
import { MemoryHost } from '../../src/hosts/memory';
import { OfficeHost } from '../../src/hosts/office';
import { runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { FakeExcel } from '../support/fakeExcel';
import { actualCells, expectedCells, fakeFrom, fakeFromSpecs, officeHostOn } from '../support/fakeExcelWorkbooks';
import { sixJobSheets } from '../support/smallWorkbook';
import { assumptions, fullUpdate, meritPlan, payStructure } from './xlsxKit';

const userWorkbook = () => [
  { name: 'Employees', rows: [[], [null, 'Employee ID', 'Salary'], [null, 'E001', 50000]], tables: [{ name: 'Staff', range: 'B2:C3' }] },
  { name: 'Notes', rows: [['keep me']] },
];

describe('OfficeHost reading', () => {
  it('reads used ranges exactly as the memory host does, tables included, missing sheets skipped', async () => {
    const fake = fakeFrom(userWorkbook());
    const memory = new MemoryHost(userWorkbook());
    const host = officeHostOn(fake);
    expect(await host.readSheets(['employees', 'Missing', 'Notes'])).toEqual(await memory.readSheets(['employees', 'Missing', 'Notes']));
    expect(await host.listSheets()).toEqual(await memory.listSheets());
  });

  it('reads input sheets in one round trip, and listing the sheets takes two, however many rows', async () => {
    for (const employees of [10, 400]) {
      const fake = fakeFrom(sixJobSheets({ employees: [['Employee ID', 'Job Code', 'Base Salary'], ...Array.from({ length: employees }, (_, i) => [`E${i}`, 'J1', 50000 + i])] }));
      const host = officeHostOn(fake);
      await host.listSheets();
      expect(fake.syncs).toHaveLength(2);
      fake.resetMeters();
      const grids = await host.readSheets(['Jobs', 'Market', 'Employees', 'Assumptions']);
      expect(grids.get('Employees')?.rows).toHaveLength(employees + 1);
      expect(fake.syncs).toHaveLength(1);
      expect(fake.runs).toBe(1);
    }
  });

  it('keeps the number of round trips constant from 1,000 to 20,000 rows (payload-sized windows)', async () => {
    const counts: number[] = [];
    for (const rows of [1000, 20000]) {
      const fake = new FakeExcel([{ name: 'Employees', rows: [['Employee ID', 'Salary'], ...Array.from({ length: rows }, (_, i) => [`E${i}`, 40000 + i])], tables: [{ name: 'Staff', range: `A1:B${rows + 1}` }] }]);
      const host = officeHostOn(fake);
      const grid = (await host.readSheets(['Employees'])).get('Employees')!;
      expect(grid.rows).toHaveLength(rows + 1);
      expect(grid.rows[rows]).toEqual([`E${rows - 1}`, 40000 + rows - 1]);
      expect(grid.tables).toEqual([{ name: 'Staff', range: `A1:B${rows + 1}` }]);
      counts.push(fake.syncs.length);
    }
    expect(counts[0]).toBe(2);
    expect(counts[1]).toBe(counts[0]);
  });

  it('reads a sheet whose data starts below the first window, and an empty sheet', async () => {
    const rows: (string | number | null)[][] = Array.from({ length: 700 }, () => []);
    rows[699] = [null, null, 'late', 7];
    const fake = new FakeExcel([{ name: 'Late', rows }, { name: 'Empty', rows: [] }]);
    const grids = await officeHostOn(fake).readSheets(['Late', 'Empty']);
    expect(grids.get('Late')).toEqual({ sheet: 'Late', top: 700, left: 3, rows: [['late', 7]], tables: [] });
    expect(grids.get('Empty')).toEqual({ sheet: 'Empty', top: 1, left: 1, rows: [], tables: [] });
  });

  it('reads error values as errors and shifts dates in a 1904 workbook', async () => {
    const fake = new FakeExcel([{ name: 'Market', rows: [['Survey', 'Effective Date', 'P50'], ['A', 44562 - 1462, { error: '#N/A' }], ['#N/A text?', 'x', 1]], formats: [{ range: 'B2:B3', format: 'yyyy-mm-dd' }] }]);
    fake.model.date1904 = true;
    const grid = (await officeHostOn(fake).readSheets(['Market'])).get('Market')!;
    expect(grid.rows[1]).toEqual(['A', 44562, { error: '#N/A' }]);
    expect(grid.rows[2][2]).toBe(1);
  });

  it('refuses an Excel older than ExcelApi 1.7 with a clear message', async () => {
    const fake = new FakeExcel([{ name: 'A', rows: [['x']] }], { apiVersion: '1.6' });
    await expect(officeHostOn(fake).listSheets()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/ExcelApi 1\.7/) });
  });
});

describe('OfficeHost writing', () => {
  it('runs the pipeline into Excel with the same cells, names and tables as the memory host', async () => {
    const fake = fakeFrom(sixJobSheets());
    const memory = new MemoryHost(sixJobSheets());
    const [viaOffice, viaMemory] = [await runPipeline(officeHostOn(fake)), await runPipeline(memory)];
    expect(viaOffice.ok).toBe(true);
    expect(viaOffice.report).toEqual(viaMemory.report);
    expect(fake.sheetNames()).toEqual(memory.sheetNames());
    expect(fake.ownedSheets()).toEqual((await memory.listSheets()).filter((s) => s.owned).map((s) => s.name));
    expect(fake.ownedSheets()).toEqual(expect.arrayContaining(['Market Analysis', 'Pay Structure', 'Job Slotting']));
    for (const name of fake.ownedSheets()) {
      const expected = memory.getSheet(name)!;
      expect(actualCells(fake, name)).toEqual(expectedCells(expected.cells));
      expect(fake.model.tables.filter((t) => t.sheet.name === name).map((t) => t.name)).toEqual(expected.tables.map((t) => t.name));
      const freeze = expected.freeze && (expected.freeze.rows > 0 || expected.freeze.columns > 0) ? expected.freeze : undefined;
      expect(fake.sheet(name).freeze).toEqual(freeze);
      // The owner marker is a hidden sheet-scoped name, as the file host writes it.
      expect(fake.sheet(name).names).toEqual([{ name: OWNER_MARKER_NAME, formula: '=TRUE', comment: '', visible: false }]);
    }
    expect(fake.model.names.map((n) => [n.name, n.formula])).toEqual(memory.names().map((n) => [n.name, `=${n.ref}`]));
    // Number formats reach the cells they were meant for.
    const ps = memory.getSheet('Pay Structure')!;
    for (const f of ps.formats ?? []) expect(fake.numberFormat('Pay Structure', f.range.split(':')[0])).toBe(f.format);
  });

  it('never lets text become a formula, a number or a date', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    const update = { sheets: [meritPlan(), { ...payStructure(), name: 'Codes', tables: [], cells: [['00123', '1-2', 'TRUE', '3%', "'quoted", '=1+1']] }], names: [] };
    await officeHostOn(fake).write(update);
    expect(fake.cell('Merit Plan', 'B2')).toMatchObject({ value: '=HYPERLINK("http://evil")', quotePrefix: true });
    expect(fake.cell('Merit Plan', 'B2')?.formula).toBeUndefined();
    expect(fake.cell('Merit Plan', 'B3')?.value).toBe('+1+1');
    expect(fake.cell('Merit Plan', 'D3')?.value).toBe('@SUM(A1)');
    expect(fake.cell('Merit Plan', 'A4')?.value).toBe('-2');
    expect(fake.cell('Merit Plan', 'B4')?.value).toBe('  padded  ');
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => fake.value('Codes', a))).toEqual(['00123', '1-2', 'TRUE', '3%', "'quoted", '=1+1']);
    expect(Object.keys(fake.formulas('Codes'))).toEqual([]);
    // Formulas given as formulas stay formulas.
    expect(fake.formula('Merit Plan', 'C2')).toBe("=INDEX('Pay Structure'!$C$2:$C$3,1)");
    // …and the fake really does turn such text into formulas when it is not protected.
    fake.type('Data', 'A2', '=HYPERLINK("http://evil")');
    expect(fake.formula('Data', 'A2')).toBe('=HYPERLINK("http://evil")');
  });

  it('replaces its own sheets on a re-run, keeping their tab and removing stale ones, leaving user sheets alone', async () => {
    const fake = fakeFrom(userWorkbook());
    const host = officeHostOn(fake);
    await host.write(fullUpdate());
    fake.type('Notes', 'A2', 'user edit');
    const userSheets = () => ({ employees: fake.model.cellsOf(fake.sheet('Employees')), notes: fake.model.cellsOf(fake.sheet('Notes')), staff: fake.model.tables.find((t) => t.name === 'Staff')?.rect });
    const before = userSheets();
    const second = await host.write({ sheets: [payStructure()], names: [] });
    expect(fake.sheetNames()).toEqual(['Employees', 'Notes', 'Assumptions', 'Pay Structure']);
    expect(second.notes).toEqual([`Removed the add-in's previous sheet "Merit Plan".`]);
    expect(userSheets()).toEqual(before);
    expect(fake.sheetNames().some((n) => n.startsWith('~'))).toBe(false);
  });

  it('writes an output beside a user sheet of the same name and repoints its formulas', async () => {
    const fake = new FakeExcel([{ name: 'Pay Structure', rows: [['mine']] }]);
    const host = officeHostOn(fake);
    const report = await host.write(fullUpdate());
    expect(report.written.find((w) => w.spec === 'Pay Structure')?.sheet).toBe('Pay Structure (2)');
    expect(fake.value('Pay Structure', 'A1')).toBe('mine');
    expect(fake.formula('Merit Plan', 'C2')).toBe("=INDEX('Pay Structure (2)'!$C$2:$C$3,1)");
    expect(fake.model.names.find((n) => n.name === 'Midpoints')?.formula).toBe("='Pay Structure (2)'!$C$2:$C$3");
    await host.write(fullUpdate());
    expect(fake.sheetNames()).toEqual(['Pay Structure', 'Assumptions', 'Pay Structure (2)', 'Merit Plan']);
    // After the swap, formulas name the final sheets, never a temporary one or #REF!.
    expect(fake.formula('Merit Plan', 'C2')).toBe("=INDEX('Pay Structure (2)'!$C$2:$C$3,1)");
    expect(fake.formula('Merit Plan', 'C3')).toBe('=PayStructure[[#Headers],[Midpoint]]');
  });

  it('keeps formulas pointing at the new sheets when a re-run replaces the sheets they cite', async () => {
    const fake = fakeFrom(sixJobSheets());
    const host = officeHostOn(fake);
    await runPipeline(host);
    const first = fake.formulas('Job Slotting');
    await runPipeline(host);
    expect(fake.formulas('Job Slotting')).toEqual(first);
    for (const sheet of fake.ownedSheets()) {
      for (const f of Object.values(fake.formulas(sheet))) {
        expect(f).not.toMatch(/#REF!|~SalaryStructure|SalaryStructure_(?:new|old)/);
      }
    }
    expect(fake.model.names.every((n) => !/#REF!|~SalaryStructure/.test(n.formula))).toBe(true);
  });

  it('renames its table when a user table holds the name', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['a'], [1]], tables: [{ name: 'PayStructure', range: 'A1:A2' }] }]);
    const report = await officeHostOn(fake).write({ sheets: [payStructure(), meritPlan()], names: [] });
    expect(fake.model.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ['PayStructure', 'Data'],
      ['PayStructure_2', 'Pay Structure'],
      ['MeritPlan', 'Merit Plan'],
    ]);
    expect(fake.formula('Merit Plan', 'C3')).toBe('=PayStructure_2[[#Headers],[Midpoint]]');
    expect(report.notes.some((n) => n.includes('PayStructure_2'))).toBe(true);
  });

  it('writes an input sheet only when it is missing', async () => {
    const fake = new FakeExcel([{ name: 'assumptions', rows: [['Parameter', 'Value'], ['Merit Budget', 0.05]] }]);
    const report = await officeHostOn(fake).write({ sheets: [assumptions(), payStructure()], names: [] });
    expect(report.keptInputs).toEqual(['Assumptions']);
    expect(fake.value('assumptions', 'B2')).toBe(0.05);
    expect(fake.ownedSheets()).toEqual(['Pay Structure']);
  });

  it('creates tables, number formats, widths, hidden columns, frozen headers, conditional formats and charts', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    await officeHostOn(fake).write({ sheets: [payStructure(), meritPlan()], names: [] });
    const ps = fake.sheet('Pay Structure');
    expect(fake.numberFormat('Pay Structure', 'C3')).toBe('#,##0');
    expect(fake.numberFormat('Pay Structure', 'E2')).toBe('0.0%');
    expect(ps.columnWidths.get(2)).toBeCloseTo((12 * 7 + 5) * 0.75);
    expect([...ps.hiddenColumns]).toEqual([5]);
    expect(ps.freeze).toEqual({ rows: 1, columns: 0 });
    expect(fake.model.tables.find((t) => t.name === 'PayStructure')).toMatchObject({ style: 'TableStyleMedium2', rect: { top: 1, left: 1, bottom: 3, right: 5 } });
    const mp = fake.sheet('Merit Plan');
    expect(mp.conditionalFormats.map((c) => c.type)).toEqual(['ContainsText', 'CellValue', 'ColorScale']);
    expect(mp.conditionalFormats[0]).toMatchObject({ fill: '#FFC7CE', font: '#9C0006', rule: { operator: 'Contains', text: 'Fail' } });
    expect(mp.conditionalFormats[1]).toMatchObject({ fill: '#C6EFCE', rule: { formula1: '55000', operator: 'GreaterThan' } });
    expect(mp.conditionalFormats[2].colorScale).toEqual({ minimum: { type: 'LowestValue', color: '#F8696B' }, maximum: { type: 'HighestValue', color: '#63BE7B' } });
    expect(mp.charts).toHaveLength(1);
    expect(mp.charts[0]).toMatchObject({ type: 'ColumnClustered', title: 'Midpoints', from: 'G2', to: 'L13', legend: 'Bottom' });
    expect(mp.charts[0].series.map((s) => [s.name, s.values?.sheet.name, s.xValues?.rect])).toEqual([['Midpoint', 'Merit Plan', { top: 2, left: 1, bottom: 3, right: 1 }]]);
  });

  it('draws the range chart as floating bars with markers for the midpoint and employees', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    const spec = {
      ...payStructure(),
      charts: [
        {
          kind: 'rangeBar' as const,
          title: 'Ranges',
          anchor: 'H2',
          widthCells: 8,
          heightCells: 15,
          series: [
            { name: 'Minimum', values: 'B2:B3', categories: 'A2:A3' },
            { name: 'Range', values: 'D2:D3', categories: 'A2:A3' },
            { name: 'Midpoint', values: 'C2:C3', categories: 'A2:A3' },
          ],
        },
      ],
    };
    await officeHostOn(fake).write({ sheets: [spec], names: [] });
    const [chart] = fake.sheet('Pay Structure').charts;
    expect(chart.type).toBe('ColumnStacked');
    expect(chart.series.map((s) => ({ name: s.name, fillCleared: s.fillCleared, lineStyle: s.lineStyle, chartType: s.chartType }))).toEqual([
      { name: 'Minimum', fillCleared: true, lineStyle: 'None', chartType: undefined },
      { name: 'Range', fillCleared: undefined, lineStyle: undefined, chartType: undefined },
      { name: 'Midpoint', fillCleared: undefined, lineStyle: 'None', chartType: 'LineMarkers' },
    ]);
  });

  it('degrades without conditional formats where Excel has no ExcelApi 1.6 support for them', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }], { apiVersion: '1.7' });
    const host = new OfficeHost({ run: fake.run, isSetSupported: (v) => v !== '1.6' && fake.isSetSupported(v) });
    const report = await host.write({ sheets: [meritPlan()], names: [] });
    expect(fake.sheet('Merit Plan').conditionalFormats).toEqual([]);
    expect(fake.sheet('Merit Plan').charts).toHaveLength(1);
    expect(report.notes).toEqual([expect.stringMatching(/without them/)]);
  });

  it('degrades without charts when Excel reports them unsupported at run time', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    fake.failOnWrite(1, 'UnsupportedFeature', (op) => op.describe.includes('charts.add'));
    const report = await officeHostOn(fake).write({ sheets: [meritPlan()], names: [] });
    expect(fake.sheet('Merit Plan').charts).toEqual([]);
    expect(fake.sheet('Merit Plan').conditionalFormats).toHaveLength(3);
    expect(report.notes).toEqual(['This version of Excel could not create the charts: the sheets were written without them.']);
  });

  it('keeps the round trips of a write constant as rows grow', async () => {
    const counts: number[] = [];
    for (const rows of [100, 10000]) {
      const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
      const cells = [['Employee ID', 'Salary', 'Raise'], ...Array.from({ length: rows }, (_, i) => [`E${i}`, 40000 + i, { formula: `=B${i + 2}*1.03`, value: (40000 + i) * 1.03 }])];
      await officeHostOn(fake).write({ sheets: [{ name: 'Plan', role: 'output', cells, tables: [{ name: 'Plan', range: `A1:C${rows + 1}` }], formats: [{ range: `B2:C${rows + 1}`, format: '#,##0' }] }], names: [] });
      expect(fake.formula('Plan', `C${rows + 1}`)).toBe(`=B${rows + 1}*1.03`);
      counts.push(fake.syncs.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('suspends calculation in every batch of cells', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    await officeHostOn(fake).write(fullUpdate());
    expect(fake.calculationSuspended).toBeGreaterThan(0);
  });
});

describe('OfficeHost for the task pane', () => {
  it('adds missing input sheets (the sample) without touching outputs or existing sheets', async () => {
    const fake = fakeFrom(sixJobSheets());
    const host = officeHostOn(fake);
    await runPipeline(host);
    const outputs = Object.fromEntries(fake.ownedSheets().map((s) => [s, actualCells(fake, s)]));
    const jobs = actualCells(fake, 'Jobs');
    const sample = sampleUpdate({ employees: 50 });
    const report = await host.addInputSheets(sample);
    expect(report.keptInputs).toEqual(['Jobs', 'Market', 'Employees', 'Assumptions']);
    expect(report.written.map((w) => w.sheet)).toEqual(sample.sheets.map((s) => s.name).filter((n) => !report.keptInputs.includes(n)));
    expect(report.written.map((w) => w.sheet)).toContain('Appraisal');
    expect(actualCells(fake, 'Jobs')).toEqual(jobs);
    expect(Object.fromEntries(fake.ownedSheets().map((s) => [s, actualCells(fake, s)]))).toEqual(outputs);
    expect(fake.ownedSheets()).not.toContain('Appraisal');
  });

  it('loads the sample into an empty workbook as user sheets with the Assumptions names', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', rows: [] }]);
    const update = sampleUpdate({ employees: 40 });
    await officeHostOn(fake).addInputSheets(update);
    expect(fake.sheetNames()).toEqual(['Sheet1', ...update.sheets.map((s) => s.name)]);
    expect(fake.ownedSheets()).toEqual([]);
    expect(fake.model.names.map((n) => n.name)).toEqual(update.names.map((n) => n.name));
    const reference = fakeFromSpecs(update.sheets);
    for (const s of update.sheets) expect(actualCells(fake, s.name)).toEqual(actualCells(reference, s.name));
  });

  it('sets Assumptions cells as typed values, text kept as text', async () => {
    const fake = new FakeExcel([{ name: 'Assumptions', rows: [['Parameter', 'Value'], ['Merit Budget', 0.03], ['Currency', 'USD']] }]);
    await officeHostOn(fake).setCells('Assumptions', [
      { row: 2, col: 2, value: 0.035, format: '0.0%' },
      { row: 3, col: 2, value: '=1+1' },
      { row: 4, col: 1, value: 'Rounding' },
      { row: 4, col: 2, value: 1000 },
    ]);
    expect(fake.value('Assumptions', 'B2')).toBe(0.035);
    expect(fake.numberFormat('Assumptions', 'B2')).toBe('0.0%');
    expect(fake.cell('Assumptions', 'B3')).toMatchObject({ value: '=1+1' });
    expect(fake.formula('Assumptions', 'B3')).toBeUndefined();
    expect(fake.value('Assumptions', 'B4')).toBe(1000);
  });

  it('selects the offending cell on its sheet', async () => {
    const fake = fakeFrom(sixJobSheets());
    await officeHostOn(fake).select({ sheet: 'Employees', cell: 'D3' });
    expect(fake.model.active?.name).toBe('Employees');
    expect(fake.model.selection?.rect).toEqual({ top: 3, left: 4, bottom: 3, right: 4 });
    await officeHostOn(fake).select({ sheet: 'Market', row: 4 });
    expect(fake.model.selection?.rect).toMatchObject({ top: 4, bottom: 4, left: 1 });
  });
});

describe('OfficeHost errors', () => {
  it('explains a protected output sheet and changes nothing', async () => {
    const fake = fakeFrom(userWorkbook());
    const host = officeHostOn(fake);
    await host.write(fullUpdate());
    fake.sheet('Pay Structure').protected = true;
    const before = fake.snapshot();
    await expect(host.write(fullUpdate())).rejects.toMatchObject({ code: 'protected', message: expect.stringMatching(/"Pay Structure" is protected.*Unprotect/) });
    expect(fake.snapshot()).toEqual(before);
  });

  it('explains a protected workbook structure', async () => {
    const fake = fakeFrom(userWorkbook());
    fake.model.protected = true;
    await expect(officeHostOn(fake).write(fullUpdate())).rejects.toMatchObject({ code: 'protected', message: expect.stringMatching(/workbook structure is protected/) });
  });

  it('explains cell-edit mode', async () => {
    const fake = fakeFrom(userWorkbook());
    fake.cellEditMode = true;
    const error = await officeHostOn(fake).listSheets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'cell-edit-mode', message: expect.stringMatching(/Press Enter or Esc/) });
  });

  it('explains a sheet that vanished and a protected Assumptions sheet', async () => {
    const fake = fakeFrom(sixJobSheets());
    await expect(officeHostOn(fake).setCells('Nope', [{ row: 1, col: 1, value: 1 }])).rejects.toMatchObject({ code: 'item-not-found' });
    fake.sheet('Assumptions').protected = true;
    await expect(officeHostOn(fake).setCells('Assumptions', [{ row: 2, col: 2, value: 1 }])).rejects.toMatchObject({ code: 'protected' });
  });

  it('explains a payload Excel refuses', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }], { payloadLimit: 1000 });
    await expect(officeHostOn(fake).write(fullUpdate())).rejects.toMatchObject({ code: 'payload-too-large' });
    expect(fake.sheetNames()).toEqual(['Data']);
  });

  it('refuses an invalid update before touching Excel', async () => {
    const fake = fakeFrom(userWorkbook());
    await expect(officeHostOn(fake).write({ sheets: [{ ...payStructure(), name: 'Pay/Structure' }], names: [] })).rejects.toMatchObject({ code: 'invalid-update' });
    expect(fake.syncs).toHaveLength(0);
  });
});
