import Dexie from 'dexie';
import { ENTITY_TYPES, sourceTitle, type Entity, type EntityType, type Mention, type Note, type Relation, type Source } from '../../shared/model';
import { foldText, nameKeysFor } from '../../shared/linking/normalize';
import type { CasebookDexie, StoredEntity } from './database';
import { newId } from './ids';
import { bulkGetInCase, inCase } from './case-scope';

export type EntityDraft = Pick<Entity, 'type' | 'name' | 'aliases' | 'description' | 'properties' | 'protected'>;

export async function createEntity(db: CasebookDexie, caseId: string, draft: EntityDraft): Promise<string> {
  const now = Date.now();
  const entity: StoredEntity = { ...draft, id: newId('ent'), caseId, quotes: [], createdAt: now, updatedAt: now, nameKeys: [], searchKeys: [], sortName: '' };
  // caseStats is in the transaction for the counters (renderer/db/entity-counters.ts).
  await db.transaction('rw', db.entities, db.caseStats, async () => {
    await db.entities.add(entity);
  });
  return entity.id;
}

export async function updateEntity(db: CasebookDexie, id: string, draft: EntityDraft): Promise<void> {
  await db.transaction('rw', db.entities, db.caseStats, async () => {
    const before = await db.entities.get(id);
    if (!before) throw new Error(`No entity ${id}`);
    await db.entities.update(id, { ...draft, updatedAt: Date.now() });
  });
}

/**
 * Adds `alias` as another name of an entity of the case (the names version
 * is bumped by the store, so the linker finds it everywhere). The one way to add
 * a name: the review queue ("Alias of…") and the reader's selection menu
 * ("Add as alias…") both come here. Joins the caller's transaction when it
 * covers `entities` and `caseStats` (Dexie nests it), else opens its own.
 * Returns whether the name was new and the entity as it now is.
 */
export async function addAlias(db: CasebookDexie, caseId: string, entityId: string, alias: string): Promise<{ added: boolean; entity: StoredEntity; alias: string }> {
  const clean = alias.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('An alias needs some text.');
  return db.transaction('rw', db.entities, db.caseStats, async () => {
    const entity = await db.entities.get(entityId);
    if (!entity || entity.caseId !== caseId) throw new Error('That entity is not in this case.');
    if (nameKeysFor([clean]).every((key) => entity.nameKeys.includes(key))) return { added: false, entity, alias: clean };
    // The names version follows by itself (entity-counters.ts).
    await db.entities.update(entityId, { aliases: [...entity.aliases, clean], updatedAt: Date.now() });
    return { added: true, entity: (await db.entities.get(entityId))!, alias: clean };
  });
}

/** Counts per type from the case's counters: one read, whatever the case's size. */
export async function countEntitiesByType(db: CasebookDexie, caseId: string): Promise<Record<EntityType, number>> {
  const stats = await db.caseStats.get(caseId);
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, stats?.entityCounts[t] ?? 0])) as Record<EntityType, number>;
}

export async function listEntitiesOfType(db: CasebookDexie, caseId: string, type: EntityType, limit: number): Promise<StoredEntity[]> {
  return db.entities
    .where('[caseId+type+sortName]')
    .between([caseId, type, Dexie.minKey], [caseId, type, Dexie.maxKey])
    .limit(limit)
    .toArray();
}

/**
 * Entities whose name, alias or any word of them starts with the query, best
 * first: a name starting with the query, then an alias, then a word. Names
 * and aliases are looked up first through their own index, so a flood of
 * word matches can never crowd out the entity the user is typing the name of.
 */
