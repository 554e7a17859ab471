/**
 * A message port over a module worker that is created on the first request,
 * so a worker nobody has asked anything yet costs nothing at startup. The
 * caller passes the `new Worker(new URL(…, import.meta.url))` expression
 * itself: Vite bundles a worker only where that expression is written.
 */
export function lazyWorkerPort<Request, Reply>(create: () => Worker) {
  let worker: Worker | undefined;
  const listeners: ((reply: Reply) => void)[] = [];
  const ensure = () => {
    if (worker) return worker;
    worker = create();
    worker.addEventListener('message', (e: MessageEvent<Reply>) => listeners.forEach((l) => l(e.data)));
    return worker;
  };
  return {
    post: (request: Request) => ensure().postMessage(request),
    onReply: (listener: (reply: Reply) => void) => void listeners.push(listener),
    terminate: () => worker?.terminate(),
  };
}
