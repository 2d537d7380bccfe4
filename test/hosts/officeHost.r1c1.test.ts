/**
 * Formulas filled down a column go to Excel as one `formulasR1C1` value for the whole range (Office.js
 * applies a single value to every cell; see the "Range" reference: "If the argument is a single value,
 * it will be applied to all cells in the range"). The A1 → R1C1 conversion follows Microsoft's
 * description of the R1C1 reference style ("Overview of formulas in Excel"): R[-2]C is the cell two
 * rows up in the same column, R[2]C[2] two rows down and two columns right, R2C2 the cell in row 2,
 * column 2. The fake Excel turns R1C1 back into A1 with code of its own, so the cells that land in it
 * are checked against the layouts' A1 formulas.
 */
import { MemoryHost } from '../../src/hosts/memory';
import { excelInput } from '../../src/hosts/office/cellInput';
import { formulaRuns, MIN_RUN_ROWS } from '../../src/hosts/office/cellWrites';
import { toR1C1 } from '../../src/workbook/formulaRefs';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { isFormula, specCells, type SpecCell } from '../../src/workbook/sheetSpec';
import { FakeExcel } from '../support/fakeExcel';
import { actualCells, expectedCells, officeHostOn } from '../support/fakeExcelWorkbooks';
import { fromR1C1 } from '../support/fakeExcelR1C1';

describe('A1 to R1C1', () => {
  it.each([
    // [formula, row, col, R1C1] — relative, absolute and mixed references as Microsoft's table describes them.
    ['=C3', 5, 3, '=R[-2]C'],
    ['=E7', 5, 3, '=R[2]C[2]'],
    ['=$B$2', 5, 3, '=R2C2'],
    ['=B$2*$B2', 5, 3, '=R2C[-1]*R[-3]C2'],
    ['=C5', 5, 3, '=RC'],
    ["=INDEX('Pay Structure'!$E$2:$E$11,D3)", 3, 7, "=INDEX('Pay Structure'!R2C5:R11C5,RC[-3])"],
    ['=SUM(Placement!$G$2:$G$2001)/A1', 2, 2, '=SUM(Placement!R2C7:R2001C7)/R[-1]C[-1]'],
    // Names, functions with digits, numbers with exponents, strings, structured references: kept.
    ['=LOG10(A2)+ATAN2(B2,C2)*1E+100', 2, 4, '=LOG10(RC[-3])+ATAN2(RC[-2],RC[-1])*1E+100'],
    ['=IF(A2="B2","C3",PayLineA+PayLineB*B2)', 2, 3, '=IF(RC[-2]="B2","C3",PayLineA+PayLineB*RC[-1])'],
    ['=SUM(tblPlan[Salary])+tblPlan[[#Headers],[A1]]', 2, 3, '=SUM(tblPlan[Salary])+tblPlan[[#Headers],[A1]]'],
    ["='It''s A1'!B2", 1, 1, "='It''s A1'!R[1]C[1]"],
    ['=#REF!+A1', 2, 1, '=#REF!+R[-1]C'],
    ['=XFD1048576', 1, 1, '=R[1048575]C[16383]'],
  ])('%s in R%iC%i → %s', (formula, row, col, expected) => {
    expect(toR1C1(formula, row, col)).toBe(expected);
    // …and the fake Excel reads it back to the same A1 formula.
    expect(fromR1C1(expected, row, col)).toBe(formula);
  });

  it.each(['=SUM(A:A)', '=SUM($C:$E)', '=SUM(2:5)', '=ROWS($1:$1)', '=XFE1+1', '=A1048577'])('leaves %s to be written in A1 (undefined)', (formula) => {
    expect(toR1C1(formula, 3, 3)).toBeUndefined();
  });

  it('converts every formula the layouts write, and the fake reads each back to the same text', async () => {
    const sample = sampleUpdate({ employees: 120, seed: 3 });
    const { grids, sheetOf } = await readWorkbook(MemoryHost.fromSheetSpecs(sample.sheets, sample.names));
    const parsed = parseWorkbook(grids, sheetOf);
    const update = layout(parsed, compute(parsed));
    let checked = 0;
    const wrong: string[] = [];
    for (const sheet of update.sheets) {
      // Every formula as it reads in its cell, the fills' spelled out.
      specCells(sheet).forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === null || !isFormula(cell)) return;
          const r1c1 = toR1C1(cell.formula, r + 1, c + 1);
          checked++;
          if (r1c1 === undefined || fromR1C1(r1c1, r + 1, c + 1) !== cell.formula) wrong.push(`${sheet.name}!R${r + 1}C${c + 1}: ${cell.formula} → ${r1c1}`);
        }),
      );
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });
});

