import { createSearchIndex, hitKey, loadSearchIndex, type SearchHit, type SearchIndex, type SearchTarget, type SearchKind } from '../../../shared/search/index';
import { SUPERSEDED, type RpcHandlers } from '../rpc';
import type { CaseStore } from './case-store';
import type { SearchMethods } from './protocol';

export interface SearchHandlerOptions {
  /** Hits built between two looks at the message queue. */
  batch?: number;
  /** Lets queued messages (a newer query) run; a macrotask by default. */
  pause?: () => Promise<void>;
  /** The case's database as the worker sees it (`open` names the case): without one, `open` and `save` are refused. */
  openStore?: (dbName: string, caseId: string) => CaseStore;
  /** Characters of text kept in memory once a case is open; the rest is read back from the database when a hit needs it. */
  textBudget?: number;
}

const DEFAULT_LIMIT = 20;
/** About 64 MB of UTF-16: the texts of a few hundred typical sources, however large the case. */
const DEFAULT_TEXT_BUDGET = 32 * 2 ** 20;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Op = { upsert: SearchTarget[] } | { remove: { kind: SearchKind; id: string }[] };

/**
 * The search worker's logic, as plain functions so it runs in Node tests
 * without a Worker. Index updates are synchronous; a query ranks
 * synchronously (from the index alone), then builds hits in batches,
 * pausing between them so a newer query can supersede it, and reading the
 * texts those hits need from the database when memory no longer holds them.
 *
 * `open` restores the case's saved index and applies the changes journaled
 * since it was saved; `save` applies the journal again and saves. Both read
 * the journal themselves (rather than trusting the upserts the renderer
 * sends), so a saved index holds every change up to the counter saved with it.
 */
export function createSearchHandlers(options: SearchHandlerOptions = {}): RpcHandlers<SearchMethods> {
  const batch = options.batch ?? 8;
  const pause = options.pause ?? macrotask;
  let index: SearchIndex = createSearchIndex();
  let store: CaseStore | undefined;
  /** The journal's counter the index includes every change up to. */
  let appliedSeq = 0;
  /** While `open` runs, updates wait and run after it in their order (each is the state after a committed write, so the last one wins). */
  let deferred: Op[] | undefined;
  let opening: Promise<unknown> = Promise.resolve();

  const apply = (op: Op) => {
    if ('upsert' in op) for (const target of op.upsert) index.add(target);
    else for (const t of op.remove) index.remove(t.kind, t.id);
  };
  const update = (op: Op) => {
    if (deferred) deferred.push(op);
    else apply(op);
    return { documents: index.documentCount };
  };

  const catchUp = async (from: CaseStore): Promise<number> => {
    const { seq, changes } = await from.changesSince(appliedSeq);
    for (const c of changes) {
      if (c.target) index.add(c.target);
      else index.remove(c.kind, c.id);
    }
    appliedSeq = seq;
    return changes.length;
  };

  /** Gives the index the texts these candidates' hits need, read from the database. */
  const fetchTexts = async (candidates: Parameters<SearchIndex['textsNeeded']>[0]) => {
    if (!store) return;
    const needed = index.textsNeeded(candidates);
    if (needed.length === 0) return;
    for (const t of await store.texts(needed)) index.provideText(t.kind, t.id, t.text);
  };

  return {
    upsert: ({ targets }) => update({ upsert: targets }),
    remove: ({ targets }) => update({ remove: targets }),
    open: ({ dbName, caseId }) => {
      if (!options.openStore) throw new Error('This search worker has no database to open.');
      const opened = options.openStore(dbName, caseId);
      deferred = [];
      const run = async () => {
        try {
          const record = await opened.loadIndex();
          const loaded = loadSearchIndex(record?.snapshot, { textBudget: options.textBudget ?? DEFAULT_TEXT_BUDGET });
          store = opened;
          if (loaded && record) {
            index = loaded;
            appliedSeq = record.changeSeq;
            const applied = await catchUp(opened);
            // Replaced passages out for good: it now ranks exactly as an index built afresh from the database.
            if (applied > 0) index.compact();
            return { restored: true, documents: index.documentCount, applied };
          }
          // Built afresh by the renderer's upserts, which read the database after this counter.
          index = createSearchIndex({ textBudget: options.textBudget ?? DEFAULT_TEXT_BUDGET });
          appliedSeq = await opened.changeSeq();
          return { restored: false, documents: 0, applied: 0 };
        } finally {
          const ops = deferred ?? [];
          deferred = undefined;
          ops.forEach(apply);
        }
      };
      const result = run();
      opening = result.catch(() => undefined);
      return result;
    },
    save: async () => {
      await opening;
      if (!store) throw new Error('No case is open in this search worker.');
      const applied = await catchUp(store);
      const seq = appliedSeq;
      await store.saveIndex(index.snapshot(), seq);
      return { documents: index.documentCount, changeSeq: seq, applied };
    },
    query: async ({ query, limit = DEFAULT_LIMIT }, call) => {
      await opening;
      const started = performance.now();
      const ranking = index.rank(query);
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      while (hits.length < limit) {
        await pause();
        if (call.superseded()) return SUPERSEDED;
        const candidates = ranking.next(batch);
        if (candidates.length === 0) break;
        await fetchTexts(candidates);
        if (call.superseded()) return SUPERSEDED;
        for (const c of candidates) {
          // A large text may have pushed an earlier one of the batch out of memory: read it again.
          await fetchTexts([c]);
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
