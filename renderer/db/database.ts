import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { CandidateRecord, Case, Citation, Entity, EntityType, Mention, Note, Relation, Source, SourceBody } from '../../shared/model';
import { foldText, nameKeysFor, searchKeysFor } from '../../shared/linking/normalize';
import type { SearchIndexSnapshot } from '../../shared/search/index';
import { entityCounters } from './entity-counters';
import { searchChanges, type SearchChange } from './search-changes';

/**
 * An entity as stored: the model plus derived keys the hooks below keep in
 * step with name and aliases: `nameKeys` (whole folded names, for "name
 * starts with"), `searchKeys` (those and every word, for "any word starts
 * with") and `sortName` (folded name, so A–Z lists ignore case and accents).
 */
export type StoredEntity = Entity & { nameKeys: string[]; searchKeys: string[]; sortName: string };

/**
 * Per-case counters kept in step with every write that adds, removes or
 * retypes an entity, by a middleware under every writer
 * (renderer/db/entity-counters.ts), so the sidebar reads one record instead
 * of counting an index: IndexedDB counts walk every key.
 */
export interface CaseStats {
  caseId: string;
  entityCounts: Partial<Record<EntityType, number>>;
  /**
   * Bumped by every write that changes what names the case's entities go by
   * (a new entity, a new alias, a merge, a delete), so the linker knows to
   * re-link the case without reading every entity to find out.
   */
  namesVersion?: number;
}

/** A snapshot of a note as it was, kept so an earlier version can be restored (renderer/db/history.ts). */
export interface NoteVersion {
  id: string;
  noteId: string;
  caseId: string;
  title: string;
  content: Note['content'];
  text: string;
  /** When this version was the note's saved state (the note's updatedAt then). */
  savedAt: number;
}

/**
 * A deleted entity with the mentions and relations that went with it, kept
 * until the user restores it or deletes it forever (renderer/db/trash.ts).
 * Deleted notes stay in `notes` with `deletedAt` and are listed beside these.
 */
export interface TrashRecord {
  id: string;
  caseId: string;
  kind: 'entity';
  deletedAt: number;
  entity: StoredEntity;
  mentions: Mention[];
  relations: Relation[];
}

/**
 * A case's saved search index (renderer/features/search/search-persistence.ts):
 * the index's format version, and the case's change counter (the highest
 * `searchChanges` seq) it includes.
 */
