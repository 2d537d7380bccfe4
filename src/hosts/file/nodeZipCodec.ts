import * as zlib from 'node:zlib';
import { crc32 as portableCrc32, type ZipCodec } from './zipCodec';

/** Node's zlib (native): what the command line uses. Node-only, so only fileHost.ts imports it. */
const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

// zlib.crc32 arrived in Node 20.15; older 20.x releases use the portable one.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeZipCodec: ZipCodec = {
  deflate: (data, level) => asBytes(zlib.deflateRawSync(data, { level })),
  inflate: (data) => asBytes(zlib.inflateRawSync(data)),
  crc32: typeof nativeCrc32 === 'function' ? (data) => nativeCrc32(data) >>> 0 : portableCrc32,
};
