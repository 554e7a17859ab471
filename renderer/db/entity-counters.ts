import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { EntityType } from '../../shared/model';
import type { CaseStats, StoredEntity } from './database';

/** What the counters need of an entity row. */
type Counted = Pick<StoredEntity, 'id' | 'caseId' | 'type' | 'name' | 'aliases'>;

/** Thrown when an entity write that changes counts runs in a transaction without `caseStats`: a programming error, found by tests. */
export class CountersOutOfScopeError extends Error {
  override readonly name = 'CountersOutOfScopeError';
}

const sameNames = (a: Counted, b: Counted) => a.name === b.name && a.aliases.length === b.aliases.length && a.aliases.every((alias, i) => alias === b.aliases[i]);

/** Per case: how each type's count changes, and whether any name did. */
type Changes = Map<string, { delta: Partial<Record<EntityType, number>>; namesChanged: boolean }>;

function changesOf(pairs: readonly [Counted | undefined, Counted | undefined][]): Changes {
  const changes: Changes = new Map();
  const of = (caseId: string) => {
    let change = changes.get(caseId);
    if (!change) changes.set(caseId, (change = { delta: {}, namesChanged: false }));
    return change;
  };
  for (const [before, after] of pairs) {
    const moved = !before || !after || before.caseId !== after.caseId || before.type !== after.type;
    // A retyped entity is called what it was: the linker need not re-read the case for that.
    const renamed = !before || !after || before.caseId !== after.caseId || !sameNames(before, after);
    if (!moved && !renamed) continue;
    if (before) {
      const change = of(before.caseId);
      if (moved) change.delta[before.type] = (change.delta[before.type] ?? 0) - 1;
      if (renamed) change.namesChanged = true;
    }
    if (after) {
      const change = of(after.caseId);
      if (moved) change.delta[after.type] = (change.delta[after.type] ?? 0) + 1;
      if (renamed) change.namesChanged = true;
    }
  }
  return changes;
}

/**
 * The rows a request replaces or removes, read in its own transaction before
 * it runs. Written with `then`, never `await`: DBCore hands back Dexie's own
 * promises, which carry the transaction's zone that the middlewares below
 * (hooks, live queries) read; a native await would drop it.
 */
function rowsBefore(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<(Counted | undefined)[]> {
  const trans = req.trans;
  switch (req.type) {
    case 'add':
      // An add never replaces: a clash fails instead.
      return table.getMany({ trans, keys: [] }).then(() => req.values.map(() => undefined));
    case 'put':
      return table.getMany({ trans, keys: req.keys ?? req.values.map((v: Counted) => v.id) });
    case 'delete':
      return table.getMany({ trans, keys: req.keys });
    case 'deleteRange':
      return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result as Counted[]);
  }
}

function rowsAfter(req: DBCoreMutateRequest, count: number): (Counted | undefined)[] {
  return req.type === 'add' || req.type === 'put' ? (req.values as Counted[]) : new Array<undefined>(count).fill(undefined);
}

/** Whether the write's transaction covers caseStats (DBCore's transaction is IndexedDB's own). */
const holdsCaseStats = (trans: DBCoreTransaction) => {
  const names = (trans as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names === undefined || names.contains('caseStats');
};

const outOfScope = (error: unknown) =>
  (error as { name?: string }).name === 'NotFoundError'
    ? new CountersOutOfScopeError('An entity write that changes names or counts must run in a transaction that includes caseStats.')
    : error;

/** Writes each case's new counters, one case after another (Dexie promises throughout, as above). */
function applyChanges(stats: DBCoreTable, trans: DBCoreTransaction, changes: Changes): PromiseLike<void> {
  let chain: PromiseLike<unknown> = stats.getMany({ trans, keys: [] });
  for (const [caseId, { delta, namesChanged }] of changes) {
    chain = chain
      .then(() => stats.get({ trans, key: caseId }))
      .then((found) => {
        const current = found as CaseStats | undefined;
        const next: CaseStats = { caseId, entityCounts: { ...(current?.entityCounts ?? {}) }, ...(current?.namesVersion !== undefined ? { namesVersion: current.namesVersion } : {}) };
        for (const [type, change] of Object.entries(delta) as [EntityType, number][]) {
          next.entityCounts[type] = Math.max(0, (next.entityCounts[type] ?? 0) + change);
        }
        if (namesChanged) next.namesVersion = (next.namesVersion ?? 0) + 1;
        return stats.mutate({ type: 'put', trans, values: [next], keys: [caseId] });
      });
  }
  return chain.then(
    () => undefined,
    (error: unknown) => {
      throw outOfScope(error);
    },
  );
}

/**
 * Keeps each case's `caseStats` in step with every write to `entities`,
 * whoever writes and however (add, put, update, modify, delete, clear): the
 * per-type counters the sidebar reads, and the names version the linker
 * watches. It runs inside the write's own transaction, so a counter can
 * never drift from the rows, and a write that would change them in a
 * transaction without `caseStats` fails loudly instead of being missed.
 * Writers therefore never count by hand.
 */
export const entityCounters: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'EntityCounters',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'entities') return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          return rowsBefore(table, req).then((before) => {
            // Refused before anything is written: afterwards the write could not be taken back.
            if (!holdsCaseStats(req.trans) && changesOf(before.map((b, i) => [b, rowsAfter(req, before.length)[i]])).size > 0) {
              throw outOfScope({ name: 'NotFoundError' });
            }
            return table.mutate(req).then((response) => {
              const after = rowsAfter(req, before.length);
              const failed = response.failures ?? {};
              const pairs = before.map((b, i) => [b, after[i]] as [Counted | undefined, Counted | undefined]).filter((_, i) => !(i in failed));
              const changes = changesOf(pairs);
              return changes.size > 0 ? applyChanges(down.table('caseStats'), req.trans, changes).then(() => response) : response;
            });
          }) as Promise<DBCoreMutateResponse>;
        },
      };
    },
  }),
};
