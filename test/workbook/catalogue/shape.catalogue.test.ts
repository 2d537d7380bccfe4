import type { MemorySheetInit } from '../../../src/hosts/memory';
import type { GridValue } from '../../../src/workbook/grid';
import { at, employee, expectParsed, expectRejected, problemsOf, sheetOf, withEdits } from './harness';

/*
 * Defects in the shape of a sheet rather than in one value: blank rows, totals rows, repeated, merged,
 * blank or hidden header cells, two tables on a sheet, a header below title rows, and workbooks of
 * one row or none. A merged range reaches the grid as its value in the top-left cell and blanks in the
 * rest; hidden columns reach it like any other (a grid holds values whatever their visibility).
 */

const rowsOf = (s: MemorySheetInit[], name: string) => sheetOf(s, name).rows;
const reshape = (name: string, f: (rows: GridValue[][]) => GridValue[][]) => (s: MemorySheetInit[]) => {
  sheetOf(s, name).rows = f(rowsOf(s, name));
};

describe('rows', () => {
  it('blank rows inside the data are skipped; the rows keep their sheet row numbers', async () => {
    const p = await expectParsed(withEdits(reshape('Employees', (r) => [...r.slice(0, 4), [], [null, null, '  '], ...r.slice(4)])));
    expect(p.inputs.employees.map((e) => [e.id, e.ref!.row])).toEqual([
      ['E01', 2], ['E02', 3], ['E03', 4], ['E04', 7], ['E05', 8], ['E06', 9], ['E07', 10], ['E08', 11],
    ]);
  });

  it('a trailing totals row is skipped with a note naming its row', async () => {
    const p = await expectParsed(withEdits(reshape('Employees', (r) => [...r, ['Total', null, null, 742000, 7.3, null, null, null, null, 56000, null, null]])));
    expect(p.inputs.employees).toHaveLength(8);
    expect(problemsOf(p.problems, 'info')).toEqual([at('totals-row', 'Employees!10:10', '"Total" row skipped (a totals row is not data)')]);
  });

  it('a "Grand Total" row labelled beside a blank key is skipped too', async () => {
    const p = await expectParsed(withEdits(reshape('Market', (r) => [...r, [null, 'Grand Total', null, 544500, 605000, 665500, 6, 72]])));
    expect(p.inputs.market).toHaveLength(6);
    expect(problemsOf(p.problems, 'info')).toEqual([at('totals-row', 'Market!8:8', '"Grand Total" row skipped (a totals row is not data)')]);
  });

  it('a header below title rows is found; rows and problems keep their sheet addresses', async () => {
    const s = withEdits(reshape('Employees', (r) => [['Payroll extract, January 2026'], ['Confidential'], [], ...r]));
    const p = await expectParsed(s);
    expect(p.tables.get('employees')!.headerRow).toBe(4);
    expect(employee(p, 'E01').ref!.row).toBe(5);
  });

  it('a bad cell in a table that starts below title rows and right of blank columns is named at its real address', async () => {
    // Two title rows, and the table moved two columns right: E02's salary sits in F5.
    const s = withEdits(reshape('Employees', (r) => [['Payroll extract'], [], ...r.map((row) => [null, null, ...row])]), (w) => (rowsOf(w, 'Employees')[4][5] = 'n/a'));
    await expectRejected(s, [at('bad-value', 'Employees!F5', 'Base Salary "n/a" is not a number')]);
  });

  it('a header further down than the 30 rows searched is an error naming the sheet', async () => {
    const notes: GridValue[][] = Array.from({ length: 30 }, (_, i) => [`Note ${i + 1}`]);
    await expectRejected(withEdits(reshape('Jobs', (r) => [...notes, ...r])), [at('no-header', 'Jobs', 'no header row found; expected columns Job Code, Job Title, Points')]);
  });
});

