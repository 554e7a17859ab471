import type { SearchHit, SearchKind, SearchTarget } from '../../../shared/search/index';

/**
 * The search worker's methods (called through renderer/workers/rpc.ts).
 *
 * The renderer keeps the index current: `upsert` when a note is saved, a
 * source imported or an entity changed, `remove` when one is deleted.
 * `open` restores the case's saved index (brought up to date from the change
 * journal) or starts an empty one for the renderer to fill; `save` saves it
 * (ARCHITECTURE.md, Search).
 *
 * A newer `query` supersedes every older one: a stale query stops at its
 * next batch and is answered `superseded`, so typing never waits for an
 * abandoned search.
 */
export interface SearchMethods {
  upsert: { request: { targets: SearchTarget[] }; response: { documents: number } };
  remove: { request: { targets: { kind: SearchKind; id: string }[] }; response: { documents: number } };
  open: { request: { dbName: string; caseId: string }; response: { restored: boolean; documents: number; applied: number } };
  save: { request: Record<string, never>; response: { documents: number; changeSeq: number; applied: number } };
  query: { request: { query: string; limit?: number }; response: SearchResults };
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  /** Matches by kind, before phrase checks: the counts beside the palette's groups. */
  totals: Record<SearchKind, number>;
  tookMs: number;
}
