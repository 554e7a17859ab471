/// <reference lib="webworker" />
import { createLinkerHandler } from './handler';
import type { LinkerRequest } from './protocol';

// The thin worker shell: all logic is in handler.ts, tested in Node.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createLinkerHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<LinkerRequest>) => handle(event.data);
