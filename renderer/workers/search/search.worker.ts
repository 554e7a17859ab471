/// <reference lib="webworker" />
import { createSearchWorkerHandler } from './handler';
import type { SearchRequest } from './protocol';

// The thin worker shell: all logic is in handler.ts, tested in Node. Created with
// new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSearchWorkerHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<SearchRequest>) => void handle(event.data);
