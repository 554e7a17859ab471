import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogFile } from '../../../electron/services/log-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('createLogFile', () => {
  it('creates the folder and writes one JSON object per line', async () => {
    const path = join(dir, 'logs', 'casebook.log');
    const log = createLogFile(path, () => new Date('2025-03-04T05:06:07.000Z'));
    await log.append({ level: 'info', message: 'started' });
    await log.append({ level: 'error', message: 'two\nlines "quoted"', detail: 'stack' });
    expect(await lines(path)).toEqual([
      { time: '2025-03-04T05:06:07.000Z', level: 'info', message: 'started' },
      { time: '2025-03-04T05:06:07.000Z', level: 'error', message: 'two\nlines "quoted"', detail: 'stack' },
    ]);
  });

  it('keeps concurrent appends whole and in call order', async () => {
    const path = join(dir, 'casebook.log');
    const log = createLogFile(path);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => log.append({ level: 'info', message: `m${i}`, detail: 'x'.repeat(500) })),
    );
    expect((await lines(path)).map((l) => l.message)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
  });

  it('rotates to .1 once the file passes the size limit, keeping one previous file', async () => {
    const path = join(dir, 'casebook.log');
    const log = createLogFile(path, undefined, { maxBytes: 300 });
    for (let i = 0; i < 12; i++) await log.append({ level: 'info', message: `entry ${i} ${'x'.repeat(40)}` });

    expect((await readdir(dir)).sort()).toEqual(['casebook.log', 'casebook.log.1']);
    const current = (await lines(path)).map((l) => l.message as string);
    const previous = (await lines(`${path}.1`)).map((l) => l.message as string);
    // Nothing lost across the last rotation, and the order holds.
    const all = [...previous, ...current].map((m) => Number(m.split(' ')[1]));
    expect(all).toEqual(all.slice().sort((a, b) => a - b));
    expect(all.at(-1)).toBe(11);
    // A line is about 100 bytes: the file may pass the limit by at most one line before rotating.
    expect((await stat(path)).size).toBeLessThanOrEqual(300 + 120);
    expect((await stat(`${path}.1`)).size).toBeGreaterThan(300);
  });

  it('an append that fails does not stop later ones', async () => {
    const path = join(dir, 'casebook.log');
    const { writeFile, mkdir } = await import('node:fs/promises');
    // A folder where the file should be makes appendFile fail.
    await mkdir(path);
    const log = createLogFile(path);
    await expect(log.append({ level: 'info', message: 'a' })).rejects.toThrow();
    await rm(path, { recursive: true });
    await writeFile(path, '');
    await log.append({ level: 'info', message: 'b' });
    expect((await lines(path)).map((l) => l.message)).toEqual(['b']);
  });
});
