/**
 * The one request/response protocol between the renderer and its workers
 * (linker, search). Each worker declares its methods once, as a map of name →
 * request and response types (its protocol.ts); the client and the worker are
 * both typed from that map, so a call the worker does not answer, or a
 * request of the wrong shape, does not compile.
 *
 * - Every call carries an id its one reply echoes; a method that declares a
 *   `progress` type may send progress messages (same id) before it.
 * - Failures travel as data: a handler that throws answers
 *   `{ ok: false, error: { code: 'failed', message } }`, and the worker keeps running.
 * - A newer call of a method supersedes older ones still running: a handler
 *   that works in steps asks `superseded()` between them and gives up with
 *   `SUPERSEDED` (search's queries do, so typing never waits for an abandoned search).
 * - A disposed client answers every open and later call `stopped`.
 */

/** A worker's methods: name → what a call sends, what it answers, and (for long work) what its progress says. */
export type Methods<M> = { [K in keyof M]: { request: unknown; response: unknown; progress?: unknown } };

export type RpcErrorCode = 'failed' | 'superseded' | 'stopped';
export interface RpcError {
  code: RpcErrorCode;
  message: string;
}
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

type Name<M> = keyof M & string;
type RequestOf<M extends Methods<M>, K extends keyof M> = M[K]['request'];
type ResponseOf<M extends Methods<M>, K extends keyof M> = M[K]['response'];
type ProgressOf<M extends Methods<M>, K extends keyof M> = M[K] extends { progress: infer P } ? P : never;

/** A call on the wire, one member per method. */
export type RpcCall<M extends Methods<M>> = { [K in Name<M>]: { id: number; method: K; request: RequestOf<M, K> } }[Name<M>];
/** The reply to the call with the same id, or a progress message before it. */
export type RpcReply = { id: number; result: RpcResult<unknown> } | { id: number; progress: unknown };

/** Where calls go: a Worker in the app (lazy-worker-port.ts), the worker's own code in Node tests (`inProcessPort`). */
export interface RpcPort<M extends Methods<M>> {
  post(call: RpcCall<M>): void;
  onReply(listener: (reply: RpcReply) => void): void;
  terminate?(): void;
}

// ---------------------------------------------------------------------------
// The renderer's side.

export interface RpcClient<M extends Methods<M>> {
  /** The worker's answer, or why there is none; never rejects. `onProgress` hears the method's progress messages. */
  call<K extends Name<M>>(method: K, request: RequestOf<M, K>, options?: { onProgress?: (progress: ProgressOf<M, K>) => void }): Promise<RpcResult<ResponseOf<M, K>>>;
  /** Answers every open call `stopped` and ends the worker. */
  dispose(): void;
}

export function createRpcClient<M extends Methods<M>>(port: RpcPort<M>): RpcClient<M> {
  let nextId = 1;
  let disposed = false;
  const pending = new Map<number, (result: RpcResult<unknown>) => void>();
  const listeners = new Map<number, (progress: unknown) => void>();
  const stopped = { ok: false, error: { code: 'stopped', message: 'The worker stopped.' } } as const;

  port.onReply((reply) => {
    if ('progress' in reply) {
      listeners.get(reply.id)?.(reply.progress);
      return;
    }
    const settle = pending.get(reply.id);
    if (!settle) return;
    pending.delete(reply.id);
    listeners.delete(reply.id);
    settle(reply.result);
  });

  return {
    call(method, request, options) {
      if (disposed) return Promise.resolve(stopped);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: RpcResult<unknown>) => void);
        if (options?.onProgress) listeners.set(id, options.onProgress as (progress: unknown) => void);
        port.post({ id, method, request } as RpcCall<M>);
      });
    },
    dispose() {
      disposed = true;
      for (const settle of pending.values()) settle(stopped);
      pending.clear();
      listeners.clear();
      port.terminate?.();
    },
  };
}

/** A call's value, or its error thrown, for callers whose failures end a whole run (linking). */
export function valueOf<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  throw Object.assign(new Error(result.error.message), { code: result.error.code });
}

// ---------------------------------------------------------------------------
// The worker's side.

/** Returned by a handler that noticed a newer call of its method: the caller is answered `superseded`. */
export const SUPERSEDED: unique symbol = Symbol('superseded');

export interface CallContext<P = unknown> {
  /** True once a newer call of the same method has arrived. */
  superseded(): boolean;
  /** Tells the caller how far the work has got (methods that declare a `progress` type). */
  progress(value: P): void;
}

export type RpcHandlers<M extends Methods<M>> = {
  [K in keyof M]: (request: RequestOf<M, K>, context: CallContext<ProgressOf<M, K>>) => ResponseOf<M, K> | typeof SUPERSEDED | Promise<ResponseOf<M, K> | typeof SUPERSEDED>;
};

/**
 * The worker's message handler: runs the method's handler and posts its one
 * reply. Resolves when that reply is posted (tests await it).
 */
export function serveRpc<M extends Methods<M>>(handlers: RpcHandlers<M>, post: (reply: RpcReply) => void): (call: RpcCall<M>) => Promise<void> {
  const latest = new Map<string, number>();
  return async (call) => {
    const { id, method } = call;
    latest.set(method, Math.max(latest.get(method) ?? -Infinity, id));
    const context: CallContext = { superseded: () => (latest.get(method) ?? id) > id, progress: (progress) => post({ id, progress }) };
    let result: RpcResult<unknown>;
    try {
      if (!Object.hasOwn(handlers, method)) throw new Error(`This worker has no method ${method}.`);
      const handler = handlers[method] as (request: unknown, context: CallContext) => unknown;
      const value = await handler(call.request, context);
      result = value === SUPERSEDED ? { ok: false, error: { code: 'superseded', message: `${method} was superseded by a newer call.` } } : { ok: true, value };
    } catch (error) {
      result = { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
    post({ id, result });
  };
}

/** A port straight into the worker's code, for Node tests: calls run at once, replies arrive a microtask later, as from a worker. */
export function inProcessPort<M extends Methods<M>>(serve: (post: (reply: RpcReply) => void) => (call: RpcCall<M>) => unknown): RpcPort<M> {
  const listeners: ((reply: RpcReply) => void)[] = [];
  const handle = serve((reply) => queueMicrotask(() => listeners.forEach((listener) => listener(reply))));
  return { post: (call) => void handle(call), onReply: (listener) => void listeners.push(listener) };
}
