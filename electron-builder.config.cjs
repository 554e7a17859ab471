// @ts-check
/**
 * electron-builder configuration for `npm run dist` (installers) and
 * `npm run dist:dir` (the unpacked app only). A file rather than package.json's
 * `build` key so it can carry comments and compute the unpack list below.
 * electron-builder does not look for this name by itself: the npm scripts pass
 * `--config electron-builder.config.cjs`.
 *
 * Checked by tests/scripts/electron-builder-config.test.ts (required fields,
 * resources on disk, electron-builder's own JSON schema).
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The import process (a utilityProcess) and its PDF page worker (a worker
 * thread) are separate scripts started from a path, and ES modules: they run
 * from real files on disk (app.asar.unpacked), not from inside the archive.
 */
const WORKER_FILES = ['dist/electron/import-worker.mjs', 'dist/electron/import-chunks/**', 'dist/electron/pdf-page-worker.mjs'];

/**
 * The packages those workers import (they stay external in the bundles, see
 * scripts/build-electron.mjs). A script in app.asar.unpacked resolves
 * packages in app.asar.unpacked/node_modules only, so these and everything
 * they depend on are unpacked too. Main still reads them through the archive
 * path; Electron redirects unpacked entries transparently.
 */
const WORKER_PACKAGES = [
  '@mozilla/readability',
  // OCR: Skia canvases to draw PDF pages on (a native binary, per platform: its installed optional dependency).
  '@napi-rs/canvas',
  // OCR: the trained data, read by path (electron/services/import/ocr/engine.ts), never imported.
  '@tesseract.js-data/eng',
  'chardet',
  'dompurify',
  'fflate',
  'iconv-lite',
  'jsdom',
  'mammoth',
  'markdown-it',
  'pdfjs-dist',
  'postal-mime',
  // OCR: starts its own worker thread from a script in the package, which loads tesseract.js-core's wasm.
  'tesseract.js',
];

/** The installed packages `roots` need at run time (dependencies and installed optional ones), sorted. */
function runtimeClosure(roots, nodeModules = join(__dirname, 'node_modules')) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = /** @type {string} */ (queue.pop());
    if (seen.has(name)) continue;
    const manifest = join(nodeModules, name, 'package.json');
    // Optional dependencies for other platforms (@napi-rs/canvas-*) are not installed.
    if (!existsSync(manifest)) continue;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    queue.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }));
  }
  return [...seen].sort();
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.casebook.app',
  productName: 'Casebook',
  copyright: 'Copyright © Casebook contributors',
  directories: {
    buildResources: 'build',
    output: 'release',
  },
  // The renderer and main are bundled into dist/; the runtime `dependencies`
  // (parsers, pdf.js, fonts) are added from node_modules by electron-builder
  // itself, devDependencies never.
  files: ['dist/**/*', 'package.json'],
  asarUnpack: [...WORKER_FILES, ...runtimeClosure(WORKER_PACKAGES).map((name) => `node_modules/${name}/**`)],
  fileAssociations: [
    {
      ext: 'casebook',
      name: 'Casebook backup',
      description: 'A Casebook case backup',
      mimeType: 'application/x-casebook-backup',
      role: 'Editor',
      // build/icon.icns on macOS, build/icon.ico on Windows.
      icon: 'icon',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    // The set made by `npm run icons`, one NxN.png per size.
    icon: 'build/icons',
    maintainer: 'Casebook maintainers <casebook@example.org>',
    vendor: 'Casebook',
    synopsis: 'An offline notebook for investigators',
    description: 'Notes, sources and entities for an investigation, each claim traced to the passage it came from. Works offline.',
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: 'Casebook',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/icon.icns',
    // Required for notarization; electron-builder's default entitlements
    // (JIT, unsigned executable memory) are what Electron needs.
    hardenedRuntime: true,
    gatekeeperAssess: false,
  },
  dmg: {
    title: 'Casebook ${version}',
  },
  // Electron fuses (security checklist item 19), flipped in the packaged
  // binary: it cannot be run as plain Node or be handed Node options or an
  // inspector, loads only the app's own asar (checked against its hash), and
  // file: gets no extra powers. Import runs in a utilityProcess, which
  // needs none of what is turned off.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
};

module.exports = config;
