import { FileHost } from '../../src/hosts/file';
import { MemoryHost } from '../../src/hosts/memory';
import { displayCell, formatAt, formulaBarText } from '../../src/preview/cellDisplay';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { workbookBytes } from '../../src/preview/xlsxDownload';
import { runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { sixJobSheets } from '../support/smallWorkbook';
import { worksheetCells } from '../hosts/worksheetCells';
import { partText, sheetPartPath } from '../hosts/xlsxKit';

describe('the preview workbook', () => {
  test('starts from the sample workbook, with its Assumptions names', async () => {
    const workbook = PreviewWorkbook.sample(50);
    const sample = sampleUpdate({ employees: 50 });
    expect((await workbook.listSheets()).map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    expect(workbook.names().map((n) => n.name)).toEqual(sample.names.map((n) => n.name));
    expect((await runPipeline(workbook)).ok).toBe(true);
  });

  test('adds missing input sheets without touching outputs, user sheets or names, and tells the viewer', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    await runPipeline(workbook);
    const before = workbook.sheets().map((s) => ({ ...s }));
    const names = workbook.names();
    const seen: number[] = [];
    workbook.subscribe(() => seen.push(workbook.version));
    const report = await workbook.addInputSheets({ sheets: [{ name: 'Appraisal', role: 'input', cells: [['Employee ID', 'Weight', 'Score']] }, { name: 'jobs', role: 'input', cells: [['x']] }], names: [{ name: 'MeritBudget', ref: '0.5' }, { name: 'Extra', ref: '1' }] });
    expect(report).toEqual({ written: [{ spec: 'Appraisal', sheet: 'Appraisal' }], keptInputs: ['jobs'], notes: [] });
    const after = workbook.sheets();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[after.length - 1]).toMatchObject({ name: 'Appraisal', owned: false });
    expect(workbook.names()).toEqual([...names, { name: 'Extra', ref: '1' }]);
    expect(seen).toHaveLength(1);
  });

  test('types into cells as a user would, and remembers the selected cell', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    await workbook.setCells('Assumptions', [{ row: 2, col: 2, value: '=1+1' }]);
    expect(workbook.sheets().find((s) => s.name === 'Assumptions')!.cells[1][1]).toBe('=1+1');
    await workbook.select({ sheet: 'Employees', cell: 'D3' });
    expect(workbook.selection).toEqual({ sheet: 'Employees', cell: 'D3' });
    await expect(workbook.select({ sheet: 'Nope' })).rejects.toMatchObject({ code: 'item-not-found' });
  });

  test('downloads as an .xlsx the file host reads back: every sheet, formulas kept, outputs marked', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    await runPipeline(workbook);
    const file = FileHost.fromBytes(workbookBytes(workbook));
    expect(await file.listSheets()).toEqual(await workbook.listSheets());
    const grids = await file.readSheets(['Pay Structure', 'Employees']);
    expect(grids.get('Pay Structure')?.rows).toEqual((await workbook.readSheets(['Pay Structure'])).get('Pay Structure')?.rows);
    expect(grids.get('Employees')?.rows[1]).toEqual(['E1', 'Ann', 'J1', 165000, 1, 'F']);
  });

  test('keeps a fill as formulas: in the sheets it shows and in the .xlsx it downloads', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    const cells = [['Salary', 'Raise'], [1000, 30], [2000, 60], [3000, 'own'], [4000, 120]];
    await workbook.write({ sheets: [{ name: 'Raises', role: 'output', cells, fills: [{ col: 2, first: 2, last: 5, formula: '=A2*0.03', except: [4] }] }], names: [] });
    const shown = workbook.sheets().find((s) => s.name === 'Raises')!;
    expect(shown.cells.map((r) => r[1])).toEqual(['Raise', { formula: '=A2*0.03', value: 30 }, { formula: '=A3*0.03', value: 60 }, 'own', { formula: '=A5*0.03', value: 120 }]);
    const bytes = workbookBytes(workbook);
    const xml = worksheetCells(partText(bytes, sheetPartPath(bytes, 'Raises')));
    expect(['B2', 'B3', 'B4', 'B5'].map((a) => xml.get(a))).toEqual([
      { formula: '=A2*0.03', value: '30' },
      { formula: '=A3*0.03', value: '60' },
      { type: 'inlineStr', value: 'own' },
      { formula: '=A5*0.03', value: '120' },
    ]);
  });
});

describe('cell display in the viewer', () => {
  test('applies the sheet number formats the layouts use', () => {
    expect(displayCell(36300, '#,##0')).toBe('36,300');
    expect(displayCell(0.50345, '0.0%')).toBe('50.3%');
    expect(displayCell(1.2345, '0.000')).toBe('1.235');
    expect(displayCell(46023, 'yyyy-mm-dd')).toBe('2026-01-01');
    expect(displayCell({ formula: '=A1*2', value: 1234.5 }, '#,##0.00')).toBe('1,234.50');
    expect(displayCell({ error: '#N/A' }, 'General')).toBe('#N/A');
    expect(displayCell(true, 'General')).toBe('TRUE');
    expect(displayCell(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatAt([{ range: 'B2:C9', format: '0%' }, { range: 'C3', format: '0.0' }], 3, 3)).toBe('0.0');
    expect(formulaBarText({ formula: '=SUM(A1:A3)', value: 6 })).toBe('=SUM(A1:A3)');
  });
});
