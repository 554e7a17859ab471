import type { Mention, Relation } from '../../shared/model';
import type { CasebookDexie, StoredEntity } from './database';
import { adjustEntityCounts } from './entities';

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
  return db.transaction('rw', [db.entities, db.mentions, db.relations, db.caseStats], async () => {
    const entity = await db.entities.get(id);
    if (!entity) throw new Error('This entity no longer exists.');
    const mentions = await db.mentions.where('entityId').equals(id).toArray();
    const relations = [...(await db.relations.where('fromId').equals(id).toArray()), ...(await db.relations.where('toId').equals(id).toArray())];
    await db.mentions.bulkDelete(mentions.map((m) => m.id));
    await db.relations.bulkDelete(relations.map((r) => r.id));
    await db.entities.delete(id);
    await adjustEntityCounts(db, entity.caseId, { [entity.type]: -1 }, { namesChanged: true });
    return { entity, mentions, relations };
  });
}

export async function restoreEntity(db: CasebookDexie, deleted: DeletedEntity): Promise<void> {
  await db.transaction('rw', [db.entities, db.mentions, db.relations, db.caseStats], async () => {
    if (await db.entities.get(deleted.entity.id)) return;
    await db.entities.add(deleted.entity);
    await db.mentions.bulkPut(deleted.mentions);
    await db.relations.bulkPut(deleted.relations);
    await adjustEntityCounts(db, deleted.entity.caseId, { [deleted.entity.type]: 1 }, { namesChanged: true });
  });
}
