/**
 * The hand-written XML scanner (src/hosts/file/xmlScanner.ts) against the saxes-based reader it
 * replaced (kept in test/hosts/support/saxesReader.ts as the oracle): random worksheets and shared
 * string tables, written as XML the many ways writers do, must read to the very same grids and
 * strings, decoded whole or in slices as small as one byte; malformed XML must be refused by both.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { readWorksheet, plainNumber, type DateShift } from '../../src/hosts/file/readSheet';
import { readSharedStrings } from '../../src/hosts/file/sharedStrings';
import { HostError } from '../../src/hosts/host';
import { buildUserWorkbook } from '../fixtures/userWorkbook';
import { fuzzSettings } from '../fuzz/arbitraries';
import * as oracle from './support/saxesReader';

/** Runs per property; FUZZ_SCALE multiplies them and FUZZ_SEED=<seed> replays a failure (as in test/fuzz). */
const RUNS = { sheets: 1500, sharedStrings: 800, mutations: 1500, numbers: 3000 };

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const SLICES = fc.constantFrom<number | undefined>(undefined, undefined, 1, 2, 7, 64, 300);

// --- text -----------------------------------------------------------------------------------------

/** Characters as XML may carry them (no controls but tab and line ends, no lone surrogates, no U+FFFE/U+FFFF). */
const xmlChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ 0123456789.-_$,:;!?') },
  { weight: 3, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\r\n', ']', ']]', ' ', '\u00a0', '\u2028', '\u0085', '\r\u0085', '\u0090') },
  { weight: 2, arbitrary: fc.constantFrom('_x000D_', '_x0041_', '_x005F_x0041_', '_x00', '_xZZZZ_', '_X0041_') },
  { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', 'Ω', '中', '😀', '𝄞', 'zł', 'Kč', '€') },
);

/** One character written as XML character data: as itself where it may be, an entity, or a character reference. */
function escapeChar(ch: string, how: number, inAttribute: boolean): string {
  const code = ch.codePointAt(0) as number;
  const mustEscape = ch === '&' || ch === '<' || (inAttribute && (ch === '"' || ch === "'"));
  const mode = mustEscape && how === 0 ? 1 : how;
  if (mode === 0) return ch;
  if (mode === 1) {
    const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
    return named[ch] ?? `&#${code};`;
  }
  return mode === 2 ? `&#${code};` : `&#x${code.toString(16)};`;
}

/** Text written as XML, each character its own way; `]]>` never appears as it stands. */
const escapedText = (inAttribute = false): fc.Arbitrary<{ text: string; xml: string }> =>
  fc.array(fc.tuple(xmlChar, fc.nat({ max: 7 })), { maxLength: 12 }).map((parts) => {
    let xml = '';
    let text = '';
    for (const [chunk, pick] of parts) {
      for (const ch of Array.from(chunk)) {
        const how = pick < 5 ? 0 : pick - 4; // mostly as itself
        let piece = escapeChar(ch, how, inAttribute);
        if (piece === '>' && xml.endsWith(']]')) piece = '&gt;';
        xml += piece;
        text += ch;
      }
    }
    return { text, xml };
  });

// --- worksheets ------------------------------------------------------------------------------------

interface Style {
  prefix: string;
  quote: string;
  /** Whitespace between elements (pretty-printed writers). */
  gap: string;
  equals: string;
}

const style: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom('', '', 'x:'),
  quote: fc.constantFrom('"', '"', "'"),
  gap: fc.constantFrom('', '', '\n', '\r\n  ', ' '),
  equals: fc.constantFrom('=', '=', ' = '),
});

