#!/usr/bin/env node
/**
 * Draws the add-in icon (a rounded blue square with three ascending white bars: pay grades)
 * at every size the manifest and ribbon need, as hand-written PNGs (node:zlib only).
 *
 *   node scripts/make-icons.cjs [outDir]      (default: assets/)
 *
 * Run once and commit the PNGs; the build copies assets/ as they are.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent brand blue (#0F6CBD), readable on light and dark ribbons.
const BAR = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // 4×4 samples per pixel: enough anti-aliasing for the rounded corners.

/** The drawing, in pixels, for one size. Bars are snapped to whole pixels so they stay crisp at 16 px. */
function geometry(size) {
  const u = size / 16;
  const inset = Math.max(1, Math.round(u * 0.75)); // transparent margin, as Office ribbon icons have
  const radius = (size - 2 * inset) * 0.2;
  const barWidth = Math.max(2, Math.round(2 * u));
  const gap = Math.max(1, Math.round(u));
  const total = 3 * barWidth + 2 * gap;
  const left = Math.round((size - total) / 2);
  const bottom = Math.round(size * 0.75);
  const tallest = bottom - Math.round(size * 0.25);
  const bars = [0.4, 0.65, 1].map((share, i) => {
    const x0 = left + i * (barWidth + gap);
    return { x0, x1: x0 + barWidth, y0: bottom - Math.max(1, Math.round(tallest * share)), y1: bottom };
  });
  return { inset, radius, bars };
}

function insideRoundedSquare(x, y, size, inset, radius) {
  const lo = inset;
  const hi = size - inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels, premultiplied nowhere: colour is solid, coverage goes to alpha or to the blend. */
function draw(size) {
  const { inset, radius, bars } = geometry(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = px + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          if (!insideRoundedSquare(x, y, size, inset, radius)) continue;
          square++;
          if (bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) bar++;
        }
      }
      const n = SUBSAMPLES * SUBSAMPLES;
      const o = (py * size + px) * 4;
      const barShare = square === 0 ? 0 : bar / square;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(BACKGROUND[c] * (1 - barShare) + BAR[c] * barShare);
      }
      rgba[o + 3] = Math.round((255 * square) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None: the image is tiny, deflate does the rest
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, draw(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, draw, geometry, crc32 };
