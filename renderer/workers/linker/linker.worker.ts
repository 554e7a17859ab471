/// <reference lib="webworker" />
import { serveRpc, type RpcCall } from '../rpc';
import { createLinkerHandlers } from './handler';
import type { LinkerMethods } from './protocol';

// The thin worker shell: all logic is in handler.ts, tested in Node.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = serveRpc(createLinkerHandlers(), (reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<RpcCall<LinkerMethods>>) => void serve(event.data);
