/// <reference lib="webworker" />
import { openDatabase } from '../../db/database';
import { serveRpc, type RpcCall } from '../rpc';
import { createCaseStore } from './case-store';
import { createSearchHandlers } from './handler';
import type { SearchMethods } from './protocol';

// The thin worker shell: all logic is in handler.ts, tested in Node. Created with
// new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }).
// The worker opens the case's database itself (IndexedDB works in workers), so the
// saved index and texts never cross the UI thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handlers = createSearchHandlers({ openStore: (dbName, caseId) => createCaseStore(openDatabase(dbName), caseId) });
const serve = serveRpc(handlers, (reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<RpcCall<SearchMethods>>) => void serve(event.data);
