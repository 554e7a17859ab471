import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { SearchKind } from '../../shared/search/index';

/**
 * One row per write to something search indexes: the case's change journal.
 * `seq` only grows, so "the case's change counter" is the highest `seq` of
 * its rows, and "the changes since the saved index" are its rows above the
 * counter the index was saved with.
 */
export interface SearchChange {
  seq?: number;
  caseId: string;
  kind: SearchKind;
  id: string;
}

/** Tables whose rows the search index holds, and what a row there is to search. */
const WATCHED: Record<string, { kind: SearchKind; idOf: (row: Record<string, unknown>) => unknown }> = {
  notes: { kind: 'note', idOf: (row) => row.id },
  sources: { kind: 'source', idOf: (row) => row.id },
  sourceBodies: { kind: 'source', idOf: (row) => row.sourceId },
  entities: { kind: 'entity', idOf: (row) => row.id },
};

const JOURNAL = 'searchChanges';

/** A committed write to a searched table: the row as written, or the key of a row deleted. */
export type SearchedWrite = { table: 'notes' | 'sources' | 'sourceBodies' | 'entities'; kind: SearchKind; caseId: string; id: string } & ({ row: Record<string, unknown> } | { deleted: true });

type WriteListener = (writes: readonly SearchedWrite[]) => void;

/** Listeners by database name: the middleware is one object for every database a test opens. */
const listeners = new Map<string, Set<WriteListener>>();

/**
 * Calls `listener` with the rows written to notes, sources, source bodies
 * and entities, once their transaction has committed (a rolled-back write is
 * never heard of). The search service follows writes this way rather than
 * by Dexie table hooks: a hook on `notes` made every save read the stored
 * note back and diff it, deeply, with the new one (a 50,000-word document
 * deserialised and walked twice per autosave), to hand over a row the write
 * already holds. Returns the unsubscribe.
 */
export function onSearchedWrites(db: { name: string }, listener: WriteListener): () => void {
  const set = listeners.get(db.name) ?? new Set<WriteListener>();
  listeners.set(db.name, set);
  set.add(listener);
  return () => void set.delete(listener);
}

/** Hands `writes` to the database's listeners when the transaction commits. */
function afterCommit(dbName: string, trans: DBCoreTransaction, writes: SearchedWrite[]): void {
  const set = listeners.get(dbName);
  if (!set?.size || writes.length === 0) return;
  const idb = trans as unknown as Partial<IDBTransaction>;
  if (typeof idb.addEventListener !== 'function') return;
  idb.addEventListener('complete', () => {
    for (const listener of [...set]) listener(writes);
  });
}

type Row = Record<string, unknown> | undefined;

/** The rows a delete removes, read in its own transaction first (Dexie promises, never `await`: see entity-counters.ts). */
function rowsDeleted(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<Row[]> {
  if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys }) as PromiseLike<Row[]>;
  if (req.type === 'deleteRange') {
    return table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result as Row[]);
  }
  return table.getMany({ trans: req.trans, keys: [] }).then(() => req.values as Row[]);
}

/** Whether the journal exists in this transaction: not during the upgrades of versions before it. */
const holdsJournal = (trans: DBCoreTransaction) => {
  const names = (trans as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names === undefined || names.contains(JOURNAL);
};

/**
 * Journals every write to notes, sources, source bodies and entities,
 * whoever writes, inside the write's own transaction: every read-write
 * transaction over those tables is widened to include the journal (as
 * dexie-cloud widens them for its mutation log), so writers need not list
 * it, and a write can never commit without its journal row. The saved search
 * index (renderer/features/search/search-persistence.ts) is then brought up
 * to date on reopen by re-reading only the targets journaled since it was
 * saved. A row moved from one case to another is journaled under its new
 * case only (nothing moves rows between cases).
 */
export const searchChanges: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchChanges',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widened = mode === 'readwrite' && stores.some((s) => s in WATCHED) && !stores.includes(JOURNAL) ? [...stores, JOURNAL] : stores;
      return down.transaction(widened, mode, options);
    },
    table: (name) => {
      const table = down.table(name);
      const watched = WATCHED[name];
      if (!watched) return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          if (!holdsJournal(req.trans)) return table.mutate(req);
          return rowsDeleted(table, req).then((rows) =>
            table.mutate(req).then((response) => {
              const failed = response.failures ?? {};
              const changes: SearchChange[] = [];
              const writes: SearchedWrite[] = [];
              const deleted = req.type === 'delete' || req.type === 'deleteRange';
              rows.forEach((row, i) => {
                if (!row || i in failed || typeof row.caseId !== 'string') return;
                const id = watched.idOf(row);
                if (typeof id !== 'string') return;
                changes.push({ caseId: row.caseId, kind: watched.kind, id });
                writes.push({ table: name as SearchedWrite['table'], kind: watched.kind, caseId: row.caseId, id, ...(deleted ? { deleted: true as const } : { row }) });
              });
              afterCommit(down.schema.name, req.trans, writes);
              if (changes.length === 0) return response;
              return down
                .table(JOURNAL)
                .mutate({ type: 'add', trans: req.trans, values: changes })
                .then(() => response);
            }),
          ) as Promise<DBCoreMutateResponse>;
        },
      };
    },
  }),
};
