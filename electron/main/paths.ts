import { join, resolve } from 'node:path';

/**
 * Where the bundles find each other. The main bundle is dist/electron/main.cjs,
 * so everything is relative to its folder, in development and when packaged.
 */
export function bundlePaths(mainBundleDir: string) {
  const distDir = resolve(mainBundleDir, '..');
  return {
    rendererDir: join(distDir, 'renderer'),
    preloadPath: join(mainBundleDir, 'preload.cjs'),
    importWorkerPath: join(mainBundleDir, 'import-worker.mjs'),
  };
}

export function logFilePath(userDataDir: string): string {
  return join(userDataDir, 'logs', 'casebook.log');
}
