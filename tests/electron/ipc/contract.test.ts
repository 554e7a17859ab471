import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channel-names';
import { CONTRACT } from '../../../shared/ipc/contract';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('the IPC contract', () => {
  it('lists at run time exactly the channels of its table', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it('keeps the preload small: it bundles the bridge and the name lists, not zod or the schemas', async () => {
    const result = await build({
      absWorkingDir: REPO,
      entryPoints: ['electron/preload/index.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs).sort()).toEqual(['electron/preload/index.ts', 'shared/ipc/bridge.ts', 'shared/ipc/channel-names.ts']);
  });
});
