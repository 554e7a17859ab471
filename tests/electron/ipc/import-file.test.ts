import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc/handlers';
import { createLogFile } from '../../../electron/services/log-file';
import { createOriginalsStore } from '../../../electron/services/originals';
import { createIsolatedImporter, type IsolatedImporter } from '../../../electron/services/import/isolated';
import { nodeImportProcess } from '../../../electron/services/import/node-process';
import { buildImportWorker } from '../../../scripts/build-electron.mjs';

/**
 * `import:file` through the real dispatcher, handlers, isolated import
 * process and originals store, with a file that changes on disk while it is
 * being imported (a download still being written, a synced folder updating).
 */
const APP = 'casebook://app/index.html';
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let worker: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-import-file-'));
  // Inside the repository: the bundle loads its packages from node_modules.
  const outDir = join(process.cwd(), 'dist', 'test-workers', 'import-file');
  await buildImportWorker({ outDir });
  worker = join(outDir, 'import-worker.mjs');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dispatchWith(importer: IsolatedImporter, picked: string) {
  const deps: HandlerDeps = {
    appInfo: () => ({ name: 'Casebook', version: '0.1.0', platform: 'linux', dataDir: dir }),
    openExternal: async () => undefined,
    log: createLogFile(join(dir, 'logs', 'casebook.log')),
    readyToClose: () => undefined,
    chooseFiles: async () => [picked],
    importer,
    originals: createOriginalsStore(dir),
    chooseSavePath: async () => null,
    printBriefing: async () => {
      throw new Error('no printing expected');
    },
    writeFileAtomic: (path, bytes) => writeFile(path, bytes),
    chooseBackupFile: async () => null,
    openPath: async () => '',
    showItemInFolder: () => undefined,
  };
  return createDispatch(createHandlers(deps), { trustedOrigins: ['casebook://app'] });
}

describe('import:file with a file that changes during the import', () => {
  it('keeps exactly the bytes that were parsed and fingerprinted', async () => {
    const file = join(dir, 'interview.txt');
    const first = 'Interview notes\n\nThe broker said the drums came from Wuhan.\n';
    const later = 'Interview notes, edited\n\nThe broker later denied it.\n';
    await writeFile(file, first);
    const real = createIsolatedImporter({ spawn: nodeImportProcess(worker) });
    // The real import process parses; once it has, the file is rewritten on disk, before main stores the original.
    const importer: IsolatedImporter = {
      ...real,
      run: async (input, job) => {
        const source = await real.run(input, job);
        await writeFile(file, later);
        return source;
      },
    };
    const dispatch = dispatchWith(importer, file);
    await dispatch('import:choose-files', undefined, { senderUrl: APP });
    const result = await dispatch('import:file', { requestId: 'r1', path: file }, { senderUrl: APP });
    if (!result.ok) throw new Error(result.error.message);
    const source = result.value as { sha256: string; text: string };
    expect(source.sha256).toBe(sha(first));
    expect(source.text).toContain('came from Wuhan');
    const stored = await readFile(createOriginalsStore(dir).pathFor(source.sha256));
    expect(sha(stored)).toBe(source.sha256);
    expect(stored.toString('utf8')).toBe(first);
    expect(await readFile(file, 'utf8')).toBe(later); // the user's file is theirs: never touched
  });
});

describe('import:file with a chosen encoding', () => {
  const KOI8_R = new Uint8Array(Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2])); // "Привет, мир" in KOI8-R

  it('decodes the file with the encoding the renderer sends, and says it was chosen', async () => {
    const dispatch = dispatchWith(createIsolatedImporter({ spawn: nodeImportProcess(worker) }), join(dir, 'unused'));
    const result = await dispatch('import:file', { requestId: 'enc1', fileName: 'letter.txt', bytes: KOI8_R, encoding: 'koi8-r' }, { senderUrl: APP });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ text: 'Привет, мир', metadata: { encoding: 'koi8-r', encodingSource: 'chosen' } });
  }, 60_000);

  it('refuses an encoding it does not know, or a label that is not one, before starting an import', async () => {
    let started = 0;
    const importer = createIsolatedImporter({ spawn: () => ((started += 1), nodeImportProcess(worker)()) });
    const dispatch = dispatchWith(importer, join(dir, 'unused'));
    const unknown = await dispatch('import:file', { requestId: 'enc2', fileName: 'a.txt', bytes: KOI8_R, encoding: 'klingon-8' }, { senderUrl: APP });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: '"klingon-8" is not a text encoding Casebook knows.' } });
    const malformed = await dispatch('import:file', { requestId: 'enc3', fileName: 'a.txt', bytes: KOI8_R, encoding: 'utf-8; rm -rf /' }, { senderUrl: APP });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(started).toBe(0);
  });
});

describe('import:file with a damaged file', () => {
  it('tells the user in plain words and keeps the parser’s own for the log', async () => {
    const dispatch = dispatchWith(createIsolatedImporter({ spawn: nodeImportProcess(worker) }), join(dir, 'unused'));
    // A PDF whose catalog reference points nowhere: pdf.js says "Invalid Root reference."
    const body = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
    const pdf = `${body}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 9 0 R >>\nstartxref\n${body.length}\n%%EOF\n`;
    const result = await dispatch('import:file', { requestId: 'bad1', fileName: 'broken.pdf', bytes: new TextEncoder().encode(pdf) }, { senderUrl: APP });
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt', message: 'broken.pdf: damaged PDF — its structure could not be read' } });
    const log = await readFile(join(dir, 'logs', 'casebook.log'), 'utf8');
    const entry = log.trim().split('\n').map((line) => JSON.parse(line) as { level: string; message: string; detail?: string }).find((e) => e.message.startsWith('broken.pdf'));
    expect(entry).toMatchObject({ level: 'warn', message: 'broken.pdf: damaged PDF — its structure could not be read', detail: expect.stringMatching(/Root/) });
  }, 60_000);
});

