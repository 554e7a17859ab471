import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { findRepoRoot } from './build-common.mjs';

/**
 * `npm run icons`: every icon the installers need, from the one source image
 * build/icon.svg, rasterized by Chromium (playwright-core drives the system
 * browser, nothing is downloaded):
 *   build/icons/NxN.png  the Linux icon set (electron-builder's naming)
 *   build/icon.png       1024 px, the fallback electron-builder converts from
 *   build/icon.ico       Windows, PNG entries 16…256
 *   build/icon.icns      macOS, PNG entries ic07…ic14
 * Re-runnable; commit the outputs (electron-builder reads them from build/).
 */

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS PNG types by pixel size: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x). */
export const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The ICO container: a 6-byte header, one 16-byte directory entry per image,
 * then the images. Since Windows Vista an entry may be a whole PNG file.
 * @param {{ size: number, png: Uint8Array }[]} images
 */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    if (size > 256) throw new Error(`ICO entries are at most 256 px, not ${size}`);
    const entry = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => Buffer.from(png))]);
}

/**
 * The ICNS container: 'icns' and the file's length (big-endian), then per
 * image its four-letter type, its length including this 8-byte header, and a PNG.
 * @param {{ type: string, png: Uint8Array }[]} images
 */
export function icnsFromPngs(images) {
  const entries = images.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/i.test(type)) throw new Error(`Bad ICNS type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, Buffer.from(png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png) {
  const bytes = Buffer.from(png);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('Not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Renders the SVG at each size with Chromium; returns PNG bytes by size. */
export async function rasterize(svg, sizes, { executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    /** @type {Map<number, Buffer>} */
    const out = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="${src}" width="${size}" height="${size}">`,
      );
      await page.waitForFunction(() => document.images[0]?.complete);
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function makeIcons({ buildDir }) {
  const svg = await readFile(join(buildDir, 'icon.svg'), 'utf8');
  const pngs = await rasterize(svg, PNG_SIZES);
  for (const [size, png] of pngs) {
    const { width, height } = pngSize(png);
    if (width !== size || height !== size) throw new Error(`Rendered ${width}×${height} for ${size}`);
  }
  await mkdir(join(buildDir, 'icons'), { recursive: true });
  const written = [];
  const write = async (name, bytes) => {
    await writeFile(join(buildDir, name), bytes);
    written.push(name);
  };
  for (const size of PNG_SIZES) await write(join('icons', `${size}x${size}.png`), pngs.get(size));
  await write('icon.png', pngs.get(1024));
  await write('icon.ico', icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await write('icon.icns', icnsFromPngs(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && basename(process.argv[1]) === 'make-icons.mjs') {
  const buildDir = join(findRepoRoot(import.meta.url), 'build');
  makeIcons({ buildDir }).then(
    (written) => console.log(`Wrote ${written.length} files in build/: ${written.join(', ')}`),
    (error) => {
      console.error(`Could not make the icons: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
