import { HostError } from '../host';
import { decodeUtf8 } from './xml';
import { portableZipCodec, type ZipCodec } from './zipCodec';
import { encodeName, FIXED_DOS_DATE, FIXED_DOS_TIME, METHOD_DEFLATED, METHOD_STORED, readZip, writeZip, ZipFormatError, type ZipEntry } from './zipFormat';

/** Parts larger than this are deflated at the fastest level: big sheets dominate save time. */
const LARGE_PART_BYTES = 4 * 1024 * 1024;

/** Called before each step of a save (test seam for failures at every step; see FileHostOptions). */
export type StepHook = (step: string) => void;

/** What a change puts in a part: bytes, or a part already packed by `ZipPackage.pack`. */
export type PartContent = Uint8Array | Part;

/**
 * One part: its zip entry (as read from the archive, or once its new bytes are deflated), its bytes
 * (once known), or both. An entry read from a file is copied out unchanged: compressed bytes, CRC,
 * sizes and time.
 */
export class Part {
  private constructor(
    private readonly path: string,
    private zipEntry: ZipEntry | undefined,
    private bytes: Uint8Array | undefined,
  ) {}

  static fromArchive(entry: ZipEntry): Part {
    return new Part(entry.name, entry, undefined);
  }

  static fromBytes(path: string, bytes: Uint8Array): Part {
    return new Part(path, undefined, bytes);
  }

  /** A part deflated now, keeping only the compressed bytes (so `bytes` may be a buffer about to be reused). */
  static packed(path: string, bytes: Uint8Array, codec: ZipCodec): Part {
    const part = new Part(path, undefined, bytes);
    part.entry(codec);
    part.bytes = undefined;
    return part;
  }

  get size(): number {
    return this.zipEntry ? this.zipEntry.size : (this.bytes as Uint8Array).length;
  }

  /** The CRC-32 when already known (no new work to find it). */
  get knownCrc(): number | undefined {
    return this.zipEntry?.crc;
  }

  /** The part's bytes; `keep` false inflates without holding on to the result (a one-off comparison). */
  read(codec: ZipCodec, keep = true): Uint8Array {
    if (this.bytes) return this.bytes;
    const e = this.zipEntry as ZipEntry;
    if (e.flags & 1) throw new HostError(`The workbook part ${this.path} is encrypted; the add-in cannot read it.`, 'corrupt-package');
    if (e.method === METHOD_STORED) return e.data;
    if (e.method !== METHOD_DEFLATED) throw new HostError(`The workbook part ${this.path} is compressed with zip method ${e.method}, which the add-in cannot read.`, 'corrupt-package');
    let out: Uint8Array;
    try {
      out = codec.inflate(e.data, e.size);
    } catch (err) {
      throw new HostError(`The workbook part ${this.path} cannot be unpacked (${(err as Error).message}).`, 'corrupt-package');
    }
    if (out.length !== e.size) throw new HostError(`The workbook part ${this.path} cannot be unpacked (it holds ${out.length} bytes, not ${e.size}).`, 'corrupt-package');
    if (keep) this.bytes = out;
    return out;
  }

