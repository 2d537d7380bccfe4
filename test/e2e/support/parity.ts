import { isExcelError, type Grid, type GridValue } from '../../../src/workbook/grid';
import { isFormula, specCells, type SheetSpec } from '../../../src/workbook/sheetSpec';
import { cellAddress } from '../../../src/workbook/address';

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  engine: unknown;
  spreadsheet: GridValue;
}

const blankish = (v: unknown) => v === null || v === undefined || v === '';

/** Every formula cell of the specs (fills spelled out) compared with the recalculated grid: numbers to the cent, text exactly. */
export function compareFormulaCells(specs: SheetSpec[], grids: Map<string, Grid>): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const spec of specs) {
    const grid = grids.get(spec.name);
    specCells(spec).forEach((row, r) =>
      row.forEach((c, col) => {
        if (!isFormula(c)) return;
        checked++;
        const rr = r + 1 - (grid?.top ?? 1);
        const cc = col + 1 - (grid?.left ?? 1);
        const got: GridValue = grid?.rows[rr]?.[cc] ?? null;
        const want = c.value;
        let ok: boolean;
        if (typeof want === 'number') ok = typeof got === 'number' && Math.abs(got - want) < 0.005 + Math.abs(want) * 1e-12;
        else if (blankish(want)) ok = blankish(got);
        else if (typeof want === 'boolean') ok = got === want;
        else ok = got === want;
        if (isExcelError(got)) ok = false;
        if (!ok) mismatches.push({ sheet: spec.name, cell: cellAddress(r + 1, col + 1), formula: c.formula, engine: want, spreadsheet: got });
      }),
    );
  }
  return { checked, mismatches };
}
