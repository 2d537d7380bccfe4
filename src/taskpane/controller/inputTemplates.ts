import { assumptionNames, assumptionsSheet, defaultAssumptions } from '../../workbook/assumptions';
import { cellAddress } from '../../workbook/address';
import { INPUT_SHEETS } from '../../workbook/schema';
import type { SheetSpec, WorkbookUpdate } from '../../workbook/sheetSpec';

/** Empty input sheets: each a table of the canonical headers (PRODUCT.md, "Inputs") with one blank row. */
export function inputTemplates(): WorkbookUpdate {
  const sheets: SheetSpec[] = INPUT_SHEETS.map((def) => ({
    name: def.name,
    role: 'input',
    cells: [def.columns.map((c) => c.name)],
    columns: def.columns.map((c) => ({ width: Math.max(12, c.name.length + 4) })),
    tables: [{ name: `tbl${def.name.replace(/[^A-Za-z0-9]/g, '')}`, range: `A1:${cellAddress(2, def.columns.length)}` }],
    freeze: { rows: 1, columns: 0 },
  }));
  const assumptions = defaultAssumptions();
  return { sheets: [...sheets, assumptionsSheet(assumptions)], names: assumptionNames({ assumptions, cells: new Map(), problems: [] }, true) };
}
