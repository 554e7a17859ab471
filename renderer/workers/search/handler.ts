import { createSearchIndex, hitKey, type SearchHit, type SearchIndex } from '../../../shared/search/index';
import { SUPERSEDED, type RpcHandlers } from '../rpc';
import type { SearchMethods } from './protocol';

export interface SearchHandlerOptions {
  /** Hits built between two looks at the message queue. */
  batch?: number;
  /** Lets queued messages (a newer query) run; a macrotask by default. */
  pause?: () => Promise<void>;
}

const DEFAULT_LIMIT = 20;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The search worker's logic, as plain functions so it runs in Node tests
 * without a Worker. Index updates are synchronous; a query ranks
 * synchronously (from the index alone), then builds hits in batches,
 * pausing between them so a newer query can supersede it.
 */
export function createSearchHandlers(options: SearchHandlerOptions = {}): RpcHandlers<SearchMethods> {
  const batch = options.batch ?? 8;
  const pause = options.pause ?? macrotask;
  const index: SearchIndex = createSearchIndex();

  return {
    upsert: ({ targets }) => {
      for (const target of targets) index.add(target);
      return { documents: index.documentCount };
    },
    remove: ({ targets }) => {
      for (const t of targets) index.remove(t.kind, t.id);
      return { documents: index.documentCount };
    },
    query: async ({ query, limit = DEFAULT_LIMIT }, call) => {
      const started = performance.now();
      const ranking = index.rank(query);
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      while (hits.length < limit) {
        await pause();
        if (call.superseded()) return SUPERSEDED;
        const candidates = ranking.next(batch);
        if (candidates.length === 0) break;
        for (const c of candidates) {
          const hit = index.hit(ranking, c);
          if (!hit) continue;
          const key = hitKey(hit);
          if (seen.has(key)) continue;
          seen.add(key);
          hits.push(hit);
          if (hits.length >= limit) break;
        }
      }
      return { hits, total: ranking.total, totals: ranking.totals, tookMs: performance.now() - started };
    },
  };
}
