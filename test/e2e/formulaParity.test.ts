import { FileHost } from '../../src/hosts/file/fileHost';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { compareFormulaCells } from './support/parity';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';

/** The demo: the sample workbook through the pipeline's stages, keeping the update to compare with. */
async function demoOutput(options: { employees: number; seed: number }) {
  const sample = FileHost.createEmpty();
  await sample.write(sampleUpdate(options));
  const host = FileHost.fromBytes(sample.toBytes());
  const { grids, sheetOf } = await readWorkbook(host);
  const parsed = parseWorkbook(grids, sheetOf);
  const computed = compute(parsed);
  const errors = [...parsed.problems, ...computed.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  const update = layout(parsed, computed);
  await host.write(update);
  return { bytes: host.toBytes(), update };
}

describe('formula parity with LibreOffice', () => {
  it('every formula cell of the demo output recalculates to the engine value, to the cent', async () => {
    const { bytes, update } = await demoOutput({ employees: 300, seed: 42 });
    const recalculated = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(bytes), 'demo.xlsx'));
    const outputs = update.sheets.filter((s) => s.role === 'output');
    const grids = await recalculated.readSheets(outputs.map((s) => s.name));
    const { checked, mismatches } = compareFormulaCells(outputs, grids);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(500);

    // The comparison can fail: one engine value off by a cent is caught.
    const ps = outputs.find((x) => x.name === 'Pay Structure')!;
    const midpoint = ps.cells[1][4] as { formula: string; value: number };
    const tampered = { ...ps, cells: ps.cells.map((r, i) => (i === 1 ? r.map((c, j) => (j === 4 ? { ...midpoint, value: midpoint.value + 0.01 } : c)) : r)) };
    expect(compareFormulaCells([tampered], grids).mismatches.map((m) => m.cell)).toEqual(['E2']);
  });
});
