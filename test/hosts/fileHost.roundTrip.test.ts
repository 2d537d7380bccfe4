import { strToU8, zipSync } from 'fflate';
import { FileHost } from '../../src/hosts/file';
import { HostError, OWNER_MARKER_NAME } from '../../src/hosts/host';
import { entriesOf, fullUpdate, meritPlan, partText, payStructure, sheetPartPath } from './xlsxKit';

async function writtenWorkbook(): Promise<{ host: FileHost; bytes: Uint8Array }> {
  const host = FileHost.createEmpty();
  await host.write(fullUpdate());
  return { host, bytes: host.toBytes() };
}

describe('FileHost.createEmpty', () => {
  it('is a valid package with one placeholder sheet that the first write replaces', async () => {
    const empty = FileHost.createEmpty();
    expect(await empty.listSheets()).toEqual([{ name: 'Sheet1', owned: true }]);
    const reopened = FileHost.fromBytes(empty.toBytes());
    expect(await reopened.listSheets()).toEqual([{ name: 'Sheet1', owned: true }]);
    const report = await reopened.write(fullUpdate());
    expect(report.notes).toContain(`Removed the add-in's previous sheet "Sheet1".`);
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(['Assumptions', 'Pay Structure', 'Merit Plan']);
  });

  it('refuses a write that would leave no sheet', async () => {
    await expect(FileHost.createEmpty().write({ sheets: [], names: [] })).rejects.toMatchObject({ code: 'empty-workbook' });
  });
});

