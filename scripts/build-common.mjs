import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository, found upwards from the calling module: build scripts are
 * also bundled into dist/bench/, where "one folder up" is not the repo.
 */
export function findRepoRoot(fromUrl) {
  for (let dir = dirname(fileURLToPath(fromUrl)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'electron', 'main', 'index.ts'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Cannot find the repository above ${fileURLToPath(fromUrl)}`);
  }
}

/**
 * esbuild options for the import process and its PDF page worker: ES modules
 * for Node (pdf.js ships only as ESM) whose packages stay external, loaded
 * from node_modules beside their data files.
 */
export function nodeEsmOptions(root) {
  return { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
}
