import { createLinker, type Linker } from '../../../shared/linking';
import type { RpcHandlers } from '../rpc';
import type { LinkerMethods } from './protocol';

/** The extractor and its tagger's model (≈ 3.5 MB) load on the first extraction, so the linking worker never loads them. */
const loadExtractor = () => import('../../../shared/linking/extract');

/** Lets the worker's queue run between two slices of a long extraction. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The linker worker's logic as plain functions, so Node tests drive the same
 * code the worker runs. Holds one automaton, rebuilt on `setEntries`; a call
 * that throws is answered `failed` (rpc.ts) instead of killing the worker.
 *
 * Extraction reads the whole document, a slice at a time (Extraction.step),
 * reporting progress after each slice and giving the worker's other calls a
 * turn before the next one: a long document takes longer, but is never cut
 * short, and a `link` sent to the same worker is not stuck behind it.
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
    extract: async ({ text }, context) => {
      const { Extraction } = await loadExtractor();
      const extraction = new Extraction(text);
      while (!extraction.step()) {
        context.progress({ ...extraction.progress });
        await nextTurn();
      }
      return extraction.candidates();
    },
  };
}
