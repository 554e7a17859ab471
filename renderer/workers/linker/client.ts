import type { LinkerEntry, LinkMatch } from '../../../shared/linking';
import type { Candidate } from '../../../shared/linking/extract';
import type { LinkerReply, LinkerRequest } from './protocol';
import { lazyWorkerPort } from '../lazy-worker-port';

/** A request without its id (the client numbers them), kept a union member by member. */
type RequestBody = LinkerRequest extends infer R ? (R extends LinkerRequest ? Omit<R, 'id'> : never) : never;

type Pending = { resolve: (reply: LinkerReply) => void; reject: (error: Error) => void; progress?: (done: number, total: number) => void };

/** Where requests go: a Worker in the app, the handler itself in Node tests. */
export interface LinkerPort {
  post(request: LinkerRequest): void;
  onReply(listener: (reply: LinkerReply) => void): void;
  terminate?(): void;
}

/** Promise-shaped calls over the linker worker's messages. */
export class LinkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: LinkerPort) {
    port.onReply((reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === 'extract-progress') {
        waiting.progress?.(reply.done, reply.total);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.type === 'failed') waiting.reject(new Error(reply.message));
      else waiting.resolve(reply);
    });
  }

  private call<T extends LinkerReply['type']>(request: RequestBody, expect: T, progress?: Pending['progress']): Promise<Extract<LinkerReply, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => (reply.type === expect ? resolve(reply as Extract<LinkerReply, { type: T }>) : reject(new Error(`Unexpected linker reply ${reply.type}`))),
        reject,
        progress,
      });
      this.port.post({ ...request, id } as LinkerRequest);
    });
  }

  async setEntries(version: number, entries: LinkerEntry[]): Promise<{ patterns: number; buildMs: number }> {
    const reply = await this.call({ type: 'set-entries', version, entries }, 'entries-set');
    return { patterns: reply.patterns, buildMs: reply.buildMs };
  }

  async link(text: string): Promise<{ version: number; matches: LinkMatch[] }> {
    const reply = await this.call({ type: 'link', text }, 'linked');
    return { version: reply.version, matches: reply.matches };
  }

  /** Candidates in the whole of `text`; `onProgress` hears how far the worker has read. */
  async extract(text: string, onProgress?: (done: number, total: number) => void): Promise<Candidate[]> {
    return (await this.call({ type: 'extract', text }, 'extracted', onProgress)).candidates;
  }

  dispose(): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error('The linker stopped.'));
    this.pending.clear();
    this.port.terminate?.();
  }
}

/** The app's port: the linker worker, created on the first request. */
export function workerPort(): LinkerPort {
  return lazyWorkerPort<LinkerRequest, LinkerReply>(() => new Worker(new URL('./linker.worker.ts', import.meta.url), { type: 'module', name: 'casebook-linker' }));
}

/** An in-process port over the same handler, for Node tests. */
export function inProcessPort(handlerFactory: (post: (reply: LinkerReply) => void) => (request: LinkerRequest) => void): LinkerPort {
  const listeners: ((reply: LinkerReply) => void)[] = [];
  const handle = handlerFactory((reply) => queueMicrotask(() => listeners.forEach((l) => l(reply))));
  return { post: (request) => handle(request), onReply: (listener) => listeners.push(listener) };
}
