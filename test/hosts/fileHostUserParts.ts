/**
 * A client's workbook holding one of each kind of thing a user makes in Excel, written part by part
 * so the tests know every byte: cell styles, data validation, defined names, legacy and threaded
 * comments, a picture, a chart (with its style and colour parts), a pivot table with its cache, and
 * optionally macros (.xlsm). The input sheets come from the seeded sample workbook, so the whole
 * pipeline runs on it; the user's additions are grafted on as Excel would store them
 * (ECMA-376 Part 1, 5th ed.: §18.3.1.32 dataValidations, §18.7 comments, §18.10 pivot tables,
 * §20.5 DrawingML spreadsheet drawings, §21.2 charts; [MS-XLSX] 2.1 for threaded comments and persons).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FileHost } from '../../src/hosts/file';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';

export type Parts = Record<string, Uint8Array>;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const REL_TYPE = {
  worksheet: `${R}/worksheet`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  drawing: `${R}/drawing`,
  image: `${R}/image`,
  chart: `${R}/chart`,
  chartStyle: 'http://schemas.microsoft.com/office/2011/relationships/chartStyle',
  chartColors: 'http://schemas.microsoft.com/office/2011/relationships/chartColorStyle',
  pivotCacheDefinition: `${R}/pivotCacheDefinition`,
  pivotCacheRecords: `${R}/pivotCacheRecords`,
  pivotTable: `${R}/pivotTable`,
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  person: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
  vbaProject: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
};

export const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  chartStyle: 'application/vnd.ms-office.chartstyle+xml',
  chartColors: 'application/vnd.ms-office.chartcolorstyle+xml',
  png: 'image/png',
  pivotCacheDefinition: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  pivotCacheRecords: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  pivotTable: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  threadedComments: 'application/vnd.ms-excel.threadedcomments+xml',
  person: 'application/vnd.ms-excel.person+xml',
  vbaProject: 'application/vnd.ms-office.vbaProject',
};

// ——— package editing ———

export const text = (parts: Parts, path: string): string => {
  const bytes = parts[path];
  if (!bytes) throw new Error(`no part ${path}`);
  return strFromU8(bytes);
};
const put = (parts: Parts, path: string, content: string | Uint8Array): void => {
  parts[path] = typeof content === 'string' ? strToU8(content) : content;
};

export const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Add a relationship from `source` (creating its rels part if needed); returns the new id. */
export function addRel(parts: Parts, source: string, type: string, target: string): string {
  const relsPath = relsPathOf(source);
  const existing = parts[relsPath] ? text(parts, relsPath) : `${DECL}<Relationships xmlns="${PKG_R}"></Relationships>`;
  const used = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  put(parts, relsPath, existing.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

export function addOverride(parts: Parts, part: string, type: string): void {
  put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

export function addDefault(parts: Parts, extension: string, type: string): void {
  const types = text(parts, '[Content_Types].xml');
  if (types.includes(`Extension="${extension}"`)) return;
  put(parts, '[Content_Types].xml', types.replace(/(<Types[^>]*>)/, `$1<Default Extension="${extension}" ContentType="${type}"/>`));
}

/** The worksheet part of a sheet, following workbook.xml and its rels. */
export function sheetPath(parts: Parts, name: string): string {
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const escaped = name.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const relId = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!relId || !target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

// CT_Worksheet's children after sheetData, in schema order (§18.3.1.99).
const AFTER_SHEET_DATA = [
  'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews',
  'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Insert an element into a worksheet where the schema puts it. */
export function insertIntoSheet(parts: Parts, path: string, element: string): void {
  const tag = /^<([A-Za-z]+)/.exec(element)?.[1] as string;
  const xml = text(parts, path);
  const later = AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(tag) + 1);
  const at = Math.min(...later.map((t) => xml.indexOf(`<${t}`)).filter((i) => i >= 0), xml.lastIndexOf('</worksheet>'));
  put(parts, path, xml.slice(0, at) + element + xml.slice(at));
}

/** Add a user sheet at the end of the tab order; returns its part path. */
export function addSheet(parts: Parts, name: string, xml: string, attributes = ''): string {
  let n = 1;
  while (parts[`xl/worksheets/sheet${n}.xml`]) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  put(parts, path, xml);
  addOverride(parts, path, TYPE.worksheet);
  const relId = addRel(parts, 'xl/workbook.xml', REL_TYPE.worksheet, `worksheets/sheet${n}.xml`);
  const workbook = text(parts, 'xl/workbook.xml');
  const sheetId = Math.max(...[...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  put(parts, 'xl/workbook.xml', workbook.replace('</sheets>', `<sheet name="${name}" sheetId="${sheetId}"${attributes} r:id="${relId}"/></sheets>`));
  return path;
}

/** Tab index of a sheet. */
export const tabIndex = (workbookXml: string, name: string): number =>
  [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]).indexOf(name);

/** Insert into workbook.xml, before the first of `before` present (else before </workbook>). */
function insertIntoWorkbook(parts: Parts, element: string, before: string[]): void {
  const xml = text(parts, 'xl/workbook.xml');
  const at = Math.min(...before.map((t) => xml.indexOf(`<${t}`)).filter((i) => i >= 0), xml.lastIndexOf('</workbook>'));
  put(parts, 'xl/workbook.xml', xml.slice(0, at) + element + xml.slice(at));
}

export const zipParts = (parts: Parts): Uint8Array => zipSync(parts, { mtime: new Date(Date.UTC(2024, 0, 1)) });

// ——— the user's additions ———

/** A 1×1 PNG (PNG spec §5: signature, IHDR, IDAT, IEND), bytes as written by a paint program. */
export const PNG_1X1 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** Stand-in for a VBA project (an OLE compound file: it starts with the OLE signature). */
export const VBA_PROJECT = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 504 }, (_, i) => (i * 37) % 256)]);

export type Kind = 'styles' | 'dataValidation' | 'definedNames' | 'comments' | 'threadedComments' | 'image' | 'chart' | 'pivotTable' | 'macros';

export interface UserWorkbook {
  bytes: Uint8Array;
  /** The parts each kind of thing lives in, which must come through byte for byte. */
  partsOf: Record<Kind, string[]>;
  /** The user's defined names: name, sheet scope (by sheet name) and formula. */
  names: { name: string; scope?: string; formula: string }[];
}

/** The seeded sample workbook (input sheets only) as parts. */
export async function samplePackage(employees = 120, seed = 7): Promise<Parts> {
  const host = FileHost.createEmpty();
  await host.write(sampleUpdate({ employees, seed }));
  return unzipSync(host.toBytes());
}

/** The sample workbook with one of each kind of user-made thing; `macros` makes it an .xlsm. */
export async function userWorkbook(options: { macros?: boolean } = {}): Promise<UserWorkbook> {
  const parts = await samplePackage();
  const employees = sheetPath(parts, 'Employees');

  // Styles: a custom number format, font, fill, border, cell format and named cell style, and a differential format.
  const styles = text(parts, 'xl/styles.xml')
    .replace(/<numFmts count="(\d+)">(.*?)<\/numFmts>/, (_, n, body) => `<numFmts count="${Number(n) + 1}">${body}<numFmt numFmtId="200" formatCode="0.000&quot; pts&quot;"/></numFmts>`)
    .replace(/<fonts count="(\d+)">(.*?)<\/fonts>/, (_, n, body) => `<fonts count="${Number(n) + 1}">${body}<font><b/><i/><sz val="13"/><color rgb="FFC00000"/><name val="Georgia"/></font></fonts>`)
    .replace(/<fills count="(\d+)">(.*?)<\/fills>/, (_, n, body) => `<fills count="${Number(n) + 1}">${body}<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill></fills>`)
    .replace(/<borders count="(\d+)">(.*?)<\/borders>/, (_, n, body) => `<borders count="${Number(n) + 1}">${body}<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top/><bottom style="double"><color rgb="FF000000"/></bottom><diagonal/></border></borders>`);
  const count = (tag: string): number => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(styles)?.[1]);
  const userXf = count('cellXfs');
  const withXf = styles
    .replace(/<cellStyleXfs count="(\d+)">(.*?)<\/cellStyleXfs>/, (_, n, body) => `<cellStyleXfs count="${Number(n) + 1}">${body}<xf numFmtId="0" fontId="${count('fonts') - 1}" fillId="${count('fills') - 1}" borderId="0"/></cellStyleXfs>`)
    .replace(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/, (_, n, body) =>
      `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="200" fontId="${count('fonts') - 1}" fillId="${count('fills') - 1}" borderId="${count('borders') - 1}" xfId="${count('cellStyleXfs')}" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs>`)
    .replace(/<cellStyles count="(\d+)">(.*?)<\/cellStyles>/, (_, n, body) => `<cellStyles count="${Number(n) + 1}">${body}<cellStyle name="Client Highlight" xfId="${count('cellStyleXfs')}"/></cellStyles>`)
    .replace(/<dxfs count="(\d+)"\/>|<dxfs count="(\d+)">(.*?)<\/dxfs>/, (_, a, b, body) => `<dxfs count="${Number(a ?? b) + 1}">${body ?? ''}<dxf><font><b/><color rgb="FF006100"/></font></dxf></dxfs>`);
  if (!withXf.includes('Client Highlight') || !withXf.includes('numFmtId="200"')) throw new Error('the sample stylesheet changed shape; update the fixture');
  put(parts, 'xl/styles.xml', withXf);
  const userDxf = Number(/<dxfs count="(\d+)"/.exec(withXf)?.[1]) - 1;

  // A user sheet "Notes": styled cells, a conditional format, data validation, a picture and a chart.
  const notes = addSheet(
    parts,
    'Notes',
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr codeName="Sheet9"/><dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>` +
      `<row r="1"><c r="A1" s="${userXf}" t="inlineStr"><is><t>Review points</t></is></c><c r="B1" s="${userXf}"><v>12.5</v></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Status</t></is></c><c r="B2" t="inlineStr"><is><t>Open</t></is></c><c r="C2"><f>B4+B5</f><v>300</v></c></row>` +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Item</t></is></c><c r="B3" t="inlineStr"><is><t>Amount</t></is></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>Budget</t></is></c><c r="B4"><v>100</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Reserve</t></is></c><c r="B5"><v>200</v></c></row></sheetData>' +
      `<conditionalFormatting sqref="B4:B5"><cfRule type="cellIs" dxfId="${userDxf}" priority="1" operator="greaterThan"><formula>150</formula></cfRule></conditionalFormatting>` +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Status" error="Pick Open or Closed" sqref="B2"><formula1>"Open,Closed"</formula1></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );

  // Data validation on an input sheet too (the add-in reads it, never writes it).
  insertIntoSheet(
    parts,
    employees,
    '<dataValidations count="2"><dataValidation type="decimal" operator="greaterThan" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="Salary" prompt="Annual base salary" sqref="F2:F121"><formula1>0</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C121"><formula1>DepartmentList</formula1></dataValidation></dataValidations>',
  );

  // Legacy comments (a note on Employees!B2) and a threaded comment on B3.
  addDefault(parts, 'vml', TYPE.vml);
  put(
    parts,
    'xl/comments1.xml',
    `${DECL}<comments xmlns="${MAIN}"><authors><author>HR Lead</author><author>tc={6B1F7C57-39A0-4C9B-9E0B-6E0A6C3F0E11}</author></authors><commentList>` +
      '<comment ref="B2" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>HR Lead:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nCheck the grade of this hire.</t></r></text></comment>' +
      '<comment ref="B3" authorId="1" shapeId="0"><text><t>[Threaded comment] Confirmed with payroll.</t></text></comment></commentList></comments>',
  );
  addOverride(parts, 'xl/comments1.xml', TYPE.comments);
  put(
    parts,
    'xl/drawings/vmlDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
      ' <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\r\n' +
      ['1', '2'].map((row) => ` <v:shape id="_x0000_s102${row}" type="#_x0000_t202" style="position:absolute;margin-left:160pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${row};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox style="mso-direction-alt:auto"/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>\r\n`).join('') +
      '</xml>',
  );
  put(
    parts,
    'xl/threadedComments/threadedComment1.xml',
    `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
      '<threadedComment ref="B3" dT="2024-03-01T09:30:00.00" personId="{5A8C3E1B-2D4F-4E6A-9B7C-1D2E3F4A5B6C}" id="{6B1F7C57-39A0-4C9B-9E0B-6E0A6C3F0E11}"><text>Confirmed with payroll.</text></threadedComment></ThreadedComments>',
  );
  addOverride(parts, 'xl/threadedComments/threadedComment1.xml', TYPE.threadedComments);
  put(
    parts,
    'xl/persons/person.xml',
    `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Dana Reviewer" id="{5A8C3E1B-2D4F-4E6A-9B7C-1D2E3F4A5B6C}" userId="dana@example.com" providerId="None"/></personList>`,
  );
  addOverride(parts, 'xl/persons/person.xml', TYPE.person);
  addRel(parts, 'xl/workbook.xml', REL_TYPE.person, 'persons/person.xml');
  addRel(parts, employees, REL_TYPE.comments, '../comments1.xml');
  addRel(parts, employees, REL_TYPE.threadedComment, '../threadedComments/threadedComment1.xml');
  const vmlId = addRel(parts, employees, REL_TYPE.vmlDrawing, '../drawings/vmlDrawing1.vml');
  insertIntoSheet(parts, employees, `<legacyDrawing r:id="${vmlId}"/>`);

  // A picture and a chart on the Notes sheet, in one drawing; the chart has Excel 2013's style and colour parts.
  addDefault(parts, 'png', TYPE.png);
  put(parts, 'xl/media/image1.png', PNG_1X1);
  put(
    parts,
    'xl/charts/chart1.xml',
    `${DECL}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
      '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Budget vs reserve</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
      '<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Notes!$A$4:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Notes!$B$4:$B$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>100</c:v></c:pt><c:pt idx="1"><c:v>200</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:firstSliceAng val="0"/></c:pieChart>' +
      '</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  );
  addOverride(parts, 'xl/charts/chart1.xml', TYPE.chart);
  put(parts, 'xl/charts/style1.xml', `${DECL}<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="${A}" id="251"><cs:axisTitle><cs:lnRef idx="0"/><cs:fillRef idx="0"/><cs:effectRef idx="0"/><cs:fontRef idx="minor"/></cs:axisTitle></cs:chartStyle>`);
  addOverride(parts, 'xl/charts/style1.xml', TYPE.chartStyle);
  put(parts, 'xl/charts/colors1.xml', `${DECL}<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="${A}" meth="cycle" id="10"><a:schemeClr val="accent1"/><a:schemeClr val="accent2"/></cs:colorStyle>`);
  addOverride(parts, 'xl/charts/colors1.xml', TYPE.chartColors);
  addRel(parts, 'xl/charts/chart1.xml', REL_TYPE.chartStyle, 'style1.xml');
  addRel(parts, 'xl/charts/chart1.xml', REL_TYPE.chartColors, 'colors1.xml');
  const imageRel = addRel(parts, 'xl/drawings/drawing1.xml', REL_TYPE.image, '../media/image1.png');
  const chartRel = addRel(parts, 'xl/drawings/drawing1.xml', REL_TYPE.chart, '../charts/chart1.xml');
  const anchor = (from: [number, number], to: [number, number], body: string): string =>
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  put(
    parts,
    'xl/drawings/drawing1.xml',
    `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">` +
      anchor([4, 0], [5, 2], `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Company logo" descr="logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="${imageRel}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="609600" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`) +
      anchor([4, 4], [10, 18], `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Budget chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRel}"/></a:graphicData></a:graphic></xdr:graphicFrame>`) +
      '</xdr:wsDr>',
  );
  addOverride(parts, 'xl/drawings/drawing1.xml', TYPE.drawing);
  insertIntoSheet(parts, notes, `<drawing r:id="${addRel(parts, notes, REL_TYPE.drawing, '../drawings/drawing1.xml')}"/>`);

  // A pivot table on its own sheet, over a range of the Notes sheet, with its cache (definition + records).
  put(
    parts,
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `${DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="HR Lead" refreshedDate="45352.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="2">` +
      '<cacheSource type="worksheet"><worksheetSource ref="A3:B5" sheet="Notes"/></cacheSource><cacheFields count="2">' +
      '<cacheField name="Item" numFmtId="0"><sharedItems count="2"><s v="Budget"/><s v="Reserve"/></sharedItems></cacheField>' +
      '<cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="100" maxValue="200"/></cacheField></cacheFields></pivotCacheDefinition>',
  );
  put(parts, 'xl/pivotCache/pivotCacheRecords1.xml', `${DECL}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><n v="100"/></r><r><x v="1"/><n v="200"/></r></pivotCacheRecords>`);
  addOverride(parts, 'xl/pivotCache/pivotCacheDefinition1.xml', TYPE.pivotCacheDefinition);
  addOverride(parts, 'xl/pivotCache/pivotCacheRecords1.xml', TYPE.pivotCacheRecords);
  addRel(parts, 'xl/pivotCache/pivotCacheDefinition1.xml', REL_TYPE.pivotCacheRecords, 'pivotCacheRecords1.xml');
  const cacheRel = addRel(parts, 'xl/workbook.xml', REL_TYPE.pivotCacheDefinition, 'pivotCache/pivotCacheDefinition1.xml');
  insertIntoWorkbook(parts, `<pivotCaches><pivotCache cacheId="7" r:id="${cacheRel}"/></pivotCaches>`, ['smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);
  put(
    parts,
    'xl/pivotTables/pivotTable1.xml',
    `${DECL}<pivotTableDefinition xmlns="${MAIN}" name="ReservePivot" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
      '<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
      '<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
      '<dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>',
  );
  addOverride(parts, 'xl/pivotTables/pivotTable1.xml', TYPE.pivotTable);
  addRel(parts, 'xl/pivotTables/pivotTable1.xml', REL_TYPE.pivotCacheDefinition, '../pivotCache/pivotCacheDefinition1.xml');
  const pivotSheet = addSheet(
    parts,
    'Reserve Pivot',
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A3:B6"/><sheetData>` +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Row Labels</t></is></c><c r="B3" t="inlineStr"><is><t>Sum of Amount</t></is></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>Budget</t></is></c><c r="B4"><v>100</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Reserve</t></is></c><c r="B5"><v>200</v></c></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>Grand Total</t></is></c><c r="B6"><v>300</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  addRel(parts, pivotSheet, REL_TYPE.pivotTable, '../pivotTables/pivotTable1.xml');

  // Defined names: workbook-level (one over an input sheet, one a constant list), sheet-scoped, a print area; and the workbook's extLst.
  const workbookXml = text(parts, 'xl/workbook.xml');
  const names = [
    { name: 'DepartmentList', formula: '"Engineering,Finance,Sales"' },
    { name: 'UserPayroll', formula: 'SUM(Employees!$F$2:$F$121)' },
    { name: 'ReviewPoints', scope: 'Notes', formula: 'Notes!$B$1' },
    { name: '_xlnm.Print_Area', scope: 'Employees', formula: 'Employees!$A$1:$O$121' },
  ];
  const nameXml = names
    .map((n) => `<definedName name="${n.name}"${n.scope ? ` localSheetId="${tabIndex(workbookXml, n.scope)}"` : ''}>${n.formula.replace(/"/g, '&quot;')}</definedName>`)
    .join('');
  put(parts, 'xl/workbook.xml', workbookXml.replace('<definedNames>', `<definedNames>${nameXml}`));
  put(
    parts,
    'xl/workbook.xml',
    text(parts, 'xl/workbook.xml')
      .replace('<workbook ', '<workbook xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" ')
      .replace('</workbook>', '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'),
  );

  // Macros: the VBA project, the macro-enabled workbook content type and the workbook's code name.
  if (options.macros) {
    put(parts, 'xl/vbaProject.bin', VBA_PROJECT);
    addDefault(parts, 'bin', TYPE.vbaProject);
    addRel(parts, 'xl/workbook.xml', REL_TYPE.vbaProject, 'vbaProject.bin');
    put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace(`PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"`, `PartName="/xl/workbook.xml" ContentType="${TYPE.macroWorkbook}"`));
    put(parts, 'xl/workbook.xml', text(parts, 'xl/workbook.xml').replace('<bookViews>', '<workbookPr codeName="ThisWorkbook"/><bookViews>'));
  }

  return {
    bytes: zipParts(parts),
    partsOf: {
      styles: [notes],
      dataValidation: [employees, notes],
      definedNames: [],
      comments: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', employees, relsPathOf(employees)],
      threadedComments: ['xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/comments1.xml'],
      image: ['xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', notes, relsPathOf(notes)],
      chart: ['xl/charts/chart1.xml', 'xl/charts/_rels/chart1.xml.rels', 'xl/charts/style1.xml', 'xl/charts/colors1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels'],
      pivotTable: [
        'xl/pivotCache/pivotCacheDefinition1.xml',
        'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
        'xl/pivotCache/pivotCacheRecords1.xml',
        'xl/pivotTables/pivotTable1.xml',
        'xl/pivotTables/_rels/pivotTable1.xml.rels',
        pivotSheet,
        relsPathOf(pivotSheet),
      ],
      macros: options.macros ? ['xl/vbaProject.bin'] : [],
    },
    names,
  };
}
