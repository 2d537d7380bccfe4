// The preview saves its workbook with the file host's own package writer. Those modules are
// browser-safe (fflate, xmldom, no node:fs); only fileHost.ts and fileSystem.ts need Node, and this
// file imports neither. The task pane never imports this file (webpack.config.js checks that).
/* eslint-disable no-restricted-imports -- browser-safe part of the file host, for the preview's download only */
import { emptyWorkbookPackage } from '../hosts/file/emptyWorkbook';
import { writeWorkbook } from '../hosts/file/writeWorkbook';
/* eslint-enable no-restricted-imports */
import type { PreviewWorkbook } from './previewWorkbook';
import { sheetSpecOf } from './previewWorkbook';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The preview's workbook as .xlsx bytes: every sheet, formulas and tables kept, the add-in's own marked. */
export function workbookBytes(workbook: PreviewWorkbook): Uint8Array {
  const { pkg } = writeWorkbook(emptyWorkbookPackage(), { sheets: workbook.sheets().map(sheetSpecOf), names: workbook.names() });
  return pkg.toBytes();
}

/** Offer the workbook as a download (a blob URL of this page: nothing leaves the browser). */
export function downloadWorkbook(workbook: PreviewWorkbook, fileName = 'salary-structure-preview.xlsx'): void {
  const bytes = workbookBytes(workbook);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
