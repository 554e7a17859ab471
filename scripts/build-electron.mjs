import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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
    build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: join(outDir, 'preload.cjs') }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().then(
    () => console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs'),
    () => process.exit(1), // esbuild has already printed the errors
  );
}
