import type { Transaction } from 'dexie';
import type { SearchKind, SearchTarget } from '../../../shared/search/index';
import type { CasebookDexie, StoredEntity } from '../../db/database';
import { sourceTitle, type Note, type Source } from '../../../shared/model';
import type { SearchMethods, SearchResults } from '../../workers/search/protocol';
import { createRpcClient, type RpcClient } from '../../workers/rpc';
import { lazyWorkerPort } from '../../workers/lazy-worker-port';

export type { SearchResults };

export interface SearchStatus {
  /** Targets fed to the index so far, and of how many, while the first build runs. */
  indexed: number;
  total: number;
  building: boolean;
  /** Bumped on every change sent to the index, so an open palette asks again. */
  version: number;
}

const ENTITY_BATCH = 2000;
const NOTE_BATCH = 200;

const stripKeys = ({ nameKeys: _n, searchKeys: _s, sortName: _o, ...entity }: StoredEntity) => entity;

/**
 * The renderer's side of search: builds the case's index in the search
 * worker in the background after start (entities, then notes, then sources
 * one by one, so the app opens no slower however big the case), and keeps it
 * current from Dexie's own write hooks, so every writer is covered without
 * remembering to call anything. Queries are answered by the worker; a newer
 * query supersedes older ones there.
 */
export class SearchService {
  // Building until the first build is done: a palette opened before then says so.
  private status: SearchStatus = { indexed: 0, total: 0, building: true, version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly unhooks: (() => void)[] = [];

  constructor(
    private readonly db: CasebookDexie,
    private readonly caseId: string,
    private readonly worker: RpcClient<SearchMethods>,
  ) {}

  getStatus = (): SearchStatus => this.status;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts the background build and the write hooks. */
  start(): Promise<void> {
    this.hookWrites();
    return this.build();
  }

  /** Results for `query`, or null when a newer query replaced it (or it failed, or the service stopped). */
  async search(query: string, limit = 30): Promise<SearchResults | null> {
    const result = await this.worker.call('query', { query, limit });
    return result.ok ? result.value : null;
  }

  dispose(): void {
    this.unhooks.forEach((u) => u());
    this.worker.dispose();
  }

  private setStatus(patch: Partial<SearchStatus>): void {
    this.status = { ...this.status, ...patch };
    this.listeners.forEach((l) => l());
  }

  private upsert(targets: SearchTarget[]): void {
    if (!targets.length) return;
    // Not awaited: queries queue behind it in the worker, so the next one sees the change.
    void this.worker.call('upsert', { targets });
    this.changed();
  }

  private remove(kind: SearchKind, id: string): void {
    void this.worker.call('remove', { targets: [{ kind, id }] });
    this.changed();
  }

  /** Queries go after updates in the worker's queue, so asking again now sees the change. */
  private changed(): void {
    this.setStatus({ version: this.status.version + 1 });
  }

  private async build(): Promise<void> {
    const { db, caseId } = this;
    const entityKeys = await db.entities.where('[caseId+type]').between([caseId, ''], [caseId, '\uffff']).primaryKeys();
    const noteKeys = await db.notes.where('[caseId+updatedAt]').between([caseId, -Infinity], [caseId, Infinity]).primaryKeys();
    const sourceKeys = await db.sources.where('caseId').equals(caseId).primaryKeys();
    this.setStatus({ building: true, indexed: 0, total: entityKeys.length + noteKeys.length + sourceKeys.length });
    let indexed = 0;
    for (let i = 0; i < entityKeys.length; i += ENTITY_BATCH) {
      const entities = (await db.entities.bulkGet(entityKeys.slice(i, i + ENTITY_BATCH))).filter((e): e is StoredEntity => !!e);
      this.upsert(entities.map((e) => ({ kind: 'entity', entity: stripKeys(e) })));
      this.setStatus({ indexed: (indexed += entities.length) });
    }
    for (let i = 0; i < noteKeys.length; i += NOTE_BATCH) {
      const notes = (await db.notes.bulkGet(noteKeys.slice(i, i + NOTE_BATCH))).filter((n): n is Note => !!n && !n.deletedAt);
      this.upsert(notes.map((note) => ({ kind: 'note', note })));
      this.setStatus({ indexed: (indexed += notes.length) });
    }
    for (const id of sourceKeys) {
      await this.upsertSource(id);
      this.setStatus({ indexed: (indexed += 1) });
    }
    this.setStatus({ building: false });
  }

  private async upsertSource(id: string): Promise<void> {
    const [source, body] = await Promise.all([this.db.sources.get(id), this.db.sourceBodies.get(id)]);
    // In the Trash: out of the index until restored. Found under the title the user gave it.
    if (source?.deletedAt !== undefined) this.remove('source', id);
    else if (source && body) this.upsert([{ kind: 'source', source: { ...source, title: sourceTitle(source), text: body.text, ...(body.html ? { html: body.html } : {}) } }]);
  }

  /**
   * Follows every write to notes, sources and entities through Dexie's table
   * hooks, acting once the transaction has committed (a rolled-back write
   * never reaches the index).
   */
  private hookWrites(): void {
    const after = (tx: Transaction, run: () => void) => tx.on('complete', () => queueMicrotask(run));
    const watch = <T extends { id: string; caseId: string }>(table: 'notes' | 'sources' | 'entities', kind: SearchKind, onChange: (row: T) => void) => {
      const t = this.db.table<T, string>(table);
      const creating = function (this: unknown, _key: string, row: T, tx: Transaction) {
        after(tx, () => onChange(row));
      };
      const updating = function (this: unknown, changes: object, _key: string, row: T, tx: Transaction) {
        after(tx, () => onChange({ ...row, ...changes } as T));
      };
      const deleting = (key: string, row: T, tx: Transaction) => {
        if (row.caseId === this.caseId) after(tx, () => this.remove(kind, key));
      };
      t.hook('creating', creating);
      t.hook('updating', updating);
      t.hook('deleting', deleting);
      this.unhooks.push(() => {
        t.hook('creating').unsubscribe(creating);
        t.hook('updating').unsubscribe(updating);
        t.hook('deleting').unsubscribe(deleting);
      });
    };
    watch<Note>('notes', 'note', (note) => {
      if (note.caseId !== this.caseId) return;
      if (note.deletedAt) this.remove('note', note.id);
      else this.upsert([{ kind: 'note', note }]);
    });
    watch<StoredEntity>('entities', 'entity', (entity) => entity.caseId === this.caseId && this.upsert([{ kind: 'entity', entity: stripKeys(entity) }]));
    // A source's text arrives in its own table, in the same transaction.
    watch<Source & { id: string }>('sources', 'source', (source) => source.caseId === this.caseId && void this.upsertSource(source.id));
  }
}

/** The app's search worker, created on the first call. */
export function searchWorker(): RpcClient<SearchMethods> {
  return createRpcClient(lazyWorkerPort<SearchMethods>(() => new Worker(new URL('../../workers/search/search.worker.ts', import.meta.url), { type: 'module', name: 'casebook-search' })));
}
