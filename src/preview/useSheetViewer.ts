import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { cellAddress, columnLetter, parseCell } from '../workbook/address';
import { displayCell, formatAt, formulaBarText, parseFormats } from './cellDisplay';
import type { PreviewWorkbook } from './previewWorkbook';

/** Rows shown at once; the viewer is a preview, not a spreadsheet. */
export const VISIBLE_ROWS = 200;
const MAX_COLUMNS = 40;

/**
 * The sheet viewer's state: the sheet shown (following the newest written sheet and the cell a
 * problem link selects), the selected cell, and the rows and columns in view.
 */
export function useSheetViewer(workbook: PreviewWorkbook) {
  const version = useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  const sheets = useMemo(() => workbook.sheets(), [workbook, version]);
  const [active, setActive] = useState(sheets[0]?.name ?? '');
  const [selected, setSelected] = useState<{ row: number; col: number }>({ row: 1, col: 1 });
  const [seenSheets, setSeenSheets] = useState(() => new Set(sheets.map((s) => s.name)));

  // Show a sheet as soon as it appears (the sample, the outputs); follow a problem to its cell.
  useEffect(() => {
    const added = sheets.filter((s) => !seenSheets.has(s.name));
    if (added.length > 0) {
      setActive((added.find((s) => s.owned) ?? added[0]).name);
      setSeenSheets(new Set(sheets.map((s) => s.name)));
    } else if (!sheets.some((s) => s.name === active)) setActive(sheets[0]?.name ?? '');
  }, [sheets]);
  useEffect(() => {
    const where = workbook.selection;
    if (!where) return;
    setActive(where.sheet);
    if (where.cell) setSelected(parseCell(where.cell));
    else if (where.row) setSelected({ row: where.row, col: 1 });
  }, [workbook, version]);

  const sheet = sheets.find((s) => s.name === active) ?? sheets[0];
  const formats = useMemo(() => parseFormats(sheet?.formats), [sheet]);
  const totalRows = sheet?.cells.length ?? 0;
  const width = Math.min(MAX_COLUMNS, Math.max(1, ...(sheet?.cells.slice(0, 2000).map((r) => r.length) ?? [1])));
  const firstRow = Math.max(1, Math.min(selected.row - 20, totalRows - VISIBLE_ROWS + 1));
  const lastRow = Math.min(Math.max(totalRows, 1), firstRow + VISIBLE_ROWS - 1);
  const rows = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const cells = [];
    for (let c = 1; c <= width; c++) cells.push({ col: c, text: displayCell(sheet?.cells[r - 1]?.[c - 1], formatAt(formats, r, c)), selected: r === selected.row && c === selected.col });
    rows.push({ row: r, cells });
  }
  const selectedCell = sheet?.cells[selected.row - 1]?.[selected.col - 1];
  return {
    sheets: sheets.map((s) => ({ name: s.name, owned: s.owned })),
    active: sheet?.name ?? '',
    show: (name: string) => {
      setActive(name);
      setSelected({ row: 1, col: 1 });
    },
    columns: Array.from({ length: width }, (_, i) => columnLetter(i + 1)),
    rows,
    select: (row: number, col: number) => setSelected({ row, col }),
    address: cellAddress(selected.row, selected.col),
    formula: formulaBarText(selectedCell),
    range: totalRows > 0 ? `Rows ${firstRow}–${lastRow} of ${totalRows.toLocaleString('en')}` : 'Empty sheet',
    // The .xlsx writer loads on the first download only.
    download: () => void import('./xlsxDownload').then((m) => m.downloadWorkbook(workbook)),
  };
}
