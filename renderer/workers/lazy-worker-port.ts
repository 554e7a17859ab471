import type { Methods, RpcCall, RpcPort, RpcReply } from './rpc';

/**
 * An RPC port over a module worker that is created on the first call, so a
 * worker nobody has asked anything yet costs nothing at startup. The caller
 * passes the `new Worker(new URL(…, import.meta.url))` expression itself:
 * Vite bundles a worker only where that expression is written.
 */
export function lazyWorkerPort<M extends Methods<M>>(create: () => Worker): RpcPort<M> {
  let worker: Worker | undefined;
  const listeners: ((reply: RpcReply) => void)[] = [];
  const ensure = () => {
    if (worker) return worker;
    worker = create();
    worker.addEventListener('message', (e: MessageEvent<RpcReply>) => listeners.forEach((l) => l(e.data)));
    return worker;
  };
  return {
    post: (call: RpcCall<M>) => ensure().postMessage(call),
    onReply: (listener) => void listeners.push(listener),
    terminate: () => worker?.terminate(),
  };
}
