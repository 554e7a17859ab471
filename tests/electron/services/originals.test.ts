import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOriginalsStore } from '../../../electron/services/originals';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-originals-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('originals store', () => {
  it('keeps bytes under their sha256, once', async () => {
    const store = createOriginalsStore(dir);
    const bytes = new TextEncoder().encode('original report');
    const path = await store.putBytes(sha(bytes), bytes);
    expect(path).toBe(join(dir, 'originals', sha(bytes).slice(0, 2), sha(bytes)));
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    await store.putBytes(sha(bytes), bytes);
    expect(await readdir(join(dir, 'originals', sha(bytes).slice(0, 2)))).toEqual([sha(bytes)]);
    expect(await store.has(sha(bytes))).toBe(true);
  });

  it('copies a file from disk', async () => {
    const store = createOriginalsStore(dir);
    const file = join(dir, 'report.pdf');
    await writeFile(file, 'pdf bytes');
    const hash = sha(new TextEncoder().encode('pdf bytes'));
    expect(await readFile(await store.putFile(hash, file), 'utf8')).toBe('pdf bytes');
  });

  it('leaves nothing behind when the copy fails', async () => {
    const store = createOriginalsStore(dir);
    const hash = 'a'.repeat(64);
    await expect(store.putFile(hash, join(dir, 'vanished.pdf'))).rejects.toThrow();
    expect(await store.has(hash)).toBe(false);
    expect(await readdir(join(dir, 'originals', 'aa'))).toEqual([]);
  });

  it('refuses a name that is not a sha256', async () => {
    const store = createOriginalsStore(dir);
    await expect(store.putBytes('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/Not a sha256/);
  });
});
