import { FileHost } from '../../src/hosts/file/fileHost';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { specCell } from '../../src/workbook/sheetSpec';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { compareFormulaCells } from './support/parity';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';

/** The demo: the sample workbook through the pipeline's stages, keeping the update to compare with. */
async function demoOutput(options: Parameters<typeof sampleUpdate>[0]) {
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
    const midpoint = specCell(ps, 2, 5) as { formula: string; value: number };
    const tampered = { ...ps, cells: ps.cells.map((r, i) => (i === 1 ? r.map((c, j) => (j === 4 ? { ...midpoint, value: midpoint.value + 0.01 } : c)) : r)) };
    expect(compareFormulaCells([tampered], grids).mismatches.map((m) => m.cell)).toEqual(['E2']);
  });

  it.each([
    ['Power pay line, geometric bands, compound aging, P60, +5% position, 40%-70% spread', { payLine: 'Power', gradeBands: 'Geometric', agingMethod: 'Compound', marketPercentile: 60, marketPosition: 0.05, rangeSpread: { low: 0.4, high: 0.7 }, grades: 12, rounding: 1 }],
    ['Linear pay line, P75, −3% position, cents rounding', { payLine: 'Linear', marketPercentile: 75, marketPosition: -0.03, rounding: 0.01, agingRate: 0.045 }],
  ] as const)('holds with %s', async (_label, assumptions) => {
    const { bytes, update } = await demoOutput({ employees: 150, seed: 9, assumptions: assumptions as never });
    const recalculated = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(bytes), 'variant.xlsx'));
    const outputs = update.sheets.filter((s) => s.role === 'output');
    const { checked, mismatches } = compareFormulaCells(outputs, await recalculated.readSheets(outputs.map((s) => s.name)));
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
