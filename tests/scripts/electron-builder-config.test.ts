import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportWorker } from '../../scripts/build-electron.mjs';
import { SAVE_FILTERS } from '../../electron/main/save-filters';
import { BACKUP_FORMAT } from '../../shared/export/backup-manifest';
import { OCR_DATA_PACKAGES } from '../../electron/services/import/ocr/engine';

/**
 * The packaging configuration, checked without packaging (the Electron
 * binary electron-builder would download is out of reach here).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const CONFIG_FILE = 'electron-builder.config.cjs';
type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const config = require(join(root, CONFIG_FILE)) as Config;
const buildDir = join(root, config.directories.buildResources);
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('is what npm run dist uses, and package.json has no second one', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.build).toBeUndefined();
    expect(pkg.scripts.dist).toContain(`electron-builder --config ${CONFIG_FILE}`);
    expect(pkg.scripts['dist:dir']).toContain(`--config ${CONFIG_FILE} --dir`);
    expect(pkg.scripts.icons).toBe('node scripts/make-icons.mjs');
    // What the app is started from when packaged must be in `files`.
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
  });

  it('has the identity, targets and installer options the release needs', () => {
    expect(config).toMatchObject({
      appId: 'org.casebook.app',
      productName: 'Casebook',
      directories: { buildResources: 'build', output: 'release' },
      linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: expect.any(String), synopsis: expect.any(String) },
      win: { target: ['nsis'] },
      nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
      mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
    });
    // Windows groups the taskbar by this id; main sets the same one.
    expect(readFileSync(join(root, 'electron/main/index.ts'), 'utf8')).toContain(`setAppUserModelId('${config.appId}')`);
  });

  it('associates .casebook backups, the extension the backup export writes', () => {
    const [association, ...more] = config.fileAssociations;
    expect(more).toEqual([]);
    expect(association).toMatchObject({ ext: 'casebook', name: 'Casebook backup', role: 'Editor', icon: 'icon' });
    expect(SAVE_FILTERS.backup.flatMap((f) => f.extensions)).toEqual([association.ext]);
    expect(BACKUP_FORMAT).toBe(`${association.ext}-backup`);
    // electron-builder adds .icns (macOS) and .ico (Windows) to the name.
    expect(existsSync(join(buildDir, `${association.icon}.icns`))).toBe(true);
    expect(existsSync(join(buildDir, `${association.icon}.ico`))).toBe(true);
  });

  it('points at icons that exist: the source SVG, a PNG per size, .ico and .icns', async () => {
    expect(readFileSync(join(buildDir, 'icon.svg'), 'utf8')).toContain('viewBox="0 0 1024 1024"');
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    expect((await readdir(join(root, config.linux.icon))).sort()).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of ICON_SIZES) {
      expect(pngSize(await readFile(join(root, config.linux.icon, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(pngSize(await readFile(join(buildDir, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('the .ico holds PNG images from 16 to 256 px', async () => {
    const ico = await readFile(join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('the .icns holds PNG images of the sizes their types promise', async () => {
    const icns = await readFile(join(root, config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const PIXELS: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const types: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const size = pngSize(icns.subarray(at + 8, at + length));
      expect(size, type).toEqual({ width: PIXELS[type], height: PIXELS[type] });
      types.push(type);
      at += length;
    }
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it("passes electron-builder's own validation (its JSON schema and checks)", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // And the validator does catch a mistake.
    await expect(validateConfiguration({ ...config, productname: 'Casebook' }, new DebugLogger(false))).rejects.toThrow(/unknown property 'productname'/);
  });
});

describe('asarUnpack: the worker scripts and everything they load are on disk', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'casebook-workers-'));
    await buildImportWorker({ outDir });
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  const unpacked = (path: string) =>
    (config.asarUnpack as string[]).some((pattern) =>
      pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : pattern === path,
    );

  it('unpacks the import process, its chunks and the PDF page worker', async () => {
    const built = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.mjs'));
    expect(built).toContain('import-worker.mjs');
    expect(built).toContain('pdf-page-worker.mjs');
    for (const file of built) expect(unpacked(`dist/electron/${file.replaceAll('\\', '/')}`), file).toBe(true);
    expect(unpacked('dist/electron/main.cjs')).toBe(false);
  });

  it('unpacks every package those scripts import, and what those depend on', async () => {
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.mjs'));
    const bare = new Set<string>();
    for (const file of files) {
      const code = await readFile(join(outDir, file), 'utf8');
      for (const [, spec] of code.matchAll(/(?:^import[^;'"]*?from\s*|^import\s*|\bimport\(\s*)["']([^"'./][^"']*)["']/gm)) {
        if (spec!.startsWith('node:')) continue;
        bare.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    expect([...bare]).toEqual(expect.arrayContaining(['pdfjs-dist', 'tesseract.js', '@napi-rs/canvas']));
    // Read by path (OCR's trained data), not imported: listed by the code that reads them.
    for (const name of OCR_DATA_PACKAGES) bare.add(name);
    const seen = new Set<string>();
    const queue = [...bare];
    while (queue.length) {
      const name = queue.pop()!;
      const manifest = join(root, 'node_modules', name, 'package.json');
      if (seen.has(name) || !existsSync(manifest)) continue;
      seen.add(name);
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      queue.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }));
    }
    const missing = [...seen].filter((name) => !unpacked(`node_modules/${name}/index.js`));
    expect(missing, `not unpacked: ${missing.join(', ')}`).toEqual([]);
    // They must also be runtime dependencies, or electron-builder leaves them out altogether.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect([...bare].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });
});
