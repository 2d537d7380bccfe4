import { deflateSync, inflateSync } from 'fflate';

/**
 * Raw DEFLATE and CRC-32, as a zip entry needs them. The package code takes one of these instead of
 * importing a library, so the browser (the preview's download) uses fflate and Node (the command
 * line) uses zlib, which deflates about three times faster.
 */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib or gzip wrapper) at a level 1 (fast) to 9 (small). */
  deflate(data: Uint8Array, level: number): Uint8Array;
  /** Raw INFLATE; `size` is the uncompressed size the zip directory promises. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

let crcTable: Int32Array | undefined;

/** CRC-32 (ISO 3309, the zip polynomial 0xEDB88320), table-driven. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The codec that runs anywhere (fflate and the table CRC above). */
export const portableZipCodec: ZipCodec = {
  deflate: (data, level) => deflateSync(data, { level: Math.min(9, Math.max(0, level)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  crc32,
};
