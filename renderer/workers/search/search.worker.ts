/// <reference lib="webworker" />
import { serveRpc, type RpcCall } from '../rpc';
import { createSearchHandlers } from './handler';
import type { SearchMethods } from './protocol';

// The thin worker shell: all logic is in handler.ts, tested in Node. Created with
// new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }).
const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = serveRpc(createSearchHandlers(), (reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<RpcCall<SearchMethods>>) => void serve(event.data);
