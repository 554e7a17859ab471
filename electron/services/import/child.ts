import { enableCompileCache } from './compile-cache';
import { importBytes, isImportError } from './index';
import type { ImportAck, ImportReply, ImportRequest } from './protocol';

/**
 * Entry of the isolated import process: an Electron utilityProcess in the
 * app, a Node child process in tests. It parses one file at a time, and
 * main may hand it the next file of a batch once it has replied (see
 * isolated.ts), so the parsers it has loaded (pdf.js, and pdf.js in its
 * helper threads) serve the whole batch. A parser that crashes or hangs
 * takes only this process, and the file in hand, with it.
 *
 * It leaves only once main has its reply: when main acknowledges it (both
 * paths), or when the channel to main is gone. A reply of several megabytes
 * takes a while to cross, longer on a busy machine, and whatever is still in
 * flight when the process exits is lost ("the importer stopped…").
 */
interface Port {
  on(listener: (message: ImportRequest | ImportAck) => void): void;
  /** Resolves once the message has left this process (Node: the send callback), as far as the channel can tell. */
  post(message: ImportReply): Promise<void>;
}

type ElectronParentPort = { on(e: 'message', l: (e: { data: ImportRequest | ImportAck }) => void): void; postMessage(m: ImportReply): void };

function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    // postMessage has no completion callback: main's ack is what says the reply arrived.
    return { on: (l) => electronPort.on('message', (e) => l(e.data)), post: async (m) => electronPort.postMessage(m) };
  }
  if (!process.send) throw new Error('The import process must be started with an IPC channel.');
  // Main gone: nobody is waiting for a reply.
  process.on('disconnect', () => process.exit(0));
  return {
    on: (l) => process.on('message', (m) => l(m as ImportRequest | ImportAck)),
    post: (m) => new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve())),
  };
}

// Before any parser loads (each is imported on first use): their code then comes from the cache where the runtime has one.
enableCompileCache();
const port = parentPort();
let lastProgress = 0;
const onProgress = (fraction: number) => {
  // A few updates a second are plenty for a progress bar.
  const now = Date.now();
  if (now - lastProgress < 100 && fraction < 1) return;
  lastProgress = now;
  void port.post({ type: 'progress', fraction });
};

let busy = false;
port.on((message) => {
  if (message.type === 'ack') {
    process.exit(0);
  }
  // One file at a time: main sends the next only after the reply to this one.
  if (message.type !== 'import-bytes' || busy) return;
  busy = true;
  lastProgress = 0;
  importBytes(new Uint8Array(message.bytes), message.fileName, { limits: message.limits, onProgress, ...(message.encoding ? { encoding: message.encoding } : {}) })
    .then(
      (source): ImportReply => ({ type: 'done', source }),
      (error: unknown): ImportReply =>
        isImportError(error)
          ? { type: 'failed', code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) }
          : { type: 'failed', code: 'corrupt', message: `${message.fileName}: the importer failed while reading this file.`, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    )
    // Then wait for main's ack (above) before leaving, or for the next file.
    .then((reply) => {
      busy = false;
      return port.post(reply);
    });
});
