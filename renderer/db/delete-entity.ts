import type { Mention, Relation } from '../../shared/model';
import type { CasebookDexie, StoredEntity } from './database';
import { inCase } from './case-scope';

/** A deleted entity with its mentions and relations, as `restoreEntity` puts them back. */
export interface DeletedEntity {
  entity: StoredEntity;
  mentions: Mention[];
  relations: Relation[];
}

/**
 * Deletes an entity with its mentions and relations in one transaction, and
 * returns them for the Undo. Notes keep the mention chips the user typed;
 * they show the name as written and lead nowhere until it is restored.
 */
export async function deleteEntity(db: CasebookDexie, id: string): Promise<DeletedEntity> {
  return db.transaction('rw', [db.entities, db.mentions, db.relations, db.caseStats, db.trash], async () => {
    const entity = await db.entities.get(id);
    if (!entity) throw new Error('This entity no longer exists.');
    const ofCase = inCase(entity.caseId);
    const mentions = await db.mentions.where('entityId').equals(id).filter(ofCase).toArray();
    const relations = [...(await db.relations.where('fromId').equals(id).filter(ofCase).toArray()), ...(await db.relations.where('toId').equals(id).filter(ofCase).toArray())];
    await db.mentions.bulkDelete(mentions.map((m) => m.id));
    await db.relations.bulkDelete(relations.map((r) => r.id));
    await db.entities.delete(id);
    // Into the Trash in the same transaction, so it can be restored after a reload.
    await db.trash.put({ id: trashIdFor(entity.id), caseId: entity.caseId, kind: 'entity', deletedAt: Date.now(), entity, mentions, relations });
    return { entity, mentions, relations };
  });
}

/** The Trash row of a deleted entity. */
export const trashIdFor = (entityId: string) => `entity:${entityId}`;

/**
 * Puts a deleted entity back with its mentions, and with its relations to
 * entities that still exist (one whose other end is in the Trash comes back
 * with that entity), and takes it out of the Trash.
 */
export async function restoreEntity(db: CasebookDexie, deleted: DeletedEntity): Promise<void> {
  await db.transaction('rw', [db.entities, db.mentions, db.relations, db.caseStats, db.trash], async () => {
    await db.trash.delete(trashIdFor(deleted.entity.id));
    if (await db.entities.get(deleted.entity.id)) return;
    await db.entities.add(deleted.entity);
    await db.mentions.bulkPut(deleted.mentions);
    const otherEnds = deleted.relations.map((r) => (r.fromId === deleted.entity.id ? r.toId : r.fromId));
    const present = await db.entities.bulkGet(otherEnds);
    await db.relations.bulkPut(deleted.relations.filter((_, i) => present[i]));
  });
}
