import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { findRepoRoot, nodeEsmOptions } from './build-common.mjs';
import { buildImportWorkers } from './build-import-workers.mjs';

const root = findRepoRoot(import.meta.url);

/**
 * Bundles main and preload into single CommonJS files. The preload has to be
 * one file: a sandboxed preload can require only 'electron' and a few
 * builtins, never our own modules. 'electron' stays external; the runtime
 * provides it.
 */
export async function buildElectron({ outDir = join(root, 'dist', 'electron') } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    // pdf.js (ESM only; main reads printed briefings back with it) stays a
    // runtime dependency, loaded by a native import() from the CommonJS bundle.
    build({ ...common, external: [...common.external, 'pdfjs-dist'], entryPoints: ['electron/main/index.ts'], outfile: join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: join(outDir, 'preload.cjs') }),
    buildImportWorker({ outDir }),
  ]);
}

/**
 * The isolated import process (electron/services/import/child.ts), an ES
 * module: pdf.js ships only as ESM. Its packages stay external (they are the
 * app's runtime dependencies, in node_modules), so jsdom and pdf.js keep the
 * files they load beside themselves. Split into chunks so each format's
 * parser (and the packages it needs) loads only when a file needs it.
 */
export async function buildImportWorker({ outDir = join(root, 'dist', 'electron') } = {}) {
  // The PDF page worker sits beside the import process, where the PDF parser looks for it.
  await buildImportWorkers({ outDir });
  return build({
    entryPoints: { 'import-worker': 'electron/services/import/child.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'import-chunks/[name]-[hash]',
    splitting: true,
    ...nodeEsmOptions(root),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && basename(process.argv[1]) === 'build-electron.mjs') {
  buildElectron().then(
    () => console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs'),
    () => process.exit(1), // esbuild has already printed the errors
  );
}
