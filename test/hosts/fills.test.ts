/**
 * Fills (a formula filled down a column, SheetSpec.fills) reach every host as they are, with no
 * formula per cell, and give the same workbook as the same sheet with every fill spelled out
 * (`specCells`): the same formula and cached value in every cell. The fills below cover rows that
 * hold their own cell (a value, a formula of their own, an empty cell, the fill's last row),
 * `$`-anchored references, text and boolean cached values ('' for a blank result), a structured
 * reference, a fill past the cells' rows and columns, short fills, and a fill renamed because the
 * user's workbook already has a sheet and a table of the add-in's names.
 */
import { FileHost } from '../../src/hosts/file';
import { fillRuns as fileFillRuns } from '../../src/hosts/file/sharedFormulas';
import { MemoryHost } from '../../src/hosts/memory';
import { fillRuns as officeFillRuns, MIN_RUN_ROWS } from '../../src/hosts/office/cellWrites';
import { planWrite } from '../../src/hosts/writePlan';
import { isFormula, specCells, type FormulaFill, type SheetSpec, type SpecCell, type WorkbookUpdate } from '../../src/workbook/sheetSpec';
import type { FakeExcel } from '../support/fakeExcel';
import { actualCells, expectedCells, fakeFrom, officeHostOn } from '../support/fakeExcelWorkbooks';
import { worksheetCells } from './worksheetCells';
import { partText, sheetPartPath } from './xlsxKit';

const ROWS = 30;

/** A plan of ROWS employees with its formula columns as fills, pointing at the add-in's Pay Structure. */
function planSheet(): SheetSpec {
  const cells: SpecCell[][] = [['ID', 'Salary', 'Rate', 'Raise', 'New Salary', 'Label', 'Above First', 'Of Maximum', 'Midpoint']];
  for (let r = 2; r <= ROWS + 1; r++) {
    const salary = 40000 + 1000 * r;
    const rate = r % 3 === 0 ? 0 : 0.03;
    const raise = salary * rate;
    cells.push([`E${r}`, salary, rate, raise, salary + raise, raise > 1300 ? 'high' : '', salary > 42000, salary / 90000, 60000 * (1 + (r % 2))]);
  }
  // Rows of the Raise column that are not the fill's: a value, a formula of their own, an empty cell, the last row.
  cells[9][3] = 'n/a';
  cells[10][3] = { formula: '=B11*0.05', value: 2550 };
  cells[19][3] = null;
  cells[ROWS][3] = { formula: `=B${ROWS + 1}*0.1`, value: 7100 };
  // The Midpoint column's last rows are left out: its fill writes them all the same.
  for (let r = ROWS - 2; r <= ROWS; r++) cells[r].length = 8;
  const fills: FormulaFill[] = [
    { col: 4, first: 2, last: ROWS + 1, formula: '=B2*C2', except: [10, 11, 20, ROWS + 1] },
    { col: 5, first: 2, last: ROWS + 1, formula: '=B2+D2' },
    { col: 6, first: 2, last: ROWS + 1, formula: '=IF(D2>1300,"high","")' },
    { col: 7, first: 2, last: ROWS + 1, formula: '=B2>$B$2' },
    { col: 8, first: 2, last: ROWS + 1, formula: "=B2/'Pay Structure'!$C$2", except: [5] },
    // A structured reference (shared formulas leave those alone: the file host writes each cell's own).
    { col: 9, first: 2, last: ROWS + 3, formula: '=INDEX(PayStructure[Midpoint],1)*(1+MOD(ROW(A2),2))' },
  ];
  cells[4][7] = 'own';
  return {
    name: 'Plan',
    role: 'output',
    cells,
    fills,
    formats: [{ range: `B2:E${ROWS + 1}`, format: '#,##0' }],
    tables: [{ name: 'Plan', range: `A1:I${ROWS + 1}` }],
  };
}

/** Two columns of short fills (one, two and three rows) and a fill in a column past every row's cells. */
function shortSheet(): SheetSpec {
  return {
    name: 'Short',
    role: 'output',
    cells: [['A', 'B'], [1, 2], [3, 4], [5, 6], [7, 8]],
    fills: [
      { col: 2, first: 2, last: 2, formula: '=A2*2' },
      { col: 2, first: 3, last: 4, formula: '=A3*3' },
      { col: 3, first: 2, last: 4, formula: '=A2+B2' },
      { col: 5, first: 1, last: 5, formula: '=$A$2+ROW()' },
    ],
  };
}

