import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

  it('replaces an existing original that no longer matches its name, and is whole afterwards', async () => {
    const store = createOriginalsStore(dir);
    const bytes = new TextEncoder().encode('the true report');
    const path = store.pathFor(sha(bytes));
    // What an older version left when the file changed mid-import: other bytes under this name.
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'bytes of another version');
    expect(await store.putBytes(sha(bytes), bytes)).toBe(path);
    expect(sha(new Uint8Array(await readFile(path)))).toBe(sha(bytes));
    expect(await readdir(dirname(path))).toEqual([sha(bytes)]); // no temporary file left

    await writeFile(path, 'damaged again');
    const file = join(dir, 'report.txt');
    await writeFile(file, bytes);
    await store.putFile(sha(bytes), file);
    expect(await readFile(path, 'utf8')).toBe('the true report');
  });

  it('keeps an intact original as it is', async () => {
    const store = createOriginalsStore(dir);
    const bytes = new TextEncoder().encode('intact');
    const path = await store.putBytes(sha(bytes), bytes);
    const before = (await stat(path)).ino;
    await store.putBytes(sha(bytes), bytes);
    expect((await stat(path)).ino).toBe(before);
  });

  it('refuses bytes or a file that do not hash to the name, storing nothing', async () => {
    const store = createOriginalsStore(dir);
    const claimed = sha(new TextEncoder().encode('what the importer read'));
    await expect(store.putBytes(claimed, new TextEncoder().encode('something else'))).rejects.toThrow(/do not match the fingerprint/);
    const file = join(dir, 'changed.txt');
    await writeFile(file, 'something else');
    await expect(store.putFile(claimed, file)).rejects.toThrow(/does not match its fingerprint/);
    expect(await store.has(claimed)).toBe(false);
    expect(await readdir(join(dir, 'originals', claimed.slice(0, 2)))).toEqual([]);
  });
});
