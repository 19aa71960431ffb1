/**
 * Writes the add-in's ribbon and store icons, assets/icon-{16,32,64,80,128}.png: a blue
 * rounded square with three white load bars under a capacity line. Pure Node (zlib), no
 * image library; the output is the same on every run. Run: `npm run icons`.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128] as const;
const OUT_DIR = resolve(__dirname, "../assets");
const ACCENT = [0x0f, 0x6c, 0xbd] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const AMBER = [0xff, 0xc8, 0x3d] as const;
/** Samples per pixel edge: 4 × 4 supersampling smooths the edges at 16 px. */
const SS = 4;

type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** What colour the icon has at (x, y) in unit coordinates (0..1), or undefined outside. */
function shade(x: number, y: number): Rgb | undefined {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return undefined;
  if (y > 0.25 && y < 0.32 && x > 0.16 && x < 0.84) return AMBER;
  const bars: readonly (readonly [number, number, number])[] = [
    [0.2, 0.36, 0.58],
    [0.42, 0.58, 0.4],
    [0.64, 0.8, 0.48],
  ];
  for (const [left, right, top] of bars) if (x >= left && x < right && y >= top && y < 0.8) return WHITE;
  return ACCENT;
}

function renderIcon(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    raw[row] = 0; // filter type None
    for (let px = 0; px < size; px++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const colour = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += 1;
        }
      }
      const at = row + 1 + px * 4;
      // Colours are averaged over covered samples only (straight, not premultiplied, alpha).
      raw[at] = alpha ? Math.round(red / alpha) : 0;
      raw[at + 1] = alpha ? Math.round(green / alpha) : 0;
      raw[at + 2] = alpha ? Math.round(blue / alpha) : 0;
      raw[at + 3] = Math.round((alpha / (SS * SS)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

for (const size of SIZES) {
  const path = resolve(OUT_DIR, `icon-${size}.png`);
  const png = renderIcon(size);
  writeFileSync(path, png);
  console.log(`${path} (${png.length} bytes)`);
}