const attrs = (s: Style, list: [string, string | undefined][]): string =>
  list
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}${s.equals}${s.quote}${(v as string).split(s.quote).join(s.quote === '"' ? '&quot;' : '&apos;')}${s.quote}`)
    .join('');

const el = (s: Style, name: string, attributes: [string, string | undefined][], body?: string): string =>
  body === undefined ? `<${s.prefix}${name}${attrs(s, attributes)}/>` : `<${s.prefix}${name}${attrs(s, attributes)}>${body}</${s.prefix}${name}>`;

const NUMBER_TEXTS = [
  '0', '-0', '1', '42', '007', '52000.5', '0.35', '1.5E-3', '1e5', '1E+21', '-2.5e-7', '.5', '5.', '-.5', ' 12 ', '+5', '1e400', '-1e400',
  '0x1A', 'abc', '', '  ', 'Infinity', '12345678901234567890', '123456789012345', '1234567890123456', '0.30000000000000004',
  '9007199254740993', '1e22', '1e23', '1e-22', '1e-23', '4.35', '1.005', '2.675', '1e', '1e+', '--1', '1.2.3', 'NaN', '44927', '44927.75',
];

const numberText = fc.oneof(
  fc.constantFrom(...NUMBER_TEXTS),
  fc.double({ noNaN: true }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => d.toExponential(5)),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 0, max: 1e9 }).map(String),
);

/** A cell's type attribute and content. */
const cellBody = (s: Style, sharedCount: number): fc.Arbitrary<{ t?: string; body?: string }> => {
  const v = (xml: string) => el(s, 'v', [], xml);
  const textV = escapedText().map((e) => v(e.xml));
  const run = (x: { xml: string }, keep: boolean) => el(s, 'r', [], el(s, 'rPr', [], el(s, 'b', [])) + el(s, 't', [['xml:space', keep ? 'preserve' : undefined]], x.xml));
  const inline = fc
    .tuple(fc.array(fc.tuple(escapedText(), fc.boolean()), { minLength: 0, maxLength: 3 }), fc.boolean(), escapedText(), fc.boolean())
    .map(([runs, plain, phonetic, withPhonetic]) => {
      const body = plain && runs.length > 0 ? el(s, 't', [], runs[0][0].xml) : runs.map(([x, keep]) => run(x, keep)).join(s.gap);
      return el(s, 'is', [], body + (withPhonetic ? el(s, 'rPh', [['sb', '0'], ['eb', '1']], el(s, 't', [], phonetic.xml)) : ''));
    });
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(undefined, undefined, 'n'), numberText).map(([t, n]) => ({ t, body: v(n) })) },
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1, max: sharedCount + 1 }).map(String), fc.constantFrom(' 1', '1.0', '', 'x')).map((i) => ({ t: 's', body: v(i) })) },
    { weight: 3, arbitrary: inline.map((body) => ({ t: 'inlineStr', body })) },
    { weight: 1, arbitrary: fc.tuple(inline, textV).map(([body, value]) => ({ t: 'inlineStr', body: value + body })) },
    { weight: 1, arbitrary: fc.tuple(inline, numberText).map(([body, n]) => ({ t: undefined, body: body + v(n) })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('str', 'inlineStr'), textV).map(([t, body]) => ({ t, body })) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1', 'true', 'TRUE', 'false', 'x', '').map((b) => ({ t: 'b', body: v(b) })) },
    { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!', '').map((e) => ({ t: 'e', body: v(e) })) },
    { weight: 1, arbitrary: fc.constantFrom('2024-01-31', '2024-01-31T12:00:00', '2024-01-31T12:00:00Z', '2024-01-31T12:00:00+02:00', 'junk').map((d) => ({ t: 'd', body: v(d) })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(undefined, 'str', 'e', 'b'), numberText).map(([t, n]) => ({ t, body: el(s, 'f', [], 'SUM(A1:B2)&amp;&quot;x&quot;') + v(n) })) },
    { weight: 1, arbitrary: numberText.map((n) => ({ body: el(s, 'f', [['t', 'shared'], ['si', '0']]) + v(n) })) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 's', 'str', 'inlineStr', 'b', 'e', 'n').map((t) => ({ t })) },
    { weight: 1, arbitrary: fc.constantFrom('12', '1<2', ']]', '').map((x) => ({ body: v(`<![CDATA[${x}]]>`) })) },
    { weight: 1, arbitrary: fc.constantFrom('12', 'a\r\nb').map((x) => ({ t: 'str', body: v(`<![CDATA[${x}]]>`) })) },
    { weight: 1, arbitrary: fc.constantFrom(['1', '2'], ['-', '5'], ['', '3']).map(([a, b]) => ({ body: v(`${a}<!-- a comment < -->${b}`) })) },
    { weight: 1, arbitrary: fc.constant({ body: v('1') + v('2') }) },
    { weight: 1, arbitrary: fc.constant({ t: 'inlineStr', body: `${v('x')}<extLst/>` }) },
  );
};

const columnName = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** How a cell names its place: not at all, A1, $A$1, lower case, or something odd. */
const refOf = (col: number, row: number, how: number): string | undefined => {
  switch (how) {
    case 0:
      return undefined;
    case 1:
      return `${columnName(col)}$${row}`;
    case 2:
      return `$${columnName(col)}$${row}`;
    case 3:
      return `${columnName(col).toLowerCase()}${row}`;
    case 4:
      return ['7', 'A', `${columnName(col)}${row}.5`, `${columnName(col)} ${row}`, '', `${columnName(col)}0`, `${columnName(col)}00${row}`][row % 7];
    default:
      return `${columnName(col)}${row}`;
  }
};

interface SheetCase {
  xml: string;
  sharedXml: string;
  dateShift?: DateShift;
  slice?: number;
}

const sharedTable = (s: Style): fc.Arbitrary<string> =>
  fc.array(
    fc.oneof(
      escapedText().map((e) => el(s, 'si', [], el(s, 't', [], e.xml))),
      fc.tuple(fc.array(escapedText(), { maxLength: 3 }), escapedText()).map(([runs, ph]) =>
        el(
          s,
          'si',
          [],
          runs.map((r) => el(s, 'r', [], el(s, 'rPr', [], el(s, 'sz', [['val', '11']])) + el(s, 't', [['xml:space', 'preserve']], r.xml))).join(s.gap) +
            el(s, 'rPh', [['sb', '0'], ['eb', '1']], el(s, 't', [], ph.xml)) +
            el(s, 'phoneticPr', [['fontId', '1']]),
        ),
      ),
      fc.constant(el(s, 'si', [])),
    ),
    { maxLength: 6 },
  ).map((items) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${el(s, 'sst', [['xmlns', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'], ['count', String(items.length)]], s.gap + items.join(s.gap) + s.gap)}`);

