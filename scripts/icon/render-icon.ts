/**
 * Draws the app icon from one list of shapes into assets/icon.svg and a 512x512 assets/icon.png
 * (electron-builder derives the .ico and .icns from the PNG). No image library: each pixel's coverage
 * comes from the shapes' signed distances, which anti-aliases edges, and the PNG is written with zlib.
 *
 *   node scripts/icon/render-icon.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { findRepoRoot } from '../harness/repo-root.ts';

type Rgb = readonly [number, number, number];
type Shape =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly r: number; readonly fill: string }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string }
  | { readonly kind: 'stroke'; readonly points: readonly (readonly [number, number])[]; readonly width: number; readonly stroke: string };

const SIZE = 512;

/** A ledger page with lines and a check mark on a rounded teal square. */
const SHAPES: readonly Shape[] = [
  { kind: 'rect', x: 16, y: 16, w: 480, h: 480, r: 104, fill: '#0f4c5c' },
  { kind: 'rect', x: 124, y: 88, w: 264, h: 336, r: 28, fill: '#ffffff' },
  { kind: 'rect', x: 164, y: 148, w: 184, h: 24, r: 12, fill: '#9db8c0' },
  { kind: 'rect', x: 164, y: 204, w: 184, h: 24, r: 12, fill: '#9db8c0' },
  { kind: 'rect', x: 164, y: 260, w: 112, h: 24, r: 12, fill: '#9db8c0' },
  { kind: 'circle', cx: 360, cy: 384, r: 88, fill: '#2f9e6e' },
  { kind: 'stroke', points: [[318, 386], [348, 416], [404, 352]], width: 26, stroke: '#ffffff' },
];

function toSvg(shapes: readonly Shape[]): string {
  const body = shapes.map((s) => {
    if (s.kind === 'rect') return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`;
    if (s.kind === 'circle') return `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
    const d = s.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
    return `  <path d="${d}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-linecap="round" stroke-linejoin="round"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">\n${body.join('\n')}\n</svg>\n`;
}

/** Signed distance from (px, py) to the shape's edge: negative inside. */
function distance(s: Shape, px: number, py: number): number {
  if (s.kind === 'rect') {
    const qx = Math.abs(px - (s.x + s.w / 2)) - (s.w / 2 - s.r);
    const qy = Math.abs(py - (s.y + s.h / 2)) - (s.h / 2 - s.r);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - s.r;
  }
  if (s.kind === 'circle') return Math.hypot(px - s.cx, py - s.cy) - s.r;
  let best = Infinity;
  for (let i = 1; i < s.points.length; i++) {
    const [ax, ay] = s.points[i - 1] as readonly [number, number];
    const [bx, by] = s.points[i] as readonly [number, number];
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    best = Math.min(best, Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))));
  }
  return best - s.width / 2;
}

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as Rgb;

function rasterize(shapes: readonly Shape[]): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const s of shapes) {
        const coverage = Math.max(0, Math.min(1, 0.5 - distance(s, x + 0.5, y + 0.5)));
        if (coverage === 0) continue;
        const [sr, sg, sb] = rgb(s.kind === 'stroke' ? s.stroke : s.fill);
        // Porter-Duff "over" in straight alpha.
        const outA = coverage + a * (1 - coverage);
        [r, g, b] = [[sr, r], [sg, g], [sb, b]].map(([src, dst]) => ((src as number) * coverage + (dst as number) * a * (1 - coverage)) / outA) as [number, number, number];
        a = outA;
      }
      pixels.set([r, g, b, a].map((v) => Math.round(v * 255)), (y * SIZE + x) * 4);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const assets = join(findRepoRoot(import.meta.dirname), 'assets');
writeFileSync(join(assets, 'icon.svg'), toSvg(SHAPES));
writeFileSync(join(assets, 'icon.png'), encodePng(rasterize(SHAPES)));
console.log(`wrote ${join(assets, 'icon.svg')} and icon.png (${SIZE}x${SIZE})`);