const payStructure = (): SheetSpec => ({
  name: 'Pay Structure',
  role: 'output',
  cells: [
    ['Grade', 'Minimum', 'Midpoint', 'Maximum'],
    [1, 80000, 90000, 100000],
  ],
  tables: [{ name: 'PayStructure', range: 'A1:D2' }],
});

const update = (): WorkbookUpdate => ({ sheets: [payStructure(), planSheet(), shortSheet()], names: [{ name: 'Maximum', ref: "'Pay Structure'!$D$2" }] });

/** The same update, every fill spelled out as formula cells. */
const spelledOut = (u: WorkbookUpdate): WorkbookUpdate => ({
  ...u,
  sheets: u.sheets.map((s) => {
    const { fills: _fills, ...rest } = s;
    return { ...rest, cells: specCells(s) };
  }),
});

/** The user already has a sheet called Pay Structure and a table called PayStructure: the add-in's move aside. */
const USER_SHEET = { name: 'Pay Structure', rows: [['Mine'], ['kept']], tables: [{ name: 'PayStructure', range: 'A1:A2' }] };

describe('the write plan', () => {
  it('keeps fills as they are, renaming their formulas with the sheets and tables that move aside', () => {
    const plan = planWrite([{ name: 'Pay Structure', owned: false }], update(), (name) => name === 'paystructure');
    const plan2 = plan.sheets.find((p) => p.specName === 'Plan')!;
    expect(plan2.spec.cells).toEqual(planSheet().cells);
    expect(plan2.spec.fills?.map((f) => f.formula)).toEqual(['=B2*C2', '=B2+D2', '=IF(D2>1300,"high","")', '=B2>$B$2', "=B2/'Pay Structure (2)'!$C$2", '=INDEX(PayStructure_2[Midpoint],1)*(1+MOD(ROW(A2),2))']);
    expect(plan2.spec.fills?.[0].except).toEqual([10, 11, 20, ROWS + 1]);
  });
});

describe('the memory host', () => {
  it('holds every filled cell as a formula of its own, as the spelled-out sheet', async () => {
    const a = new MemoryHost([USER_SHEET]);
    const b = new MemoryHost([USER_SHEET]);
    const reportA = await a.write(update());
    const reportB = await b.write(spelledOut(update()));
    expect(reportA).toEqual(reportB);
    expect(reportA.written.map((w) => w.sheet)).toEqual(['Pay Structure (2)', 'Plan', 'Short']);
    for (const name of a.sheetNames()) expect(a.getSheet(name)).toEqual(b.getSheet(name));
    expect(a.getSheet('Plan')?.cells[7][7]).toEqual({ formula: "=B8/'Pay Structure (2)'!$C$2", value: 48000 / 90000 });
    expect(a.getSheet('Plan')?.cells[ROWS + 2][8]).toEqual({ formula: '=INDEX(PayStructure_2[Midpoint],1)*(1+MOD(ROW(A33),2))', value: null });
  });
});

