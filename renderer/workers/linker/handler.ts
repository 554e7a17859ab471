import { createLinker, type Linker } from '../../../shared/linking';
import { extractCandidates } from '../../../shared/linking/extract';
import type { LinkerReply, LinkerRequest } from './protocol';

/**
 * Extraction tags words with compromise at roughly 20 s per MB: a long
 * document proposes the names of its first part rather than hold the worker
 * for minutes. Linking, which finds every known name, is not limited.
 */
const EXTRACTION_BUDGET_MS = 20_000;

/**
 * The linker worker's logic as a plain function, so Node tests drive the
 * same code the worker runs. Holds one automaton, rebuilt on `set-entries`;
 * a request that fails gets a `failed` reply instead of killing the worker.
 */
export function createLinkerHandler(post: (reply: LinkerReply) => void): (request: LinkerRequest) => void {
  let linker: Linker = createLinker([]);
  let version = -1;
  return (request) => {
    try {
      switch (request.type) {
        case 'set-entries': {
          const started = performance.now();
          linker = createLinker(request.entries);
          version = request.version;
          post({ type: 'entries-set', id: request.id, version, patterns: linker.size, buildMs: performance.now() - started });
          return;
        }
        case 'link':
          post({ type: 'linked', id: request.id, version, matches: linker.find(request.text) });
          return;
        case 'extract':
          post({ type: 'extracted', id: request.id, candidates: extractCandidates(request.text, { maxMillis: EXTRACTION_BUDGET_MS }) });
          return;
      }
    } catch (error) {
      post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
