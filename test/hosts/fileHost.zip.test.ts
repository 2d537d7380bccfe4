/**
 * The zip layer of the file host: parts it did not change are copied as the very zip entries they
 * were (compressed bytes, CRC, sizes), new parts are deflated by an injected codec (Node's zlib on
 * the command line, fflate in the browser preview), and archives from other writers read: data
 * descriptors, zip64 fields, methods it cannot inflate (carried over untouched).
 * Format references: PKWARE APPNOTE.TXT 6.3.10, §4.3.7 (local header), §4.3.9 (data descriptor),
 * §4.3.12 (central directory), §4.3.16 (end record), §4.5.3 (zip64 extended information).
 */
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import * as zlib from 'node:zlib';
import { FileHost } from '../../src/hosts/file';
import { nodeZipCodec } from '../../src/hosts/file/nodeZipCodec';
import { crc32, portableZipCodec } from '../../src/hosts/file/zipCodec';
import { readZip } from '../../src/hosts/file/zipFormat';
import { ZipPackage } from '../../src/hosts/file/zipPackage';
import { buildUserWorkbook } from '../fixtures/userWorkbook';
import { fullUpdate } from './xlsxKit';

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
const CT = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

describe('zip codecs', () => {
  it('compute the CRC-32 check value of "123456789" (0xCBF43926, the standard CRC-32 check)', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(nodeZipCodec.crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it.each([
    ['portable (fflate)', portableZipCodec],
    ['Node (zlib)', nodeZipCodec],
  ])('%s deflates raw DEFLATE that the other inflates', (_, codec) => {
    const data = strToU8('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2000));
    for (const level of [1, 6]) {
      const packed = codec.deflate(data, level);
      expect(packed.length).toBeLessThan(data.length / 10);
      expect(same(new Uint8Array(zlib.inflateRawSync(packed)), data)).toBe(true);
      expect(same(portableZipCodec.inflate(packed, data.length), data)).toBe(true);
      expect(same(nodeZipCodec.inflate(packed, data.length), data)).toBe(true);
    }
  });
});

describe('ZipPackage', () => {
  it('saves untouched parts as the same zip entries and new parts as readable deflated entries, with either codec', () => {
    const input = buildUserWorkbook();
    for (const codec of [portableZipCodec, nodeZipCodec]) {
      const pkg = ZipPackage.fromBytes(input, codec).with(new Map([['xl/new.xml', strToU8('<new/>'.repeat(100))]]));
      const out = pkg.toBytes();
      const before = new Map(readZip(input).map((e) => [e.name, e]));
      for (const e of readZip(out)) {
        const b = before.get(e.name);
        if (!b) continue;
        expect({ name: e.name, crc: e.crc, data: same(e.data, b.data), time: e.time, date: e.date }).toEqual({ name: e.name, crc: b.crc, data: true, time: b.time, date: b.date });
      }
      const files = unzipSync(out);
      expect(new TextDecoder().decode(files['xl/new.xml'])).toBe('<new/>'.repeat(100));
      expect(Object.keys(files)).toEqual([...before.keys(), 'xl/new.xml']);
      // New entries carry the fixed time 1980-01-02 00:00 (MS-DOS date: day 2, month 1, year 0).
      expect(readZip(out).find((e) => e.name === 'xl/new.xml')).toMatchObject({ method: 8, time: 0, date: (1 << 5) | 2, crc: crc32(files['xl/new.xml']) });
      expect(same(pkg.toBytes(), out)).toBe(true);
    }
  });

  it('keeps a part as the entry it was when a change hands it the same bytes', () => {
    const input = buildUserWorkbook();
    const pkg = ZipPackage.fromBytes(input);
    const styles = pkg.get('xl/styles.xml') as Uint8Array;
    const out = pkg.with(new Map([['xl/styles.xml', new Uint8Array(styles)]])).toBytes();
    expect(same(readZip(out).find((e) => e.name === 'xl/styles.xml')?.data, readZip(input).find((e) => e.name === 'xl/styles.xml')?.data)).toBe(true);
  });

  it('reads a streamed zip (sizes in data descriptors) and writes its entries with the sizes in the headers', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    const add = (name: string, data: Uint8Array, deflate: boolean): void => {
      const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(file);
      file.push(data, true);
    };
    add('[Content_Types].xml', CT, true);
    add('xl/stored.bin', new Uint8Array([1, 2, 3, 4]), false);
    add('xl/deflated.xml', strToU8('<a>'.repeat(500)), true);
    zip.end();
    const streamed = new Uint8Array(Buffer.concat(chunks));
    expect(readZip(streamed).map((e) => [e.name, e.flags & 8])).toEqual([
      ['[Content_Types].xml', 8],
      ['xl/stored.bin', 8],
      ['xl/deflated.xml', 8],
    ]);
    const pkg = ZipPackage.fromBytes(streamed);
    expect(Array.from(pkg.get('xl/stored.bin') as Uint8Array)).toEqual([1, 2, 3, 4]);
    const out = pkg.toBytes();
    expect(readZip(out).map((e) => e.flags & 8)).toEqual([0, 0, 0]);
    expect(new TextDecoder().decode(unzipSync(out)['xl/deflated.xml'])).toBe('<a>'.repeat(500));
  });

  it('reads zip64 fields (sizes and offsets in the extended information extra field)', () => {
    const data = strToU8('zip64 part');
    const packed = zipSync({ '[Content_Types].xml': [CT, { level: 0 }], 'a.txt': [data, { level: 0 }] });
    const entries = readZip(packed);
    // Rebuild the archive with every size and offset moved into zip64 extra fields and a zip64 end record.
    const parts: number[] = [];
    const put = (...fields: [number, 2 | 4 | 8][]): void => {
      for (const [v, width] of fields) for (let i = 0; i < width; i++) parts.push(i < 4 ? Math.floor(v / 2 ** (8 * i)) & 0xff : 0);
    };
    const offsets: number[] = [];
    for (const e of entries) {
      offsets.push(parts.length);
      put([0x04034b50, 4], [45, 2], [0, 2], [0, 2], [0, 2], [0, 2], [e.crc, 4], [0xffffffff, 4], [0xffffffff, 4], [e.nameBytes.length, 2], [20, 2]);
      parts.push(...e.nameBytes);
      put([1, 2], [16, 2], [e.size, 8], [e.data.length, 8]);
      parts.push(...e.data);
    }
    const directoryAt = parts.length;
    entries.forEach((e, i) => {
      put([0x02014b50, 4], [45, 2], [45, 2], [0, 2], [0, 2], [0, 2], [0, 2], [e.crc, 4], [0xffffffff, 4], [0xffffffff, 4], [e.nameBytes.length, 2], [28, 2], [0, 2], [0, 2], [0, 2], [0, 4], [0xffffffff, 4]);
      parts.push(...e.nameBytes);
      put([1, 2], [24, 2], [e.size, 8], [e.data.length, 8], [offsets[i], 8]);
    });
    const directorySize = parts.length - directoryAt;
    const zip64End = parts.length;
    put([0x06064b50, 4], [44, 8], [45, 2], [45, 2], [0, 4], [0, 4], [entries.length, 8], [entries.length, 8], [directorySize, 8], [directoryAt, 8]);
    put([0x07064b50, 4], [0, 4], [zip64End, 8], [1, 4]);
    put([0x06054b50, 4], [0, 2], [0, 2], [0xffff, 2], [0xffff, 2], [0xffffffff, 4], [0xffffffff, 4], [0, 2]);
    const pkg = ZipPackage.fromBytes(new Uint8Array(parts));
    expect(pkg.paths()).toEqual(['[Content_Types].xml', 'a.txt']);
    expect(pkg.text('a.txt')).toBe('zip64 part');
  });

  it('carries an entry compressed with a method it cannot inflate, and says so only if asked to read it', () => {
    const base = zipSync({ '[Content_Types].xml': [CT, { level: 0 }], 'x.bin': [strToU8('payload'), { level: 0 }] });
    // Mark x.bin as BZIP2 (method 12) in both headers: the bytes are then opaque to the reader.
    const bytes = new Uint8Array(base);
    const view = new DataView(bytes.buffer);
    const x = readZip(bytes).find((e) => e.name === 'x.bin')!;
    const local = x.data.byteOffset - 30 - x.nameBytes.length;
    view.setUint16(local + 8, 12, true);
    for (let at = 0; at < bytes.length - 4; at++) if (view.getUint32(at, true) === 0x02014b50 && bytes[at + 46] === 'x'.charCodeAt(0)) view.setUint16(at + 10, 12, true);
    const pkg = ZipPackage.fromBytes(bytes);
    expect(() => pkg.get('x.bin')).toThrow(/zip method 12/);
    const out = readZip(pkg.with(new Map([['y.xml', strToU8('<y/>')]])).toBytes()).find((e) => e.name === 'x.bin')!;
    expect(out.method).toBe(12);
    expect(new TextDecoder().decode(out.data)).toBe('payload');
  });

  it('refuses what is not a zip, or a truncated one, with a clear message', () => {
    expect(() => FileHost.fromBytes(strToU8('not a workbook at all'))).toThrow(expect.objectContaining({ code: 'not-xlsx' }));
    const truncated = buildUserWorkbook().slice(0, 2000);
    expect(() => FileHost.fromBytes(truncated)).toThrow(expect.objectContaining({ code: 'not-xlsx' }));
    expect(() => FileHost.fromBytes(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no \[Content_Types\]\.xml/);
  });

  it('the file host saves the same workbook with either codec', async () => {
    const a = FileHost.fromBytes(buildUserWorkbook(), { codec: portableZipCodec });
    const b = FileHost.fromBytes(buildUserWorkbook(), { codec: nodeZipCodec });
    await a.write(fullUpdate());
    await b.write(fullUpdate());
    const pa = unzipSync(a.toBytes());
    const pb = unzipSync(b.toBytes());
    expect(Object.keys(pa)).toEqual(Object.keys(pb));
    for (const name of Object.keys(pa)) expect({ name, same: same(pa[name], pb[name]) }).toEqual({ name, same: true });
  });
});