describe('FileHost round trip', () => {
  it('reads back exactly the values it wrote, formulas by their cached values', async () => {
    const { bytes } = await writtenWorkbook();
    const host = FileHost.fromBytes(bytes);
    expect(await host.listSheets()).toEqual([
      { name: 'Assumptions', owned: false },
      { name: 'Pay Structure', owned: true },
      { name: 'Merit Plan', owned: true },
    ]);
    const grids = await host.readSheets(['Pay Structure', 'Merit Plan', 'Assumptions']);
    expect(grids.get('Pay Structure')).toEqual({
      sheet: 'Pay Structure',
      top: 1,
      left: 1,
      rows: [
        ['Grade', 'Minimum', 'Midpoint', 'Maximum', 'Spread'],
        [1, 40000, 50000, 60000, 0.5],
        [2, 48000, 60000, 72000, 0.5],
      ],
      tables: [{ name: 'PayStructure', range: 'A1:E3' }],
      hiddenColumns: [5],
    });
    expect(grids.get('Merit Plan')?.rows).toEqual([
      ['Employee ID', 'Name', 'Midpoint', 'Status', 'Eligible'],
      ['E001', '=HYPERLINK("http://evil")', 50000, 'OK', true],
      ['E002', '+1+1', 'Midpoint', '@SUM(A1)', false],
      ['-2', '  padded  ', null, 'Tom & Jerry <x>', true],
    ]);
    expect(grids.get('Assumptions')?.rows).toEqual([
      ['Parameter', 'Value'],
      ['Merit Budget', 0.035],
    ]);
  });

  it('writes text as inline strings and only FormulaCells as <f>', async () => {
    const { bytes } = await writtenWorkbook();
    const xml = partText(bytes, sheetPartPath(bytes, 'Merit Plan'));
    expect(xml).toContain('<c r="B2" t="inlineStr"><is><t>=HYPERLINK("http://evil")</t></is></c>');
    expect(xml).toContain('<c r="A4" t="inlineStr"><is><t>-2</t></is></c>');
    expect(xml).toContain('<c r="B4" t="inlineStr"><is><t xml:space="preserve">  padded  </t></is></c>');
    expect(xml).toContain('<c r="D4" t="inlineStr"><is><t>Tom &amp; Jerry &lt;x&gt;</t></is></c>');
    expect(xml).toContain(`<c r="C2"><f>INDEX('Pay Structure'!$C$2:$C$3,1)</f><v>50000</v></c>`);
    expect(xml).toContain('<c r="D2" t="str"><f>IF(C2&gt;0,"OK","Fail")</f><v>OK</v></c>');
    expect(xml).toContain('<c r="E2" t="b"><f>C2&gt;0</f><v>1</v></c>');
    expect(xml.match(/<f>/g)).toHaveLength(4);
  });

  it('strips characters XML cannot carry and protects _xHHHH_ look-alikes', async () => {
    const host = FileHost.createEmpty();
    await host.write({ sheets: [{ name: 'Odd', role: 'output', cells: [['bell\u0007 here', 'keep _x0041_ literal', 'emoji 😀 ok', 'line\nbreak']] }], names: [] });
    const grid = (await FileHost.fromBytes(host.toBytes()).readSheets(['Odd'])).get('Odd');
    expect(grid?.rows).toEqual([['bell here', 'keep _x0041_ literal', 'emoji 😀 ok', 'line\nbreak']]);
  });

  it('marks outputs with a hidden sheet-scoped name and writes the update names', async () => {
    const { bytes } = await writtenWorkbook();
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="${OWNER_MARKER_NAME}" localSheetId="1" hidden="1">TRUE</definedName>`);
    expect(workbook).toContain(`<definedName name="${OWNER_MARKER_NAME}" localSheetId="2" hidden="1">TRUE</definedName>`);
    expect(workbook).not.toContain('localSheetId="0"');
    expect(workbook).toContain('<definedName name="MeritBudget" comment="Merit budget, % of payroll">Assumptions!$B$2</definedName>');
    expect(workbook).toContain(`<definedName name="Midpoints">'Pay Structure'!$C$2:$C$3</definedName>`);
    expect(workbook).toContain('fullCalcOnLoad="1"');
  });

  it('writes tables with unique ids and names whose columns are the header cells', async () => {
    const { bytes } = await writtenWorkbook();
    const tables = Object.keys(entriesOf(bytes)).filter((p) => p.startsWith('xl/tables/'));
    expect(tables).toHaveLength(2);
    const xml = tables.map((p) => partText(bytes, p));
    const ids = xml.map((t) => /<table [^>]*id="(\d+)"/.exec(t)?.[1]);
    expect(new Set(ids).size).toBe(2);
    const pay = xml.find((t) => t.includes('name="PayStructure"')) as string;
    expect(pay).toContain('ref="A1:E3"');
    expect(pay).toContain('<autoFilter ref="A1:E3"/>');
    expect([...pay.matchAll(/<tableColumn id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Grade', 'Minimum', 'Midpoint', 'Maximum', 'Spread']);
    expect(partText(bytes, '[Content_Types].xml')).toContain('ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"');
  });

  it('writes number formats, frozen panes, column widths, conditional formats and charts', async () => {
    const { bytes } = await writtenWorkbook();
    const pay = partText(bytes, sheetPartPath(bytes, 'Pay Structure'));
    expect(pay).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(pay).toContain('<col min="5" max="5" width="9" customWidth="1" hidden="1"/>');
    const styles = partText(bytes, 'xl/styles.xml');
    const percentId = /<numFmt numFmtId="(\d+)" formatCode="0.0%"\/>/.exec(styles)?.[1];
    expect(Number(percentId)).toBeGreaterThanOrEqual(164);
    const xfs = [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    const spreadStyle = /<c r="E2" s="(\d+)">/.exec(pay)?.[1];
    expect(xfs[Number(spreadStyle)]).toBe(percentId);
    expect(xfs[Number(/<c r="B2" s="(\d+)">/.exec(pay)?.[1])]).toBe('3');

    const merit = partText(bytes, sheetPartPath(bytes, 'Merit Plan'));
    expect(merit).toContain('<cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Fail"><formula>NOT(ISERROR(SEARCH("Fail",D2)))</formula></cfRule>');
    expect(merit).toContain('<cfRule type="cellIs" dxfId="1" priority="2" operator="greaterThan"><formula>55000</formula></cfRule>');
    expect(merit).toContain('<color rgb="FFF8696B"/><color rgb="FF63BE7B"/>');
    expect(styles).toContain('<dxfs count="2">');
    const parts = Object.keys(entriesOf(bytes));
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    expect(parts.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
    const chart = partText(bytes, parts.find((p) => p.startsWith('xl/charts/')) as string);
    expect(chart).toContain(`<c:f>'Merit Plan'!$C$2:$C$3</c:f>`);
    expect(chart).toContain('<c:pt idx="0"><c:v>50000</c:v></c:pt>');
  });

  it('gives the same workbook when the same update is written twice', async () => {
    const { host, bytes: first } = await writtenWorkbook();
    await host.write(fullUpdate());
    const second = host.toBytes();
    expect(await FileHost.fromBytes(second).listSheets()).toEqual(await FileHost.fromBytes(first).listSheets());
    expect(Object.keys(entriesOf(second)).sort()).toEqual(Object.keys(entriesOf(first)).sort());
    expect(partText(second, 'xl/styles.xml')).toBe(partText(first, 'xl/styles.xml'));
    expect(partText(second, 'xl/workbook.xml').match(new RegExp(OWNER_MARKER_NAME, 'g'))).toHaveLength(2);
  });

  it('leaves an existing input sheet alone and reports it', async () => {
    const { host } = await writtenWorkbook();
    const before = await host.readSheets(['Assumptions']);
    const report = await host.write({
      sheets: [{ name: 'Assumptions', role: 'input', cells: [['changed']] }, payStructure()],
      names: [],
    });
    expect(report.keptInputs).toEqual(['Assumptions']);
    expect(await host.readSheets(['Assumptions'])).toEqual(before);
    expect(report.notes).toContain(`Removed the add-in's previous sheet "Merit Plan".`);
  });

  it('gives a header-only table the empty body row Excel requires', async () => {
    const host = FileHost.createEmpty();
    await host.write({ sheets: [{ name: 'Empty', role: 'output', cells: [['Grade', 'Midpoint']], tables: [{ name: 'NoRows', range: 'A1:B1' }] }], names: [] });
    const grid = (await FileHost.fromBytes(host.toBytes()).readSheets(['Empty'])).get('Empty');
    expect(grid?.tables).toEqual([{ name: 'NoRows', range: 'A1:B2' }]);
  });

  it('refuses an invalid update with a HostError and keeps the bytes', async () => {
    const { host, bytes } = await writtenWorkbook();
    const bad = { ...meritPlan(), name: 'Merit: Plan' };
    await expect(host.write({ sheets: [bad], names: [] })).rejects.toBeInstanceOf(HostError);
    expect(host.toBytes()).toEqual(bytes);
  });

  it('adds a stylesheet, names and calcPr to a bare package that has none', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bare = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${main}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" rel:id="s"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>'),
      'xl/worksheets/data.xml': strToU8(`<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`),
    });
    const host = FileHost.fromBytes(bare);
    await host.write({ sheets: [payStructure()], names: [{ name: 'Midpoints', ref: "'Pay Structure'!$C$2:$C$3" }] });
    const bytes = host.toBytes();
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet name="Pay Structure" sheetId="2" rel:id="rId\d+"\/><\/sheets><definedNames>.*<\/definedNames><calcPr fullCalcOnLoad="1"\/><\/workbook>$/);
    expect(partText(bytes, 'xl/styles.xml')).toContain('formatCode="0.0%"');
    expect(partText(bytes, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    const reread = FileHost.fromBytes(bytes);
    expect((await reread.readSheets(['Data', 'Pay Structure'])).get('Pay Structure')?.rows[1]).toEqual([1, 40000, 50000, 60000, 0.5]);
  });

  it('rejects bytes that are not a workbook', () => {
    expect(() => FileHost.fromBytes(new TextEncoder().encode('plain text'))).toThrow(expect.objectContaining({ code: 'not-xlsx' }));
    expect(() => FileHost.fromBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(expect.objectContaining({ code: 'not-xlsx' }));
  });
});
