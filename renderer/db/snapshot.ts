import Dexie, { type Table } from 'dexie';
import type { Entity } from '../../shared/model';
import type { CaseSnapshot } from '../../shared/export/case-snapshot';
import { remapSnapshot, type IdMaps } from '../../shared/export/remap-snapshot';
import { describeForeignReferences, foreignReferences, keepReferencesInside } from '../../shared/export/snapshot-references';
import type { CasebookDexie, StoredEntity } from './database';
import { isQuotaExceeded } from './errors';
import { newId } from './ids';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Everything of one case, read in one transaction so the snapshot is
 * consistent even while the user keeps typing, with every reference kept
 * inside the case (`keepReferencesInside`). Entities lose the keys the
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
    return keepReferencesInside({
      case: found,
      notes: notes.sort(byId),
      sources: sources.sort(byId),
      sourceBodies: sourceBodies.sort((a, b) => byId({ id: a.sourceId }, { id: b.sourceId })),
      entities: entities.map(withoutDerivedKeys).sort(byId),
      relations: relations.sort(byId),
      mentions: mentions.sort(byId),
      citations: citations.sort(byId),
      candidates: candidates.sort(byId),
    });
  });
}

function withoutDerivedKeys(stored: StoredEntity): Entity {
  const { nameKeys: _n, searchKeys: _s, sortName: _o, ...entity } = stored;
  return entity;
}

export interface WriteSnapshotResult {
  caseId: string;
  /** Old id → new id for every record of the snapshot. */
  ids: IdMaps;
}

/** Why a restore wrote nothing; `quota` when the disk (or the browser's share of it) is full. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
  constructor(
    readonly code: 'quota' | 'conflict' | 'foreign-reference' | 'other',
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
 * nothing is written. The case always gets fresh ids, every record and every
 * reference with it (so a backup's ids, honest or chosen to match records
 * already here, never meet the store's), and a snapshot with a reference to
 * a record it does not hold is refused before anything is written: together
 * these keep a restored case from reaching into any other. It is titled
 * "… (restored)" when the case it was taken from is in this store. The
 * per-case counters and names version follow the entities as they are
 * written (renderer/db/entity-counters.ts), so the linker links the case.
 */
export async function writeCaseSnapshot(db: CasebookDexie, snapshot: CaseSnapshot): Promise<WriteSnapshotResult> {
  // Main checked the backup against the same schema; checked again here because this is where a stray reference would do harm.
  const foreign = foreignReferences(snapshot, 4);
  if (foreign.length > 0) {
    throw new RestoreError('foreign-reference', `This backup refers to records that are not part of it (${describeForeignReferences(foreign)}), so it was not restored. Nothing was written.`);
  }
  const tables = [db.cases, db.notes, db.sources, db.sourceBodies, db.entities, db.relations, db.mentions, db.citations, db.candidates, db.caseStats];
  try {
    return await db.transaction('rw', tables, async () => {
      const besideItself = (await db.cases.get(snapshot.case.id)) !== undefined;
      const { snapshot: rows, ids } = remapSnapshot(snapshot, newId, (title) => (besideItself ? `${title} (restored)` : title));
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
      return { caseId: rows.case.id, ids };
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

async function bulkAddChunked<T, K, I>(table: Table<T, K, I>, rows: readonly I[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await table.bulkAdd(rows.slice(i, i + CHUNK));
}
