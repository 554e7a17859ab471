import { importBytes, isImportError } from './index';
import type { ImportReply, ImportRequest } from './protocol';

/**
 * Entry of the isolated import process: an Electron utilityProcess in the
 * app, a Node child process in tests. It parses exactly one file and exits,
 * so a parser that leaks, crashes or hangs takes only this process with it.
 */
interface Port {
  on(listener: (message: ImportRequest) => void): void;
  post(message: ImportReply): void;
}

function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: { on(e: 'message', l: (e: { data: ImportRequest }) => void): void; postMessage(m: ImportReply): void } }).parentPort;
  if (electronPort) {
    return { on: (l) => electronPort.on('message', (e) => l(e.data)), post: (m) => electronPort.postMessage(m) };
  }
  if (!process.send) throw new Error('The import process must be started with an IPC channel.');
  return {
    on: (l) => process.on('message', (m) => l(m as ImportRequest)),
    post: (m) => {
      process.send!(m);
    },
  };
}

const port = parentPort();
let lastProgress = 0;
const onProgress = (fraction: number) => {
  // A few updates a second are plenty for a progress bar.
  const now = Date.now();
  if (now - lastProgress < 100 && fraction < 1) return;
  lastProgress = now;
  port.post({ type: 'progress', fraction });
};

port.on((request) => {
  importBytes(new Uint8Array(request.bytes), request.fileName, { limits: request.limits, onProgress })
    .then((source) => port.post({ type: 'done', source }))
    .catch((error: unknown) =>
      port.post(
        isImportError(error)
          ? { type: 'failed', code: error.code, message: error.message }
          : { type: 'failed', code: 'corrupt', message: `The importer failed: ${error instanceof Error ? error.message : String(error)}` },
      ),
    )
    // Let the reply flush before leaving.
    .finally(() => setTimeout(() => process.exit(0), 50));
});
