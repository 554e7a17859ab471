import type { ImportedSource } from '../../../shared/model/imported-source';
import { ImportError } from './errors';
import type { ImportAck, ImportReply, ImportRequest } from './protocol';
import { DEFAULT_LIMITS, type ImportLimits } from './types';

/** One isolated import process, as main sees it (utilityProcess in Electron, child_process in Node). */
export interface ImportProcess {
  postMessage(message: ImportRequest | ImportAck): void;
  onMessage(listener: (message: ImportReply) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnImportProcess = () => ImportProcess;

/** A file's bytes as main read them (or the page sent them), with its name for messages and format hints. */
export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** A text encoding the user chose for this file, instead of the detected one (see ImportRequest). */
  encoding?: string;
}

/** "1.5 s", "45 s", "2 min", "60 min". */
function duration(ms: number): string {
  if (ms >= 90_000) return `${Math.round(ms / 60_000)} min`;
  const seconds = ms / 1000;
  return `${seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds)} s`;
}

/** How long a process that has replied and been acknowledged may take to leave before it is killed. */
const EXIT_GRACE_MS = 10_000;

/**
 * Runs each import in a fresh process with time limits: a parser whose
 * progress stops moving for `timeoutMs`, or that runs past `maxDurationMs`,
 * is killed ("timeout"), one that crashes or runs out of memory is
 * that file's error ("corrupt"), a cancelled one is killed at once. The app
 * and the other imports carry on.
 */
export function createIsolatedImporter(options: { spawn: SpawnImportProcess; limits?: Partial<ImportLimits> }) {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits };

  function run(input: ImportInput, job: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<ImportedSource> {
    const { fileName } = input;
    if (job.signal?.aborted) return Promise.reject(new ImportError('cancelled', `${fileName}: import cancelled.`));
    return new Promise<ImportedSource>((resolve, reject) => {
      const child = options.spawn();
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(ceiling);
        job.signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const stop = (error: ImportError) => {
        finish(() => reject(error));
        child.kill();
      };
      const onAbort = () => stop(new ImportError('cancelled', `${fileName}: import cancelled.`));
      // Hung: no progress for timeoutMs. Progress moves at least every page, so a long OCR job is not "hung".
      const stalled = () => stop(new ImportError('timeout', `${fileName}: reading it made no progress for ${duration(limits.timeoutMs)} and was stopped.`));
      let timer = setTimeout(stalled, limits.timeoutMs);
      const ceiling = setTimeout(
        () => stop(new ImportError('timeout', `${fileName}: reading it took longer than ${duration(limits.maxDurationMs)} and was stopped.`)),
        limits.maxDurationMs,
      );
      let lastFraction = -1;
      job.signal?.addEventListener('abort', onAbort, { once: true });

      let exited = false;
      // The reply is here, whole: the process may leave (it waits for this), and is made to if it does not.
      const acknowledge = () => {
        if (exited) return;
        try {
          child.postMessage({ type: 'ack' });
        } catch {
          // Already gone.
        }
        const reaper = setTimeout(() => {
          if (!exited) child.kill();
        }, EXIT_GRACE_MS);
        (reaper as { unref?: () => void }).unref?.();
      };

      child.onMessage((message) => {
        if (message.type === 'progress') {
          if (settled) return;
          if (message.fraction > lastFraction) {
            lastFraction = message.fraction;
            clearTimeout(timer);
            timer = setTimeout(stalled, limits.timeoutMs);
          }
          job.onProgress?.(message.fraction);
          return;
        }
        if (settled) return;
        if (message.type === 'done') finish(() => resolve(message.source));
        else finish(() => reject(new ImportError(message.code, message.message, message.detail ? { detail: message.detail } : undefined)));
        acknowledge();
      });
      child.onExit((code) => {
        exited = true;
        finish(() =>
          reject(new ImportError('corrupt', `${fileName}: the importer stopped while reading this file (exit code ${code ?? 'none'}); the file may be damaged or too complex.`)),
        );
      });
      child.postMessage({ type: 'import-bytes', bytes: input.bytes, fileName, limits, ...(input.encoding ? { encoding: input.encoding } : {}) });
    });
  }

  return { run, limits };
}
export type IsolatedImporter = ReturnType<typeof createIsolatedImporter>;
