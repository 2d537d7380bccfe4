import { HostError } from '../host';

/** Decode in slices so a large part never exists as one giant string. */
const SLICE_BYTES = 4 * 1024 * 1024;
const LT_BYTE = 0x3c;

/**
 * What the scanner reports, as a streaming XML parser would: local element names (prefixes dropped,
 * as some writers use `x:` prefixes), and character data (entities resolved, line ends normalised,
 * CDATA included) only while `wantText` is true, so text nobody reads is never built.
 */
export interface XmlSink {
  wantText: boolean;
  /** An element starts; `tag` answers for its attributes during this call only. */
  open(name: string, tag: XmlTag): void;
  close(name: string): void;
  /** Character data: `source.slice(start, end)`, given as a range so numbers can be read without a string. */
  text(source: string, start: number, end: number): void;
}

/** The attributes of the element being opened, by their full (prefixed) names. */
export interface XmlTag {
  /** The attribute's index, or -1. */
  indexOf(name: string): number;
  /** The value of attribute `k` (entities resolved, whitespace normalised as XML does). */
  value(k: number): string;
  /** True when attribute `k`'s value is `source.slice(start(k), end(k))` as it stands. */
  plain(k: number): boolean;
  readonly source: string;
  start(k: number): number;
  end(k: number): number;
}

/**
 * `text` as a string of its own. Text cut from the decoded XML shares that slice's memory (V8 does so
 * for 13 characters and more), and one employee name would keep 4 MB of XML alive as long as the
 * grid and the parsed inputs live; a copy keeps only itself. For values a reader keeps.
 */
export const detached = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

// Character classes, one byte of flags for every UTF-16 code unit.
const SPACE = 1;
const NAME_START = 2;
const NAME_CHAR = 4;
/** Ends or needs a closer look in character data: `<`, controls, `&`, `>` (for `]]>`), surrogates, U+FFFE/U+FFFF. */
const TEXT_CHECK = 8;
/** Needs a closer look in an attribute value: controls (tab and line ends too), `&`, `<`, surrogates, U+FFFE/U+FFFF. */
const ATTR_CHECK = 16;

function classTable(xml11: boolean): Uint8Array {
  const t = new Uint8Array(0x10000);
  const set = (from: number, to: number, flag: number) => {
    for (let c = from; c <= to; c++) t[c] |= flag;
  };
  for (const c of [0x20, 0x09, 0x0a, 0x0d]) t[c] |= SPACE;
  // XML NameStartChar and NameChar (a code unit of a surrogate pair stands for the astral ranges).
  for (const [from, to] of [
    [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f], [0x3a, 0x3a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x2ff], [0x370, 0x37d], [0x37f, 0x1fff],
    [0x200c, 0x200d], [0x2070, 0x218f], [0x2c00, 0x2fef], [0x3001, 0xd7ff], [0xd800, 0xdbff], [0xf900, 0xfdcf], [0xfdf0, 0xfffd],
  ]) set(from, to, NAME_START | NAME_CHAR);
  for (const [from, to] of [[0x2d, 0x2e], [0x30, 0x39], [0xb7, 0xb7], [0x300, 0x36f], [0x203f, 0x2040], [0xdc00, 0xdfff]]) set(from, to, NAME_CHAR);
  set(0x00, 0x1f, TEXT_CHECK | ATTR_CHECK);
  t[0x09] &= ~TEXT_CHECK;
  t[0x0a] &= ~TEXT_CHECK;
  t[0x26] |= TEXT_CHECK | ATTR_CHECK;
  t[0x3e] |= TEXT_CHECK;
  t[0x3c] |= TEXT_CHECK | ATTR_CHECK;
  set(0xd800, 0xdfff, TEXT_CHECK | ATTR_CHECK);
  set(0xfffe, 0xffff, TEXT_CHECK | ATTR_CHECK);
  // XML 1.1: NEL and LINE SEPARATOR are line ends; the other C1 controls may only be references.
  if (xml11) set(0x7f, 0x9f, TEXT_CHECK | ATTR_CHECK);
  if (xml11) t[0x2028] |= TEXT_CHECK | ATTR_CHECK;
  if (xml11) t[0x85] |= SPACE;
  if (xml11) t[0x2028] |= SPACE;
  return t;
}

