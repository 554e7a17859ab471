import type { SearchHit, SearchKind, SearchTarget } from '../../../shared/search/index';

/**
 * The search worker's methods (called through renderer/workers/rpc.ts).
 *
 * The renderer keeps the index current: `upsert` when a note is saved, a
 * source imported or an entity changed, `remove` when one is deleted. The
 * index is rebuilt at each start, never persisted (ARCHITECTURE.md, Search).
 *
 * A newer `query` supersedes every older one: a stale query stops at its
 * next batch and is answered `superseded`, so typing never waits for an
 * abandoned search.
 */
export interface SearchMethods {
  upsert: { request: { targets: SearchTarget[] }; response: { documents: number } };
  remove: { request: { targets: { kind: SearchKind; id: string }[] }; response: { documents: number } };
  query: { request: { query: string; limit?: number }; response: SearchResults };
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  /** Matches by kind, before phrase checks: the counts beside the palette's groups. */
  totals: Record<SearchKind, number>;
  tookMs: number;
}
