import type { GridValue } from '../../src/workbook/grid';
import type { Grid } from '../../src/workbook/grid';
import { matchInputSheets, parseWorkbook } from '../../src/workbook/readInputs';
import { sixJobSheets } from '../support/smallWorkbook';

type Sheets = { name: string; rows: GridValue[][] }[];

function parse(sheets: Sheets) {
  const grids = new Map<string, Grid>(sheets.map((s) => [s.name, { sheet: s.name, top: 1, left: 1, rows: s.rows }]));
  const sheetOf = matchInputSheets(sheets.map((s) => ({ name: s.name, owned: false })));
  return parseWorkbook(grids, sheetOf);
}

const messages = (sheets: Sheets, severity = 'error') =>
  parse(sheets)
    .problems.filter((p) => p.severity === severity)
    .map((p) => p.message);

const edit = (f: (s: Sheets) => void): Sheets => {
  const s = sixJobSheets() as Sheets;
  f(s);
  return s;
};
const sheet = (s: Sheets, name: string) => s.find((x) => x.name === name)!;

describe('parsing the input sheets', () => {
  it('reads the six-job workbook without problems', () => {
    const p = parse(sixJobSheets() as Sheets);
    expect(p.problems).toEqual([]);
    expect(p.inputs.jobs.map((j) => j.code)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6']);
    expect(p.inputs.market[0].percentiles[50]!.toNumber()).toBe(170000);
    expect(p.inputs.employees[2].fte).toBe(0.5);
    expect(p.inputs.assumptions.payLine).toBe('Linear');
    expect(p.inputs.assumptions.grades).toBe(3);
  });

  it('reports a missing sheet', () => {
    const s = (sixJobSheets() as Sheets).filter((x) => x.name !== 'Market');
    expect(messages(s)).toContain('Market: the workbook has no "Market" sheet (also accepted: Market Data, Survey, Surveys)');
  });

  it('reports a missing required column with the header row', () => {
    const s = edit((w) => (sheet(w, 'Jobs').rows[0][3] = 'Grade Level'));
    expect(messages(s)).toEqual([expect.stringMatching(/^Jobs!1:1: required column "Points" not found/)]);
  });

  it('reports text in a numeric cell by its address', () => {
    const s = edit((w) => (sheet(w, 'Jobs').rows[2][3] = 'nine hundred'));
    expect(messages(s)).toEqual(['Jobs!D3: Points "nine hundred" is not a number']);
  });

  it('reports zero or negative salary and points', () => {
    const s = edit((w) => {
      sheet(w, 'Jobs').rows[1][3] = 0;
      sheet(w, 'Employees').rows[2][3] = -5000;
    });
    expect(messages(s)).toEqual(expect.arrayContaining(['Jobs!D2: Points must be above zero, not 0', 'Employees!D3: Base Salary must be above zero, not -5000']));
  });

  it('reports a duplicate job code naming the first occurrence', () => {
    const s = edit((w) => (sheet(w, 'Jobs').rows[3][0] = 'j1'));
    expect(messages(s)).toEqual(['Jobs!A4: job code "j1" is already used at Jobs!A2']);
  });

  it('warns about market rows for unknown jobs and leaves them out', () => {
    const s = edit((w) => sheet(w, 'Market').rows.push(['J99', 'Survey A', 46023, 1, 2, 3]));
    const p = parse(s);
    expect(p.problems.map((x) => x.message)).toEqual(['Market!A8: market data for job code "J99", which is not on the Jobs sheet, is ignored']);
    expect(p.inputs.market).toHaveLength(6);
  });

  it('reports an unparseable date', () => {
    const s = edit((w) => (sheet(w, 'Market').rows[4][2] = 'sometime in spring'));
    expect(messages(s)).toEqual(['Market!C5: Effective Date "sometime in spring" is not a date (use a date cell or YYYY-MM-DD)']);
  });

  it('reports an empty sheet', () => {
    const s = edit((w) => (sheet(w, 'Jobs').rows = [sheet(w, 'Jobs').rows[0]]));
    expect(messages(s)).toContain('Jobs: Jobs has a header but no data rows');
    const blank = edit((w) => (sheet(w, 'Market').rows = []));
    expect(messages(blank)).toEqual([expect.stringMatching(/^Market: no header row found/)]);
  });

  it('reports an employee whose job is not on the Jobs sheet', () => {
    const s = edit((w) => (sheet(w, 'Employees').rows[1][2] = 'J42'));
    expect(messages(s)).toEqual(['Employees!C2: job code "J42" is not on the Jobs sheet']);
  });

  it('reports a bad Assumptions value by its cell', () => {
    const s = edit((w) => sheet(w, 'Assumptions').rows.push(['Aging Method', 'Sideways']));
    expect(messages(s)).toEqual(['Assumptions!B8: Aging Method "Sideways" is not one of Simple, Compound']);
  });

  it('accepts synonyms, other column orders, a title above the header, blank rows and a totals row', () => {
    const s = edit((w) => {
      const jobs = sheet(w, 'Jobs');
      jobs.rows = [
        ['Job catalogue 2026', null, null, null],
        [null, null, null, null],
        ['Evaluation Points', 'Title', 'job-code', 'Family'],
        ...jobs.rows.slice(1, 4).map((r) => [r[3], r[1], r[0], r[2]]),
        [null, null, null, null],
        ...jobs.rows.slice(4).map((r) => [r[3], r[1], r[0], r[2]]),
        ['Total', null, null, null],
      ];
      sheet(w, 'Employees').rows[0][3] = 'Annual Base';
    });
    const p = parse(s);
    expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(p.inputs.jobs.map((j) => [j.code, j.points])).toEqual([['J1', 1200], ['J2', 900], ['J3', 750], ['J4', 500], ['J5', 300], ['J6', 200]]);
    // No Benchmark column: every job counts as a benchmark when it has market data.
    expect(p.inputs.jobs.every((j) => j.benchmark)).toBe(true);
    expect(p.problems.find((x) => x.code === 'totals-row')?.message).toBe('Jobs!11:11: "Total" row skipped (a totals row is not data)');
  });

  it('reads numbers written as text in several locales', () => {
    const s = edit((w) => {
      const e = sheet(w, 'Employees').rows;
      e[1][3] = '$165,000';
      e[2][3] = '152.000,00 €';
      e[3][3] = '80 000';
    });
    const p = parse(s);
    expect(p.problems).toEqual([]);
    expect(p.inputs.employees.slice(0, 3).map((e) => e.baseSalary.toNumber())).toEqual([165000, 152000, 80000]);
  });
});
