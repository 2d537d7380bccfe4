/**
 * Issue 8 item 5: `salary-structure run` never writes over its input, and its output keeps every
 * thing the user made in the workbook — one test per kind of thing, each through the command line
 * on a real file. "Kept" means: every part that holds it comes out byte for byte (even as the same
 * zip entry: compressed bytes and CRC), its relationships still resolve, its content type is still
 * declared, and the workbook.xml elements that point at it survive.
 */
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { FileHost } from '../../src/hosts/file';
import { readZip } from '../../src/hosts/file/zipFormat';
import { runPipeline } from '../../src/run/pipeline';
import { addDefault, addOverride, addRel, insertIntoSheet, relsPathOf, sheetPath, tabIndex, text, TYPE, userWorkbook, zipParts, type Kind, type UserWorkbook } from './fileHostUserParts';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

/** The zip entry of a part, as stored: compressed bytes, CRC, method. */
const rawEntry = (zip: Uint8Array, part: string) => {
  const e = readZip(zip).find((x) => x.name === part);
  return e && { method: e.method, crc: e.crc, size: e.size, data: Buffer.from(e.data).toString('base64') };
};

/** A part's text in a package, or '' when absent. */
const partOf = (zip: Uint8Array, part: string): string => {
  const bytes = unzipSync(zip, { filter: (f) => f.name === part })[part];
  return bytes ? strFromU8(bytes) : '';
};

/** The internal relationships of every rels part whose target is missing from the package. */
function danglingRelationships(zip: Uint8Array): string[] {
  const parts = unzipSync(zip);
  const names = new Set(Object.keys(parts).map((p) => p.toLowerCase()));
  const dangling: string[] = [];
  for (const relsPath of Object.keys(parts).filter((p) => p.endsWith('.rels'))) {
    const source = relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2'); // `_rels/.rels` is the package's own
    const base = source.split('/').slice(0, -1);
    for (const m of strFromU8(parts[relsPath]).matchAll(/<Relationship ([^>]*)\/>/g)) {
      if (/TargetMode="External"/.test(m[1])) continue;
      const target = /Target="([^"]+)"/.exec(m[1])?.[1] ?? '';
      const segments = target.startsWith('/') ? [] : [...base];
      for (const s of target.replace(/^\//, '').split('/')) {
        if (s === '..') segments.pop();
        else if (s !== '.') segments.push(s);
      }
      if (!names.has(segments.join('/').toLowerCase())) dangling.push(`${relsPath} → ${target}`);
    }
  }
  return dangling;
}

/** Every part has a content type, and every override names a part that exists. */
function contentTypeProblems(zip: Uint8Array): string[] {
  const parts = Object.keys(unzipSync(zip));
  const types = partOf(zip, '[Content_Types].xml');
  const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  return [
    ...parts.filter((p) => p !== '[Content_Types].xml' && !overrides.includes(p.toLowerCase()) && !defaults.includes(p.split('.').pop()!.toLowerCase())).map((p) => `untyped ${p}`),
    ...overrides.filter((o) => !parts.some((p) => p.toLowerCase() === o)).map((o) => `override without part ${o}`),
  ];
}

/** `<definedName>`s of a workbook.xml with their scope as a sheet name. */
function definedNames(workbookXml: string): { name: string; scope?: string; formula: string }[] {
  const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return [...workbookXml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const local = /localSheetId="(\d+)"/.exec(m[1])?.[1];
    const formula = m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    return { name: /name="([^"]+)"/.exec(m[1])?.[1] ?? '', ...(local !== undefined ? { scope: sheets[Number(local)] } : {}), formula };
  });
}

/** The type a package declares for a part (override first, then its extension's default). */
function contentTypeOf(zip: Uint8Array, part: string): string | undefined {
  const types = partOf(zip, '[Content_Types].xml');
  const override = new RegExp(`PartName="/${part.replace(/[.[\]]/g, '\\$&')}" ContentType="([^"]+)"`).exec(types)?.[1];
  return override ?? new RegExp(`Extension="${part.split('.').pop()}" ContentType="([^"]+)"`).exec(types)?.[1];
}

/** The relationship of a part that points at `target` (as written), resolved from the package. */
const relTo = (zip: Uint8Array, source: string, target: string): RegExpExecArray | null =>
  new RegExp(`<Relationship Id="([^"]+)" Type="([^"]+)" Target="${target.replace(/[.]/g, '\\.')}"/>`).exec(partOf(zip, relsPathOf(source)));

