/**
 * Formula parity of the Placement, Consistency and Pay Equity sheets: the sample workbook through the
 * pipeline's stages, the fairness engine and layouts on top, the file recalculated by headless
 * LibreOffice; every formula cell must come back to the engine's value (numbers to the cent, text exactly).
 */
import { money } from '../../src/engine/money';
import type { Employee } from '../../src/engine/types';
import { FileHost } from '../../src/hosts/file/fileHost';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';

import { parseWorkbook } from '../../src/workbook/readInputs';
import { compareFormulaCells } from './support/parity';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';

async function fairnessOutput(employees: number, seed: number, tweak?: (e: Employee[]) => void) {
  const sample = FileHost.createEmpty();
  await sample.write(sampleUpdate({ employees, seed }));
  const host = FileHost.fromBytes(sample.toBytes());
  const { grids, sheetOf } = await readWorkbook(host);
  const parsed = parseWorkbook(grids, sheetOf);
  tweak?.(parsed.inputs.employees);
  const computed = compute(parsed);
  const errors = [...parsed.problems, ...computed.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  // The pipeline computes and lays out Placement, Consistency and Pay Equity with the rest.
  const { placement, consistency, equity } = computed.fairness!;
  const update = layout(parsed, computed);
  const names = new Set(['Placement', 'Consistency', 'Pay Equity']);
  const sheets = update.sheets.filter((s) => names.has(s.name));
  await host.write(update);
  return { bytes: host.toBytes(), sheets, equity, consistency, placement };
}

describe('fairness sheets: formula parity with LibreOffice', () => {
  it('every formula cell of Placement, Consistency and Pay Equity recalculates to the engine value', async () => {
    const { bytes, sheets } = await fairnessOutput(300, 42);
    const recalculated = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(bytes), 'fairness.xlsx'));
    const { checked, mismatches } = compareFormulaCells(sheets, await recalculated.readSheets(sheets.map((s) => s.name)));
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(6000);
  });

  it('holds with compression, circles, suppressed groups and a flagged category', async () => {
    const { bytes, sheets, consistency, equity } = await fairnessOutput(120, 7, (employees) => {
      // Someone paid above their manager, someone far below their range, someone far above it.
      const withManager = employees.find((e) => e.managerId)!;
      const manager = employees.find((e) => e.id === withManager.managerId)!;
      withManager.baseSalary = manager.baseSalary.plus(1000);
      employees[3].baseSalary = money(1000);
      employees[4].baseSalary = employees[4].baseSalary.mul(5);
    });
    expect(consistency.compression.atOrAbove.length).toBeGreaterThan(0);
    expect(consistency.rows.some((r) => r.check === 'Red circles' && r.status === 'Warning')).toBe(true);
    expect(equity.eu.categories.some((c) => c.total.suppressed)).toBe(true);
    expect(equity.eu.categories.some((c) => c.flagged)).toBe(true);
    const recalculated = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(bytes), 'fairness2.xlsx'));
    const { checked, mismatches } = compareFormulaCells(sheets, await recalculated.readSheets(sheets.map((s) => s.name)));
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });
});
