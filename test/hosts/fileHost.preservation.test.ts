import { readFileSync } from 'fs';
import * as path from 'path';
import { FileHost } from '../../src/hosts/file';
import { OWNER_MARKER_NAME } from '../../src/hosts/host';
import type { WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { buildUserWorkbook, OWNED_PARTS, WORKBOOK_LEVEL_PARTS } from '../fixtures/userWorkbook';
import { entriesOf, fullUpdate, partText, payStructure, sameBytes, sheetPartPath } from './xlsxKit';

const USER_SHEETS = ['Employees', 'Pay Structure', 'Summary'];

/** The update of a run: outputs "Pay Structure" (a user sheet holds that name) and "Merit Plan". */
const update = (): WorkbookUpdate => fullUpdate();

describe('FileHost keeps the user package (hand-built client workbook)', () => {
  it('keeps every part it does not own byte for byte', async () => {
    const original = buildUserWorkbook();
    const host = FileHost.fromBytes(original);
    await host.write(update());
    const before = entriesOf(original);
    const after = entriesOf(host.toBytes());
    const untouched = Object.keys(before).filter((p) => !OWNED_PARTS.includes(p) && !WORKBOOK_LEVEL_PARTS.includes(p));
    expect(untouched.length).toBeGreaterThan(15);
    for (const part of untouched) expect({ part, same: sameBytes(before[part], after[part]) }).toEqual({ part, same: true });
  });

  it("drops the previous output's parts, calcChain and their content types", async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    await host.write({ sheets: [payStructure()], names: [] });
    const bytes = host.toBytes();
    const before = entriesOf(buildUserWorkbook());
    const after = entriesOf(bytes);
    const parts = Object.keys(after);
    // Freed part names may be reused by the new sheets, but none keeps the old output's content.
    for (const gone of OWNED_PARTS) expect({ gone, kept: sameBytes(before[gone], after[gone]) }).toEqual({ gone, kept: false });
    expect(parts).not.toContain('xl/calcChain.xml');
    expect(parts).not.toContain('xl/charts/chart2.xml');
    const types = partText(bytes, '[Content_Types].xml');
    expect(types).not.toContain('calcChain');
    expect(types).not.toContain('/xl/charts/chart2.xml');
    expect(partText(bytes, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    // Every content-type override names a part that exists.
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    for (const part of overrides) expect(parts).toContain(part);
    // …and every part has a content type, by override or by extension.
    const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]);
    for (const part of parts) expect({ part, typed: overrides.includes(part) || defaults.includes(part.split('.').pop() as string) }).toEqual({ part, typed: true });
  });

  it('leaves user sheets reading exactly as before', async () => {
    const original = FileHost.fromBytes(buildUserWorkbook());
    const before = await original.readSheets(USER_SHEETS);
    await original.write(update());
    expect(await FileHost.fromBytes(original.toBytes()).readSheets(USER_SHEETS)).toEqual(before);
  });

  it('writes beside a user sheet of the same name, repointing formulas, names and tables', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    const report = await host.write(update());
    expect(report.written).toEqual([
      { spec: 'Assumptions', sheet: 'Assumptions' },
      { spec: 'Pay Structure', sheet: 'Pay Structure (2)' },
      { spec: 'Merit Plan', sheet: 'Merit Plan' },
    ]);
    expect(await host.listSheets()).toEqual([
      { name: 'Employees', owned: false },
      { name: 'Pay Structure', owned: false },
      { name: 'Merit Plan', owned: true },
      { name: 'Summary', owned: false },
      { name: 'Assumptions', owned: false },
      { name: 'Pay Structure (2)', owned: true },
    ]);
    const bytes = host.toBytes();
    const merit = partText(bytes, sheetPartPath(bytes, 'Merit Plan'));
    expect(merit).toContain(`<f>INDEX('Pay Structure (2)'!$C$2:$C$3,1)</f>`);
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="Midpoints">'Pay Structure (2)'!$C$2:$C$3</definedName>`);
    // The update's MeritBudget replaces the user's; UserRate stays.
    expect(workbook.match(/name="MeritBudget"/g)).toHaveLength(1);
    expect(workbook).toContain('<definedName name="MeritBudget" comment="Merit budget, % of payroll">Assumptions!$B$2</definedName>');
    expect(workbook).toContain('<definedName name="UserRate">Employees!$D$3</definedName>');
    expect(workbook).toContain('<definedName name="LocalName" localSheetId="3">Summary!$A$1</definedName>');
    expect(workbook).toContain(`<definedName name="${OWNER_MARKER_NAME}" localSheetId="2" hidden="1">TRUE</definedName>`);
    expect(workbook).toContain(`<definedName name="${OWNER_MARKER_NAME}" localSheetId="5" hidden="1">TRUE</definedName>`);
    expect(workbook).toContain('<x15:workbookPr chartTrackingRefBase="1"/>');
    const tables = (await host.readSheets(['Merit Plan', 'Employees']));
    expect(tables.get('Merit Plan')?.tables).toEqual([{ name: 'MeritPlan', range: 'A1:E4' }]);
    expect(tables.get('Employees')?.tables).toEqual([{ name: 'EmployeesTable', range: 'B2:G6' }]);
  });

  it('moves sheet-scoped names with their sheets when an output goes away', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    await host.write({ sheets: [payStructure()], names: [] });
    const workbook = partText(host.toBytes(), 'xl/workbook.xml');
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['Employees', 'Pay Structure', 'Summary', 'Pay Structure (2)']);
    expect(workbook).toContain('<definedName name="LocalName" localSheetId="2">Summary!$A$1</definedName>');
    expect(workbook).not.toContain('_xlnm._FilterDatabase');
    // The user's active tab (Summary) stays active at its new position.
    expect(workbook).toContain('activeTab="2"');
  });

  it('extends styles.xml without moving existing indices', async () => {
    const original = buildUserWorkbook();
    const host = FileHost.fromBytes(original);
    await host.write(update());
    const before = partText(original, 'xl/styles.xml');
    const after = partText(host.toBytes(), 'xl/styles.xml');
    const xfs = (s: string): string[] => [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(s)?.[1] ?? '').matchAll(/<xf [^>]*?\/>|<xf [^>]*>.*?<\/xf>/g)].map((m) => m[0]);
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
    expect(after).toContain('<numFmt numFmtId="164" formatCode="&quot;€&quot;#,##0.00"/>');
    expect(after).toMatch(/<numFmt numFmtId="165" formatCode="0.0%"\/>/);
  });

  it('leaves the bytes unchanged when the write fails midway', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    const before = host.toBytes();
    const failing = { onProgress: (p: { stage: string }) => { if (p.stage === 'write Merit Plan') throw new Error('disk full'); } };
    await expect(host.write(update(), failing)).rejects.toThrow('disk full');
    expect(sameBytes(host.toBytes(), before)).toBe(true);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(['Employees', 'Pay Structure', 'Merit Plan', 'Summary']);
  });

  it('leaves the bytes unchanged when cancelled', async () => {
    const host = FileHost.fromBytes(buildUserWorkbook());
    const before = host.toBytes();
    const controller = new AbortController();
    const abortLate = { signal: controller.signal, onProgress: (p: { fraction: number }) => { if (p.fraction >= 0.9) controller.abort(); } };
    await expect(host.write(update(), abortLate)).rejects.toMatchObject({ code: 'cancelled' });
    expect(sameBytes(host.toBytes(), before)).toBe(true);
  });
});

describe('FileHost keeps the user package (workbook saved by LibreOffice)', () => {
  // test/fixtures/libreoffice-user.xlsx: the hand-built workbook above opened and saved by LibreOffice 7.4.
  const fixture = (): Uint8Array => new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/libreoffice-user.xlsx')));
  const owned = ['xl/worksheets/sheet3.xml', 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/tables/table2.xml', 'xl/drawings/drawing2.xml', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/charts/chart2.xml'];

  it('recognises the marker LibreOffice kept, replaces that sheet and keeps every other part', async () => {
    const original = fixture();
    const host = FileHost.fromBytes(original);
    expect(await host.listSheets()).toEqual([
      { name: 'Employees', owned: false },
      { name: 'Pay Structure', owned: false },
      { name: 'Merit Plan', owned: true },
      { name: 'Summary', owned: false },
    ]);
    const userBefore = await host.readSheets(USER_SHEETS);
    await host.write(update());
    const before = entriesOf(original);
    const after = entriesOf(host.toBytes());
    const untouched = Object.keys(before).filter((p) => !owned.includes(p) && !WORKBOOK_LEVEL_PARTS.includes(p));
    expect(untouched).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/charts/chart1.xml', 'xl/sharedStrings.xml']));
    for (const part of untouched) expect({ part, same: sameBytes(before[part], after[part]) }).toEqual({ part, same: true });
    const reread = FileHost.fromBytes(host.toBytes());
    expect(await reread.readSheets(USER_SHEETS)).toEqual(userBefore);
    expect((await reread.listSheets()).filter((s) => s.owned).map((s) => s.name)).toEqual(['Merit Plan', 'Pay Structure (2)']);
  });
});
