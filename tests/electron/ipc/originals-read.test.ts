import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc/handlers';
import { createOriginalsStore } from '../../../electron/services/originals';

const APP = 'casebook://app/index.html';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let dispatch: ReturnType<typeof createDispatch>;
let originals: ReturnType<typeof createOriginalsStore>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-originals-read-'));
  originals = createOriginalsStore(dir);
  dispatch = createDispatch(createHandlers({ originals } as Partial<HandlerDeps> as HandlerDeps), { trustedOrigins: ['casebook://app'] });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** originals:read through main's real dispatcher, handler and originals store. */
describe('originals:read hands the reader the bytes of a kept original', () => {
  it('answers the exact bytes stored under a sha256', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 the report');
    await originals.putBytes(sha(bytes), bytes);
    const result = await dispatch('originals:read', { sha256: sha(bytes) }, { senderUrl: APP });
    expect(result).toEqual({ ok: true, value: bytes });
  });

  it('says the original is not here, as a typed error', async () => {
    const result = await dispatch('originals:read', { sha256: 'b'.repeat(64) }, { senderUrl: APP });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('refuses an original that no longer hashes to its name', async () => {
    const bytes = new TextEncoder().encode('the true report');
    const path = originals.pathFor(sha(bytes));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'other bytes under this name');
    const result = await dispatch('originals:read', { sha256: sha(bytes) }, { senderUrl: APP });
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('refuses anything that is not a sha256 before touching the disk', async () => {
    for (const sha256 of ['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}/..`]) {
      expect(await dispatch('originals:read', { sha256 }, { senderUrl: APP })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(await dispatch('originals:read', { sha256: 'a'.repeat(64), path: '/etc/passwd' }, { senderUrl: APP })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('reads no original over the size limit', async () => {
    const bytes = new Uint8Array(2048).fill(7);
    await originals.putBytes(sha(bytes), bytes);
    await expect(originals.read(sha(bytes), 1024)).rejects.toMatchObject({ reason: 'too-large' });
    expect(await originals.read(sha(bytes), 2048)).toEqual(bytes);
  });
});
