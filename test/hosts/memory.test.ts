import { HostError } from '../../src/hosts/host';
import { MemoryHost } from '../../src/hosts/memory';
import type { WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { assumptions, fullUpdate, meritPlan, payStructure } from './xlsxKit';

const userWorkbook = (): MemoryHost =>
  new MemoryHost([
    { name: 'Employees', rows: [[], [null, 'Employee ID', 'Salary'], [null, 'E001', 50000]], tables: [{ name: 'Staff', range: 'B2:C3' }] },
    { name: 'Notes', rows: [['keep me']] },
  ]);

describe('MemoryHost reading', () => {
  it('reads the used range from its first non-empty cell, case-insensitively, skipping missing sheets', async () => {
    const host = userWorkbook();
    const grids = await host.readSheets(['employees', 'Missing']);
    expect([...grids.keys()]).toEqual(['employees']);
    expect(grids.get('employees')).toEqual({
      sheet: 'Employees',
      top: 2,
      left: 2,
      rows: [
        ['Employee ID', 'Salary'],
        ['E001', 50000],
      ],
      tables: [{ name: 'Staff', range: 'B2:C3' }],
    });
    expect(await host.listSheets()).toEqual([
      { name: 'Employees', owned: false },
      { name: 'Notes', owned: false },
    ]);
  });

  it('gives formula cells their value in grids and keeps the formula in getSheet', async () => {
    const host = MemoryHost.fromSheetSpecs([payStructure()]);
    expect(host.getSheet('Pay Structure')?.cells[1][4]).toEqual({ formula: '=(D2-B2)/B2', value: 0.5 });
    expect((await host.readSheets(['Pay Structure'])).get('Pay Structure')?.rows[1]).toEqual([1, 40000, 50000, 60000, 0.5]);
    expect(await host.listSheets()).toEqual([{ name: 'Pay Structure', owned: true }]);
  });
});

describe('MemoryHost writing', () => {
  it('writes outputs as owned sheets and inputs as user sheets, with names', async () => {
    const host = userWorkbook();
    const report = await host.write(fullUpdate());
    expect(report.written).toEqual([
      { spec: 'Assumptions', sheet: 'Assumptions' },
      { spec: 'Pay Structure', sheet: 'Pay Structure' },
      { spec: 'Merit Plan', sheet: 'Merit Plan' },
    ]);
    expect(await host.listSheets()).toEqual([
      { name: 'Employees', owned: false },
      { name: 'Notes', owned: false },
      { name: 'Assumptions', owned: false },
      { name: 'Pay Structure', owned: true },
      { name: 'Merit Plan', owned: true },
    ]);
    expect(host.names().map((n) => n.name)).toEqual(['MeritBudget', 'Midpoints']);
  });

  it('keeps text that looks like a formula as text', async () => {
    const host = new MemoryHost();
    await host.write({ sheets: [meritPlan()], names: [] });
    const row = host.getSheet('Merit Plan')?.cells[1];
    expect(row?.[1]).toBe('=HYPERLINK("http://evil")');
    expect(host.getSheet('Merit Plan')?.cells[2][1]).toBe('+1+1');
    expect(host.getSheet('Merit Plan')?.cells[2][3]).toBe('@SUM(A1)');
    const grid = (await host.readSheets(['Merit Plan'])).get('Merit Plan');
    expect(grid?.rows[1][1]).toBe('=HYPERLINK("http://evil")');
  });

  it('replaces its own sheets on a re-run, keeping their tab and removing stale ones', async () => {
    const host = userWorkbook();
    await host.write(fullUpdate());
    host.setCell('Notes', 2, 1, 'user edit');
    const second = await host.write({ sheets: [payStructure()], names: [] });
    expect(host.sheetNames()).toEqual(['Employees', 'Notes', 'Assumptions', 'Pay Structure']);
    expect(second.notes).toEqual([`Removed the add-in's previous sheet "Merit Plan".`]);
    expect(host.getSheet('Notes')?.cells).toEqual([['keep me'], ['user edit']]);
  });

  it('writes an output beside a user sheet of the same name and repoints its formulas', async () => {
    const host = new MemoryHost([{ name: 'Pay Structure', rows: [['mine']] }]);
    const report = await host.write(fullUpdate());
    expect(report.written.find((w) => w.spec === 'Pay Structure')?.sheet).toBe('Pay Structure (2)');
    expect(report.notes[0]).toMatch(/"Pay Structure \(2\)"/);
    expect(host.getSheet('Pay Structure')?.cells).toEqual([['mine']]);
    expect(host.getSheet('Pay Structure')?.owned).toBe(false);
    expect(host.getSheet('Merit Plan')?.cells[1][2]).toEqual({ formula: "=INDEX('Pay Structure (2)'!$C$2:$C$3,1)", value: 50000 });
    expect(host.names().find((n) => n.name === 'Midpoints')?.ref).toBe("'Pay Structure (2)'!$C$2:$C$3");
    // A re-run replaces the renamed output rather than adding "(3)".
    await host.write(fullUpdate());
    expect(host.sheetNames()).toEqual(['Pay Structure', 'Assumptions', 'Pay Structure (2)', 'Merit Plan']);
  });

  it('renames a table whose name a user table holds', async () => {
    const host = new MemoryHost([{ name: 'Data', rows: [['a'], [1]], tables: [{ name: 'PayStructure', range: 'A1:A2' }] }]);
    const report = await host.write({ sheets: [payStructure(), meritPlan()], names: [] });
    expect(host.getSheet('Pay Structure')?.tables).toEqual([{ name: 'PayStructure_2', range: 'A1:E3' }]);
    expect(host.getSheet('Merit Plan')?.cells[2][2]).toEqual({ formula: '=PayStructure_2[[#Headers],[Midpoint]]', value: 'Midpoint' });
    expect(report.notes.some((n) => n.includes('PayStructure_2'))).toBe(true);
  });

  it('writes an input sheet only when it is missing', async () => {
    const host = new MemoryHost([{ name: 'assumptions', rows: [['Parameter', 'Value'], ['Merit Budget', 0.05]] }]);
    const report = await host.write({ sheets: [assumptions(), payStructure()], names: [] });
    expect(report.keptInputs).toEqual(['Assumptions']);
    expect(host.getSheet('Assumptions')?.cells[1][1]).toBe(0.05);
    const fresh = new MemoryHost();
    expect((await fresh.write({ sheets: [assumptions()], names: [] })).keptInputs).toEqual([]);
    expect(await fresh.listSheets()).toEqual([{ name: 'Assumptions', owned: false }]);
  });

  it('replaces workbook names of the same name and keeps the others', async () => {
    const host = new MemoryHost([{ name: 'Assumptions', rows: [['x']] }]);
    await host.write({ sheets: [], names: [{ name: 'Keep', ref: 'Assumptions!$A$1' }, { name: 'MeritBudget', ref: 'Assumptions!$A$1' }] });
    await host.write({ sheets: [], names: [{ name: 'meritbudget', ref: 'Assumptions!$B$2' }] });
    expect(host.names()).toEqual([
      { name: 'Keep', ref: 'Assumptions!$A$1' },
      { name: 'meritbudget', ref: 'Assumptions!$B$2' },
    ]);
  });

  it.each<[string, WorkbookUpdate]>([
    ['a bad sheet name', { sheets: [{ ...payStructure(), name: 'Pay/Structure' }], names: [] }],
    ['a non-finite number', { sheets: [payStructure(), { ...meritPlan(), cells: [['a'], [NaN]] }], names: [] }],
    ['a table without a text header', { sheets: [payStructure(), { ...meritPlan(), cells: [['x', null]], tables: [{ name: 'T', range: 'A1:B2' }] }], names: [] }],
    ['duplicate specs', { sheets: [payStructure(), payStructure()], names: [] }],
    ['a bad defined name', { sheets: [payStructure()], names: [{ name: 'A1', ref: 'Assumptions!$B$2' }] }],
    ['a formula without =', { sheets: [{ ...payStructure(), cells: [[{ formula: 'SUM(1)', value: 1 }]], tables: [] }], names: [] }],
  ])('changes nothing when the update has %s', async (_, update) => {
    const host = userWorkbook();
    await host.write(fullUpdate());
    const before = { sheets: await host.listSheets(), grids: await host.readSheets(host.sheetNames()), names: host.names() };
    await expect(host.write(update)).rejects.toBeInstanceOf(HostError);
    expect({ sheets: await host.listSheets(), grids: await host.readSheets(host.sheetNames()), names: host.names() }).toEqual(before);
  });

  it('changes nothing when cancelled', async () => {
    const host = userWorkbook();
    const controller = new AbortController();
    controller.abort();
    await expect(host.write(fullUpdate(), { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(host.sheetNames()).toEqual(['Employees', 'Notes']);
  });
});
