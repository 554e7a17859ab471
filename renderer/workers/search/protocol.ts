import type { SearchHit, SearchKind, SearchTarget, SerializedSearchIndex } from '../../../shared/search/index';

/**
 * Messages between the renderer and the search worker.
 *
 * The renderer sends `init` first (with the snapshot it persisted, if any),
 * then keeps the index current: `upsert` when a note is saved, a source
 * imported or an entity changed, `remove` when one is deleted. After loading
 * a snapshot, `ready` lists the targets whose text the worker lacks (texts
 * are not in the snapshot: the database has them); the renderer sends them
 * in batches with `provide-texts`, in the background.
 *
 * Queries carry an id; a newer query makes every older one stale, and
 * `cancel` drops one explicitly. A stale query stops at its next batch and
 * is answered `cancelled`, so typing never waits for an abandoned search.
 */
export type SearchRequest =
  | { type: 'init'; snapshot?: string | SerializedSearchIndex }
  | { type: 'upsert'; targets: SearchTarget[] }
  | { type: 'remove'; targets: { kind: SearchKind; id: string }[] }
  | { type: 'provide-texts'; texts: { kind: SearchKind; id: string; text: string }[] }
  | { type: 'query'; id: number; query: string; limit?: number }
  | { type: 'cancel'; id: number }
  | { type: 'snapshot'; id: number };

export type SearchReply =
  | {
      type: 'ready';
      /** Where the index came from: a snapshot, or empty (no snapshot, or one of another version: rebuild by upserting). */
      from: 'snapshot' | 'empty';
      documents: number;
      missingTexts: { kind: SearchKind; id: string }[];
      loadMs: number;
    }
  | { type: 'updated'; documents: number }
  | { type: 'results'; id: number; hits: SearchHit[]; total: number; tookMs: number }
  | { type: 'cancelled'; id: number }
  /** The index as JSON, for the renderer to persist (when idle, or on close). */
  | { type: 'snapshot'; id: number; json: string }
  | { type: 'failed'; id?: number; message: string };