const CLASS = classTable(false);
let class11: Uint8Array | undefined;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 Char production. */
const isChar10 = (c: number): boolean =>
  c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** XML 1.1 Char production (what a character reference may stand for). */
const isChar11 = (c: number): boolean => (c >= 0x01 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);


const S = '[ \\t\\r\\n]';
/** The XML declaration after `<?xml`, as saxes checks it: version, then optionally encoding and standalone. */
const XML_DECLARATION = new RegExp(
  `^${S}+version${S}*=${S}*(?:"(1\\.[0-9]+)"|'(1\\.[0-9]+)')` +
    `(?:${S}+encoding${S}*=${S}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*$`,
);

/** The element names SpreadsheetML readers compare, as constants (no string built per element). */
function internName(s: string, a: number, b: number): string {
  const len = b - a;
  const c0 = s.charCodeAt(a);
  if (len === 1) {
    switch (c0) {
      case 0x63:
        return 'c';
      case 0x76:
        return 'v';
      case 0x74:
        return 't';
      case 0x66:
        return 'f';
      case 0x72:
        return 'r';
    }
  } else if (len === 2) {
    const c1 = s.charCodeAt(a + 1);
    if (c0 === 0x69 && c1 === 0x73) return 'is';
    if (c0 === 0x73 && c1 === 0x69) return 'si';
  } else if (len === 3) {
    const c1 = s.charCodeAt(a + 1);
    const c2 = s.charCodeAt(a + 2);
    if (c0 === 0x72 && c1 === 0x6f && c2 === 0x77) return 'row';
    if (c0 === 0x63 && c1 === 0x6f && c2 === 0x6c) return 'col';
    if (c0 === 0x72 && c1 === 0x50 && c2 === 0x68) return 'rPh';
  }
  return s.slice(a, b);
}

class XmlSyntaxError extends Error {}

/** Attribute slots: name start, name end, value start, value end, plain (1) or not (0). */
const SLOT = 5;

/**
 * A hand-written XML scanner for SpreadsheetML parts: element names, attributes by index, and
 * character data as ranges of the decoded text. It checks what saxes, the parser it replaced,
 * checked for a well-formed document: tags nest and match, one root, names made of name
 * characters, attributes quoted and unique, entities known, characters XML allows (XML 1.1's when
 * the declaration says so), no `]]>` in text, comments without `--`, the XML declaration first,
 * no text outside the root; and throws otherwise. DTDs are skipped (SpreadsheetML has none, and
 * their entities stay unknown); namespaces are not resolved (prefixes dropped).
 */
class Scanner implements XmlTag {
  source = '';
  private attrs = new Int32Array(16 * SLOT);
  private attrCount = 0;
  /** Open elements, the first `depth` entries: full names (to match end tags) and local names (reported). */
  private readonly qnames: string[] = [];
  private readonly locals: string[] = [];
  private depth = 0;
  private rootSeen = false;
  private doctypeSeen = false;
  /** Nothing read yet: only now may the XML declaration come. */
  private atStart = true;
  private xml11 = false;
  private cls = CLASS;

  constructor(private readonly sink: XmlSink) {}

  // --- XmlTag ------------------------------------------------------------------------------------

  indexOf(name: string): number {
    const a = this.attrs;
    const s = this.source;
    const length = name.length;
    for (let k = 0, at = 0; k < this.attrCount; k++, at += SLOT) {
      const ns = a[at];
      if (a[at + 1] - ns !== length) continue;
      let i = 0;
      while (i < length && s.charCodeAt(ns + i) === name.charCodeAt(i)) i++;
      if (i === length) return k;
    }
    return -1;
  }

  value(k: number): string {
    const at = k * SLOT;
    const a = this.attrs;
    return a[at + 4] === 1 ? this.source.slice(a[at + 2], a[at + 3]) : this.decode(this.source, a[at + 2], a[at + 3], true);
  }