describe('salary-structure run keeps everything the user made in the workbook', () => {
  let dir: string;
  let fixture: UserWorkbook;
  let input: string;
  let output: string;
  let out: Uint8Array;
  let runOutput: string;
  const userSheets = ['Jobs', 'Market', 'Employees', 'Appraisal', 'Factor Plan', 'Job Evaluation', 'Assumptions', 'Notes', 'Reserve Pivot'];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-parts-'));
    fixture = await userWorkbook();
    input = path.join(dir, 'client.xlsx');
    output = path.join(dir, 'client-out.xlsx');
    fs.writeFileSync(input, fixture.bytes);
    const r = await cli(['run', input, '-o', output]);
    runOutput = r.out + r.err;
    expect(r.code).toBe(0);
    out = read(output);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ran the whole pipeline, wrote the output sheets and never touched the input file', async () => {
    expect(runOutput).toContain(`Wrote ${output}`);
    expect(same(read(input), fixture.bytes)).toBe(true);
    const sheets = (await FileHost.fromBytes(out).listSheets()).map((s) => s.name);
    expect(sheets.slice(0, userSheets.length)).toEqual(userSheets);
    expect(sheets).toEqual(expect.arrayContaining(['Pay Structure', 'Merit Plan', 'Market Analysis']));
  });

  it('leaves every user sheet reading exactly as before, and every relationship and content type whole', async () => {
    const before = await FileHost.fromBytes(fixture.bytes).readSheets(userSheets);
    expect(await FileHost.fromBytes(out).readSheets(userSheets)).toEqual(before);
    expect(danglingRelationships(out)).toEqual([]);
    expect(contentTypeProblems(out)).toEqual([]);
  });

  it('carries every part it did not have to change as the very same zip entry', () => {
    const rewritten = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];
    const kept = readZip(fixture.bytes).map((e) => e.name).filter((p) => !rewritten.includes(p));
    expect(kept.length).toBeGreaterThan(30);
    for (const part of kept) expect({ part, entry: rawEntry(out, part) }).toEqual({ part, entry: rawEntry(fixture.bytes, part) });
  });

  const KINDS: Kind[] = ['styles', 'dataValidation', 'comments', 'threadedComments', 'image', 'chart', 'pivotTable'];
  it.each(KINDS)('keeps the parts of %s byte for byte', (kind) => {
    const parts = fixture.partsOf[kind];
    expect(parts.length).toBeGreaterThan(0);
    const before = unzipSync(fixture.bytes);
    const after = unzipSync(out);
    for (const part of parts) {
      expect({ part, same: same(after[part], before[part]) }).toEqual({ part, same: true });
      expect({ part, type: contentTypeOf(out, part) }).toEqual({ part, type: contentTypeOf(fixture.bytes, part) });
    }
  });

  it('cell styles: the user stylesheet entries keep their indices and content; new ones are only appended', () => {
    const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
    const children = (root: Element, section: string): string[] => {
      const el = root.getElementsByTagName(section)[0];
      const out: string[] = [];
      for (let n = el?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(new XMLSerializer().serializeToString(n));
      return out;
    };
    const before = parse(partOf(fixture.bytes, 'xl/styles.xml'));
    const after = parse(partOf(out, 'xl/styles.xml'));
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) {
      const b = children(before, section);
      expect({ section, prefix: children(after, section).slice(0, b.length) }).toEqual({ section, prefix: b });
    }
    expect(partOf(out, 'xl/styles.xml')).toContain('<cellStyle name="Client Highlight"');
    expect(partOf(out, 'xl/styles.xml')).toContain('formatCode="0.000&quot; pts&quot;"');
  });

  it('data validation: on the input sheet and on a user sheet, untouched', () => {
    const employees = partOf(out, sheetPath(unzipSync(out), 'Employees'));
    expect(employees).toContain('<dataValidation type="decimal" operator="greaterThan"');
    expect(employees).toContain('<formula1>DepartmentList</formula1>');
    expect(partOf(out, sheetPath(unzipSync(out), 'Notes'))).toContain('<formula1>"Open,Closed"</formula1>');
  });

  it('defined names: workbook-level, sheet-scoped and print areas keep their formulas and their sheets', () => {
    const names = definedNames(partOf(out, 'xl/workbook.xml'));
    for (const n of fixture.names) expect(names.filter((x) => x.name === n.name && x.scope === n.scope)).toEqual([n]);
    // The add-in's names are there once each, beside the user's.
    const counts = new Map<string, number>();
    for (const n of names) counts.set(`${n.name}@${n.scope ?? ''}`, (counts.get(`${n.name}@${n.scope ?? ''}`) ?? 0) + 1);
    expect([...counts].filter(([, c]) => c > 1)).toEqual([]);
    expect(names.some((n) => n.name === 'MeritMatrix')).toBe(true);
  });

  it('legacy comments: the sheet still points at its comments and their VML boxes', () => {
    const employees = sheetPath(unzipSync(out), 'Employees');
    expect(relTo(out, employees, '../comments1.xml')?.[2]).toMatch(/\/comments$/);
    const vml = relTo(out, employees, '../drawings/vmlDrawing1.vml');
    expect(vml?.[2]).toMatch(/\/vmlDrawing$/);
    expect(partOf(out, employees)).toContain(`<legacyDrawing r:id="${vml?.[1]}"/>`);
  });

  it('threaded comments: the sheet reaches the thread and the workbook reaches its people', () => {
    const employees = sheetPath(unzipSync(out), 'Employees');
    expect(relTo(out, employees, '../threadedComments/threadedComment1.xml')?.[2]).toMatch(/\/threadedComment$/);
    expect(relTo(out, 'xl/workbook.xml', 'persons/person.xml')?.[2]).toMatch(/\/person$/);
    expect(contentTypeOf(out, 'xl/persons/person.xml')).toBe(TYPE.person);
  });

  it('picture and chart: the drawing is still on its sheet, and the add-in’s own charts take other part names', () => {
    const notes = sheetPath(unzipSync(out), 'Notes');
    const drawing = relTo(out, notes, '../drawings/drawing1.xml');
    expect(partOf(out, notes)).toContain(`<drawing r:id="${drawing?.[1]}"/>`);
    expect(contentTypeOf(out, 'xl/media/image1.png')).toBe('image/png');
    const charts = Object.keys(unzipSync(out)).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBeGreaterThan(1);
    expect(charts.filter((p) => partOf(out, p).includes('Budget vs reserve'))).toEqual(['xl/charts/chart1.xml']);
  });

  it('pivot table: workbook.xml still lists its cache, by an id that resolves to the cache definition', () => {
    const workbook = partOf(out, 'xl/workbook.xml');
    const cache = /<pivotCaches><pivotCache cacheId="7" r:id="([^"]+)"\/><\/pivotCaches>/.exec(workbook);
    expect(cache).not.toBeNull();
    expect(partOf(out, 'xl/_rels/workbook.xml.rels')).toContain(`<Relationship Id="${cache?.[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`);
    expect(relTo(out, sheetPath(unzipSync(out), 'Reserve Pivot'), '../pivotTables/pivotTable1.xml')).not.toBeNull();
    // <pivotCaches> stays where the schema puts it: after calcPr, before extLst.
    expect(workbook.indexOf('<calcPr')).toBeLessThan(workbook.indexOf('<pivotCaches>'));
    expect(workbook.indexOf('<pivotCaches>')).toBeLessThan(workbook.indexOf('<extLst>'));
  });

  it("workbook.xml: its extension list and markup-compatibility declarations survive", () => {
    const workbook = partOf(out, 'xl/workbook.xml');
    expect(workbook).toContain('<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>');
    expect(workbook).toContain('mc:Ignorable="x15"');
  });
});