describe('header cells', () => {
  it('a repeated header keeps the first column and warns at the second', async () => {
    const s = withEdits((w) => rowsOf(w, 'Employees').forEach((row, i) => (row[12] = i === 0 ? 'Base Salary' : 1)));
    const p = await expectParsed(s);
    expect(problemsOf(p.problems, 'warning')).toEqual([at('duplicate-column', 'Employees!M1', 'column "Base Salary" repeats an earlier column and is ignored')]);
    expect(employee(p, 'E01').baseSalary.toNumber()).toBe(165000);
  });

  it('a group label merged across the percentiles (a header over two rows) is read', async () => {
    // A1:A2, B1:B2, C1:C2, G1:G2 and H1:H2 merged down; "Percentiles" merged across D1:F1.
    const s = withEdits(
      reshape('Market', (r) => [['Job Code', 'Survey', 'Effective Date', 'Percentiles', null, null, 'Weight', 'Incumbents'], [null, null, null, 'P25', 'P50', 'P75', null, null], ...r.slice(1)]),
    );
    const p = await expectParsed(s);
    expect(p.inputs.market.map((m) => [m.jobCode, m.ref!.row, m.percentiles[25]!.toNumber(), m.percentiles[50]!.toNumber(), m.percentiles[75]!.toNumber()])).toEqual([
      ['J1', 3, 153000, 170000, 187000],
      ['J2', 4, 135000, 150000, 165000],
      ['J3', 5, 90000, 100000, 110000],
      ['J4', 6, 76500, 85000, 93500],
      ['J5', 7, 54000, 60000, 66000],
      ['J6', 8, 36000, 40000, 44000],
    ]);
  });

  it('a header merged across two columns (Job Title over B1:C1, titles in B) is read', async () => {
    const p = await expectParsed(withEdits(reshape('Jobs', (r) => r.map((row) => [row[0], row[1], null, ...row.slice(2)]))));
    expect(p.inputs.jobs.map((j) => [j.code, j.title, j.points])).toEqual([
      ['J1', 'Director', 1200], ['J2', 'Senior Manager', 900], ['J3', 'Manager', 750], ['J4', 'Senior Analyst', 500], ['J5', 'Analyst', 300], ['J6', 'Assistant', 200],
    ]);
  });

  it('a blank header cell over an optional column leaves that column unread', async () => {
    const p = await expectParsed(withEdits((w) => (rowsOf(w, 'Jobs')[0][2] = null)));
    expect(p.inputs.jobs.map((j) => j.family)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('a blank header cell over a required column is a missing column', async () => {
    await expectRejected(withEdits((w) => (rowsOf(w, 'Jobs')[0][3] = null)), [
      at('missing-column', 'Jobs!1:1', 'required column "Points" not found in the header row (accepted names include Points, Job Points, Evaluation Points, Total Points)'),
    ]);
  });

  it('headers in other case, with no-break spaces and stray punctuation, are matched', async () => {
    const s = withEdits((w) => (rowsOf(w, 'Employees')[0].splice(0, 5, ' EMPLOYEE-ID ', 'name', 'Job\u00a0Code', 'base salary:', 'F.T.E.')));
    const p = await expectParsed(s);
    expect(employee(p, 'E06').baseSalary.toNumber()).toBe(61000);
    expect(employee(p, 'E06').fte).toBe(0.5);
  });
});

describe('columns and tables', () => {
  it('hidden columns are read like any other', async () => {
    const s = withEdits((w) => (sheetOf(w, 'Jobs').hiddenColumns = [2, 4]));
    const p = await expectParsed(s);
    expect(p.inputs.jobs.map((j) => [j.title, j.points])).toEqual([
      ['Director', 1200], ['Senior Manager', 900], ['Manager', 750], ['Senior Analyst', 500], ['Analyst', 300], ['Assistant', 200],
    ]);
  });

  it('a second table below the first (its own header row) is left out with a warning', async () => {
    const s = withEdits(reshape('Jobs', (r) => [...r, [], ['Job Code', 'Job Title', 'Job Family', 'Points', 'Benchmark'], ['X1', 'Retired job', 'Old', 100, 'N']]));
    const p = await expectParsed(s);
    expect(p.inputs.jobs.map((j) => j.code)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6']);
    expect(problemsOf(p.problems, 'warning')).toEqual([at('second-table', 'Jobs!9:9', 'a second header row starts here; only the table above it is read')]);
  });

  it('two Excel tables side by side: the one whose header fits is read, the other ignored', async () => {
    // tblNotes (A1:B3) is headed "Code" and "Title", names the Jobs sheet accepts; tblJobs is D1:H7.
    const s = withEdits((w) => {
      const jobs = sheetOf(w, 'Jobs');
      const notes: GridValue[][] = [['Code', 'Title'], ['N1', 'Points reviewed yearly'], ['N2', 'Survey A is the 2026 cut']];
      jobs.rows = jobs.rows.map((row, i) => [...(notes[i] ?? [null, null]), null, ...row]);
      jobs.tables = [{ name: 'tblNotes', range: 'A1:B3' }, { name: 'tblJobs', range: 'D1:H7' }];
    });
    const p = await expectParsed(s);
    expect(p.inputs.jobs.map((j) => [j.code, j.title])).toEqual([
      ['J1', 'Director'], ['J2', 'Senior Manager'], ['J3', 'Manager'], ['J4', 'Senior Analyst'], ['J5', 'Analyst'], ['J6', 'Assistant'],
    ]);
    expect(problemsOf(p.problems, 'warning')).toEqual([]);
  });
});

describe('tiny workbooks', () => {
  it('a 1-row workbook (a Jobs header and nothing else) is two errors and writes nothing', async () => {
    const s: MemorySheetInit[] = [{ name: 'Jobs', rows: [['Job Code', 'Job Title', 'Points']] }];
    await expectRejected(s, [
      at('missing-sheet', 'Market', 'the workbook has no "Market" sheet (also accepted: Market Data, Survey, Surveys)'),
      at('empty-sheet', 'Jobs', 'Jobs has a header but no data rows'),
    ]);
  });

  it('a workbook with one blank sheet names both missing sheets and writes nothing', async () => {
    await expectRejected([{ name: 'Sheet1', rows: [] }], [
      at('missing-sheet', 'Jobs', 'the workbook has no "Jobs" sheet (also accepted: Job List, Job Catalogue, Job Catalog)'),
      at('missing-sheet', 'Market', 'the workbook has no "Market" sheet (also accepted: Market Data, Survey, Surveys)'),
    ]);
  });

  it('a blank Jobs sheet has no header row', async () => {
    await expectRejected(withEdits(reshape('Jobs', () => [])), [at('no-header', 'Jobs', 'no header row found; expected columns Job Code, Job Title, Points')]);
  });
});
