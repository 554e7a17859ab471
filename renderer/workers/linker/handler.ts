import { createLinker, type Linker } from '../../../shared/linking';
import { extractCandidates } from '../../../shared/linking/extract';
import type { RpcHandlers } from '../rpc';
import type { LinkerMethods } from './protocol';

/**
 * Extraction tags words with compromise at roughly 20 s per MB: a long
 * document proposes the names of its first part rather than hold the worker
 * for minutes. Linking, which finds every known name, is not limited.
 */
const EXTRACTION_BUDGET_MS = 20_000;

/**
 * The linker worker's logic as plain functions, so Node tests drive the same
 * code the worker runs. Holds one automaton, rebuilt on `setEntries`; a call
 * that throws is answered `failed` (rpc.ts) instead of killing the worker.
 */
export function createLinkerHandlers(): RpcHandlers<LinkerMethods> {
  let linker: Linker = createLinker([]);
  let version = -1;
  return {
    setEntries: (request) => {
      const started = performance.now();
      linker = createLinker(request.entries);
      version = request.version;
      return { version, patterns: linker.size, buildMs: performance.now() - started };
    },
    link: ({ text }) => ({ version, matches: linker.find(text) }),
    extract: ({ text }) => extractCandidates(text, { maxMillis: EXTRACTION_BUDGET_MS }),
  };
}
