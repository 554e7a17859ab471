import Dexie from 'dexie';
import type { Case } from '../../shared/model';
import type { CasebookDexie } from './database';
import { newId } from './ids';

/** A case as the switcher lists it: what it is and how much it holds. */
export interface CaseSummary {
  id: string;
  title: string;
  sample: boolean;
  notes: number;
  sources: number;
  entities: number;
  updatedAt: number;
}

const liveCase = (c: Case) => c.deletedAt === undefined;

/**
 * Every case not deleted, most recently changed first, with its counts. Notes
 * and sources are counted through their per-case indexes (a walk over that
 * case's rows only; those in the Trash do not count); entities come from the
 * case's counters.
 */
export async function listCaseSummaries(db: CasebookDexie): Promise<CaseSummary[]> {
  const cases = (await db.cases.toArray()).filter(liveCase);
  const summaries = await Promise.all(
    cases.map(async (c): Promise<CaseSummary> => {
      const [notes, sources, stats] = await Promise.all([
        db.notes
          .where('[caseId+updatedAt]')
          .between([c.id, Dexie.minKey], [c.id, Dexie.maxKey])
          .filter((n) => n.deletedAt === undefined)
          .count(),
        db.sources
          .where('caseId')
          .equals(c.id)
          .filter((s) => s.deletedAt === undefined)
          .count(),
        db.caseStats.get(c.id),
      ]);
      const entities = Object.values(stats?.entityCounts ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
      return { id: c.id, title: c.title, sample: c.sample === true, notes, sources, entities, updatedAt: c.updatedAt };
    }),
  );
  return summaries.sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title));
}

/** A title as stored: one line, trimmed, never empty. */
export function cleanCaseTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, 500) || 'Untitled case';
}

export async function createCase(db: CasebookDexie, title: string, now = Date.now()): Promise<string> {
  const id = newId('case');
  await db.cases.add({ id, title: cleanCaseTitle(title), summary: '', createdAt: now, updatedAt: now });
  return id;
}

export async function renameCase(db: CasebookDexie, id: string, title: string): Promise<void> {
  const updated = await db.cases.update(id, { title: cleanCaseTitle(title), updatedAt: Date.now() });
  if (!updated) throw new Error('This case is no longer in the store.');
}

/** Deletes a case the way a note is deleted: it waits in the Trash (and the toast's Undo brings it back). */
export async function deleteCase(db: CasebookDexie, id: string, now = Date.now()): Promise<void> {
  const updated = await db.cases.update(id, { deletedAt: now });
  if (!updated) throw new Error('This case is no longer in the store.');
}

export async function restoreCase(db: CasebookDexie, id: string): Promise<void> {
  await db.cases.where('id').equals(id).modify((c) => {
    delete c.deletedAt;
  });
}

/** Deleted cases, most recently deleted first: listed in the Trash of every case. */
export async function listDeletedCases(db: CasebookDexie): Promise<Case[]> {
  return (await db.cases.toArray()).filter((c) => c.deletedAt !== undefined).sort((a, b) => b.deletedAt! - a.deletedAt!);
}

/** Tables whose rows belong to one case through a `caseId` index. */
const CASE_TABLES = ['sources', 'sourceBodies', 'relations', 'mentions', 'citations', 'trash'] as const;

/**
 * Removes a deleted case for good: every row of it in every table, and no
 * other. Returns the sha256 of each original file it used that no source of
 * any other case uses, so main can free them.
 */
export async function purgeCase(db: CasebookDexie, id: string): Promise<{ freedOriginals: string[] }> {
  const tables = [db.cases, db.notes, db.sources, db.sourceBodies, db.entities, db.relations, db.mentions, db.citations, db.candidates, db.caseStats, db.noteVersions, db.trash, db.meta, db.searchIndexes, db.searchChanges];
  return db.transaction('rw', tables, async () => {
    const found = await db.cases.get(id);
    if (!found) return { freedOriginals: [] };
    if (found.deletedAt === undefined) throw new Error('Only a deleted case can be removed for good.');
    const all = [Dexie.minKey, Dexie.maxKey] as const;
    const shas = new Set((await db.sources.where('caseId').equals(id).toArray()).map((s) => s.sha256));
    const noteIds = await db.notes.where('[caseId+updatedAt]').between([id, all[0]], [id, all[1]], true, true).primaryKeys();
    for (const noteId of noteIds) await db.noteVersions.where('[noteId+savedAt]').between([noteId, all[0]], [noteId, all[1]], true, true).delete();
    await db.notes.bulkDelete(noteIds);
    for (const table of CASE_TABLES) await db.table(table).where('caseId').equals(id).delete();
    // The counters follow the entities as they go (renderer/db/entity-counters.ts); then their row goes too.
    await db.entities.where('[caseId+type]').between([id, all[0]], [id, all[1]], true, true).delete();
    await db.candidates.where('[caseId+status]').between([id, all[0]], [id, all[1]], true, true).delete();
    await db.caseStats.delete(id);
    // Its saved search index, and the journal (to which the deletes above just wrote).
    await db.searchIndexes.delete(id);
    await db.searchChanges.where('[caseId+seq]').between([id, all[0]], [id, all[1]], true, true).delete();
    await db.meta.bulkDelete([`linked:${id}`, `briefing:${id}`]);
    await db.cases.delete(id);
    const stillUsed = new Set<string>();
    for (const sha of shas) if ((await db.sources.where('sha256').equals(sha).count()) > 0) stillUsed.add(sha);
    return { freedOriginals: [...shas].filter((sha) => !stillUsed.has(sha)) };
  });
}
