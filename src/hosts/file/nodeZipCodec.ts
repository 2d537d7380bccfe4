import * as zlib from 'node:zlib';
import { crc32 as portableCrc32, type ZipCodec } from './zipCodec';

/** Node's zlib (native): what the command line uses. Node-only, so only fileHost.ts imports it. */
const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

// zlib.crc32 arrived in Node 20.15; older 20.x releases use the portable one.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeZipCodec: ZipCodec = {
  deflate: (data, level) => asBytes(zlib.deflateRawSync(data, { level })),
  // One output buffer of the size the zip directory promises (+1 so the end is seen in it): no copying of 16 kB chunks
  // together. Capped, so a directory that lies about a size cannot make it allocate gigabytes up front.
  inflate: (data, size) => asBytes(zlib.inflateRawSync(data, { chunkSize: Math.max(64, Math.min(size + 1, 64 * 1024 * 1024)) })),
  crc32: typeof nativeCrc32 === 'function' ? (data) => nativeCrc32(data) >>> 0 : portableCrc32,
};
