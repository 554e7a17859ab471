import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Case, Citation, Entity, EntityType, Mention, Note, Relation, Source } from '../../shared/model';
import { searchKeysFor } from '../../shared/linking/normalize';

/** An entity as stored: the model plus the folded words it is found by. */
export type StoredEntity = Entity & { searchKeys: string[] };

/**
 * Per-case counters kept in step by every write that adds, removes or
 * retypes an entity (renderer/db/entities.ts), so the sidebar reads one
 * record instead of counting an index: IndexedDB counts walk every key.
 */
export interface CaseStats {
  caseId: string;
  entityCounts: Partial<Record<EntityType, number>>;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type CasebookDexie = Dexie & {
  cases: EntityTable<Case, 'id'>;
  notes: EntityTable<Note, 'id'>;
  sources: EntityTable<Source, 'id'>;
  entities: EntityTable<StoredEntity, 'id'>;
  relations: EntityTable<Relation, 'id'>;
  mentions: EntityTable<Mention, 'id'>;
  citations: EntityTable<Citation, 'id'>;
  caseStats: EntityTable<CaseStats, 'caseId'>;
  meta: Table<MetaRecord, string>;
};

export const DATABASE_NAME = 'casebook';

/**
 * Schema versions, in order. A shipped version is never edited: a change is a
 * new `db.version(n)` with its own upgrade, and tests open every older
 * version's data with the newest code (tests/renderer/db).
 */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    cases: 'id',
    // [caseId+updatedAt] lists a case's notes newest first without reading them all.
    notes: 'id, [caseId+updatedAt]',
    sources: 'id, caseId, sha256',
    // [caseId+type] counts by type, [caseId+type+name] lists a type A–Z a page
    // at a time; *searchKeys serves @-suggestions.
    entities: 'id, [caseId+type], [caseId+type+name], *searchKeys',
    relations: 'id, caseId, fromId, toId',
    mentions: 'id, caseId, entityId, [targetKind+targetId]',
    citations: 'id, caseId, noteId, sourceId',
    caseStats: 'caseId',
    meta: 'key',
  });
}

/** Keeps `searchKeys` in step with name and aliases on every write, whoever writes. */
function maintainSearchKeys(db: CasebookDexie): void {
  db.entities.hook('creating', (_key, entity) => {
    entity.searchKeys = searchKeysFor([entity.name, ...entity.aliases]);
  });
  db.entities.hook('updating', (changes, _key, entity) => {
    const next = changes as Partial<StoredEntity>;
    if (!('name' in next) && !('aliases' in next)) return undefined;
    const name = next.name ?? entity.name;
    const aliases = next.aliases ?? entity.aliases;
    return { searchKeys: searchKeysFor([name, ...aliases]) };
  });
}

export function openDatabase(name: string = DATABASE_NAME): CasebookDexie {
  const db = new Dexie(name) as CasebookDexie;
  declareSchema(db);
  maintainSearchKeys(db);
  return db;
}
