import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { findRepoRoot, nodeEsmOptions } from './build-common.mjs';

const ENTRY = 'electron/services/import/pdf/page-worker.ts';

const root = findRepoRoot(import.meta.url);

/**
 * Bundles the PDF page worker (electron/services/import/pdf/page-worker.ts,
 * with the parser code it shares) into one ES module,
 * `<outDir>/pdf-page-worker.mjs`. Packages stay external: pdf.js is loaded
 * from node_modules, beside its data files.
 *
 * The parser looks for that file beside the bundle it runs in: built into
 * the folder of dist/electron/import-worker.mjs, in the same step, it ships
 * with the import process. Tests and benchmarks build it into
 * dist/import-workers/ and pass its path.
 */
export async function buildImportWorkers({ outDir = join(root, 'dist', 'import-workers') } = {}) {
  const outfile = join(outDir, 'pdf-page-worker.mjs');
  await build({
    entryPoints: [join(root, ENTRY)],
    outfile,
    ...nodeEsmOptions(root),
  });
  return { pdfPageWorker: outfile };
}

// Run as a script (not when bundled into something else, such as a benchmark).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && basename(process.argv[1]) === 'build-import-workers.mjs') {
  buildImportWorkers().then(
    ({ pdfPageWorker }) => console.log(`Built ${pdfPageWorker}`),
    () => process.exit(1), // esbuild has already printed the errors
  );
}