describe('the file host', () => {
  const userFile = async (): Promise<Uint8Array> => {
    const host = FileHost.createEmpty();
    await host.write({ sheets: [{ name: USER_SHEET.name, role: 'input', cells: USER_SHEET.rows, tables: USER_SHEET.tables }], names: [] });
    return host.toBytes();
  };
  const written = async (u: WorkbookUpdate): Promise<Uint8Array> => {
    const host = FileHost.fromBytes(await userFile());
    await host.write(u);
    return host.toBytes();
  };

  it('writes each fill as shared formulas, and reads back as the spelled-out sheet, cell by cell', async () => {
    const [filled, spelled] = [await written(update()), await written(spelledOut(update()))];
    for (const sheet of ['Pay Structure (2)', 'Plan', 'Short']) {
      const a = worksheetCells(partText(filled, sheetPartPath(filled, sheet)));
      const b = worksheetCells(partText(spelled, sheetPartPath(spelled, sheet)));
      expect({ sheet, cells: Object.fromEntries(a) }).toEqual({ sheet, cells: Object.fromEntries(b) });
    }
    // …and as the sheet means it: every formula and value of specCells, renamed.
    const plan = worksheetCells(partText(filled, sheetPartPath(filled, 'Plan')));
    const expected = specCells(planSheet());
    expected.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === null || !isFormula(cell)) return;
        const at = plan.get(`${String.fromCharCode(65 + c)}${r + 1}`);
        expect({ at: [r + 1, c + 1], formula: at?.formula }).toEqual({ at: [r + 1, c + 1], formula: cell.formula.replace("'Pay Structure'", "'Pay Structure (2)'").replace('PayStructure[', 'PayStructure_2[') });
      }),
    );
    const grids = await FileHost.fromBytes(filled).readSheets(['Plan', 'Short']);
    const spelledGrids = await FileHost.fromBytes(spelled).readSheets(['Plan', 'Short']);
    expect(grids).toEqual(spelledGrids);
  });

  it('writes the fill once, splits it at rows of their own, and gives those rows their own cell', async () => {
    const bytes = await written(update());
    const xml = partText(bytes, sheetPartPath(bytes, 'Plan'));
    expect(xml).toMatch(/<c r="D2" s="\d+"><f t="shared" ref="D2:D9" si="(\d+)">B2\*C2<\/f><v>1260<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D10" s="\d+" t="inlineStr"><is><t>n\/a<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<c r="D11" s="\d+"><f>B11\*0.05<\/f><v>2550<\/v><\/c>/);
    expect(xml).toMatch(/<c r="D12" s="\d+"><f t="shared" ref="D12:D19" si="\d+">B12\*C12<\/f>/);
    expect(xml).toMatch(/<c r="D20" s="\d+"\/>/);
    expect(xml).toMatch(new RegExp(`<c r="D${ROWS + 1}" s="\\d+"><f>B${ROWS + 1}\\*0.1</f>`));
    // Text and boolean cached values as for any formula cell; a blank result is an empty text.
    expect(xml).toContain('<c r="F2" t="str"><f t="shared" ref="F2:F31" si="');
    expect(xml).toContain('<c r="F3" t="str"><f t="shared" si="');
    expect(xml).toMatch(/<c r="F3" t="str"><f t="shared" si="\d+"\/><v><\/v><\/c>/);
    expect(xml).toMatch(/<c r="G2" t="b"><f t="shared" ref="G2:G31" si="\d+">B2&gt;\$B\$2<\/f><v>0<\/v><\/c>/);
    expect(xml).toContain(`<f t="shared" ref="H6:H31" si="`);
    expect(xml).toContain("H2:H4");
    // A structured reference is not shared: each cell its own formula, the rows past the cells too.
    expect(xml).toContain('<c r="I2"><f>INDEX(PayStructure_2[Midpoint],1)*(1+MOD(ROW(A2),2))</f><v>60000</v></c>');
    expect(xml).toContain(`<c r="I${ROWS + 3}"><f>INDEX(PayStructure_2[Midpoint],1)*(1+MOD(ROW(A${ROWS + 3}),2))</f></c>`);
    expect(xml).toContain(`<dimension ref="A1:I${ROWS + 3}"/>`);
    // No formula of a fill is written per cell except the shared formulas' first cells and its own rows.
    expect((xml.match(/<f>B\d+\*C\d+<\/f>/g) ?? []).length).toBe(0);
  });

  it('writes short fills as one formula, a shared pair, and past the cells', async () => {
    const bytes = await written(update());
    const xml = partText(bytes, sheetPartPath(bytes, 'Short'));
    expect(xml).toContain('<c r="B2"><f>A2*2</f><v>2</v></c>');
    expect(xml).toMatch(/<c r="B3"><f t="shared" ref="B3:B4" si="\d+">A3\*3<\/f><v>4<\/v><\/c>/);
    expect(xml).toContain('<c r="B5"><v>8</v></c>');
    expect(xml).toMatch(/<c r="E1"><f t="shared" ref="E1:E5" si="\d+">\$A\$2\+ROW\(\)<\/f><\/c>/);
    expect(xml).toContain('<dimension ref="A1:E5"/>');
  });

  it('numbers shared formulas after the runs found among per-cell formulas, without reading fills cell by cell', () => {
    const fills: FormulaFill[] = [
      { col: 1, first: 2, last: 9, formula: '=B2', except: [4, 5] },
      { col: 3, first: 1, last: 1, formula: '=B1' },
      { col: 3, first: 3, last: 5, formula: '=SUM(Table1[x])+B3' },
    ];
    const runs = fileFillRuns(fills, 3, 7);
    expect(runs[0]).toEqual([
      { top: 2, bottom: 3, si: 7, formula: '=B2' },
      { top: 6, bottom: 9, si: 8, formula: '=B6' },
    ]);
    expect(runs[1]).toEqual([]);
    expect(runs[2].map(({ at: _at, ...r }) => r)).toEqual([
      { top: 1, bottom: 1, si: -1, formula: '=B1' },
      { top: 3, bottom: 5, si: -1, formula: '=SUM(Table1[x])+B3' },
    ]);
    expect(runs[2][1].at?.(5)).toBe('=SUM(Table1[x])+B5');
  });
});

