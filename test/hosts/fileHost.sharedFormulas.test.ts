/**
 * Shared formulas: a formula filled down a column is written once (ECMA-376 Part 1, §18.3.1.40,
 * t="shared") and Excel moves its relative rows per cell. The expected shifted texts below are what
 * Excel's own fill-down produces (relative rows move, `$`-anchored rows, strings, sheet names,
 * numbers and function names do not).
 */
import { FileHost } from '../../src/hosts/file';
import { matchesShifted, rowTemplate, sharedRuns, type RowTemplate } from '../../src/hosts/file/sharedFormulas';
import type { SpecCell } from '../../src/workbook/sheetSpec';
import { partText, sheetPartPath } from './xlsxKit';

const render = (t: RowTemplate, shift: number): string => t.pieces.map((p, i) => p + (i < t.rows.length ? String(t.rows[i] + shift) : '')).join('');

describe('rowTemplate: the relative row numbers of a formula', () => {
  it.each([
    [`IF(E2="","",F2/INDEX('Pay Structure'!$E$2:$E$11,E2))`, 1, `IF(E3="","",F3/INDEX('Pay Structure'!$E$2:$E$11,E3))`],
    ['$A$1+A$1+$A1+A1', 3, '$A$1+A$1+$A4+A4'],
    ['LOG10(B2)+ATAN2(C2,1)+DAYS360(D2,E2)', 1, 'LOG10(B3)+ATAN2(C3,1)+DAYS360(D3,E3)'],
    ['1E5+B2*1.5E-3+2.5e+2', 1, '1E5+B3*1.5E-3+2.5e+2'],
    ['IF(A2="B2","C2 ""D2""",A2)', 1, 'IF(A3="B2","C2 ""D2""",A3)'],
    [`'Q1 ''24'!B2+'Sheet 2'!C2`, 1, `'Q1 ''24'!B3+'Sheet 2'!C3`],
    ['Jobs!A2+Sheet1!B2+SUM(Sheet1:Sheet3!C2)', 1, 'Jobs!A3+Sheet1!B3+SUM(Sheet1:Sheet3!C3)'],
    ['SUM(A:A)+COUNT($B:$C)+A2', 10, 'SUM(A:A)+COUNT($B:$C)+A12'],
    ['a2+xfd2', 1, 'a3+xfd3'],
    ['D1*2', 1, 'D2*2'],
    ['IF(D2>=1,"Y","N")&T2%', 1, 'IF(D3>=1,"Y","N")&T3%'],
  ])('%s moved down by %i reads %s', (formula, shift, expected) => {
    const t = rowTemplate(formula);
    expect(t).toBeDefined();
    expect(render(t as RowTemplate, 0)).toBe(formula);
    expect(render(t as RowTemplate, shift)).toBe(expected);
  });

  it('finds no reference in names, functions, booleans and errors', () => {
    for (const formula of ['MeritZoneBounds+ABCD1+Q1_2+_x1+TRUE', 'IFERROR(#N/A,#REF!)', 'LOG10(100)', '$B$2*Assumptions!$C$7']) {
      expect({ formula, rows: rowTemplate(formula)?.rows }).toEqual({ formula, rows: [] });
    }
  });

  it('refuses what it cannot vouch for: row ranges, structured references, array constants', () => {
    for (const formula of ['SUM(2:5)', 'SUM($2:$5)', 'SUM(A2)+ROWS(3:3)', 'PayStructure[[#Headers],[Midpoint]]', 'SUM(Staff[Salary])', 'SUM({1,2}*A2)', '[1]Sheet1!A2']) {
      expect({ formula, template: rowTemplate(formula) }).toEqual({ formula, template: undefined });
    }
  });
});

describe('matchesShifted', () => {
  const t = rowTemplate('F2*G2+$H$2') as RowTemplate;
  it('accepts exactly the template moved by the row distance', () => {
    expect(matchesShifted(t, '=F5*G5+$H$2', 1, 3)).toBe(true);
    expect(matchesShifted(t, '=F2*G2+$H$2', 1, 0)).toBe(true);
  });
  it.each(['=F5*G6+$H$2', '=F5*G5+$H$5', '=F5*G5+$H$2+1', '=F05*G05+$H$2', '=F5*G5', '=F5*G5+$H$2 ', '=F50*G5+$H$2'])('rejects %s', (text) => {
    expect(matchesShifted(t, text, 1, 3)).toBe(false);
  });
  it('rejects a move above row 1', () => {
    expect(matchesShifted(rowTemplate('A2') as RowTemplate, '=A0', 1, -2)).toBe(false);
  });
});

describe('sharedRuns', () => {
  it('groups consecutive formulas that are one formula filled down, and nothing else', () => {
    const column: (string | null)[] = [null, '=A2*2', '=A3*2', '=A4*2', '=A5*2', '=A6*3', null, '=A8*2', '=A9*2', '=$B$1', '=$B$1', '=$B$1', '=SUM(2:2)', '=SUM(3:3)'];
    const cells: SpecCell[][] = column.map((f, i) => [f === null ? 'text' : { formula: f, value: 0 }, ...(i === 2 ? [{ formula: '=A3', value: 0 }] : [])]);
    const runs = sharedRuns(cells, 2);
    expect(runs).toEqual([
      [
        { top: 2, bottom: 5, si: 0 },
        { top: 8, bottom: 9, si: 1 },
        { top: 10, bottom: 12, si: 2 },
      ],
      [],
    ]);
  });
});

describe('FileHost writes filled-down formulas as shared formulas', () => {
  it('writes the first cell with its range and text, the others by reference, every cached value kept', async () => {
    const cells: SpecCell[][] = [['Salary', 'Rate', 'Raise', 'Label']];
    for (let r = 2; r <= 5; r++) cells.push([r * 1000, 0.05, { formula: `=A${r}*B${r}`, value: r * 50 }, { formula: `=IF(C${r}>100,"high","low")`, value: r * 50 > 100 ? 'high' : 'low' }]);
    cells.push([1, 2, { formula: '=A6+B6+1', value: 4 }, 'end']);
    const host = FileHost.createEmpty();
    await host.write({ sheets: [{ name: 'Raises', role: 'output', cells }], names: [] });
    const bytes = host.toBytes();
    const xml = partText(bytes, sheetPartPath(bytes, 'Raises'));
    expect(xml).toContain('<c r="C2"><f t="shared" ref="C2:C5" si="0">A2*B2</f><v>100</v></c>');
    expect(xml).toContain('<c r="C3"><f t="shared" si="0"/><v>150</v></c>');
    expect(xml).toContain('<c r="C6"><f>A6+B6+1</f><v>4</v></c>');
    expect(xml).toContain('<c r="D2" t="str"><f t="shared" ref="D2:D5" si="1">IF(C2&gt;100,"high","low")</f><v>low</v></c>');
    expect(xml).toContain('<c r="D5" t="str"><f t="shared" si="1"/><v>high</v></c>');
    expect((await FileHost.fromBytes(bytes).readSheets(['Raises'])).get('Raises')?.rows.map((r) => r[2])).toEqual(['Raise', 100, 150, 200, 250, 4]);
  });
});
