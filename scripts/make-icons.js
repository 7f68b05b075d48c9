#!/usr/bin/env node
/**
 * Draws the add-in's icons as real PNG files with nothing but node's zlib: the ribbon buttons
 * (Analyze, Refresh) and the group at 16/32/80 px, and the logo at 32/64/128 px.
 * Shapes are described as coverage functions over the unit square and supersampled 4x4 per pixel,
 * so the small sizes stay crisp without an image library.  Run: `node scripts/make-icons.js`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BLUE = [15, 108, 189]; // Fluent "brand" blue #0F6CBD
const WHITE = [255, 255, 255];

/** CRC-32 of a buffer, as PNG chunks need. */
function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (Uint8Array, size*size*4) as a PNG file. */
function encodePng(sizePx, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sizePx, 0);
  header.writeUInt32BE(sizePx, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((sizePx * 4 + 1) * sizePx);
  for (let y = 0; y < sizePx; y++) {
    raw[y * (sizePx * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * sizePx * 4, sizePx * 4).copy(raw, y * (sizePx * 4 + 1) + 1);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Rounded square tile covering the whole icon. */
function insideTile(x, y) {
  const r = 0.18;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

/** Three rising bars: the analysis glyph. */
function insideBars(x, y) {
  const bars = [
    [0.2, 0.55],
    [0.42, 0.38],
    [0.64, 0.2],
  ];
  return bars.some(([left, top]) => x >= left && x <= left + 0.16 && y >= top && y <= 0.8);
}

/** A circular arrow: the refresh glyph. */
function insideRefresh(x, y) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const radius = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx); // -PI..PI, 0 = right, y grows downwards
  const onRing = radius >= 0.2 && radius <= 0.31 && !(angle > -Math.PI / 2 && angle < -Math.PI / 5);
  // Arrow head at the top of the ring, pointing right.
  const hx = x - 0.5;
  const hy = y - 0.245;
  const onHead = hx >= -0.02 && hx <= 0.16 && Math.abs(hy) <= 0.15 - (hx + 0.02) * 0.83;
  return onRing || onHead;
}

/** Renders a glyph (white) on the blue tile at one size. */
function render(sizePx, glyph) {
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  const samples = 4;
  for (let py = 0; py < sizePx; py++) {
    for (let px = 0; px < sizePx; px++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / sizePx;
          const y = (py + (sy + 0.5) / samples) / sizePx;
          if (insideTile(x, y)) {
            tile++;
            if (glyph(x, y)) mark++;
          }
        }
      }
      const o = (py * sizePx + px) * 4;
      const share = tile === 0 ? 0 : mark / tile;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BLUE[c] * (1 - share) + WHITE[c] * share);
      rgba[o + 3] = Math.round((255 * tile) / (samples * samples));
    }
  }
  return encodePng(sizePx, rgba);
}

/** Every icon file the manifest names: file name → [size, glyph]. */
const ICONS = {
  'analyze-16.png': [16, insideBars],
  'analyze-32.png': [32, insideBars],
  'analyze-80.png': [80, insideBars],
  'refresh-16.png': [16, insideRefresh],
  'refresh-32.png': [32, insideRefresh],
  'refresh-80.png': [80, insideRefresh],
  'logo-16.png': [16, insideBars],
  'logo-32.png': [32, insideBars],
  'logo-64.png': [64, insideBars],
  'logo-80.png': [80, insideBars],
  'logo-128.png': [128, insideBars],
};

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, [sizePx, glyph]] of Object.entries(ICONS)) {
    fs.writeFileSync(path.join(dir, file), render(sizePx, glyph));
    console.log(`assets/${file} ${sizePx}x${sizePx}`);
  }
}

module.exports = { ICONS, render, encodePng };
