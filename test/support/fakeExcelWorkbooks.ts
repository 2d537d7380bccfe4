/** Workbooks for the Office host tests: the memory host's fixtures in the fake Excel, and comparisons. */
import { OfficeHost } from '../../src/hosts/office';
import type { MemorySheet, MemorySheetInit } from '../../src/hosts/memory';
import { cellAddress } from '../../src/workbook/address';
import type { SheetSpec } from '../../src/workbook/sheetSpec';
import { isFormula } from '../../src/workbook/sheetSpec';
import { FakeExcel, type FakeExcelOptions, type FakeSheetInit } from './fakeExcel';

/** The same user sheets in the fake Excel as in a MemoryHost. */
export function fakeFrom(sheets: readonly MemorySheetInit[], options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(
    sheets.map((s): FakeSheetInit => ({ name: s.name, rows: s.rows.map((r) => r.map((v) => (v === undefined ? null : v))), tables: s.tables, owned: s.owned })),
    options,
  );
}

/** Sheets given as specs (e.g. the sample workbook) placed directly in a fake, values as they are. */
export function fakeFromSpecs(specs: readonly SheetSpec[], options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(
    specs.map((s) => ({
      name: s.name,
      rows: s.cells.map((r) => r.map((c) => (c !== null && isFormula(c) ? { formula: c.formula, value: c.value ?? '' } : c))),
      tables: s.tables,
      formats: s.formats,
      owned: s.role === 'output',
    })),
    options,
  );
}

export function officeHostOn(fake: FakeExcel, options: { payloadBudget?: number; firstReadRows?: number } = {}): OfficeHost {
  return new OfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported, ...options });
}

/**
 * What Excel holds for a spec or memory sheet, cell by cell: formulas as written, everything else
 * as the value, text never turned into a formula or a number.
 */
export function expectedCells(cells: MemorySheet['cells'] | SheetSpec['cells']): Record<string, { value?: unknown; formula?: string }> {
  const out: Record<string, { value?: unknown; formula?: string }> = {};
  cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c === null || c === undefined || c === '') return;
      const a1 = cellAddress(r + 1, col + 1);
      if (typeof c === 'object' && 'formula' in c) out[a1] = { formula: c.formula };
      else if (typeof c === 'object' && 'error' in c) out[a1] = { value: c.error };
      else out[a1] = { value: c };
    }),
  );
  return out;
}

/** The fake sheet's cells in the same shape. */
export function actualCells(fake: FakeExcel, sheet: string): Record<string, { value?: unknown; formula?: string }> {
  const out: Record<string, { value?: unknown; formula?: string }> = {};
  for (const [a1, cell] of Object.entries(fake.model.cellsOf(fake.sheet(sheet)))) {
    if (cell.formula) out[a1] = { formula: cell.formula };
    else if (cell.value !== '') out[a1] = { value: cell.value };
  }
  return out;
}
