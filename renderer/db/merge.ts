import { mentionedEntityIds, replaceEntity } from '../../shared/editor/document';
import { inCase } from './case-scope';
import type { Mention, Note, Relation } from '../../shared/model';
import { foldText } from '../../shared/linking/normalize';
import type { CasebookDexie, StoredEntity } from './database';

/** Everything a merge changed, as it was before: enough to undo it exactly. */
export interface MergeUndo {
  kept: StoredEntity;
  merged: StoredEntity;
  mentions: Mention[];
  relations: Relation[];
  notes: Pick<Note, 'id' | 'content' | 'updatedAt'>[];
  /** When the merge wrote; a note edited since then is not rolled back wholesale. */
  mergedAt: number;
}

const fold = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();

/**
 * Merges entity `mergedId` into `keptId`: the kept one gains the other's
 * name and aliases as aliases, its quotes, and any description or
 * properties it lacked; every mention, relation and note mention of the
 * merged entity moves to the kept one; then the merged entity is deleted.
 * One transaction; returns what `undoMerge` needs.
 */
export async function mergeEntities(db: CasebookDexie, keptId: string, mergedId: string, now = Date.now()): Promise<MergeUndo> {
  if (keptId === mergedId) throw new Error('An entity cannot be merged into itself.');
  return db.transaction('rw', [db.entities, db.mentions, db.relations, db.notes, db.caseStats], async () => {
    const [kept, merged] = await db.entities.bulkGet([keptId, mergedId]);
    if (!kept || !merged) throw new Error('One of the entities to merge no longer exists.');
    if (kept.caseId !== merged.caseId) throw new Error('Entities from different cases cannot be merged.');

    const ofCase = inCase(kept.caseId);
    const mentions = await db.mentions.where('entityId').equals(mergedId).filter(ofCase).toArray();
    const relations = [...(await db.relations.where('fromId').equals(mergedId).filter(ofCase).toArray()), ...(await db.relations.where('toId').equals(mergedId).filter(ofCase).toArray())];
    const caseNotes = await db.notes.where('[caseId+updatedAt]').between([kept.caseId, -Infinity], [kept.caseId, Infinity]).toArray();
    const notes = caseNotes.filter((n) => mentionedEntityIds(n.content).has(mergedId));

    const taken = new Set([fold(kept.name)]);
    const aliases: string[] = [];
    for (const alias of [...kept.aliases, merged.name, ...merged.aliases]) {
      const key = fold(alias);
      if (!key || taken.has(key)) continue;
      taken.add(key);
      aliases.push(alias);
    }
    const quoteKey = (q: { sourceId: string; start: number; end: number }) => `${q.sourceId}:${q.start}:${q.end}`;
    const keptQuotes = new Set(kept.quotes.map(quoteKey));
    await db.entities.update(keptId, {
      aliases,
      description: kept.description.trim() ? kept.description : merged.description,
      properties: { ...merged.properties, ...kept.properties },
      protected: kept.protected || merged.protected,
      quotes: [...kept.quotes, ...merged.quotes.filter((q) => !keptQuotes.has(quoteKey(q)))],
      updatedAt: now,
    });
    await db.mentions.bulkPut(mentions.map((m) => ({ ...m, entityId: keptId })));
    for (const r of relations) {
      const moved = { ...r, fromId: r.fromId === mergedId ? keptId : r.fromId, toId: r.toId === mergedId ? keptId : r.toId };
      // A relation between the two would become one from the entity to itself: it goes.
      if (moved.fromId === moved.toId) await db.relations.delete(r.id);
      else await db.relations.put(moved);
    }
    for (const n of notes) await db.notes.update(n.id, { content: replaceEntity(n.content, mergedId, kept), updatedAt: now });
    await db.entities.delete(mergedId);
    return { kept, merged, mentions, relations, notes: notes.map((n) => ({ id: n.id, content: n.content, updatedAt: n.updatedAt })), mergedAt: now };
  });
}

/**
 * Undoes a merge: both entities as they were, the merged one's mentions and
 * relations pointing at it again, and note mentions repointed. A note edited
 * since the merge keeps its edits: only its mentions that name the merged
 * entity are pointed back.
 */
export async function undoMerge(db: CasebookDexie, undo: MergeUndo): Promise<void> {
  await db.transaction('rw', [db.entities, db.mentions, db.relations, db.notes, db.caseStats], async () => {
    const { kept, merged } = undo;
    if (await db.entities.get(merged.id)) throw new Error('This merge has already been undone.');
    await db.entities.put(kept);
    await db.entities.add(merged);
    await db.mentions.bulkPut(undo.mentions);
    await db.relations.bulkPut(undo.relations);
    const mergedNames = new Set([merged.name, ...merged.aliases].map(fold));
    for (const before of undo.notes) {
      const note = await db.notes.get(before.id);
      if (!note) continue;
      if (note.updatedAt === undo.mergedAt) {
        await db.notes.update(note.id, { content: before.content, updatedAt: before.updatedAt });
      } else {
        const back = replaceEntity(note.content, kept.id, merged, (attrs) => mergedNames.has(fold(String(attrs.label ?? ''))));
        await db.notes.update(note.id, { content: back });
      }
    }
  });
}