const f = (formula: string): SpecCell => ({ formula, value: 0 });

describe('formula runs', () => {
  it('finds columns of one formula filled down, and breaks them where a row differs', () => {
    const cells: SpecCell[][] = [['ID', 'Salary', 'Raise', 'Manager']];
    for (let r = 2; r <= 9; r++) cells.push([`E${r}`, 1000 * r, f(`=B${r}*1.03`), f(r === 6 ? '=B2' : `=B${r}+C${r}`)]);
    expect(formulaRuns(cells)).toEqual([
      { col: 3, top: 2, bottom: 9, r1c1: '=RC[-1]*1.03' },
      { col: 4, top: 2, bottom: 5, r1c1: '=RC[-2]+RC[-1]' },
      { col: 4, top: 7, bottom: 9, r1c1: '=RC[-2]+RC[-1]' },
    ]);
  });

  it(`leaves runs shorter than ${MIN_RUN_ROWS} rows, and absolute formulas that differ, to be written cell by cell`, () => {
    const cells: SpecCell[][] = [[f('=$A$1')], [f('=$A$1')], [f('=$A$2')], [f('=$A$3')], [f('=SUM(A:A)')], [f('=SUM(A:A)')], [f('=SUM(A:A)')]];
    expect(formulaRuns(cells)).toEqual([]);
  });

  it('renames references before comparing', () => {
    const cells: SpecCell[][] = [[f("='Pay Structure'!A1")], [f("='Pay Structure'!A2")], [f("='Pay Structure'!A3")]];
    expect(formulaRuns(cells, (x) => x.replace("'Pay Structure'", "'~SalaryStructure 2'"))).toEqual([{ col: 1, top: 1, bottom: 3, r1c1: "='~SalaryStructure 2'!RC" }]);
  });
});

describe('writing runs through the Office host', () => {
  it('puts every cell where the layout meant it, runs and ragged rows together, in a fraction of the bytes', async () => {
    const rows = 2000;
    const cells: SpecCell[][] = [['ID', 'Salary', 'Raise', 'Note', 'Total']];
    for (let r = 2; r <= rows + 1; r++) {
      // The last rows shorter (their last cells empty), a run broken every 97th row, text that looks like a formula.
      const line: SpecCell[] = [`=E${r}`, 40000 + r, f(`=B${r}*1.03`)];
      if (r < rows - 10) line.push(`note ${r}`, r % 97 === 0 ? f(`=C${r}-B${r}`) : f(`=B${r}+C${r}`));
      cells.push(line);
    }
    cells.push(['Total', f(`=SUM(B2:B${rows + 1})`), f(`=SUM(C2:C${rows + 1})`)]);
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    await officeHostOn(fake).write({ sheets: [{ name: 'Plan', role: 'output', cells }], names: [] });
    expect(actualCells(fake, 'Plan')).toEqual(expectedCells(cells));
    expect(fake.cell('Plan', 'A2')).toMatchObject({ value: '=E2', quotePrefix: true });
    // Cell by cell, the same cells would take their JSON; the runs save nearly all the formulas' bytes.
    const cellByCell = JSON.stringify(cells.map((line) => line.map((c) => excelInput(c)))).length;
    const formulaBytes = cells.flat().reduce((n: number, c) => n + (c !== null && isFormula(c) ? c.formula.length + 3 : 0), 0);
    const sent = fake.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(formulaBytes).toBeGreaterThan(cellByCell / 3);
    expect(sent).toBeLessThan(cellByCell - 0.8 * formulaBytes);
  });
});
