import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths, logFilePath } from '../../../electron/main/paths';

describe('bundlePaths', () => {
  it('finds the renderer, preload and import worker beside the main bundle in dist/', () => {
    const dist = join('/opt', 'Casebook', 'resources', 'app', 'dist');
    expect(bundlePaths(join(dist, 'electron'))).toEqual({
      rendererDir: join(dist, 'renderer'),
      preloadPath: join(dist, 'electron', 'preload.cjs'),
      importWorkerPath: join(dist, 'electron', 'import-worker.mjs'),
    });
  });
});

describe('logFilePath', () => {
  it('is logs/casebook.log in the data folder', () => {
    expect(logFilePath(join('/home', 'u', '.config', 'Casebook'))).toBe(
      join('/home', 'u', '.config', 'Casebook', 'logs', 'casebook.log'),
    );
  });
});
