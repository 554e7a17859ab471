import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { caseFolderName, createBackupRotation, localDay, type RotationFs } from '../../../electron/services/backup-rotation';

/** An in-memory folder tree: path → bytes. */
function fakeFs() {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>();
  const fs: RotationFs = {
    mkdir: async (dir) => void dirs.add(dir),
    readdir: async (dir) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
    writeFileAtomic: async (path, bytes) => {
      if (!dirs.has(dirname(path))) throw Object.assign(new Error('not-writable'), { code: 'not-writable', cause: { code: 'ENOENT' } });
      files.set(path, bytes);
    },
    unlink: async (path) => {
      files.delete(path);
    },
  };
  return { fs, files, dirs };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('backup rotation', () => {
  it('writes one backup a day per case and keeps the last seven', async () => {
    const { fs, files, dirs } = fakeFs();
    let today = new Date(2024, 0, 1, 9);
    const rotation = createBackupRotation({ dir: '/data/backups', fs, now: () => today });
    let encoded = 0;
    const encode = async () => bytes(`backup ${++encoded}`);

    expect(await rotation.hasBackupToday('case-1')).toBe(false);
    expect(await rotation.write('case-1', 'daily', encode)).toEqual({ written: true, fileName: '2024-01-01.casebook', removed: [] });
    expect([...dirs]).toEqual([join('/data/backups', 'case-1')]);
    expect(await rotation.hasBackupToday('case-1')).toBe(true);
    // Same day again: skipped without encoding the case.
    expect(await rotation.write('case-1', 'daily', encode)).toEqual({ written: false, reason: 'exists-today' });
    expect(encoded).toBe(1);

    for (let day = 2; day <= 10; day++) {
      today = new Date(2024, 0, day, 23, 59);
      await rotation.write('case-1', 'daily', encode);
    }
    expect(await rotation.list('case-1')).toEqual(['2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10'].map((d) => `${d}.casebook`));
    expect(new TextDecoder().decode(files.get(join('/data/backups/case-1', '2024-01-10.casebook')))).toBe('backup 10');
    // Another case has its own folder and its own seven.
    expect(await rotation.list('case-2')).toEqual([]);
  });

  it('always writes a pre-upgrade backup, apart from the daily ones, and keeps the last three', async () => {
    const { fs } = fakeFs();
    let today = new Date(2024, 5, 1);
    const rotation = createBackupRotation({ dir: '/b', fs, now: () => today });
    await rotation.write('c', 'daily', async () => bytes('d'));
    await rotation.write('c', 'pre-upgrade', async () => bytes('p1'));
    await rotation.write('c', 'pre-upgrade', async () => bytes('p2'));
    today = new Date(2024, 5, 2);
    await rotation.write('c', 'pre-upgrade', async () => bytes('p3'));
    const last = await rotation.write('c', 'pre-upgrade', async () => bytes('p4'));
    expect(last).toEqual({ written: true, fileName: '2024-06-02-pre-upgrade-2.casebook', removed: ['2024-06-01-pre-upgrade.casebook'] });
    expect(await rotation.list('c')).toEqual(['2024-06-01-pre-upgrade-2.casebook', '2024-06-01.casebook', '2024-06-02-pre-upgrade-2.casebook', '2024-06-02-pre-upgrade.casebook']);
  });

  it('names folders and days safely', () => {
    expect(caseFolderName('case-1')).toBe('case-1');
    expect(caseFolderName('../../etc')).toBe('______etc');
    expect(() => caseFolderName('')).toThrow();
    expect(localDay(new Date(2024, 11, 31, 23, 59))).toBe('2024-12-31');
  });

  it('writes nothing and removes nothing when encoding fails', async () => {
    const { fs, files } = fakeFs();
    const rotation = createBackupRotation({ dir: '/b', fs, now: () => new Date(2024, 0, 1) });
    await expect(rotation.write('c', 'daily', async () => Promise.reject(new Error('no memory')))).rejects.toThrow('no memory');
    expect(files.size).toBe(0);
  });
});
