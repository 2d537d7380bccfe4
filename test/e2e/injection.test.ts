/**
 * Issue 8, item 4, end to end: the file host's output for a workbook whose user text begins with =,
 * +, -, @ (see test/hosts/injectionKit.ts), opened and saved again by LibreOffice, still holds that
 * text as text: read back with the file host, every text cell of every output is the text the layout
 * wrote, and no such cell holds a formula in the saved package.
 */
import { FileHost } from '../../src/hosts/file/fileHost';
import { runPipeline } from '../../src/run/pipeline';
import { cellAddress } from '../../src/workbook/address';
import { formulasInXml, injectionInputSpecs, PAYLOADS, payloadSheet, referenceUpdate, textCells } from '../hosts/injectionKit';
import { partText, sheetPartPath } from '../hosts/xlsxKit';
import { recalculateWithLibreOffice } from './support/libreoffice';

describe('user text after a LibreOffice round trip', () => {
  it('stays text in every output cell, and the payloads written as they are stay text too', async () => {
    const input = FileHost.createEmpty();
    await input.write({ sheets: injectionInputSpecs(), names: [] });
    const host = FileHost.fromBytes(input.toBytes());
    expect((await runPipeline(host)).ok).toBe(true);
    // The run's outputs again, with a sheet of the payloads as they are beside them.
    const update = await referenceUpdate();
    await host.write({ ...update, sheets: [...update.sheets, payloadSheet()] });

    const saved = recalculateWithLibreOffice(host.toBytes(), 'injection.xlsx');
    const outputs = [...(await referenceUpdate()).sheets, payloadSheet()];
    const grids = await FileHost.fromBytes(saved).readSheets(outputs.map((s) => s.name));
    const cells = textCells(outputs);
    expect(cells.filter((c) => /^[=+\-@]/.test(c.text)).length).toBeGreaterThan(100);

    const value = (sheet: string, row: number, col: number) => {
      const grid = grids.get(sheet);
      return grid?.rows[row - grid.top]?.[col - grid.left];
    };
    // LibreOffice keeps a carriage return as a line feed, as the file host itself does (reported).
    const same = (a: unknown, b: string) => a === b || (typeof a === 'string' && a.replace(/^\n/, '\r') === b);
    expect(cells.filter((c) => !same(value(c.sheet, c.row, c.col), c.text)).map((c) => ({ ...c, got: value(c.sheet, c.row, c.col) }))).toEqual([]);
    for (const s of outputs) {
      const formulas = formulasInXml(partText(saved, sheetPartPath(saved, s.name)));
      expect(cells.filter((c) => c.sheet === s.name && formulas.has(cellAddress(c.row, c.col)))).toEqual([]);
    }
    // Every payload, the tab and carriage return ones included, was among them.
    for (const p of PAYLOADS) expect(cells.some((c) => c.text.startsWith(p))).toBe(true);
  });
});