export interface SearchIndexRecord {
  caseId: string;
  version: number;
  changeSeq: number;
  savedAt: number;
  snapshot: SearchIndexSnapshot;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type CasebookDexie = Dexie & {
  cases: EntityTable<Case, 'id'>;
  notes: EntityTable<Note, 'id'>;
  sources: EntityTable<Source, 'id'>;
  sourceBodies: EntityTable<SourceBody, 'sourceId'>;
  candidates: EntityTable<CandidateRecord, 'id'>;
  entities: EntityTable<StoredEntity, 'id'>;
  relations: EntityTable<Relation, 'id'>;
  mentions: EntityTable<Mention, 'id'>;
  citations: EntityTable<Citation, 'id'>;
  caseStats: EntityTable<CaseStats, 'caseId'>;
  noteVersions: EntityTable<NoteVersion, 'id'>;
  trash: EntityTable<TrashRecord, 'id'>;
  searchIndexes: EntityTable<SearchIndexRecord, 'caseId'>;
  searchChanges: EntityTable<SearchChange, 'seq'>;
  meta: Table<MetaRecord, string>;
};

export const DATABASE_NAME = 'casebook';

/**
 * Schema versions, in order. A shipped version is never edited: a change is a
 * new entry with its own upgrade (using only the transaction it is given),
 * and tests/renderer/db/schema-history.test.ts pins every shipped entry and
 * opens each older version's data with the newest code.
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      cases: 'id',
      // [caseId+updatedAt] lists a case's notes newest first without reading them all.
      notes: 'id, [caseId+updatedAt]',
      sources: 'id, caseId, sha256',
      // [caseId+type+sortName] lists a type A–Z a page at a time; *nameKeys and
      // *searchKeys serve @-suggestions, names first.
      entities: 'id, [caseId+type], [caseId+type+sortName], *nameKeys, *searchKeys',
      relations: 'id, caseId, fromId, toId',
      mentions: 'id, caseId, entityId, [targetKind+targetId]',
      citations: 'id, caseId, noteId, sourceId',
      caseStats: 'caseId',
      meta: 'key',
    },
  },
  {
    // Documents move out of `sources` into `sourceBodies`, so listing sources
    // never reads their text; extraction candidates get their review queue.
    version: 2,
    stores: {
      sourceBodies: 'sourceId, caseId',
      candidates: 'id, [caseId+status]',
    },
    upgrade: moveSourceBodies,
  },
  {
    // Note history and the Trash: new tables only, so no upgrade is needed.
    version: 3,
    stores: {
      noteVersions: 'id, [noteId+savedAt]',
      trash: 'id, caseId, deletedAt',
    },
  },
  {
    // The saved search index per case, and the change journal that brings it
    // up to date on reopen (renderer/db/search-changes.ts). New tables only:
    // a store from before has no saved index, so its first open builds one.
    version: 4,
    stores: {
      searchIndexes: 'caseId',
      searchChanges: '++seq, [caseId+seq]',
    },
  },
];

/** v1 → v2: each source's text and HTML become its `sourceBodies` row. */
async function moveSourceBodies(tx: Transaction): Promise<void> {
  const bodies: SourceBody[] = [];
  await tx
    .table('sources')
    .toCollection()
    .modify((source: Source & { text?: string; html?: string }) => {
      bodies.push({ sourceId: source.id, caseId: source.caseId, text: source.text ?? '', ...(source.html ? { html: source.html } : {}) });
      delete source.text;
      delete source.html;
    });
  await tx.table('sourceBodies').bulkAdd(bodies);
}

export function declareSchema(db: Dexie): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

type DerivedKeys = Pick<StoredEntity, 'nameKeys' | 'searchKeys' | 'sortName'>;

function derivedKeys(name: string, aliases: readonly string[]): DerivedKeys {
  return { nameKeys: nameKeysFor([name, ...aliases]), searchKeys: searchKeysFor([name, ...aliases]), sortName: foldText(name).trim() };
}

/** Keeps the derived keys in step with name and aliases on every write, whoever writes. */
function maintainDerivedKeys(db: CasebookDexie): void {
  db.entities.hook('creating', (_key, entity) => {
    Object.assign(entity, derivedKeys(entity.name, entity.aliases));
  });
  // Recomputed on every update: cheap, and Dexie reports array properties
  // (aliases, quotes) as changed on every update anyway.
  db.entities.hook('updating', (changes, _key, entity) => {
    const next = changes as Partial<StoredEntity>;
    return derivedKeys(next.name ?? entity.name, next.aliases ?? entity.aliases);
  });
}

/**
 * Every transaction commits with `strict` durability: IndexedDB reports a
 * write done only once it is flushed to disk, so a save the editor saw
 * succeed survives a crash of the whole machine, not only of the renderer.
 * (Chromium's default is `relaxed` since 121; Dexie 4 sets durability per
 * database, not per transaction. Saves are debounced, so the cost is one
 * flush per pause in typing.)
 */
export const TRANSACTION_DURABILITY = 'strict' as const;

export function openDatabase(name: string = DATABASE_NAME): CasebookDexie {
  const db = new Dexie(name, { chromeTransactionDurability: TRANSACTION_DURABILITY }) as CasebookDexie;
  declareSchema(db);
  maintainDerivedKeys(db);
  db.use(entityCounters);
  db.use(searchChanges);
  return db;
}