  plain(k: number): boolean {
    return this.attrs[k * SLOT + 4] === 1;
  }

  start(k: number): number {
    return this.attrs[k * SLOT + 2];
  }

  end(k: number): number {
    return this.attrs[k * SLOT + 3];
  }

  // --- scanning ----------------------------------------------------------------------------------

  /**
   * Scan `s` as far as it holds complete markup; returns what is left over (an incomplete construct,
   * or trailing text) to prepend to the next slice. With `final`, everything must be complete.
   */
  scan(s: string, final: boolean): string {
    this.source = s;
    const n = s.length;
    const sink = this.sink;
    let i = 0;
    while (i < n) {
      let lt = i;
      if (s.charCodeAt(i) !== 0x3c) {
        // Character data up to the next `<`, looked at closely only where the class table says so.
        const cls = this.cls;
        let special = false;
        for (; lt < n; lt++) {
          const c = s.charCodeAt(lt);
          if ((cls[c] & TEXT_CHECK) === 0) continue;
          if (c === 0x3c) break;
          if (c === 0x26 || c === 0x0d || c === 0x85 || c === 0x2028) special = true;
          else if (c === 0x3e) {
            if (lt - 2 >= i && s.charCodeAt(lt - 1) === 0x5d && s.charCodeAt(lt - 2) === 0x5d) throw new XmlSyntaxError('the string "]]>" is disallowed in char data.');
          } else this.checkChar(s, lt);
        }
        if (lt >= n && !final) return s.slice(i);
        this.atStart = false;
        this.text(s, i, lt, special);
        if (lt >= n) return '';
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 0x2f && this.depth > 0) {
        // An end tag: the usual one closes the innermost element at once (`</name>`).
        const depth = this.depth;
        const qname = this.qnames[depth - 1];
        const a = lt + 2;
        const length = qname.length;
        let k = 0;
        while (k < length && s.charCodeAt(a + k) === qname.charCodeAt(k)) k++;
        if (k === length && s.charCodeAt(a + length) === 0x3e) {
          this.depth = depth - 1;
          sink.close(this.locals[depth - 1]);
          i = a + length + 1;
          continue;
        }
      }
      const next = c1 === 0x2f ? this.endTag(s, lt) : (CLASS[c1] & NAME_START) !== 0 ? this.startTag(s, lt) : this.markup(s, lt);
      if (next < 0) {
        if (final) throw new XmlSyntaxError('unexpected end of the document.');
        return s.slice(lt);
      }
      this.atStart = false;
      i = next;
    }
    return '';
  }

  finish(): void {
    if (this.depth > 0) throw new XmlSyntaxError(`unclosed tag: ${this.qnames[this.depth - 1]}`);
    if (!this.rootSeen) throw new XmlSyntaxError('document must contain a root element.');
  }

  /** Character data between markup (checked by the caller), reported when wanted; `special` when it holds references or line ends to normalise. */
  private text(s: string, a: number, b: number, special: boolean): void {
    if (this.depth === 0) {
      for (let j = a; j < b; j++) if (!this.isSpaceAt(s, j)) throw new XmlSyntaxError('text data outside of root node.');
      return;
    }
    if (!this.sink.wantText) {
      if (special) this.decode(s, a, b, false); // for its checks
      return;
    }
    if (special) {
      const text = this.decode(s, a, b, false);
      this.sink.text(text, 0, text.length);
    } else this.sink.text(s, a, b);
  }

  /** White space (in XML 1.1, NEL and LINE SEPARATOR too: they are line ends). */
  private isSpaceAt(s: string, j: number): boolean {
    return (this.cls[s.charCodeAt(j)] & SPACE) !== 0;
  }

