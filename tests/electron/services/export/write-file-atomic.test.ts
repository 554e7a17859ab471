import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WriteFileError, writeFileAtomic, type AtomicWriteFs } from '../../../../electron/services/export/write-file-atomic';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'casebook-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const failWith = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

async function expectWriteError(promise: Promise<void>, code: WriteFileError['code']) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WriteFileError);
  expect((error as WriteFileError).code).toBe(code);
  expect((error as WriteFileError).message).toMatch(/could not be saved/);
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves nothing else behind', async () => {
    const target = join(dir, 'case.md');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await fs.readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await fs.readdir(dir)).toEqual(['case.md']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'case.html');
    await fs.writeFile(target, 'old');
    await writeFileAtomic(target, 'new contents');
    expect(await fs.readFile(target, 'utf8')).toBe('new contents');
    expect(await fs.readdir(dir)).toEqual(['case.html']);
  });

  it('says the folder is not writable when its "folder" is a file (root ignores chmod, so this stands in)', async () => {
    const file = join(dir, 'a-file');
    await fs.writeFile(file, 'x');
    await expectWriteError(writeFileAtomic(join(file, 'export.md'), 'x'), 'not-writable');
    await expectWriteError(writeFileAtomic(join(dir, 'missing', 'export.md'), 'x'), 'not-writable');
    expect(await fs.readdir(dir)).toEqual(['a-file']);
  });

  it('on a full disk removes the temporary file and keeps the old target as it was', async () => {
    const target = join(dir, 'backup.casebook');
    await fs.writeFile(target, 'previous backup');
    const full: AtomicWriteFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        // The first bytes land, then the disk fills up: a real half-written temp file.
        handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
          await fs.appendFile(String(args[0]), String(data).slice(0, 2));
          throw failWith('ENOSPC');
        };
        return handle;
      }) as typeof fs.open,
    };
    await expectWriteError(writeFileAtomic(target, 'a much larger new backup', full), 'disk-full');
    expect(await fs.readdir(dir)).toEqual(['backup.casebook']);
    expect(await fs.readFile(target, 'utf8')).toBe('previous backup');
  });

  it('cleans up when the final rename fails, and reports other errors as other', async () => {
    const target = join(dir, 'entities.csv');
    const failing: AtomicWriteFs = { ...fs, rename: async () => Promise.reject(failWith('EIO')) };
    await expectWriteError(writeFileAtomic(target, 'a,b\r\n', failing), 'other');
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
