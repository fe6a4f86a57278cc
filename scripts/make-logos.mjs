#!/usr/bin/env node
// Draws the Tagwise logo (a light-green tag on a dark Zendesk-teal rounded
// square) and writes assets/logo.png (320x320) and assets/logo-small.png
// (128x128). Deterministic: re-running produces identical files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './lib/png.mjs';

const BACKGROUND = [0x03, 0x36, 0x3d]; // Zendesk dark teal
const TAG = [0x78, 0xa3, 0x00]; // Zendesk kiwi green
const STRING = [0xd1, 0xe8, 0xdf]; // pale mint for the tag's string

// Tag outline in unit coordinates (centre 0,0; point on the left), later
// rotated 45 degrees so the point faces the top-left corner.
const TAG_POLYGON = [
  [-0.56, 0], [-0.24, -0.26], [0.46, -0.26], [0.52, -0.2],
  [0.52, 0.2], [0.46, 0.26], [-0.24, 0.26],
];
const HOLE = { x: -0.27, y: 0, r: 0.075 };
const ANGLE = Math.PI / 4;
const LOOP = { x: -0.47, y: 0, r: 0.2, w: 0.022 };

function insidePolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y, half, radius) {
  const dx = Math.max(Math.abs(x) - (half - radius), 0);
  const dy = Math.max(Math.abs(y) - (half - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** Colour (with coverage alpha) of one sample point in [-1, 1]^2. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y, 1, 0.36)) return null;
  // Rotate the sample into the tag's frame.
  const c = Math.cos(-ANGLE);
  const s = Math.sin(-ANGLE);
  const tx = (x * c - y * s) / 1.1 - 0.085;
  const ty = (x * s + y * c) / 1.1;
  const hx = tx - HOLE.x;
  const hy = ty - HOLE.y;
  const inHole = hx * hx + hy * hy <= HOLE.r * HOLE.r;
  const onTag = insidePolygon(tx, ty, TAG_POLYGON) && !inHole;
  // A string looped through the hole and around the tag's point: visible
  // where it is off the tag (or seen through the hole).
  const d = Math.hypot(tx - LOOP.x, ty - LOOP.y);
  if (!onTag && Math.abs(d - LOOP.r) < LOOP.w) return STRING;
  if (onTag) return TAG;
  return BACKGROUND;
}

export function drawLogo(size, samples = 4) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const col = sample(x, y);
          if (!col) continue;
          r += col[0]; g += col[1]; b += col[2]; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((a / (samples * samples)) * 255);
      }
    }
  }
  return encodePng(size, size, rgba);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  fs.mkdirSync(assets, { recursive: true });
  for (const [name, size] of [['logo.png', 320], ['logo-small.png', 128]]) {
    const file = path.join(assets, name);
    fs.writeFileSync(file, drawLogo(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}