export async function suggestEntities(db: CasebookDexie, caseId: string, query: string, limit = 8): Promise<StoredEntity[]> {
  const folded = foldText(query).replace(/\s+/g, ' ').trim();
  if (!folded) {
    return db.entities.where('[caseId+type]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).limit(limit).toArray();
  }
  const lookup = (index: 'nameKeys' | 'searchKeys') =>
    db.entities.where(index).startsWith(folded).distinct().filter((e) => e.caseId === caseId).limit(limit * 5).toArray();
  const byName = await lookup('nameKeys');
  const candidates = new Map(byName.map((e) => [e.id, e]));
  if (candidates.size < limit) for (const e of await lookup('searchKeys')) if (!candidates.has(e.id)) candidates.set(e.id, e);

  const rank = (e: StoredEntity) => {
    if (e.sortName.startsWith(folded)) return 0;
    if (e.nameKeys.some((k) => k.startsWith(folded))) return 1;
    return 2;
  };
  return [...candidates.values()]
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.sortName.localeCompare(b.sortName))
    .slice(0, limit);
}

export interface RelationView {
  relation: Relation;
  direction: 'forward' | 'backward';
  other: Entity | undefined;
}

/** The entity's relations within its case, each with the entity at the other end (undefined if that one is gone). */
export async function relationsOf(db: CasebookDexie, caseId: string, entityId: string): Promise<RelationView[]> {
  const ofCase = inCase(caseId);
  const [outgoing, incoming] = await Promise.all([
    db.relations.where('fromId').equals(entityId).filter(ofCase).toArray(),
    db.relations.where('toId').equals(entityId).filter(ofCase).toArray(),
  ]);
  const otherIds = [...new Set([...outgoing.map((r) => r.toId), ...incoming.map((r) => r.fromId)])];
  const others = new Map((await bulkGetInCase(db.entities, caseId, otherIds)).map((e) => [e.id, e]));
  return [
    ...outgoing.map((relation) => ({ relation, direction: 'forward' as const, other: others.get(relation.toId) })),
    ...incoming.map((relation) => ({ relation, direction: 'backward' as const, other: others.get(relation.fromId) })),
  ];
}

export interface Backlink {
  mention: Mention;
  target: { kind: 'note'; note: Note } | { kind: 'source'; source: Pick<Source, 'id' | 'title'> };
  /** 0-based rank of this mention among the entity's mentions in the same target. */
  occurrence: number;
}

/** Every note and source passage of the case that mentions the entity, notes first, in reading order. */
export async function backlinksOf(db: CasebookDexie, caseId: string, entityId: string): Promise<Backlink[]> {
  const mentions = await db.mentions.where('entityId').equals(entityId).filter(inCase(caseId)).toArray();
  mentions.sort((a, b) => a.targetKind.localeCompare(b.targetKind) || a.targetId.localeCompare(b.targetId) || a.start - b.start);
  const noteIds = [...new Set(mentions.filter((m) => m.targetKind === 'note').map((m) => m.targetId))];
  const sourceIds = [...new Set(mentions.filter((m) => m.targetKind === 'source').map((m) => m.targetId))];
  const [notes, sources] = await Promise.all([bulkGetInCase(db.notes, caseId, noteIds), bulkGetInCase(db.sources, caseId, sourceIds)]);
  const noteById = new Map(notes.filter((n) => !n.deletedAt).map((n) => [n.id, n]));
  const sourceById = new Map(sources.filter((s) => s.deletedAt === undefined).map((s) => [s.id, { id: s.id, title: sourceTitle(s) }]));

  const links: Backlink[] = [];
  const seenPerTarget = new Map<string, number>();
  for (const mention of mentions) {
    const key = `${mention.targetKind}:${mention.targetId}`;
    const occurrence = seenPerTarget.get(key) ?? 0;
    seenPerTarget.set(key, occurrence + 1);
    if (mention.targetKind === 'note') {
      const note = noteById.get(mention.targetId);
      if (note) links.push({ mention, target: { kind: 'note', note }, occurrence });
    } else {
      const source = sourceById.get(mention.targetId);
      if (source) links.push({ mention, target: { kind: 'source', source }, occurrence });
    }
  }
  return links;
}
