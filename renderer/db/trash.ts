import Dexie from 'dexie';
import type { Note } from '../../shared/model';
import type { CasebookDexie, TrashRecord } from './database';
import { restoreEntity } from './delete-entity';
import { deleteVersions } from './history';
import { restoreNote } from './notes';
import { listDeletedCases, purgeCase, restoreCase } from './cases';
import { purgeSource, restoreSource } from './sources';
import { sourceTitle } from '../../shared/model';

/** What the Trash lists: deleted notes and sources (kept in their tables with `deletedAt`) and deleted entities (kept in `trash`). */
export type TrashItem =
  | { kind: 'case'; id: string; title: string; deletedAt: number; preview: string }
  | { kind: 'note'; id: string; title: string; deletedAt: number; preview: string }
  | { kind: 'source'; id: string; title: string; deletedAt: number; preview: string }
  | { kind: 'entity'; id: string; title: string; deletedAt: number; preview: string; entityType: string };

/** A case's Trash, most recently deleted first, with the deleted cases (which every case's Trash lists). */
export async function listTrash(db: CasebookDexie, caseId: string): Promise<TrashItem[]> {
  return db.transaction('r', [db.cases, db.notes, db.sources, db.trash], async () => {
    const cases = (await listDeletedCases(db)).filter((c) => c.id !== caseId);
    const notes: Note[] = await db.notes
      .where('[caseId+updatedAt]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .filter((n) => n.deletedAt !== undefined)
      .toArray();
    const entities: TrashRecord[] = await db.trash.where('caseId').equals(caseId).toArray();
    const deletedSources = await db.sources
      .where('caseId')
      .equals(caseId)
      .filter((s) => s.deletedAt !== undefined)
      .toArray();
    // An attachment that went with its email is listed with it, not on its own.
    const wentWith = (s: (typeof deletedSources)[number]) => deletedSources.some((p) => p.id === s.parentId && p.deletedAt === s.deletedAt);
    const attachments = (id: string, at: number) => deletedSources.filter((s) => s.parentId === id && s.deletedAt === at).length;
    const items: TrashItem[] = [
      ...cases.map((c) => ({ kind: 'case' as const, id: c.id, title: c.title, deletedAt: c.deletedAt!, preview: c.sample ? 'Sample case' : 'Case' })),
      ...notes.map((n) => ({ kind: 'note' as const, id: n.id, title: n.title, deletedAt: n.deletedAt!, preview: n.text.slice(0, 160) })),
      ...deletedSources
        .filter((s) => !wentWith(s))
        .map((s) => {
          const n = attachments(s.id, s.deletedAt!);
          const preview = [s.format.toUpperCase(), s.fileName, n ? `with ${n} attachment${n === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
          return { kind: 'source' as const, id: s.id, title: sourceTitle(s), deletedAt: s.deletedAt!, preview };
        }),
      ...entities.map((t) => ({
        kind: 'entity' as const,
        id: t.id,
        title: t.entity.name,
        deletedAt: t.deletedAt,
        entityType: t.entity.type,
        preview: [t.entity.aliases.join(', '), `${t.mentions.length} mention${t.mentions.length === 1 ? '' : 's'}`, `${t.relations.length} relation${t.relations.length === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
      })),
    ];
    return items.sort((a, b) => b.deletedAt - a.deletedAt);
  });
}

/** Brings an item back where it was. For a source, the ids that came back (it and its attachments), for the linker. */
export async function restoreFromTrash(db: CasebookDexie, item: Pick<TrashItem, 'kind' | 'id'>): Promise<string[]> {
  if (item.kind === 'case') await restoreCase(db, item.id);
  else if (item.kind === 'note') await restoreNote(db, item.id);
  else if (item.kind === 'source') return restoreSource(db, item.id);
  else {
    const record = await db.trash.get(item.id);
    if (!record) throw new Error('This entity is no longer in the Trash.');
    await restoreEntity(db, record);
  }
  return [item.id];
}

/**
 * Removes an item for good: a case with every row of it; a note with its
 * mentions, citations and history; a source with its document, mentions and
 * sightings (renderer/db/sources.ts); an entity's Trash row. Returns the
 * originals no source uses any more, for main to free.
 */
export async function deleteForever(db: CasebookDexie, item: Pick<TrashItem, 'kind' | 'id'>): Promise<{ freedOriginals: string[] }> {
  if (item.kind === 'case') return purgeCase(db, item.id);
  if (item.kind === 'source') return purgeSource(db, item.id);
  if (item.kind === 'entity') {
    await db.trash.delete(item.id);
    return { freedOriginals: [] };
  }
  await db.transaction('rw', [db.notes, db.mentions, db.citations, db.noteVersions], async () => {
    const note = await db.notes.get(item.id);
    if (!note?.deletedAt) return; // Restored meanwhile: keep it.
    await db.mentions.where('[targetKind+targetId]').equals(['note', note.id]).delete();
    await db.citations.where('noteId').equals(note.id).delete();
    await deleteVersions(db, note.id);
    await db.notes.delete(note.id);
  });
  return { freedOriginals: [] };
}
