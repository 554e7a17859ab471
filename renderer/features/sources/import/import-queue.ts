import { useSyncExternalStore } from 'react';
import type { CasebookApi } from '../../../../shared/ipc/contract';
import { MAX_SOURCE_BYTES } from '../../../../shared/model/imported-source';
import type { CasebookDexie } from '../../../db/database';
import { addImportedSource } from '../../../db/sources';
import { isQuotaExceeded } from '../../../db/errors';
import { logError } from '../../../bridge';

export type JobState = 'queued' | 'reading' | 'saving' | 'done' | 'duplicate' | 'failed' | 'cancelled';

export interface ImportJob {
  id: string;
  name: string;
  state: JobState;
  fraction: number;
  /** For failures: the reason, naming the file. For duplicates: the existing title. */
  message?: string;
  /** The stored (or already present) source, once known. */
  sourceId?: string;
}

export type ImportInput = { kind: 'path'; path: string } | { kind: 'file'; file: File };

/** Two cores: two parses at a time keep the machine responsive. */
const CONCURRENCY = 2;

const nameOf = (input: ImportInput) => (input.kind === 'path' ? input.path.split(/[\\/]/).pop()! : input.file.name);
const isFinished = (state: JobState) => state === 'done' || state === 'duplicate' || state === 'failed' || state === 'cancelled';

/**
 * The import queue: each file is its own job with progress, parsed by main in
 * an isolated process, stored here in Dexie. One file's failure is its own;
 * the others carry on. Cancel stops a running parse or drops a queued one.
 */
export function createImportQueue(deps: {
  api: CasebookApi | undefined;
  db: CasebookDexie;
  caseId: string;
  /** Told of every stored source (with its attachments), so the linker can read it. */
  onSourcesAdded?: (sourceIds: string[]) => void;
}) {
  let jobs: ImportJob[] = [];
  const inputs = new Map<string, ImportInput>();
  const listeners = new Set<() => void>();
  let active = 0;
  let counter = 0;

  const emit = () => listeners.forEach((l) => l());
  const update = (id: string, patch: Partial<ImportJob>) => {
    jobs = jobs.map((j) => (j.id === id ? { ...j, ...patch } : j));
    emit();
  };
  const get = (id: string) => jobs.find((j) => j.id === id);

  deps.api?.onImportProgress(({ requestId, fraction }) => {
    const job = get(requestId);
    if (job && job.state === 'reading') update(requestId, { fraction });
  });

  async function runJob(id: string): Promise<void> {
    const input = inputs.get(id)!;
    const api = deps.api;
    if (!api) {
      update(id, { state: 'failed', message: `${nameOf(input)}: importing needs the Casebook app (no connection to its main process).` });
      return;
    }
    update(id, { state: 'reading', fraction: 0 });
    let payload: Parameters<CasebookApi['importFile']>[0];
    if (input.kind === 'path') payload = { requestId: id, path: input.path };
    else {
      // Refused before it is read into memory; main applies the same limit.
      if (input.file.size > MAX_SOURCE_BYTES) {
        update(id, { state: 'failed', message: `${input.file.name}: ${(input.file.size / 1048576).toFixed(0)} MB is over the ${MAX_SOURCE_BYTES / 1048576} MB limit for one file.` });
        return;
      }
      payload = { requestId: id, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) };
    }
    if (get(id)?.state === 'cancelled') return;
    const result = await api.importFile(payload);
    if (get(id)?.state === 'cancelled') return;
    if (!result.ok) {
      update(id, { state: result.error.code === 'cancelled' ? 'cancelled' : 'failed', message: result.error.message });
      return;
    }
    update(id, { state: 'saving', fraction: 1 });
    try {
      const stored = await addImportedSource(deps.db, deps.caseId, result.value);
      update(id, stored.status === 'duplicate' ? { state: 'duplicate', sourceId: stored.id, message: stored.title } : { state: 'done', sourceId: stored.id });
      if (stored.status !== 'duplicate') deps.onSourcesAdded?.(stored.sourceIds);
    } catch (error) {
      logError('Storing an imported source failed', error);
      update(id, { state: 'failed', message: `${nameOf(input)}: ${isQuotaExceeded(error) ? 'the disk is full; free some space and import again' : 'could not be saved in the case'}.` });
    }
  }

  function pump(): void {
    while (active < CONCURRENCY) {
      const next = jobs.find((j) => j.state === 'queued');
      if (!next) return;
      active += 1;
      void runJob(next.id)
        .catch((error: unknown) => {
          logError('Import job failed', error);
          update(next.id, { state: 'failed', message: `${next.name}: the import failed unexpectedly.` });
        })
        .finally(() => {
          active -= 1;
          inputs.delete(next.id);
          pump();
        });
      // runJob sets 'reading' synchronously before its first await.
    }
  }

  return {
    get: () => jobs,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(items: ImportInput[]): void {
      for (const input of items) {
        const id = `imp-${Date.now().toString(36)}-${(counter++).toString(36)}`;
        inputs.set(id, input);
        jobs = [...jobs, { id, name: nameOf(input), state: 'queued', fraction: 0 }];
      }
      emit();
      pump();
    },
    cancel(id: string): void {
      const job = get(id);
      if (!job || isFinished(job.state)) return;
      const wasRunning = job.state === 'reading';
      update(id, { state: 'cancelled', message: `${job.name}: import cancelled.` });
      if (wasRunning) void deps.api?.importCancel({ requestId: id });
    },
    cancelAll(): void {
      for (const job of jobs) if (!isFinished(job.state)) this.cancel(job.id);
    },
    /** Forgets finished jobs. */
    clearFinished(): void {
      jobs = jobs.filter((j) => !isFinished(j.state));
      emit();
    },
  };
}
export type ImportQueue = ReturnType<typeof createImportQueue>;

export function useImportJobs(queue: ImportQueue): ImportJob[] {
  return useSyncExternalStore(queue.subscribe, queue.get);
}
