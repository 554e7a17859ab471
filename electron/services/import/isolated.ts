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
 * Keeping a process for the next file of a batch: it waits `idleMs` for one,
 * and serves at most `maxFiles` before a fresh one takes over (whatever a
 * parser leaves behind in memory goes with it).
 */
export interface ProcessReuse {
  idleMs: number;
  maxFiles: number;
}
export const DEFAULT_REUSE: ProcessReuse = { idleMs: 5_000, maxFiles: 16 };

/** A running import process and the file it is reading, if any. */
interface Slot {
  process: ImportProcess;
  files: number;
  exited: boolean;
  /** The current file's handlers; none while it waits for the next file. */
  job?: { onMessage(message: ImportReply): void; onExit(code: number | null): void };
  idleTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Runs each import in an import process with time limits: a parser whose
 * progress stops moving for `timeoutMs`, or that runs past `maxDurationMs`,
 * is killed ("timeout"), one that crashes or runs out of memory is
 * that file's error ("corrupt"), a cancelled one is killed at once. The app
 * and the other imports carry on.
 *
 * A process that has replied is kept for the next file (`reuse`): a batch
 * of files pays for starting the process and loading its parsers (pdf.js,
 * its helper threads, jsdom) once. A process that was killed (timeout,
 * cancel) or crashed is never reused; the next file gets a fresh one.
 */
export function createIsolatedImporter(options: { spawn: SpawnImportProcess; limits?: Partial<ImportLimits>; reuse?: ProcessReuse | false }) {
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const reuse = options.reuse === undefined ? DEFAULT_REUSE : options.reuse;
  const idle: Slot[] = [];

  function spawnSlot(): Slot {
    const slot: Slot = { process: options.spawn(), files: 0, exited: false };
    slot.process.onMessage((message) => slot.job?.onMessage(message));
    slot.process.onExit((code) => {
      slot.exited = true;
      clearTimeout(slot.idleTimer);
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      slot.job?.onExit(code);
    });
    return slot;
  }

  /** The process may leave (it waits for this), and is made to if it does not. */
  function retire(slot: Slot): void {
    slot.job = undefined;
    if (slot.exited) return;
    try {
      slot.process.postMessage({ type: 'ack' });
    } catch {
      // Already gone.
    }
    const reaper = setTimeout(() => {
      if (!slot.exited) slot.process.kill();
    }, EXIT_GRACE_MS);
    (reaper as { unref?: () => void }).unref?.();
  }

  /** The reply is here, whole: keep the process for the next file, or let it go. */
  function release(slot: Slot): void {
    slot.job = undefined;
    if (slot.exited) return;
    if (!reuse || slot.files >= reuse.maxFiles) {
      retire(slot);
      return;
    }
    idle.push(slot);
    slot.idleTimer = setTimeout(() => {
      const at = idle.indexOf(slot);
      if (at >= 0) idle.splice(at, 1);
      retire(slot);
    }, reuse.idleMs);
    (slot.idleTimer as { unref?: () => void }).unref?.();
  }

  function takeSlot(): Slot {
    for (let slot = idle.pop(); slot; slot = idle.pop()) {
      clearTimeout(slot.idleTimer);
      if (!slot.exited) return slot;
    }
    return spawnSlot();
  }

  function run(input: ImportInput, job: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<ImportedSource> {
    const { fileName } = input;
    if (job.signal?.aborted) return Promise.reject(new ImportError('cancelled', `${fileName}: import cancelled.`));
    return new Promise<ImportedSource>((resolve, reject) => {
      const slot = takeSlot();
      slot.files += 1;
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
        slot.job = undefined;
        slot.process.kill();
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

      slot.job = {
        onMessage: (message) => {
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
          release(slot);
        },
        onExit: (code) =>
          finish(() =>
            reject(new ImportError('corrupt', `${fileName}: the importer stopped while reading this file (exit code ${code ?? 'none'}); the file may be damaged or too complex.`)),
          ),
      };
      try {
        slot.process.postMessage({ type: 'import-bytes', bytes: input.bytes, fileName, limits, ...(input.encoding ? { encoding: input.encoding } : {}) });
      } catch {
        stop(new ImportError('corrupt', `${fileName}: the importer stopped before reading this file.`));
      }
    });
  }

  /** Lets every process waiting for a file go (the app quitting, a benchmark done). */
  function closeIdle(): void {
    for (const slot of idle.splice(0)) {
      clearTimeout(slot.idleTimer);
      retire(slot);
    }
  }

  return { run, limits, closeIdle };
}
export type IsolatedImporter = ReturnType<typeof createIsolatedImporter>;
