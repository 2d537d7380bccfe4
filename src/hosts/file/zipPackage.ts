import { unzipSync, zipSync, type Zippable } from 'fflate';
import { HostError } from '../host';
import { decodeUtf8 } from './xml';

/** A fixed entry time makes the same workbook give the same bytes (local time: zip stores DOS local dates). */
const ENTRY_TIME = new Date(1980, 0, 2);

/** Parts larger than this are deflated at a fast level: big sheets dominate save time. */
const LARGE_PART_BYTES = 4 * 1024 * 1024;

/** A part's bytes, or how to inflate them on first use (reads touch only the parts they need). */
type Entry = { bytes: Uint8Array } | { load: () => Uint8Array };

/**
 * An OPC package (the zip inside an .xlsx) as an ordered, immutable map of part paths to bytes.
 * A change produces a new package, so a failed write leaves the old one as it was.
 */
export class ZipPackage {
  private readonly byLowerPath = new Map<string, string>();

  private constructor(private readonly entries: ReadonlyMap<string, Entry>) {
    for (const path of entries.keys()) this.byLowerPath.set(path.toLowerCase(), path);
  }

  static fromBytes(bytes: Uint8Array): ZipPackage {
    // Encrypted workbooks and legacy .xls files are OLE compound documents, not zips.
    if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new HostError('This file is password-protected or an old .xls workbook; save it as an unprotected .xlsx first.', 'not-xlsx');
    }
    const names: string[] = [];
    try {
      unzipSync(bytes, {
        filter: (file) => {
          if (!file.name.endsWith('/')) names.push(file.name);
          return false;
        },
      });
    } catch (e) {
      throw new HostError(`This file is not an .xlsx workbook (${(e as Error).message}).`, 'not-xlsx');
    }
    if (!names.includes('[Content_Types].xml')) throw new HostError('This file is not an .xlsx workbook (no [Content_Types].xml).', 'not-xlsx');
    const entries = new Map<string, Entry>();
    for (const name of names) {
      let cached: Uint8Array | undefined;
      entries.set(name, {
        load: () => {
          if (cached) return cached;
          try {
            cached = unzipSync(bytes, { filter: (file) => file.name === name })[name];
          } catch (e) {
            throw new HostError(`The workbook part ${name} cannot be unpacked (${(e as Error).message}).`, 'corrupt-package');
          }
          if (!cached) throw new HostError(`The workbook part ${name} cannot be unpacked.`, 'corrupt-package');
          return cached;
        },
      });
    }
    return new ZipPackage(entries);
  }

  static fromEntries(entries: Iterable<[string, Uint8Array]>): ZipPackage {
    return new ZipPackage(new Map([...entries].map(([path, bytes]) => [path, { bytes }])));
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
    const entry = p === undefined ? undefined : this.entries.get(p);
    return entry && ('bytes' in entry ? entry.bytes : entry.load());
  }

  text(path: string): string | undefined {
    const bytes = this.get(path);
    return bytes && decodeUtf8(bytes);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** A new package: `null` deletes a part, bytes replace or add one; untouched parts keep their bytes and order. */
  with(changes: ReadonlyMap<string, Uint8Array | null>): ZipPackage {
    const next = new Map<string, Entry>();
    const pending = new Map<string, Uint8Array | null>();
    for (const [path, data] of changes) pending.set(this.resolve(path) ?? path.replace(/^\//, ''), data);
    for (const [path, data] of this.entries) {
      if (!pending.has(path)) next.set(path, data);
      else {
        const replacement = pending.get(path);
        if (replacement) next.set(path, { bytes: replacement });
        pending.delete(path);
      }
    }
    for (const [path, data] of pending) if (data) next.set(path, { bytes: data });
    return new ZipPackage(next);
  }

  toBytes(): Uint8Array {
    const zippable: Zippable = {};
    for (const path of this.entries.keys()) {
      const data = this.get(path) as Uint8Array;
      zippable[path] = [data, { level: data.length > LARGE_PART_BYTES ? 1 : 6, mtime: ENTRY_TIME }];
    }
    return zipSync(zippable);
  }
}
