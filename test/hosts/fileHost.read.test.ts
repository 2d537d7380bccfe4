import { strToU8, zipSync } from 'fflate';
import { FileHost } from '../../src/hosts/file';
import { dateToSerial } from '../../src/workbook/dates';
import { buildUserWorkbook, USER_WORKBOOK_PARTS } from '../fixtures/userWorkbook';

describe('FileHost reading', () => {
  it('reads shared and rich strings, booleans, errors, dates and cached formula values over the used range', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    const grid = (await host.readSheets(['Employees'])).get('Employees');
    expect(grid).toEqual({
      sheet: 'Employees',
      top: 2,
      left: 2,
      rows: [
        ['Employee ID', 'Name', 'Base Salary', 'Hire Date', 'Active', 'Bonus'],
        // Rich text runs join; the phonetic guide is not part of the text.
        ['E001', 'Ann Smith', 52000.5, dateToSerial({ year: 2023, month: 1, day: 1 }), true, 5200.05],
        ['E002', 'Bob Jones', { error: '#N/A' }, 45000.75, false, 'none'],
        // Text that looks like a formula is text; 1.5E-3 is a number; an error result stays an error.
        ['=1+1', null, 0.0015, null, null, { error: '#DIV/0!' }],
        ['  two\rlines ', null, null, null, null, null],
      ],
      tables: [{ name: 'EmployeesTable', range: 'B2:G6' }],
      hiddenColumns: [5],
    });
  });

  it('lists sheets in tab order with the owner marker, and reads several sheets at once', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    expect(await host.listSheets()).toEqual([
      { name: 'Employees', owned: false },
      { name: 'Pay Structure', owned: false },
      { name: 'Merit Plan', owned: true },
      { name: 'Summary', owned: false },
    ]);
    const grids = await host.readSheets(['SUMMARY', 'Merit Plan', 'Nope']);
    expect([...grids.keys()]).toEqual(['SUMMARY', 'Merit Plan']);
    expect(grids.get('SUMMARY')).toEqual({ sheet: 'Summary', top: 1, left: 1, rows: [[3, 'from the plan']] });
    expect(grids.get('Merit Plan')?.tables).toEqual([{ name: 'MeritPlan', range: 'A1:B2' }]);
  });

  it('reads prefixed elements, cells without references and an absent shared string table', async () => {
    const parts = { ...USER_WORKBOOK_PARTS };
    parts['xl/worksheets/sheet2.xml'] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="3"><x:c><x:v>1</x:v></x:c><x:c t="str"><x:v>two</x:v></x:c></x:row><x:row><x:c r="C4" t="b"><x:v>1</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const files: Record<string, Uint8Array> = {};
    for (const [p, c] of Object.entries(parts)) if (p !== 'xl/sharedStrings.xml') files[p] = typeof c === 'string' ? strToU8(c) : c;
    const host = FileHost.fromBytes(zipSync(files));
    const grid = (await host.readSheets(['Pay Structure'])).get('Pay Structure');
    expect(grid).toEqual({
      sheet: 'Pay Structure',
      top: 3,
      left: 1,
      rows: [
        [1, 'two', null],
        [null, null, true],
      ],
    });
  });

  it('moves date cells of a 1904 workbook to 1900 serials, both ways', async () => {
    const parts = { ...USER_WORKBOOK_PARTS };
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<workbookPr ', '<workbookPr date1904="1" ');
    const files: Record<string, Uint8Array> = {};
    for (const [p, c] of Object.entries(parts)) files[p] = typeof c === 'string' ? strToU8(c) : c;
    const host = FileHost.fromBytes(zipSync(files));
    const rows = (await host.readSheets(['Employees'])).get('Employees')?.rows;
    expect(rows?.[1][3]).toBe(44927 + 1462); // date-formatted: shifted
    expect(rows?.[1][2]).toBe(52000.5); // currency: as stored
    const hire = dateToSerial({ year: 2025, month: 1, day: 31 });
    await host.write({ sheets: [{ name: 'Dates', role: 'output', cells: [[hire, 7]], formats: [{ range: 'A1', format: 'yyyy-mm-dd' }] }], names: [] });
    const reread = FileHost.fromBytes(host.toBytes());
    expect((await reread.readSheets(['Dates'])).get('Dates')?.rows).toEqual([[hire, 7]]);
  });

  it('gives an empty grid for an empty sheet', async () => {
    const host = FileHost.createEmpty();
    expect((await host.readSheets(['Sheet1'])).get('Sheet1')).toEqual({ sheet: 'Sheet1', top: 1, left: 1, rows: [] });
  });
});