const sheetCase: fc.Arbitrary<SheetCase> = style.chain((s) =>
  fc
    .record({
      shared: sharedTable(s),
      rows: fc.array(
        fc.record({
          row: fc.integer({ min: 1, max: 12 }),
          rowRef: fc.nat({ max: 5 }),
          cells: fc.array(
            fc.record({ col: fc.integer({ min: 1, max: 30 }), how: fc.nat({ max: 9 }), styleIndex: fc.constantFrom(undefined, '0', '1', '2', '7', ' 2', ''), body: cellBody(s, 4), order: fc.boolean() }),
            { maxLength: 6 },
          ),
        }),
        { maxLength: 8 },
      ),
      hidden: fc.array(fc.record({ min: fc.integer({ min: 1, max: 8 }), span: fc.nat({ max: 3 }), hidden: fc.constantFrom('1', 'true', '0', 'false') }), { maxLength: 3 }),
      shift: fc.boolean(),
      slice: SLICES,
      declaration: fc.constantFrom(undefined, '1.0', '1.0', '1.1'),
      comment: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ shared, rows, hidden, shift, slice, declaration, comment, bom }) => {
      const rowXml = rows.map(({ row, rowRef, cells }) => {
        const body = cells
          .map(({ col, how, styleIndex, body, order }) => {
            const list: [string, string | undefined][] = [
              ['r', refOf(col, row, how)],
              ['s', styleIndex],
              ['t', body.t],
            ];
            return el(s, 'c', order ? list : list.reverse(), body.body);
          })
          .join(s.gap);
        return el(s, 'row', [['r', rowRef === 0 ? undefined : rowRef === 1 ? '' : String(row)], ['spans', '1:5'], ['x14ac:dyDescent', '0.25']], body);
      });
      const cols = hidden.map((h) => el(s, 'col', [['min', String(h.min)], ['max', String(h.min + h.span)], ['width', '9'], ['hidden', h.hidden]]));
      const xml =
        (bom ? '\ufeff' : '') +
        (declaration ? `<?xml version="${declaration}" encoding="UTF-8" standalone="yes"?>\r\n` : '') +
        el(
          s,
          'worksheet',
          [['xmlns' + (s.prefix ? `:${s.prefix.slice(0, -1)}` : ''), 'http://schemas.openxmlformats.org/spreadsheetml/2006/main']],
          s.gap +
            el(s, 'dimension', [['ref', 'A1:C3']]) +
            s.gap +
            (cols.length > 0 ? el(s, 'cols', [], cols.join(s.gap)) + s.gap : '') +
            (comment ? '<!-- written by hand <c r="A1"> -->' : '') +
            el(s, 'sheetData', [], s.gap + rowXml.join(s.gap) + s.gap) +
            s.gap +
            el(s, 'mergeCells', [['count', '1']], el(s, 'mergeCell', [['ref', 'A1:B1']])) +
            '<?processing instruction?>',
        ) +
        s.gap;
      return { xml, sharedXml: shared, dateShift: shift ? { styles: new Set([2, 7]), days: 1462 } : undefined, slice };
    }),
);