  /** The zip entry to write: the one read from the archive as it was, or the new bytes deflated (once). */
  entry(codec: ZipCodec): ZipEntry {
    if (this.zipEntry) return this.zipEntry;
    const bytes = this.bytes as Uint8Array;
    const deflated = codec.deflate(bytes, bytes.length > LARGE_PART_BYTES ? 1 : 6);
    const incompressible = deflated.length >= bytes.length;
    this.zipEntry = {
      name: this.path,
      ...encodeName(this.path),
      method: incompressible ? METHOD_STORED : METHOD_DEFLATED,
      versionNeeded: 20,
      crc: codec.crc32(bytes),
      size: bytes.length,
      time: FIXED_DOS_TIME,
      date: FIXED_DOS_DATE,
      data: incompressible ? bytes.slice() : deflated,
    };
    return this.zipEntry;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * An OPC package (the zip inside an .xlsx) as an ordered, immutable map of part paths to bytes.
 * A change produces a new package, so a failed write leaves the old one as it was. Parts read from
 * a file and not changed are saved as the very zip entries they were.
 */
export class ZipPackage {
  private readonly byLowerPath = new Map<string, string>();

  private constructor(
    private readonly entries: ReadonlyMap<string, Part>,
    readonly codec: ZipCodec,
  ) {
    for (const path of entries.keys()) this.byLowerPath.set(path.toLowerCase(), path);
  }

  static fromBytes(bytes: Uint8Array, codec: ZipCodec = portableZipCodec): ZipPackage {
    // Encrypted workbooks and legacy .xls files are OLE compound documents, not zips.
    if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new HostError('This file is password-protected or an old .xls workbook; save it as an unprotected .xlsx first.', 'not-xlsx');
    }
    let archive: ZipEntry[];
    try {
      archive = readZip(bytes);
    } catch (e) {
      if (!(e instanceof ZipFormatError) && !(e instanceof RangeError)) throw e;
      throw new HostError(`This file is not an .xlsx workbook (${(e as Error).message}).`, 'not-xlsx');
    }
    const entries = new Map(archive.map((e) => [e.name, Part.fromArchive(e)]));
    if (!entries.has('[Content_Types].xml')) throw new HostError('This file is not an .xlsx workbook (no [Content_Types].xml).', 'not-xlsx');
    return new ZipPackage(entries, codec);
  }

  static fromEntries(entries: Iterable<[string, Uint8Array]>, codec: ZipCodec = portableZipCodec): ZipPackage {
    return new ZipPackage(new Map([...entries].map(([path, bytes]) => [path, Part.fromBytes(path, bytes)])), codec);
  }

  /** The same parts, compressed and inflated with another codec. */
  withCodec(codec: ZipCodec): ZipPackage {
    return new ZipPackage(this.entries, codec);
  }

  /** The stored path for a part name, matched case-insensitively as OPC requires. */
  resolve(path: string): string | undefined {
    const p = path.replace(/^\//, '');
    return this.entries.has(p) ? p : this.byLowerPath.get(p.toLowerCase());
  }

  has(path: string): boolean {
    return this.resolve(path) !== undefined;
  }

  get(path: string): Uint8Array | undefined {
    const p = this.resolve(path);
    return p === undefined ? undefined : this.entries.get(p)?.read(this.codec);
  }

  /** A part's bytes, inflated for this one use and not kept (a worksheet read once). */
  readOnce(path: string): Uint8Array | undefined {
    const p = this.resolve(path);
    return p === undefined ? undefined : this.entries.get(p)?.read(this.codec, false);
  }

  text(path: string): string | undefined {
    const bytes = this.get(path);
    return bytes && decodeUtf8(bytes);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * A new package: `null` deletes a part, bytes replace or add one. Untouched parts keep their
   * bytes and order; a part replaced by the very bytes it holds stays the entry it was.
   */
  with(changes: ReadonlyMap<string, PartContent | null>): ZipPackage {
    const next = new Map<string, Part>();
    const pending = new Map<string, PartContent | null>();
    for (const [path, data] of changes) pending.set(this.resolve(path) ?? path.replace(/^\//, ''), data);
    for (const [path, part] of this.entries) {
      if (!pending.has(path)) next.set(path, part);
      else {
        const replacement = pending.get(path);
        if (replacement) {
          const fresh = replacement instanceof Part ? replacement : Part.fromBytes(path, replacement);
          next.set(path, this.unchanged(part, fresh) ? part : fresh);
        }
        pending.delete(path);
      }
    }
    for (const [path, data] of pending) if (data) next.set(path, data instanceof Part ? data : Part.fromBytes(path, data));
    return new ZipPackage(next, this.codec);
  }

  /**
   * New content for a part, deflated now with this package's codec: for big parts built in a
   * reused buffer, which may be overwritten once this returns.
   */
  pack(path: string, bytes: Uint8Array): Part {
    return Part.packed(path, bytes, this.codec);
  }

  /** The package as .xlsx bytes. `step`, when given, is called before each entry and before the directory. */
  toBytes(step?: StepHook): Uint8Array {
    const entries: ZipEntry[] = [];
    for (const [path, part] of this.entries) {
      step?.(`zip ${path}`);
      entries.push(part.entry(this.codec));
    }
    step?.('zip directory');
    try {
      return writeZip(entries);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new HostError(`Cannot save the workbook: ${e.message}.`, 'too-large');
      throw e;
    }
  }

  private unchanged(part: Part, fresh: Part): boolean {
    if (part.size !== fresh.size) return false;
    const a = part.knownCrc;
    const b = fresh.knownCrc;
    if (a !== undefined && b !== undefined && a !== b) return false;
    try {
      return sameBytes(part.read(this.codec, false), fresh.read(this.codec, false));
    } catch {
      return false;
    }
  }
}