describe('salary-structure run on a macro workbook (.xlsm)', () => {
  let dir: string;
  let fixture: UserWorkbook;
  let input: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-xlsm-'));
    fixture = await userWorkbook({ macros: true });
    input = path.join(dir, 'client.xlsm');
    fs.writeFileSync(input, fixture.bytes);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <in>-structure.xlsm by default, still macro-enabled, the VBA project byte for byte', async () => {
    const r = await cli(['run', input]);
    expect(r.code).toBe(0);
    const output = path.join(dir, 'client-structure.xlsm');
    const out = read(output);
    expect(rawEntry(out, 'xl/vbaProject.bin')).toEqual(rawEntry(fixture.bytes, 'xl/vbaProject.bin'));
    expect(contentTypeOf(out, 'xl/workbook.xml')).toBe(TYPE.macroWorkbook);
    expect(contentTypeOf(out, 'xl/vbaProject.bin')).toBe(TYPE.vbaProject);
    expect(relTo(out, 'xl/workbook.xml', 'vbaProject.bin')?.[2]).toBe('http://schemas.microsoft.com/office/2006/relationships/vbaProject');
    expect(partOf(out, 'xl/workbook.xml')).toContain('<workbookPr codeName="ThisWorkbook"/>');
    expect(danglingRelationships(out)).toEqual([]);
    fs.rmSync(output);
  });

  it('refuses -o out.xlsx before running anything: Excel will not open a macro workbook named .xlsx, and dropping the macros would lose them', async () => {
    // A demanding user wants neither a file Excel refuses nor macros silently stripped: the run stops, says why, writes nothing.
    const listing = fs.readdirSync(dir).sort();
    const r = await cli(['run', input, '-o', path.join(dir, 'out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('contains macros');
    expect(r.err).toContain('.xlsm');
    expect(r.out).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    expect(same(read(input), fixture.bytes)).toBe(true);
  });

  it('accepts -o out.xlsm', async () => {
    const r = await cli(['run', input, '-o', path.join(dir, 'out.xlsm')]);
    expect(r.code).toBe(0);
    expect(contentTypeOf(read(path.join(dir, 'out.xlsm')), 'xl/workbook.xml')).toBe(TYPE.macroWorkbook);
  });

  it('refuses to name a plain workbook .xlsm', async () => {
    const plain = path.join(dir, 'plain.xlsx');
    fs.writeFileSync(plain, (await userWorkbook()).bytes);
    const r = await cli(['run', plain, '-o', path.join(dir, 'plain-out.xlsm')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.xlsx');
    expect(fs.existsSync(path.join(dir, 'plain-out.xlsm'))).toBe(false);
  });
});

describe('salary-structure run never writes over its input', () => {
  let dir: string;
  let input: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-overwrite-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    input = path.join(dir, 'in.xlsx');
    bytes = (await userWorkbook()).bytes;
    fs.writeFileSync(input, bytes);
    fs.symlinkSync(input, path.join(dir, 'link.xlsx'));
    fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'up'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const spellings = (): [string, string][] => [
    ['the same path', input],
    ['a path through ..', path.join(dir, 'sub', '..', 'in.xlsx')],
    ['a relative path', path.relative(process.cwd(), input)],
    ['a symbolic link to it', path.join(dir, 'link.xlsx')],
    ['a hard link to it', path.join(dir, 'hard.xlsx')],
    ['a path through a linked folder', path.join(dir, 'sub', 'up', 'in.xlsx')],
  ];
  it.each([0, 1, 2, 3, 4, 5])('refuses -o naming the input by %s', async (i) => {
    const [, target] = spellings()[i];
    const listing = fs.readdirSync(dir).sort();
    const r = await cli(['run', input, '-o', target]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/input/);
    expect(same(read(input), bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('the file host says what it could not carry over', () => {
  it('names the parts someone added to its previous output sheets, which go with those sheets', async () => {
    const first = FileHost.fromBytes((await userWorkbook()).bytes);
    expect((await runPipeline(first)).ok).toBe(true);
    // The user writes a note on the add-in's Pay Structure sheet.
    const parts = unzipSync(first.toBytes());
    const pay = sheetPath(parts, 'Pay Structure');
    parts['xl/comments9.xml'] = new TextEncoder().encode(
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>HR</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Check grade 3</t></text></comment></commentList></comments>',
    );
    addOverride(parts, 'xl/comments9.xml', TYPE.comments);
    addDefault(parts, 'vml', TYPE.vml);
    parts['xl/drawings/vmlDrawing9.vml'] = new TextEncoder().encode('<xml xmlns:v="urn:schemas-microsoft-com:vml"/>');
    addRel(parts, pay, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments', '../comments9.xml');
    const vml = addRel(parts, pay, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing', '../drawings/vmlDrawing9.vml');
    insertIntoSheet(parts, pay, `<legacyDrawing r:id="${vml}"/>`);
    const second = FileHost.fromBytes(zipParts(parts));
    const result = await runPipeline(second);
    expect(result.ok).toBe(true);
    const note = result.report?.notes.find((n) => n.includes('previous sheets'));
    expect(note).toContain('comments (xl/comments9.xml)');
    expect(note).toContain('xl/drawings/vmlDrawing9.vml');
    // The add-in's own parts (worksheet, table, drawing, chart) are not listed as losses.
    expect(note).not.toMatch(/worksheets|tables\/|charts\//);
    expect(Object.keys(unzipSync(second.toBytes()))).not.toContain('xl/comments9.xml');
  });

  it('says so when a name of the user’s now refers to the add-in’s cell', async () => {
    const parts = unzipSync((await userWorkbook()).bytes);
    const workbook = text(parts, 'xl/workbook.xml');
    parts['xl/workbook.xml'] = new TextEncoder().encode(workbook.replace('<definedNames>', '<definedNames><definedName name="MeritBudget">Notes!$B$1</definedName>').replace(/<definedName name="MeritBudget">Assumptions![^<]*<\/definedName>/, ''));
    expect(tabIndex(workbook, 'Notes')).toBeGreaterThan(0);
    const host = FileHost.fromBytes(zipParts(parts));
    const result = await runPipeline(host);
    expect(result.ok).toBe(true);
    expect(result.report?.notes).toContainEqual(expect.stringMatching(/^The workbook's name "MeritBudget" referred to Notes!\$B\$1; it now refers to the add-in's Assumptions!\$B\$\d+\.$/));
  });
});
