import { createLinker, type Linker } from '../../../shared/linking';
import type { LinkerReply, LinkerRequest } from './protocol';

/** The extractor and its tagger's model (≈ 3.5 MB) load on the first extraction, so the linking worker never loads them. */
const loadExtractor = () => import('../../../shared/linking/extract');

/** Lets the worker's queue run between two slices of a long extraction. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The linker worker's logic as a plain function, so Node tests drive the
 * same code the worker runs. Holds one automaton, rebuilt on `set-entries`;
 * a request that fails gets a `failed` reply instead of killing the worker.
 *
 * Extraction reads the whole document, a slice at a time (Extraction.step),
 * posting progress after each slice and giving the worker's other messages a
 * turn before the next one: a long document takes longer, but is never cut
 * short, and a `link` sent to the same worker is not stuck behind it.
 */
export function createLinkerHandler(post: (reply: LinkerReply) => void): (request: LinkerRequest) => void {
  let linker: Linker = createLinker([]);
  let version = -1;
  const fail = (id: number, error: unknown) => post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });

  const extract = async (id: number, text: string) => {
    try {
      const { Extraction } = await loadExtractor();
      const extraction = new Extraction(text);
      while (!extraction.step()) {
        post({ type: 'extract-progress', id, ...extraction.progress });
        await nextTurn();
      }
      post({ type: 'extracted', id, candidates: extraction.candidates() });
    } catch (error) {
      fail(id, error);
    }
  };

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
          void extract(request.id, request.text);
          return;
      }
    } catch (error) {
      fail(request.id, error);
    }
  };
}
