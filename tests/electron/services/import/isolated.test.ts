import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedImporter } from '../../../../electron/services/import/isolated';
import { nodeImportProcess } from '../../../../electron/services/import/node-process';

/**
 * The runner's promises, proven with real child processes that behave like
 * a well, badly or maliciously behaved parser: answer, hang, crash, exhaust
 * memory. (The real import process is exercised by import-process.test.ts.)
 */
let dir: string;
const script = (name: string, body: string) => {
  const path = join(dir, `${name}.mjs`);
  return writeFile(path, body).then(() => path);
};
const SOURCE = { title: 'T', format: 'text', fileName: 'a.txt', text: 'hello', sha256: 'x'.repeat(64), size: 5, metadata: {} };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-isolated-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('isolated importer', () => {
  it('returns what the process answers, with its progress', async () => {
    const path = await script('ok', `process.on('message', () => { process.send({ type: 'progress', fraction: 0.5 }); process.send({ type: 'done', source: ${JSON.stringify(SOURCE)} }); });`);
    const progress: number[] = [];
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path) });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'a.txt' }, { onProgress: (f) => progress.push(f) })).resolves.toEqual(SOURCE);
    expect(progress).toEqual([0.5]);
  });

  it('passes on the parser’s typed failure', async () => {
    const path = await script('fail', `process.on('message', () => process.send({ type: 'failed', code: 'encrypted', message: 'a.pdf: encrypted PDF' }));`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path) });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'a.pdf' })).rejects.toMatchObject({ name: 'ImportError', code: 'encrypted', message: 'a.pdf: encrypted PDF' });
  });

  it('kills a parser that hangs and reports a timeout', async () => {
    const path = await script('hang', `process.on('message', () => { for (;;) {} });`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path), limits: { timeoutMs: 500 } });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'slow.pdf' })).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining('slow.pdf') });
  });

  it('lets a long job run while its progress moves (OCR of a long scan), and stops it once it stalls', async () => {
    // Progress every 200 ms for about 6.6 s: more than twice the stall limit in all.
    const steady = await script(
      'steady',
      `process.on('message', (m) => { if (m.type !== 'import-bytes') return; let f = 0; const t = setInterval(() => { f += 0.03; if (f < 1) process.send({ type: 'progress', fraction: f }); else { clearInterval(t); process.send({ type: 'done', source: ${JSON.stringify(SOURCE)} }); } }, 200); });`,
    );
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(steady), limits: { timeoutMs: 3000 } });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'scan.pdf' })).resolves.toEqual(SOURCE);
    // The same progress, then nothing.
    const stalls = await script('stalls', `process.on('message', () => { process.send({ type: 'progress', fraction: 0.1 }); setInterval(() => process.send({ type: 'progress', fraction: 0.1 }), 100); });`);
    const stalling = createIsolatedImporter({ spawn: nodeImportProcess(stalls), limits: { timeoutMs: 3000 } });
    await expect(stalling.run({ bytes: new Uint8Array([1]), fileName: 'stuck.pdf' })).rejects.toMatchObject({ code: 'timeout', message: 'stuck.pdf: reading it made no progress for 3 s and was stopped.' });
  }, 30_000);

  it('stops a job that runs past the longest time any file may take, progress or not', async () => {
    const path = await script('endless', `process.on('message', () => { let f = 0; setInterval(() => process.send({ type: 'progress', fraction: (f += 0.0001) }), 50); });`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path), limits: { timeoutMs: 60_000, maxDurationMs: 3000 } });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'book.pdf' })).rejects.toMatchObject({ code: 'timeout', message: 'book.pdf: reading it took longer than 3 s and was stopped.' });
  });

  it('turns a crash into that file’s error', async () => {
    const path = await script('crash', `process.on('message', () => process.exit(3));`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path) });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'bad.docx' })).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('exit code 3') });
  });

  it('survives a parser that runs out of memory, within its own limit', async () => {
    const path = await script('oom', `process.on('message', () => { const a = []; for (;;) a.push(new Array(1e6).fill(Math.random())); });`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path, { maxOldSpaceMb: 64 }), limits: { timeoutMs: 60_000 } });
    await expect(importer.run({ bytes: new Uint8Array([1]), fileName: 'bomb.docx' })).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('bomb.docx') });
  }, 60_000);

  it('cancels at once, killing the process', async () => {
    const path = await script('slow', `process.on('message', () => setTimeout(() => {}, 60_000));`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path) });
    const controller = new AbortController();
    const running = importer.run({ bytes: new Uint8Array([1]), fileName: 'dropped.txt' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'dropped.txt: import cancelled.' });
  });

  it('carries bytes to the process intact', async () => {
    const path = await script('echo', `process.on('message', (m) => process.send({ type: 'done', source: { ...${JSON.stringify(SOURCE)}, text: Array.from(m.bytes).join(',') + '|' + m.fileName } }));`);
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(path) });
    const source = await importer.run({ bytes: new Uint8Array([0, 255, 7]), fileName: 'b.bin' });
    expect(source.text).toBe('0,255,7|b.bin');
  });
  describe('a batch of files', () => {
    // Answers with its process id; leaves on main's ack; hangs on a file named slow.*; crashes on crash.*.
    const server = () =>
      script(
        'server',
        `process.on('message', (m) => {
           if (m.type === 'ack') process.exit(0);
           if (m.fileName.startsWith('slow')) for (;;) {}
           if (m.fileName.startsWith('crash')) process.exit(3);
           process.send({ type: 'done', source: { ...${JSON.stringify(SOURCE)}, fileName: m.fileName, text: String(process.pid) } });
         });`,
      );
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const file = (fileName: string) => ({ bytes: new Uint8Array([1]), fileName });

    it('reads the next file in the process that read the last, up to maxFiles, then in a fresh one', async () => {
      const importer = createIsolatedImporter({ spawn: nodeImportProcess(await server()), reuse: { idleMs: 30_000, maxFiles: 2 } });
      const pids: number[] = [];
      for (const name of ['a.txt', 'b.txt', 'c.txt']) pids.push(Number((await importer.run(file(name))).text));
      expect(pids[1]).toBe(pids[0]);
      expect(pids[2]).not.toBe(pids[0]);
      // The one that served its two files has been let go.
      await expect.poll(() => alive(pids[0]!), { timeout: 15_000 }).toBe(false);
    });

    it('lets a process go once no file came for idleMs', async () => {
      const importer = createIsolatedImporter({ spawn: nodeImportProcess(await server()), reuse: { idleMs: 300, maxFiles: 16 } });
      const pid = Number((await importer.run(file('a.txt'))).text);
      await expect.poll(() => alive(pid), { timeout: 15_000 }).toBe(false);
      // The next file gets a fresh process.
      expect(Number((await importer.run(file('b.txt'))).text)).not.toBe(pid);
    });

    it('never reuses a process that was stopped or crashed', async () => {
      const importer = createIsolatedImporter({ spawn: nodeImportProcess(await server()), limits: { timeoutMs: 3000 }, reuse: { idleMs: 30_000, maxFiles: 16 } });
      const first = Number((await importer.run(file('a.txt'))).text);
      await expect(importer.run(file('slow.pdf'))).rejects.toMatchObject({ code: 'timeout' });
      // The process that hung (the one that read a.txt) was killed; the next file is read elsewhere, and well.
      await expect.poll(() => alive(first), { timeout: 15_000 }).toBe(false);
      const second = Number((await importer.run(file('b.txt'))).text);
      expect(second).not.toBe(first);
      await expect(importer.run(file('crash.docx'))).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('exit code 3') });
      const third = Number((await importer.run(file('c.txt'))).text);
      expect(third).not.toBe(second);
    });

    it('lets the processes waiting for a file go when asked (closeIdle)', async () => {
      const importer = createIsolatedImporter({ spawn: nodeImportProcess(await server()), reuse: { idleMs: 60_000, maxFiles: 16 } });
      const pid = Number((await importer.run(file('a.txt'))).text);
      importer.closeIdle();
      await expect.poll(() => alive(pid), { timeout: 15_000 }).toBe(false);
    });

    it('reads one file at a time per process: two at once get two processes', async () => {
      const importer = createIsolatedImporter({ spawn: nodeImportProcess(await server()), reuse: { idleMs: 30_000, maxFiles: 16 } });
      const [a, b] = await Promise.all([importer.run(file('a.txt')), importer.run(file('b.txt'))]);
      expect(a.text).not.toBe(b.text);
      expect([a.fileName, b.fileName]).toEqual(['a.txt', 'b.txt']);
    });
  });
});
