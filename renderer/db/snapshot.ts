import Dexie, { type Table } from 'dexie';
import type { Entity, EntityType } from '../../shared/model';
import type { CaseSnapshot } from '../../shared/export/case-snapshot';
import { remapSnapshot, type IdMaps } from '../../shared/export/remap-snapshot';
import type { CaseStats, CasebookDexie, StoredEntity } from './database';
import { isQuotaExceeded } from './errors';
import { newId } from './ids';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Everything of one case, read in one transaction so the snapshot is
 * consistent even while the user keeps typing. Entities lose the keys the
 * store derives from their names. Rows are sorted by id, so two snapshots of
 * the same case compare equal. Undefined if there is no such case.
 */
export async function readCaseSnapshot(db: CasebookDexie, caseId: string): Promise<CaseSnapshot | undefined> {
  return db.transaction('r', [db.cases, db.notes, db.sources, db.sourceBodies, db.entities, db.relations, db.mentions, db.citations, db.candidates], async () => {
    const found = await db.cases.get(caseId);
    if (!found) return undefined;
    const all = [Dexie.minKey, Dexie.maxKey] as const;
    const [notes, sources, sourceBodies, entities, relations, mentions, citations, candidates] = await Promise.all([
      db.notes.where('[caseId+updatedAt]').between([caseId, all[0]], [caseId, all[1]], true, true).toArray(),
      db.sources.where('caseId').equals(caseId).toArray(),
      db.sourceBodies.where('caseId').equals(caseId).toArray(),
      db.entities.where('[caseId+type]').between([caseId, all[0]], [caseId, all[1]], true, true).toArray(),
      db.relations.where('caseId').equals(caseId).toArray(),
      db.mentions.where('caseId').equals(caseId).toArray(),
      db.citations.where('caseId').equals(caseId).toArray(),
      db.candidates.where('[caseId+status]').between([caseId, all[0]], [caseId, all[1]], true, true).toArray(),
    ]);
    return {
      case: found,
      notes: notes.sort(byId),
      sources: sources.sort(byId),
      sourceBodies: sourceBodies.sort((a, b) => byId({ id: a.sourceId }, { id: b.sourceId })),
      entities: entities.map(withoutDerivedKeys).sort(byId),
      relations: relations.sort(byId),
      mentions: mentions.sort(byId),
      citations: citations.sort(byId),
      candidates: candidates.sort(byId),
    };
  });
}

function withoutDerivedKeys(stored: StoredEntity): Entity {
  const { nameKeys: _n, searchKeys: _s, sortName: _o, ...entity } = stored;
  return entity;
}

export interface WriteSnapshotOptions {
  /** Restore under fresh ids even if the case is not in this store (importing a colleague's case twice, say). */
  asNewCase?: boolean;
}

export interface WriteSnapshotResult {
  caseId: string;
  /** True when the case was written under fresh ids (then titled "… (restored)"). */
  remapped: boolean;
  /** Old id → new id; empty maps when nothing was remapped. */
  ids: IdMaps | undefined;
}

/** Why a restore wrote nothing; `quota` when the disk (or the browser's share of it) is full. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    readonly code: 'quota' | 'conflict' | 'other',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Rows per bulk write: IndexedDB copes better with many modest requests than one huge one. */
const CHUNK = 1000;

/**
 * Writes a case into the store, all in one transaction: if anything fails,
 * nothing is written. Existing records are never overwritten: when the case
 * (or any record id of it) is already here, or when `asNewCase` is set, the
 * whole case is written under fresh ids and titled "… (restored)". The
 * per-case counters the sidebar reads are rebuilt from the entities, and the
 * names version starts fresh so the linker links the case.
 */
export async function writeCaseSnapshot(db: CasebookDexie, snapshot: CaseSnapshot, options: WriteSnapshotOptions = {}): Promise<WriteSnapshotResult> {
  const tables = [db.cases, db.notes, db.sources, db.sourceBodies, db.entities, db.relations, db.mentions, db.citations, db.candidates, db.caseStats];
  try {
    return await db.transaction('rw', tables, async () => {
      const remap = options.asNewCase || (await anyIdTaken(db, snapshot));
      let ids: IdMaps | undefined;
      let rows = snapshot;
      if (remap) {
        ({ snapshot: rows, ids } = remapSnapshot(snapshot, newId, (title) => `${title} (restored)`));
      }
      // `add`, never `put`: a clash aborts the transaction instead of overwriting.
      await db.cases.add(rows.case);
      await bulkAddChunked(db.notes, rows.notes);
      await bulkAddChunked(db.sources, rows.sources);
      await bulkAddChunked(db.sourceBodies, rows.sourceBodies);
      // The creating hook fills the derived keys.
      await bulkAddChunked(db.entities, rows.entities.map((e) => ({ ...e, nameKeys: [], searchKeys: [], sortName: '' })));
      await bulkAddChunked(db.relations, rows.relations);
      await bulkAddChunked(db.mentions, rows.mentions);
      await bulkAddChunked(db.citations, rows.citations);
      await bulkAddChunked(db.candidates, rows.candidates);
      await db.caseStats.put(statsFor(rows.case.id, rows.entities));
      return { caseId: rows.case.id, remapped: remap, ids };
    });
  } catch (error) {
    if (isQuotaExceeded(error)) throw new RestoreError('quota', 'There is not enough disk space to restore this case. Nothing was restored.', { cause: error });
    const name = (error as { name?: string }).name;
    if (name === 'ConstraintError' || name === 'BulkError') {
      throw new RestoreError('conflict', 'This case clashes with records already here. Nothing was restored.', { cause: error });
    }
    throw new RestoreError('other', `The case could not be restored: ${(error as Error).message}. Nothing was restored.`, { cause: error });
  }
}

/** True if the case, or any record of it, already has its id taken in this store. */
async function anyIdTaken(db: CasebookDexie, snapshot: CaseSnapshot): Promise<boolean> {
  if (await db.cases.get(snapshot.case.id)) return true;
  const checks: [KeyLookup, string[]][] = [
    [db.notes, snapshot.notes.map((r) => r.id)],
    [db.sources, snapshot.sources.map((r) => r.id)],
    [db.sourceBodies, snapshot.sourceBodies.map((r) => r.sourceId)],
    [db.entities, snapshot.entities.map((r) => r.id)],
    [db.relations, snapshot.relations.map((r) => r.id)],
    [db.mentions, snapshot.mentions.map((r) => r.id)],
    [db.citations, snapshot.citations.map((r) => r.id)],
    [db.candidates, snapshot.candidates.map((r) => r.id)],
  ];
  for (const [table, keys] of checks) {
    for (let i = 0; i < keys.length; i += CHUNK) {
      if ((await table.bulkGet(keys.slice(i, i + CHUNK))).some((row) => row !== undefined)) return true;
    }
  }
  return false;
}

/** Just what `anyIdTaken` needs of a table keyed by a string. */
interface KeyLookup {
  bulkGet(keys: string[]): Promise<unknown[]>;
}

async function bulkAddChunked<T, K, I>(table: Table<T, K, I>, rows: readonly I[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
}

function statsFor(caseId: string, entities: readonly Entity[]): CaseStats {
  const entityCounts: Partial<Record<EntityType, number>> = {};
  for (const e of entities) entityCounts[e.type] = (entityCounts[e.type] ?? 0) + 1;
  return { caseId, entityCounts, namesVersion: 1 };
}
