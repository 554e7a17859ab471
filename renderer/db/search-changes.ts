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
              rows.forEach((row, i) => {
                if (!row || i in failed || typeof row.caseId !== 'string') return;
                const id = watched.idOf(row);
                if (typeof id === 'string') changes.push({ caseId: row.caseId, kind: watched.kind, id });
              });
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
