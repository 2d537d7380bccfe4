/**
 * Issue 8, item 4: user text that begins with =, +, -, @, a tab or a carriage return is written as
 * text by every host, never as a formula, a number or a DDE link (OWASP, "CSV Injection", lists these
 * leading characters: https://owasp.org/www-community/attacks/CSV_Injection).
 *
 * The real pipeline runs on a workbook whose user text (job codes and titles, families, survey
 * names, employee ids, names, departments, locations, managers) is made of such strings; every text
 * cell of every output (every cell that is not a deliberate formula) must come back as that text.
 * The fake Excel parses what it is given as Excel does (a leading = or @ makes a formula, +1 and -1
 * are numbers), so a host that let the text through unprotected would fail here.
 */
import { FileHost } from '../../src/hosts/file/fileHost';
import { MemoryHost } from '../../src/hosts/memory';
import { runPipeline } from '../../src/run/pipeline';
import { cellAddress } from '../../src/workbook/address';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { FakeExcel } from '../support/fakeExcel';
import { fakeFrom, officeHostOn } from '../support/fakeExcelWorkbooks';
import { formulasInXml, injectionInputs, injectionInputSpecs, PAYLOADS, payloadSheet, referenceUpdate, textCells } from './injectionKit';
import { partText, sheetPartPath } from './xlsxKit';

const risky = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

const gridValue = (grid: Grid | undefined, row: number, col: number): GridValue | undefined => grid?.rows[row - grid.top]?.[col - grid.left];

describe('the injection workbook', () => {
  it('carries the payloads into the outputs, in many text cells', async () => {
    const update = await referenceUpdate();
    const cells = textCells(update.sheets);
    const reached = PAYLOADS.filter((p) => cells.some((c) => c.text.includes(p.trim())));
    expect(reached).toEqual(PAYLOADS);
    expect(cells.filter((c) => risky(c.text)).length).toBeGreaterThan(100);
    expect(new Set(cells.filter((c) => risky(c.text)).map((c) => c.sheet)).size).toBeGreaterThanOrEqual(5);
  });

  it('would turn into formulas and numbers in the fake Excel if typed as they are', () => {
    // The fake parses as Excel does: without the host's protection the test below would fail.
    const fake = new FakeExcel([{ name: 'Typed', rows: [] }]);
    PAYLOADS.forEach((p, i) => fake.type('Typed', cellAddress(1, i + 1), p));
    const kinds = PAYLOADS.map((_, i) => {
      const cell = fake.cell('Typed', cellAddress(1, i + 1));
      return cell?.formula !== undefined ? 'formula' : typeof cell?.value;
    });
    expect(kinds).toEqual(['formula', 'number', 'number', 'formula', 'string', 'string', 'formula', 'formula']);
  });
});

describe('user text stays text', () => {
  it('in the memory host', async () => {
    const host = new MemoryHost(injectionInputs());
    expect((await runPipeline(host)).ok).toBe(true);
    const outputs = (await referenceUpdate()).sheets;
    const grids = await host.readSheets(outputs.map((s) => s.name));
    const wrong = textCells(outputs).filter((c) => gridValue(grids.get(c.sheet), c.row, c.col) !== c.text);
    expect(wrong).toEqual([]);
    expect(host.getSheet('Placement')?.cells.flat().some((c) => typeof c === 'string' && risky(c))).toBe(true);
  });

  it('in the file host (.xlsx)', async () => {
    const input = FileHost.createEmpty();
    await input.write({ sheets: injectionInputSpecs(), names: [] });
    const host = FileHost.fromBytes(input.toBytes());
    expect((await runPipeline(host)).ok).toBe(true);
    const bytes = host.toBytes();
    const outputs = (await referenceUpdate()).sheets;
    const grids = await FileHost.fromBytes(bytes).readSheets(outputs.map((s) => s.name));
    const cells = textCells(outputs);
    expect(cells.filter((c) => gridValue(grids.get(c.sheet), c.row, c.col) !== c.text)).toEqual([]);
    for (const s of outputs) {
      const formulas = formulasInXml(partText(bytes, sheetPartPath(bytes, s.name)));
      expect(cells.filter((c) => c.sheet === s.name && formulas.has(cellAddress(c.row, c.col)))).toEqual([]);
    }
  });

  it('in the Office host (the fake Excel)', async () => {
    const fake = fakeFrom(injectionInputs());
    expect((await runPipeline(officeHostOn(fake))).ok).toBe(true);
    const outputs = (await referenceUpdate()).sheets;
    const wrong = textCells(outputs).filter((c) => {
      const cell = fake.model.cell(fake.sheet(c.sheet), c.row, c.col);
      return cell?.value !== c.text || cell.formula !== undefined;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the payloads written as they are, tab and carriage return included', () => {
  const expected = payloadSheet().cells;

  it('stay text in the memory host', async () => {
    const host = new MemoryHost([{ name: 'Sheet1', rows: [['x']] }]);
    await host.write({ sheets: [payloadSheet()], names: [] });
    expect((await host.readSheets(['Payloads'])).get('Payloads')?.rows).toEqual(expected);
  });

  const fileRoundTrip = async (): Promise<{ rows: GridValue[][] | undefined; formulas: string[] }> => {
    const host = FileHost.createEmpty();
    await host.write({ sheets: [payloadSheet()], names: [] });
    const bytes = host.toBytes();
    return { rows: (await FileHost.fromBytes(bytes).readSheets(['Payloads'])).get('Payloads')?.rows, formulas: [...formulasInXml(partText(bytes, sheetPartPath(bytes, 'Payloads'))).keys()] };
  };

  it('stay text in the file host', async () => {
    const { rows, formulas } = await fileRoundTrip();
    expect(formulas).toEqual([]);
    // Every cell comes back as the text written (the carriage return aside: see the next test).
    const withoutCR = (grid: readonly (readonly unknown[])[] | undefined) => grid?.map((line) => line.map((v) => (typeof v === 'string' ? v.replace(/^[\r\n]/, '') : v)));
    expect(withoutCR(rows)).toEqual(withoutCR(expected));
  });

  // A literal carriage return in XML reads back as a line feed (XML 1.0 §2.11): the file host writes it
  // as Excel does, _x000D_, so "\r=1+1" returns as written.
  it('keep a leading carriage return through the file host', async () => {
    expect((await fileRoundTrip()).rows).toEqual(expected);
  });

  it('stay text in the Office host', async () => {
    const fake = new FakeExcel([{ name: 'Sheet1', rows: [['x']] }]);
    await officeHostOn(fake).write({ sheets: [payloadSheet()], names: [] });
    expected.forEach((line, r) =>
      line.forEach((text, c) => {
        const cell = fake.model.cell(fake.sheet('Payloads'), r + 1, c + 1);
        expect({ at: cellAddress(r + 1, c + 1), value: cell?.value, formula: cell?.formula }).toEqual({ at: cellAddress(r + 1, c + 1), value: text, formula: undefined });
      }),
    );
    // And back through the host's own read.
    expect((await officeHostOn(fake).readSheets(['Payloads'])).get('Payloads')?.rows).toEqual(expected);
  });
});
