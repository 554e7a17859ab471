import { fork, spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedImporter, type SpawnImportProcess } from '../../../../electron/services/import/isolated';
import type { ImportReply } from '../../../../electron/services/import/protocol';
import { nodeImportProcess } from '../../../../electron/services/import/node-process';
import { buildImportWorker } from '../../../../scripts/build-electron.mjs';

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
    `const send = process.send.bind(process);
     process.parentPort = { on: (event, listener) => process.on(event, (data) => listener({ data })), postMessage: (message) => void send(message) };`,
  );
}, 120_000);

/** The import process with the utilityProcess-shaped port (see utilityShim). */
const utilityLikeProcess = (): SpawnImportProcess => () => {
  const child = fork(worker, [], { serialization: 'advanced', execArgv: ['--import', pathToFileURL(utilityShim).href], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as ImportReply)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
};

/** Processes that keep every core busy until stopped. */
function busyLoops(count: number): { stop(): void } {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return { stop: () => children.forEach((child) => child.kill('SIGKILL')) };
}

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
