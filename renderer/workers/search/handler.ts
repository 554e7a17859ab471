import { createSearchIndex, hitKey, loadSearchIndex, type SearchHit, type SearchIndex } from '../../../shared/search/index';
import type { SearchReply, SearchRequest } from './protocol';

export interface SearchHandlerOptions {
  /** Hits built between two looks at the message queue. */
  batch?: number;
  /** Lets queued messages (a newer query, a cancel) run; a macrotask by default. */
  pause?: () => Promise<void>;
}

const DEFAULT_LIMIT = 20;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The search worker's logic, as a plain function of messages so it runs in
 * Node tests without a Worker. Index updates are synchronous; a query ranks
 * synchronously (from the index alone), then builds hits in batches,
 * pausing between them so a newer query or a cancel can stop it.
 */
export function createSearchWorkerHandler(post: (reply: SearchReply) => void, options: SearchHandlerOptions = {}) {
  const batch = options.batch ?? 8;
  const pause = options.pause ?? macrotask;
  let index: SearchIndex = createSearchIndex();
  let latestQuery = -Infinity;
  const cancelled = new Set<number>();
  const isStale = (id: number) => cancelled.has(id) || id < latestQuery;

  const failed = (error: unknown, id?: number) =>
    post({ type: 'failed', ...(id !== undefined ? { id } : {}), message: error instanceof Error ? error.message : String(error) });

  async function query(id: number, text: string, limit: number): Promise<void> {
    const started = performance.now();
    latestQuery = Math.max(latestQuery, id);
    const ranking = index.rank(text);
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    while (hits.length < limit) {
      await pause();
      if (isStale(id)) {
        cancelled.delete(id);
        post({ type: 'cancelled', id });
        return;
      }
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
    cancelled.delete(id);
    post({ type: 'results', id, hits, total: ranking.total, tookMs: performance.now() - started });
  }

  return function handle(request: SearchRequest): Promise<void> | void {
    try {
      switch (request.type) {
        case 'init': {
          const started = performance.now();
          const loaded = request.snapshot ? loadSearchIndex(request.snapshot) : undefined;
          index = loaded ?? createSearchIndex();
          post({
            type: 'ready',
            from: loaded ? 'snapshot' : 'empty',
            documents: index.documentCount,
            missingTexts: index.missingTexts(),
            loadMs: performance.now() - started,
          });
          return;
        }
        case 'upsert':
          for (const target of request.targets) index.add(target);
          post({ type: 'updated', documents: index.documentCount });
          return;
        case 'remove':
          for (const t of request.targets) index.remove(t.kind, t.id);
          post({ type: 'updated', documents: index.documentCount });
          return;
        case 'provide-texts':
          for (const t of request.texts) index.provideText(t.kind, t.id, t.text);
          return;
        case 'cancel':
          cancelled.add(request.id);
          return;
        case 'snapshot':
          post({ type: 'snapshot', id: request.id, json: JSON.stringify(index.toJSON()) });
          return;
        case 'query':
          return query(request.id, request.query, request.limit ?? DEFAULT_LIMIT).catch((error: unknown) => failed(error, request.id));
      }
    } catch (error) {
      failed(error, 'id' in request ? request.id : undefined);
    }
  };
}
