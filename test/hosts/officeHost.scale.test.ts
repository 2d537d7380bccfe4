/**
 * 100,000 employees through the Office host: every request and response stays well under Excel on
 * the web's 5 MB, and the number of round trips follows the payload (bytes / budget), not the rows.
 */
import { DEFAULT_PAYLOAD_BUDGET, EXCEL_WEB_PAYLOAD_LIMIT } from '../../src/hosts/office';
import { readWorkbook } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import type { SpecCell } from '../../src/workbook/sheetSpec';
import { FakeExcel } from '../support/fakeExcel';
import { officeHostOn } from '../support/fakeExcelWorkbooks';

const EMPLOYEES = 100_000;
jest.setTimeout(240_000);

test(`loads a ${EMPLOYEES.toLocaleString('en')}-employee sample, reads it back as a run does and writes a plan of as many rows, under the payload limit`, async () => {
  const fake = new FakeExcel([{ name: 'Sheet1', rows: [['x']] }]);
  const host = officeHostOn(fake);
  const sample = sampleUpdate({ employees: EMPLOYEES });
  const sampleRows = sample.sheets.reduce((n, s) => n + s.cells.length, 0);

  await host.addInputSheets(sample);
  const load = fake.syncs.splice(0);
  const sent = load.reduce((n, s) => n + s.requestBytes, 0);
  expect(Math.max(...load.map((s) => s.requestBytes))).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET + 64 * 1024);
  // Round trips follow the bytes: a handful of fixed ones plus one per budget's worth.
  expect(load.length).toBeLessThanOrEqual(Math.ceil(sent / DEFAULT_PAYLOAD_BUDGET) + 8);
  expect(load.length).toBeLessThan(sampleRows / 1000);

  // The read of a run: every input sheet, in row windows sized by the bytes the first window measured.
  const { grids } = await readWorkbook(host);
  const read = fake.syncs.splice(0);
  expect(grids.get('Employees')?.rows).toHaveLength(EMPLOYEES + 1);
  for (const spec of sample.sheets) expect(grids.get(spec.name)?.rows.length).toBe(spec.cells.length);
  const received = read.reduce((n, s) => n + s.responseBytes, 0);
  expect(Math.max(...read.map((s) => s.responseBytes))).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT / 2);
  expect(read.length).toBeLessThanOrEqual(Math.ceil(received / (DEFAULT_PAYLOAD_BUDGET / 2)) + 4);

  // An output as long as the employee list, with formulas in every row (the shape of a merit plan).
  const cells: SpecCell[][] = [['Employee ID', 'Name', 'Base Salary', 'Compa-Ratio', 'Merit %', 'New Salary', 'Flag']];
  for (let i = 0; i < EMPLOYEES; i++) {
    const r = i + 2;
    cells.push([
      `E${String(i).padStart(6, '0')}`,
      i % 97 === 0 ? '=not a formula' : `Employee ${i}`,
      40000 + (i % 5000) * 17,
      { formula: `=C${r}/INDEX('Pay Structure'!$E$2:$E$11,MATCH(C${r},'Pay Structure'!$D$2:$D$11,1))`, value: 1 },
      { formula: `=IFERROR(INDEX(MeritGuidelines,MATCH(E${r},Ratings,0),2),0)`, value: 0.03 },
      { formula: `=ROUND(C${r}*(1+E${r}),0)`, value: 41200 },
      { formula: `=IF(F${r}>INDEX('Pay Structure'!$F$2:$F$11,1),"Above maximum","")`, value: '' },
    ]);
  }
  await host.write({ sheets: [{ name: 'Merit Plan', role: 'output', cells, tables: [{ name: 'MeritPlan', range: `A1:G${EMPLOYEES + 1}` }], formats: [{ range: `C2:C${EMPLOYEES + 1}`, format: '#,##0' }] }], names: [] });
  const write = fake.syncs.splice(0);
  const bytes = write.reduce((n, s) => n + s.requestBytes, 0);
  // The four formula columns, each one formula filled down, go as four R1C1 values; what remains is
  // the ids, names and salaries: well under what the formulas alone would weigh (100,000 × ~250 bytes).
  const formulaBytes = cells.slice(1).reduce((n, row) => n + row.reduce((m: number, c) => m + (typeof c === 'object' && c !== null ? c.formula.length : 0), 0), 0);
  expect(formulaBytes).toBeGreaterThan(20 * 1024 * 1024);
  expect(bytes).toBeLessThan(formulaBytes / 3);
  expect(Math.max(...write.map((s) => s.requestBytes))).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET + 64 * 1024);
  expect(write.length).toBeLessThanOrEqual(Math.ceil(bytes / DEFAULT_PAYLOAD_BUDGET) + 4);
  // Issue 7: round trips of the write at most 3 beyond the chunks of cells.
  expect(write.length).toBeLessThanOrEqual(3 + write.filter((s) => s.cellWrites > 0).length);
  expect(fake.value('Merit Plan', `A${EMPLOYEES + 1}`)).toBe(`E${String(EMPLOYEES - 1).padStart(6, '0')}`);
  expect(fake.cell('Merit Plan', 'B2')).toMatchObject({ value: '=not a formula', quotePrefix: true });
  expect(fake.formula('Merit Plan', `F${EMPLOYEES + 1}`)).toBe(`=ROUND(C${EMPLOYEES + 1}*(1+E${EMPLOYEES + 1}),0)`);
});