describe('the Office host', () => {
  const write = async (u: WorkbookUpdate, options?: { refuseRuns?: boolean }): Promise<FakeExcel> => {
    const fake = fakeFrom([USER_SHEET]);
    fake.writeLog = [];
    if (options?.refuseRuns) fake.failOnWrite(1, 'InvalidArgument', (op) => op.describe.includes('formulasR1C1'));
    await officeHostOn(fake).write(u);
    return fake;
  };

  it('writes each fill as formulasR1C1 runs, split at rows of their own: the same cells as spelled out, in fewer bytes', async () => {
    const filled = await write(update());
    const spelled = await write(spelledOut(update()));
    expect(filled.sheetNames()).toEqual(['Pay Structure', 'Pay Structure (2)', 'Plan', 'Short']);
    for (const sheet of filled.sheetNames()) expect({ sheet, cells: actualCells(filled, sheet) }).toEqual({ sheet, cells: actualCells(spelled, sheet) });
    // The formulas are the fills', renamed: Excel holds what specCells says.
    const renamed = specCells(planSheet()).map((line) => line.map((c) => (c !== null && isFormula(c) ? { ...c, formula: c.formula.replace("'Pay Structure'", "'Pay Structure (2)'").replace('PayStructure[', 'PayStructure_2[') } : c)));
    const expected = expectedCells(renamed);
    const actual = actualCells(filled, 'Plan');
    for (const [a1, cell] of Object.entries(expected)) if (cell.formula) expect({ a1, formula: actual[a1]?.formula }).toEqual({ a1, formula: cell.formula });
    // Round trips and bytes: no more than spelled out (where runs were found among the cells).
    expect(filled.syncs.length).toBeLessThanOrEqual(spelled.syncs.length);
    const sent = (f: FakeExcel) => f.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(sent(filled)).toBeLessThanOrEqual(sent(spelled));
    // Plan: D in three stretches, E, F, G, H in two (around its own row 5), I; Short: C and E (B's fills are too short).
    expect(filled.writeLog!.filter((d) => d.includes('formulasR1C1'))).toHaveLength(11);
  });

  it('writes every fill cell by cell when Excel refuses formulasR1C1, the same cells again', async () => {
    const refused = await write(update(), { refuseRuns: true });
    const reference = await write(spelledOut(update()));
    expect(refused.injectionPending).toBe(false);
    expect(refused.writeLog!.filter((d) => d.includes('formulasR1C1'))).toHaveLength(1);
    for (const sheet of reference.sheetNames()) expect({ sheet, cells: actualCells(refused, sheet) }).toEqual({ sheet, cells: actualCells(reference, sheet) });
  });

  it('turns each fill into runs without reading it cell by cell; short stretches and no runs go cell by cell', () => {
    const fills: FormulaFill[] = [
      { col: 2, first: 2, last: 20, formula: '=A2*$C$1', except: [5, 7, 19] },
      { col: 3, first: 2, last: 3, formula: "='Pay Structure'!A2" },
    ];
    const rename = (f: string): string => f.replace("'Pay Structure'", "'~SalaryStructure 1'");
    const { runs, spelled } = officeFillRuns(fills, rename);
    expect(runs).toEqual([
      { col: 2, top: 2, bottom: 4, r1c1: '=RC[-1]*R1C3' },
      { col: 2, top: 8, bottom: 18, r1c1: '=RC[-1]*R1C3' },
    ]);
    expect(spelled.map(({ at: _at, ...s }) => s)).toEqual([
      { col: 2, top: 6, bottom: 6 },
      { col: 2, top: 20, bottom: 20 },
      { col: 3, top: 2, bottom: 3 },
    ]);
    expect(spelled[0].at(6)).toBe('=A6*$C$1');
    expect(spelled[2].at(3)).toBe("='~SalaryStructure 1'!A3");
    expect(MIN_RUN_ROWS).toBe(3);
    const off = officeFillRuns(fills, rename, false);
    expect(off.runs).toEqual([]);
    expect(off.spelled.map((s) => [s.top, s.bottom])).toEqual([
      [2, 4],
      [6, 6],
      [8, 18],
      [20, 20],
      [2, 3],
    ]);
  });
});