/** The old reader's outcome: its result, or that it threw. */
function outcome<T>(read: () => T): { value?: T; threw?: boolean } {
  try {
    return { value: read() };
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    expect((e as HostError).code).toBe('corrupt-package');
    return { threw: true };
  }
}

describe('the XML scanner reads worksheets exactly as the saxes reader did', () => {
  it(`random worksheets and shared string tables, whole and in small slices (${RUNS.sheets} runs)`, () => {
    fc.assert(
      fc.property(sheetCase, ({ xml, sharedXml, dateShift, slice }) => {
        // XML 1.1 forbids some characters the text may hold: then both must refuse the part.
        const sharedBytes = utf8(sharedXml);
        const shared = readSharedStrings(sharedBytes, 'xl/sharedStrings.xml', slice);
        expect(shared).toStrictEqual(oracle.readSharedStrings(sharedBytes));
        const bytes = utf8(xml);
        const expected = outcome(() => oracle.readWorksheet(bytes, 'xl/worksheets/sheet1.xml', shared, dateShift));
        expect(outcome(() => readWorksheet(bytes, 'xl/worksheets/sheet1.xml', shared, dateShift, slice))).toStrictEqual(expected);
        return expected.value !== undefined || xml.includes('<?xml version="1.1"');
      }),
      fuzzSettings(RUNS.sheets),
    );
  });

  it(`shared string tables with a byte order mark and any slice size (${RUNS.sharedStrings} runs)`, () => {
    fc.assert(
      fc.property(style.chain(sharedTable), SLICES, (xml, slice) => {
        const bytes = utf8(`\ufeff${xml}`);
        expect(readSharedStrings(bytes, 'xl/sharedStrings.xml', slice)).toStrictEqual(oracle.readSharedStrings(bytes));
      }),
      fuzzSettings(RUNS.sharedStrings),
    );
  });

  it(`damaged worksheets: refused by both, or read alike (${RUNS.mutations} runs)`, () => {
    const damage = fc.oneof(
      fc.constantFrom('<', '&', '>', ']]>', '</c>', '<c>', '"', "'", '=', '&foo;', '&#0;', '&#xD800;', '\u0001', '\uffff', '<!--', '<![CDATA[', '?>', '/', ' ', 'x:'),
      fc.constantFrom('\u0085', '\u2028', '&#x85;', '--', '<?xml version="1.0"?>', '<!DOCTYPE worksheet>', '<?pi x?>', ' a="1"', ' r="A1"', '1', ':', '-', '!', '\r', '😀', '\ud800'),
      fc.constant(''),
    );
    fc.assert(
      fc.property(sheetCase, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 4 }), damage, SLICES, ({ xml, dateShift }, where, cut, insert, slice) => {
        const at = Math.floor(where * xml.length);
        const broken = xml.slice(0, at) + insert + xml.slice(at + cut);
        const bytes = utf8(broken);
        const expected = outcome(() => oracle.readWorksheet(bytes, 'sheet.xml', ['a', 'b'], dateShift));
        const actual = outcome(() => readWorksheet(bytes, 'sheet.xml', ['a', 'b'], dateShift, slice));
        expect(actual).toStrictEqual(expected);
      }),
      fuzzSettings(RUNS.mutations),
    );
  });

  it('malformed XML is refused with the part named', () => {
    const bad = [
      '<worksheet><sheetData></worksheet>',
      '<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>',
      '<worksheet/><worksheet/>',
      'text<worksheet/>',
      '<worksheet/>text',
      '',
      '   ',
      '<worksheet><c t=s/></worksheet>',
      '<worksheet><c t="s" t="n"/></worksheet>',
      '<worksheet><c r="A<1"/></worksheet>',
      '<worksheet><c><v>&nbsp;</v></c></worksheet>',
      '<worksheet><c><v>&#0;</v></c></worksheet>',
      '<worksheet><c><v>&#x110000;</v></c></worksheet>',
      '<worksheet><c><v>&#X41;</v></c></worksheet>',
      '<worksheet><c><v>&amp</v></c></worksheet>',
      '<worksheet><c><v>a\u0001b</v></c></worksheet>',
      '<worksheet><c><v>a]]>b</v></c></worksheet>',
      '<worksheet><c r="A1"s="1"/></worksheet>',
      '<worksheet><1c/></worksheet>',
      '<worksheet><c/ ></worksheet>',
      '<worksheet></ worksheet>',
      '<worksheet><![CDATA[x]]</worksheet>',
      '<![CDATA[x]]><worksheet/>',
      ' <?xml version="1.0"?><worksheet/>',
      '<?xml version="2.0"?><worksheet/>',
      '<?xml encoding="UTF-8"?><worksheet/>',
      '<?XML version="1.0"?><worksheet/>',
      '<worksheet><!-- a -- b --></worksheet>',
      '<worksheet><c!x/></worksheet>',
      '<?xml version="1.1"?><worksheet><c><v>a\u0086b</v></c></worksheet>',
      '<!DOCTYPE worksheet><!DOCTYPE worksheet><worksheet/>',
    ];
    for (const xml of bad) {
      const bytes = utf8(xml);
      expect(() => oracle.readWorksheet(bytes, 'xl/worksheets/sheet9.xml', [])).toThrow(HostError);
      for (const slice of [undefined, 1, 3]) {
        let error: unknown;
        try {
          readWorksheet(bytes, 'xl/worksheets/sheet9.xml', [], undefined, slice);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(HostError);
        expect((error as HostError).code).toBe('corrupt-package');
        expect((error as HostError).message).toMatch(/^The workbook part xl\/worksheets\/sheet9\.xml is not valid XML: /);
      }
    }
  });

  it('a worksheet larger than one slice, with text and markup across the cuts', () => {
    const cells: string[] = [];
    for (let r = 1; r <= 3000; r++) {
      cells.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Ünïcödé 😀 ${r} &amp; _x000D_ ${'x'.repeat(r % 50)}</t></is></c><c r="B${r}"><v>${r * 1.25}</v></c>` +
          `<c r="C${r}" t="str"><v><![CDATA[a<b ${r}]]></v></c><!-- <c r="D${r}"> --><c r="E${r}" t="s"><v>${r % 3}</v></c></row>`,
      );
    }
    const bytes = utf8(`<?xml version="1.0"?><worksheet><sheetData>${cells.join('\n')}</sheetData></worksheet>`);
    const expected = oracle.readWorksheet(bytes, 'big.xml', ['x', 'y', 'z']);
    expect(expected.rows).toHaveLength(3000);
    for (const slice of [undefined, 4096, 1000, 333]) expect(readWorksheet(bytes, 'big.xml', ['x', 'y', 'z'], undefined, slice)).toStrictEqual(expected);
  });

  it('bytes that are not UTF-8 read as replacement characters, as before, whole and in slices', () => {
    const head = utf8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a');
    const middle = utf8('</t></is></c><c r="B1" t="str"><v>');
    const tail = utf8('</v></c></row></sheetData></worksheet>');
    for (const junk of [[0xc3, 0x28], [0xe2, 0x82], [0xff], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const bytes = new Uint8Array([...head, ...junk, ...middle, ...junk, 0x78, ...tail]);
      const expected = oracle.readWorksheet(bytes, 'sheet.xml', []);
      expect(expected.rows[0][0]).toContain('\ufffd');
      for (const slice of [undefined, 1, 5]) expect(readWorksheet(bytes, 'sheet.xml', [], undefined, slice)).toStrictEqual(expected);
    }
  });

  it('reads every sheet of real workbooks (LibreOffice, and the hand-built client workbook) as the saxes reader did', () => {
    const packages = [readFileSync(path.join(__dirname, '../fixtures/libreoffice-user.xlsx')), buildUserWorkbook()];
    for (const pkg of packages) {
      const files = unzipSync(new Uint8Array(pkg));
      const shared = readSharedStrings(files['xl/sharedStrings.xml']);
      expect(shared).toStrictEqual(oracle.readSharedStrings(files['xl/sharedStrings.xml']));
      const sheets = Object.keys(files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
      expect(sheets.length).toBeGreaterThan(1);
      for (const p of sheets) {
        const shift = { styles: new Set([1, 2, 3]), days: 1462 };
        expect(readWorksheet(files[p], p, shared)).toStrictEqual(oracle.readWorksheet(files[p], p, shared));
        expect(readWorksheet(files[p], p, shared, shift, 5)).toStrictEqual(oracle.readWorksheet(files[p], p, shared, shift));
      }
    }
  });
});

describe('plainNumber: the fast path of reading a <v> number', () => {
  it(`gives exactly Number's value, or NaN to leave the text to Number (${RUNS.numbers} runs)`, () => {
    const text = fc.oneof(
      fc.double({ noNaN: true }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).chain((d) => fc.integer({ min: 0, max: 20 }).map((k) => d.toExponential(k))),
      fc.double({ noNaN: true, min: -1e15, max: 1e15 }).chain((d) => fc.integer({ min: 0, max: 20 }).map((k) => d.toFixed(k))),
      fc.stringMatching(/^-?\d{0,17}(\.\d{0,17})?([eE][+-]?\d{1,4})?$/),
      fc.constantFrom(...NUMBER_TEXTS),
    );
    fc.assert(
      fc.property(text, (t) => {
        const fast = plainNumber(`<v>${t}</v>`, 3, 3 + t.length);
        if (!Number.isNaN(fast)) expect(Object.is(fast, Number(t))).toBe(true);
      }),
      fuzzSettings(RUNS.numbers),
    );
  });

  it('takes the usual numbers itself', () => {
    for (const t of ['0', '-0', '52000.5', '0.35', '44927', '1.5E-3', '123456789012345', '.5', '5.', '1e22', '2.675']) {
      expect(Object.is(plainNumber(t, 0, t.length), Number(t))).toBe(true);
    }
    for (const t of ['', '.', '-', '+5', ' 1', '1e', '0x1A', '1234567890123456', '1e23', '1e400', 'Infinity']) expect(plainNumber(t, 0, t.length)).toBeNaN();
  });
});
