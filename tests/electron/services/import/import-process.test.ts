import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedImporter, type SpawnImportProcess } from '../../../../electron/services/import/isolated';
import type { ImportReply } from '../../../../electron/services/import/protocol';
import { nodeImportProcess } from '../../../../electron/services/import/node-process';
import { buildImportWorker } from '../../../../scripts/build-electron.mjs';
import { drawPage, wrap } from '../../../fixtures/draw-text';
import { startPdfPrinter } from './pdf/print';

const WORDS = 'On 14 March the harbour master confirmed that the vessel Northern Star left Riga with forty containers of chemical precursors.';

/**
 * The real import process (the bundle of child.ts), started as the tests and
 * the harness start it. Its reply for a large file is megabytes long: it must
 * reach main whole however busy the machine is, which it did not when the
 * process left a fixed 50 ms after sending it.
 */
let worker: string;
let utilityShim: string;
beforeAll(async () => {
  // Inside the repository: the bundle loads its packages from node_modules.
  const outDir = join(process.cwd(), 'dist', 'test-workers', 'import-process');
  await buildImportWorker({ outDir });
  worker = join(outDir, 'import-worker.mjs');
  // Electron's utilityProcess gives the process a `process.parentPort` whose
  // postMessage has no completion callback: the same, over Node's channel.
  utilityShim = join(outDir, 'utility-port-shim.mjs');
  await writeFile(
    utilityShim,
    // (Preloads run in worker threads too, which have no channel to main.)
    `if (process.send) {
       const send = process.send.bind(process);
       process.parentPort = { on: (event, listener) => process.on(event, (data) => listener({ data })), postMessage: (message) => void send(message) };
     }`,
  );
}, 120_000);

/** The import process with the utilityProcess-shaped port (see utilityShim). */
const utilityLikeProcess = (): SpawnImportProcess => processWith(['--import', pathToFileURL(utilityShim).href]);

/** Processes that keep every core busy until stopped. */
function busyLoops(count: number): { stop(): void } {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return { stop: () => children.forEach((child) => child.kill('SIGKILL')) };
}

/** Spawns the import process with these Node options (preloads run in its worker threads too). */
const processWith = (execArgv: string[]): SpawnImportProcess => () => {
  const child = fork(worker, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as ImportReply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
};

let load: { stop(): void } | undefined;
afterAll(() => load?.stop());

describe('the import process', () => {
  it.each([
    ['a Node child process (send callback)', () => nodeImportProcess(worker)],
    ['a utilityProcess-like port (no send callback: main’s ack)', () => utilityLikeProcess()],
  ])('delivers a multi-megabyte reply every time, on a machine whose cores are all busy: %s', async (_, spawnWith) => {
    // About 6 MB of text: the reply (text, and nothing else) is as long.
    const line = 'The shipment left Riga on 4 May; the broker paid in cash and kept no invoice.\n';
    const text = line.repeat(Math.ceil((6 * 1024 * 1024) / line.length));
    const bytes = new TextEncoder().encode(text);
    const importer = createIsolatedImporter({ spawn: spawnWith(), limits: { timeoutMs: 240_000 } });
    load = busyLoops(availableParallelism() * 2);
    // Two at a time, as the app's import queue runs them.
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([0, 1].map(() => importer.run({ bytes, fileName: 'ledger.txt' })));
      for (const result of results) outcomes.push(result.status === 'fulfilled' ? (result.value.text === text.trimEnd() ? 'whole' : 'different text') : (result.reason as Error).message);
    }
    load.stop();
    expect(outcomes).toEqual(Array(6).fill('whole'));
  }, 600_000);
});

describe('OCR in the import process', () => {
  it('reads a scanned PDF and a picture as in the app (a utilityProcess), offline: nothing tries to connect anywhere', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casebook-offline-'));
    const attempts = join(dir, 'attempts.log');
    // Every way out (sockets, DNS, fetch) fails, and is written down; --require runs in worker threads too.
    const blocker = join(dir, 'block-network.cjs');
    await writeFile(
      blocker,
      `const fs = require('node:fs'), net = require('node:net'), dns = require('node:dns'), { isMainThread } = require('node:worker_threads');
       const note = (what) => { fs.appendFileSync(${JSON.stringify(attempts)}, (isMainThread ? 'main' : 'worker') + ' ' + what + '\\n'); return new Error('offline: ' + what); };
       const connect = net.Socket.prototype.connect;
       net.Socket.prototype.connect = function (...args) { if (args[0] && typeof args[0] === 'object' && args[0].path) return connect.apply(this, args); throw note('connect ' + JSON.stringify(args[0])); };
       dns.lookup = (host) => { throw note('dns ' + host); };
       dns.promises.lookup = async (host) => { throw note('dns ' + host); };
       globalThis.fetch = async (url) => { throw note('fetch ' + String(url)); };`,
    );
    // What Electron's utilityProcess looks like to pdf.js: not Node (process.type), and its parentPort.
    const utility = `data:text/javascript,${encodeURIComponent("Object.defineProperty(process.versions, 'electron', { value: '45.0.0' }); process.type = 'utility';")}`;
    const importer = createIsolatedImporter({ spawn: processWith(['--require', blocker, '--import', utility, '--import', pathToFileURL(utilityShim).href]) });
    const page = drawPage(wrap(WORDS));
    const printer = await startPdfPrinter();
    let scan: Uint8Array;
    try {
      scan = await printer.print(
        `<!doctype html><style>@page{size:A5;margin:0} body{margin:0} img{width:148mm;height:210mm;display:block}</style><img src="data:image/png;base64,${Buffer.from(page.png).toString('base64')}">`,
        { format: 'A5' },
      );
    } finally {
      await printer.close();
    }
    try {
      const fromPdf = await importer.run({ bytes: scan, fileName: 'scan.pdf' });
      const fromPng = await importer.run({ bytes: page.png, fileName: 'scan.png' });
      for (const source of [fromPdf, fromPng]) {
        expect(source.text.replace(/\s+/g, ' ')).toContain('the vessel Northern Star left Riga');
        expect(source.metadata.ocr).toMatch(/^Tesseract/);
      }
      expect(fromPdf.format).toBe('pdf');
      expect(fromPng.format).toBe('image');
      expect(existsSync(attempts) ? await readFile(attempts, 'utf8') : '').toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
