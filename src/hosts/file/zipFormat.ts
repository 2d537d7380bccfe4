/**
 * The zip container (PKWARE APPNOTE 6.3.x, sections 4.3.7, 4.3.12, 4.3.14-16): just enough to list
 * an archive's entries with their compressed bytes as they are, and to write entries back out
 * without touching the bytes of those that did not change.
 */

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** One entry as it sits in an archive: compressed bytes, CRC and sizes exactly as read. */
export interface ZipEntry {
  name: string;
  /** The name as stored (CP437 or UTF-8, per flag bit 11), so a copy keeps it byte for byte. */
  nameBytes: Uint8Array;
  method: number;
  /** General-purpose bit flags (bit 11: UTF-8 name). */
  flags: number;
  versionNeeded: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** MS-DOS time and date fields. */
  time: number;
  date: number;
  /** The compressed data. */
  data: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const FLAG_DATA_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;
const MAX32 = 0xffffffff;

export class ZipFormatError extends Error {}

const utf8 = new TextDecoder('utf-8');

/** Names without the UTF-8 flag are CP437; for the ASCII every OOXML part name uses, that is Latin-1. */
const decodeName = (bytes: Uint8Array, flags: number): string => (flags & FLAG_UTF8 ? utf8.decode(bytes) : String.fromCharCode(...bytes));

/** Every file entry of an archive (directories left out), in central-directory order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  const need = (at: number, length: number, what: string): void => {
    if (at < 0 || at + length > bytes.length) throw new ZipFormatError(`${what} lies outside the file (truncated?)`);
  };

  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === SIG_END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no end of central directory record');
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryAt = u32(end + 16);
  if (count === 0xffff || directorySize === MAX32 || directoryAt === MAX32) {
    const locator = end - 20;
    if (locator >= 0 && u32(locator) === SIG_ZIP64_LOCATOR) {
      const zip64End = u64(locator + 8);
      need(zip64End, 56, 'the zip64 end record');
      if (u32(zip64End) !== SIG_ZIP64_END) throw new ZipFormatError('a broken zip64 end record');
      count = u64(zip64End + 32);
      directorySize = u64(zip64End + 40);
      directoryAt = u64(zip64End + 48);
    }
  }
  need(directoryAt, directorySize, 'the central directory');

  const entries: ZipEntry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    need(at, 46, 'a central directory entry');
    if (u32(at) !== SIG_CENTRAL) throw new ZipFormatError('a broken central directory');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    need(at + 46, nameLength + extraLength, 'a central directory entry');
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localAt = u32(at + 42);
    // Zip64 extended information (header 0x0001): the 64-bit values of the fields that hold 0xFFFFFFFF.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (size === MAX32) {
          size = u64(field);
          field += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localAt === MAX32) localAt = u64(field);
      }
      x += 4 + length;
    }
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    const name = decodeName(nameBytes, flags);
    need(localAt, 30, `the entry ${name}`);
    if (u32(localAt) !== SIG_LOCAL) throw new ZipFormatError(`the entry ${name} has no local header`);
    const dataAt = localAt + 30 + u16(localAt + 26) + u16(localAt + 28);
    need(dataAt, compressedSize, `the data of ${name}`);
    if (!name.endsWith('/')) {
      entries.push({
        name,
        nameBytes,
        method: u16(at + 10),
        flags,
        versionNeeded: u16(at + 6),
        crc: u32(at + 16),
        size,
        time: u16(at + 12),
        date: u16(at + 14),
        data: bytes.subarray(dataAt, dataAt + compressedSize),
      });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An archive of these entries, in order. Each entry's data, CRC and sizes are written as given; the
 * sizes travel in the local header (no data descriptor), as Excel writes them.
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + 46 + 2 * e.nameBytes.length + e.data.length;
  if (entries.length > 0xffff || total > MAX32 || entries.some((e) => e.size > MAX32)) {
    throw new ZipFormatError('the workbook is too large for a zip without zip64 extensions (over 4 GB or 65,535 parts)');
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (e: ZipEntry, pos: number): number => {
    view.setUint16(pos, e.versionNeeded, true);
    view.setUint16(pos + 2, e.flags & ~FLAG_DATA_DESCRIPTOR, true);
    view.setUint16(pos + 4, e.method, true);
    view.setUint16(pos + 6, e.time, true);
    view.setUint16(pos + 8, e.date, true);
    view.setUint32(pos + 10, e.crc, true);
    view.setUint32(pos + 14, e.data.length, true);
    view.setUint32(pos + 18, e.size, true);
    view.setUint16(pos + 22, e.nameBytes.length, true);
    view.setUint16(pos + 24, 0, true); // no extra field
    return pos + 26;
  };
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    at = header(e, at + 4);
    out.set(e.nameBytes, at);
    at += e.nameBytes.length;
    out.set(e.data, at);
    at += e.data.length;
  }
  const directoryAt = at;
  entries.forEach((e, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, e.versionNeeded, true); // version made by: MS-DOS attributes, like the spec version needed
    at = header(e, at + 6);
    // comment length, disk number, internal and external attributes: zero; then the local header offset.
    view.setUint32(at + 10, offsets[i], true);
    at += 14;
    out.set(e.nameBytes, at);
    at += e.nameBytes.length;
  });
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryAt, true);
  view.setUint32(at + 16, directoryAt, true);
  return out;
}

const encoder = new TextEncoder();

/** Name bytes and flags for a new entry: UTF-8, flagged as such when it is not plain ASCII. */
export function encodeName(name: string): { nameBytes: Uint8Array; flags: number } {
  const nameBytes = encoder.encode(name);
  return { nameBytes, flags: nameBytes.length === name.length ? 0 : FLAG_UTF8 };
}

/** MS-DOS date of 1980-01-02, time 00:00: new entries carry this fixed time so a workbook's bytes repeat. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 2;
export const FIXED_DOS_TIME = 0;
