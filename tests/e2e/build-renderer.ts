import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildImportWorker } from '../../scripts/build-electron.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
export const IMPORT_WORKER = fileURLToPath(new URL('../../dist/electron/import-worker.mjs', import.meta.url));

/** Production-builds the renderer and the import process exactly as `npm start` does. */
export async function buildRenderer(): Promise<void> {
  await buildImportWorker();
  await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  if (!existsSync(`${RENDERER_DIST}/index.html`) || statSync(`${RENDERER_DIST}/index.html`).size === 0) {
    throw new Error('The renderer build produced no index.html.');
  }
}
