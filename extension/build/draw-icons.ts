// Draws the Pivor Bridge mark (a white bridge arch over a deck on an indigo tile) as PNG icons.
// Run by hand when the mark changes: `npx tsx extension/build/draw-icons.ts`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const sizes = [16, 32, 48, 128];
const outDir = new URL('../icons/', import.meta.url);

/** Coverage of a pixel by a shape given by a signed distance (negative inside), antialiased over one pixel. */
function cover(distance: number, pixel: number): number {
  return Math.min(1, Math.max(0, 0.5 - distance / pixel));
}

function roundedSquare(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x) - half + radius;
  const qy = Math.abs(y) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.min(1, Math.max(0, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

/** Distance to the mark's white strokes, in units of the tile (the tile spans -1..1). */
function mark(x: number, y: number, size: number): number {
  // At 16 px the strokes are exactly two pixels and the deck sits on a pixel edge, so the mark stays crisp.
  const small = size <= 16;
  const stroke = small ? 0.25 : size <= 32 ? 0.12 : 0.1;
  // The arch: the upper half of a circle resting on the deck.
  const archRadius = small ? 0.6 : 0.52, deckY = small ? 0.375 : 0.28;
  const arch = y <= deckY ? Math.abs(Math.hypot(x, y - deckY) - archRadius) : Math.hypot(Math.abs(x) - archRadius, y - deckY);
  const deck = segment(x, y, small ? -0.62 : -0.7, deckY, small ? 0.62 : 0.7, deckY);
  let d = Math.min(arch, deck);
  // Hangers from the arch to the deck, only where there is room to see them.
  if (size >= 32) {
    for (const hx of [-0.26, 0, 0.26]) {
      const top = deckY - Math.sqrt(archRadius * archRadius - hx * hx);
      d = Math.min(d, segment(x, y, hx, top, hx, deckY) + stroke * 0.35);
    }
  }
  return d - stroke / 2;
}

function pixelColour(x: number, y: number, size: number): [number, number, number, number] {
  const pixel = 2 / size;
  const tile = cover(roundedSquare(x, y, 1 - pixel / 2, 0.42), pixel);
  // A diagonal gradient from indigo to violet.
  const t = (x + y + 2) / 4;
  const bg = [79 + (124 - 79) * t, 70 + (58 - 70) * t, 229 + (237 - 229) * t];
  const white = cover(mark(x, y, size), pixel);
  const rgb = bg.map((c) => Math.round(c * (1 - white) + 255 * white));
  return [rgb[0]!, rgb[1]!, rgb[2]!, Math.round(255 * tile)];
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    raw[row * (size * 4 + 1)] = 0; // filter: none
    for (let col = 0; col < size; col++) {
      // Sample 4×4 points a pixel for smooth edges at 16 px.
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = ((col + (sx + 0.5) / 4) / size) * 2 - 1;
          const y = ((row + (sy + 0.5) / 4) / size) * 2 - 1;
          const [r, g, b, a] = pixelColour(x, y, size);
          acc[0]! += r * a; acc[1]! += g * a; acc[2]! += b * a; acc[3]! += a;
        }
      }
      const alpha = acc[3]! / 16;
      const offset = row * (size * 4 + 1) + 1 + col * 4;
      raw[offset] = alpha ? Math.round(acc[0]! / acc[3]!) : 0;
      raw[offset + 1] = alpha ? Math.round(acc[1]! / acc[3]!) : 0;
      raw[offset + 2] = alpha ? Math.round(acc[2]! / acc[3]!) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of sizes) writeFileSync(new URL(`icon-${size}.png`, outDir), png(size));
console.log(`icons written: ${sizes.join(', ')} px`);