  /**
   * A character the class table flagged and the caller did not handle: fine when it is a tab or line
   * end or half of a surrogate pair; not XML otherwise (other controls, U+FFFE, U+FFFF, XML 1.1's
   * restricted characters).
   */
  private checkChar(s: string, j: number): void {
    const c = s.charCodeAt(j);
    let ok: boolean;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(j + 1);
      ok = d >= 0xdc00 && d <= 0xdfff;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      const p = s.charCodeAt(j - 1);
      ok = p >= 0xd800 && p <= 0xdbff;
    } else ok = c === 0x09 || c === 0x0a || c === 0x0d || (this.xml11 && (c === 0x85 || c === 0x2028));
    if (!ok) throw new XmlSyntaxError('disallowed character.');
  }

  /** Check every character of `s` from `a` to `b` (comments, processing instructions, CDATA): markup characters are fine there. */
  private checkChars(s: string, a: number, b: number): void {
    const cls = this.cls;
    for (let j = a; j < b; j++) {
      const c = s.charCodeAt(j);
      if ((cls[c] & TEXT_CHECK) !== 0 && c !== 0x3c && c !== 0x3e && c !== 0x26) this.checkChar(s, j);
    }
  }

  /** A line end at `j` (CR, CR LF; in XML 1.1 also CR NEL, NEL, LINE SEPARATOR): its length, or 0. */
  private lineEnd(s: string, j: number): number {
    const c = s.charCodeAt(j);
    if (c === 0x0d) {
      const d = s.charCodeAt(j + 1);
      return d === 0x0a || (this.xml11 && d === 0x85) ? 2 : 1;
    }
    return this.xml11 && (c === 0x85 || c === 0x2028) ? 1 : 0;
  }

  /**
   * Text with entity references and line ends resolved (`attribute`: tabs and line ends become
   * spaces, as XML normalises attribute values).
   */
  private decode(s: string, a: number, b: number, attribute: boolean): string {
    let out = '';
    let from = a;
    for (let j = a; j < b; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x26) {
        const semi = s.indexOf(';', j + 1);
        if (semi < 0 || semi >= b) throw new XmlSyntaxError('unterminated entity reference.');
        out += s.slice(from, j) + this.entity(s.slice(j + 1, semi));
        j = semi;
        from = semi + 1;
        continue;
      }
      const end = this.lineEnd(s, j);
      if (end > 0) {
        out += s.slice(from, j) + (attribute ? ' ' : '\n');
        j += end - 1;
        from = j + 1;
      } else if (attribute && (c === 0x0a || c === 0x09)) {
        out += s.slice(from, j) + ' ';
        from = j + 1;
      }
    }
    return out + s.slice(from, b);
  }

  /** Line ends of CDATA normalised. */
  private lineEnds(s: string, a: number, b: number): string {
    let out = '';
    let from = a;
    for (let j = a; j < b; j++) {
      const end = this.lineEnd(s, j);
      if (end > 0) {
        out += s.slice(from, j) + '\n';
        j += end - 1;
        from = j + 1;
      }
    }
    return out + s.slice(from, b);
  }

  private entity(name: string): string {
    if (name.charCodeAt(0) !== 0x23) {
      if (!Object.prototype.hasOwnProperty.call(ENTITIES, name)) throw new XmlSyntaxError(`undefined entity &${name};`);
      return ENTITIES[name];
    }
    let code = NaN;
    if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
    else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
    if (!(this.xml11 ? isChar11(code) : isChar10(code))) throw new XmlSyntaxError(`malformed character entity &${name};`);
    return String.fromCodePoint(code);
  }

  /** Processing instructions, comments, CDATA sections and a document type declaration: returns the index after, or -1 when `s` ends inside. */
  private markup(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (c1 !== c1) return -1;
    if (c1 === 0x3f) return this.processingInstruction(s, lt);
    if (c1 !== 0x21) throw new XmlSyntaxError('disallowed character in tag name.');
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('--', lt + 4);
      if (end < 0 || end + 2 >= s.length) return -1;
      if (s.charCodeAt(end + 2) !== 0x3e) throw new XmlSyntaxError('malformed comment.');
      this.checkChars(s, lt + 4, end);
      return end + 3;
    }
    if (s.length < lt + 9) return -1;
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.depth === 0) throw new XmlSyntaxError('text data outside of root node.');
      const a = lt + 9;
      this.checkChars(s, a, end);
      if (this.sink.wantText) {
        let special = false;
        for (let j = a; j < end && !special; j++) special = this.lineEnd(s, j) > 0;
        if (special) {
          const text = this.lineEnds(s, a, end);
          this.sink.text(text, 0, text.length);
        } else this.sink.text(s, a, end);
      }
      return end + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (this.rootSeen || this.doctypeSeen) throw new XmlSyntaxError('inappropriately located doctype declaration.');
      let brackets = 0;
      let quote = 0;
      for (let j = lt + 9; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x5b) brackets++;
        else if (c === 0x5d) brackets--;
        else if (c === 0x3e && brackets <= 0) {
          this.checkChars(s, lt + 9, j);
          this.doctypeSeen = true;
          return j + 1;
        }
      }
      return -1;
    }
    throw new XmlSyntaxError('incorrect syntax.');
  }

  /** `<?target ...?>`; the XML declaration (`<?xml ...?>`) only first, and checked. */
  private processingInstruction(s: string, lt: number): number {
    const n = s.length;
    const a = lt + 2;
    if (a >= n) return -1;
    const cls = this.cls;
    if ((cls[s.charCodeAt(a)] & NAME_START) === 0) throw new XmlSyntaxError('processing instruction without a target.');
    let b = a + 1;
    while (b < n && (cls[s.charCodeAt(b)] & NAME_CHAR) !== 0) b++;
    if (b >= n) return -1;
    const after = s.charCodeAt(b);
    if (after !== 0x3f && (cls[after] & SPACE) === 0) throw new XmlSyntaxError('disallowed character in processing instruction name.');
    const end = s.indexOf('?>', b);
    if (end < 0) return -1;
    this.checkChars(s, b, end);
    const target = s.slice(a, b);
    if (target === 'xml') {
      if (!this.atStart) throw new XmlSyntaxError('an XML declaration must be at the start of the document.');
      const declaration = XML_DECLARATION.exec(s.slice(b, end));
      if (!declaration) throw new XmlSyntaxError('malformed XML declaration.');
      if ((declaration[1] ?? declaration[2]) !== '1.0') {
        this.xml11 = true;
        this.cls = class11 ??= classTable(true);
      }
    } else if (target.toLowerCase() === 'xml') throw new XmlSyntaxError('the XML declaration must appear at the start of the document.');
    return end + 2;
  }

  /** An end tag the fast path in `scan` did not take: spaces before `>`, a mismatch, or `s` ending inside. */
  private endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    const a = lt + 2;
    let b = a;
    while (b < gt && !this.isSpaceAt(s, b)) b++;
    for (let j = b; j < gt; j++) if (!this.isSpaceAt(s, j)) throw new XmlSyntaxError('disallowed character in closing tag.');
    const depth = this.depth;
    if (depth === 0) throw new XmlSyntaxError(`unmatched closing tag: ${s.slice(a, b)}.`);
    const qname = this.qnames[depth - 1];
    if (qname.length !== b - a || !s.startsWith(qname, a)) throw new XmlSyntaxError(`unexpected close tag ${s.slice(a, b)}; expected ${qname}.`);
    this.depth = depth - 1;
    this.sink.close(this.locals[depth - 1]);
    return gt + 1;
  }

  /** A start tag (its first name character checked by the caller): returns the index after it, or -1 when `s` ends inside. */
  private startTag(s: string, lt: number): number {
    const n = s.length;
    const cls = this.cls;
    const a = lt + 1;
    let b = a + 1;
    let colon = -1;
    for (; b < n; b++) {
      const c = s.charCodeAt(b);
      if ((cls[c] & NAME_CHAR) === 0) break;
      if (c === 0x3a && colon < 0) colon = b;
    }
    if (b >= n) return -1;
    let count = 0;
    let j = b;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && (cls[s.charCodeAt(j)] & SPACE) !== 0) j++;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === 0x3e) break;
      if (c === 0x2f) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== 0x3e) throw new XmlSyntaxError('forward-slash in opening tag not followed by >.');
        selfClosing = true;
        j++;
        break;
      }
      if ((cls[c] & NAME_START) === 0) throw new XmlSyntaxError(j === b ? 'disallowed character in tag name.' : 'disallowed character in attribute name.');
      if (j === before) throw new XmlSyntaxError('no whitespace between attributes.');
      const na = j;
      for (j++; j < n && (cls[s.charCodeAt(j)] & NAME_CHAR) !== 0; ) j++;
      const nb = j;
      while (j < n && (cls[s.charCodeAt(j)] & SPACE) !== 0) j++;
      if (j >= n) return -1;
      if (s.charCodeAt(j) !== 0x3d) throw new XmlSyntaxError('attribute without value.');
      j++;
      while (j < n && (cls[s.charCodeAt(j)] & SPACE) !== 0) j++;
      if (j >= n) return -1;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new XmlSyntaxError('unquoted attribute value.');
      const va = j + 1;
      let vb = va;
      let plain = 1;
      for (; vb < n; vb++) {
        const v = s.charCodeAt(vb);
        if (v === q) break;
        if ((cls[v] & ATTR_CHECK) === 0) continue;
        if (v === 0x3c) throw new XmlSyntaxError('disallowed character.');
        plain = 0;
        if (v !== 0x26) this.checkChar(s, vb);
      }
      if (vb >= n) return -1;
      if (plain === 0) this.decode(s, va, vb, true); // for its checks of references
      if ((count + 1) * SLOT > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const at = this.attrs;
      const length = nb - na;
      for (let k = 0, p = 0; k < count; k++, p += SLOT) {
        const pa = at[p];
        if (at[p + 1] - pa !== length) continue;
        let m = 0;
        while (m < length && s.charCodeAt(pa + m) === s.charCodeAt(na + m)) m++;
        if (m === length) throw new XmlSyntaxError(`duplicate attribute: ${s.slice(na, nb)}.`);
      }
      const p = count * SLOT;
      at[p] = na;
      at[p + 1] = nb;
      at[p + 2] = va;
      at[p + 3] = vb;
      at[p + 4] = plain;
      count++;
      j = vb + 1;
    }
    if (this.depth === 0) {
      if (this.rootSeen) throw new XmlSyntaxError('documents may contain only one root.');
      this.rootSeen = true;
    }
    this.attrCount = count;
    const local = colon < 0 ? internName(s, a, b) : internName(s, colon + 1, b);
    const qname = colon < 0 ? local : s.slice(a, b);
    this.sink.open(local, this);
    this.attrCount = 0;
    if (selfClosing) this.sink.close(local);
    else {
      this.qnames[this.depth] = qname;
      this.locals[this.depth] = local;
      this.depth++;
    }
    return j + 1;
  }
}

/**
 * Scan one part's XML (UTF-8) into `sink`, decoding it in slices of about `sliceBytes` cut before a
 * `<` so characters are never split, and throwing HostError for XML that is not well formed.
 */
export function scanXml(bytes: Uint8Array, partName: string, sink: XmlSink, sliceBytes = SLICE_BYTES): void {
  const scanner = new Scanner(sink);
  const decoder = new TextDecoder('utf-8');
  try {
    let carry = '';
    for (let start = 0; start < bytes.length; ) {
      let end = start + Math.max(1, sliceBytes);
      if (end >= bytes.length) end = bytes.length;
      else {
        const lt = bytes.indexOf(LT_BYTE, end);
        end = lt < 0 ? bytes.length : lt;
      }
      // Each slice ends before a `<`, so no character is split: decoding slices apart (faster than
      // streaming) gives the same text, and only the first slice can begin with a byte order mark.
      const text = decoder.decode(bytes.subarray(start, end));
      carry = scanner.scan(carry === '' ? text : carry + text, false);
      start = end;
    }
    scanner.scan(carry, true);
    scanner.finish();
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new HostError(`The workbook part ${partName} is not valid XML: ${e.message}`, 'corrupt-package');
    throw e;
  }
}
