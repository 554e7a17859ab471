import { noteSearchTarget, type SearchKind, type SearchTarget } from '../../../shared/search/index';
import type { CasebookDexie, StoredEntity } from '../../db/database';
import { onSearchedWrites } from '../../db/search-changes';
import type { Note } from '../../../shared/model';
import { entityTarget, sourceTarget } from '../../workers/search/case-store';
import type { SearchMethods, SearchResults } from '../../workers/search/protocol';
import { createRpcClient, type RpcClient } from '../../workers/rpc';
import { lazyWorkerPort } from '../../workers/lazy-worker-port';

export type { SearchResults };

export interface SearchStatus {
  /** Targets fed to the index so far, and of how many, while the first build runs. */
  indexed: number;
  total: number;
  building: boolean;
  /**
   * Whether the index is being restored from its saved copy (a moment),
   * or, during a build, the sources still to index: notes and entities go
   * first, so they are searchable while these are pending.
   */
  restoring: boolean;
  sourcesPending: number;
  /** Bumped on every change sent to the index, so an open palette asks again. */
  version: number;
}

const ENTITY_BATCH = 2000;
const NOTE_BATCH = 200;
/** The index is saved this long after the last change (and after a build): the journal covers what happens in between. */
const SAVE_AFTER_MS = 15_000;

/**
 * The renderer's side of search: asks the search worker to restore the
 * case's saved index (brought up to date from the change journal, see
 * renderer/db/search-changes.ts); when there is none, or it was saved by
 * another index version, builds it in the worker in the background
 * (entities, then notes, then sources one by one, so the app opens no
 * slower however big the case, and notes and entities are searchable
 * while sources are still indexing). Keeps it current from Dexie's own
 * write hooks, so every writer is covered without remembering to call
 * anything, and has the worker save it after a build and once changes
 * settle. Queries are answered by the worker; a newer query supersedes
 * older ones there.
 */
export class SearchService {
  // Building until the first build is done: a palette opened before then says so.
  private status: SearchStatus = { indexed: 0, total: 0, building: true, restoring: true, sourcesPending: 0, version: 0 };
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
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

  /** Starts the write hooks, then restores the saved index or builds it in the background. */
  async start(): Promise<void> {
    this.hookWrites();
    const opened = await this.worker.call('open', { dbName: this.db.name, caseId: this.caseId });
    if (opened.ok && opened.value.restored) {
      // A new version: a palette opened while the index was restoring asks again.
      this.setStatus({ building: false, restoring: false, version: this.status.version + 1 });
      return;
    }
    this.setStatus({ restoring: false });
    await this.build();
    if (opened.ok) this.save();
  }

  /** Has the worker save the index now (it reads the journal itself first, so nothing is missed). */
  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.disposed) void this.worker.call('save', {});
  }

  /** Saves once changes have settled, unless the first build is still running (it saves when done). */
  private saveSoon(): void {
    if (this.status.building || this.disposed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_AFTER_MS);
  }

  /** Results for `query`, or null when a newer query replaced it (or it failed, or the service stopped). */
  async search(query: string, limit = 30): Promise<SearchResults | null> {
    const result = await this.worker.call('query', { query, limit });
    return result.ok ? result.value : null;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.saveTimer);
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
    this.saveSoon();
  }

  private async build(): Promise<void> {
    const { db, caseId } = this;
    const entityKeys = await db.entities.where('[caseId+type]').between([caseId, ''], [caseId, '\uffff']).primaryKeys();
    const noteKeys = await db.notes.where('[caseId+updatedAt]').between([caseId, -Infinity], [caseId, Infinity]).primaryKeys();
    const sourceKeys = await db.sources.where('caseId').equals(caseId).primaryKeys();
    this.setStatus({ building: true, indexed: 0, total: entityKeys.length + noteKeys.length + sourceKeys.length, sourcesPending: sourceKeys.length });
    let indexed = 0;
    for (let i = 0; i < entityKeys.length; i += ENTITY_BATCH) {
      const entities = (await db.entities.bulkGet(entityKeys.slice(i, i + ENTITY_BATCH))).filter((e): e is StoredEntity => !!e);
      this.upsert(entities.map(entityTarget));
      this.setStatus({ indexed: (indexed += entities.length) });
    }
    for (let i = 0; i < noteKeys.length; i += NOTE_BATCH) {
      const notes = (await db.notes.bulkGet(noteKeys.slice(i, i + NOTE_BATCH))).filter((n): n is Note => !!n && !n.deletedAt);
      this.upsert(notes.map(noteSearchTarget));
      this.setStatus({ indexed: (indexed += notes.length) });
    }
    for (const id of sourceKeys) {
      await this.upsertSource(id);
      this.setStatus({ indexed: (indexed += 1), sourcesPending: this.status.sourcesPending - 1 });
    }
    this.setStatus({ building: false, sourcesPending: 0 });
  }

  private async upsertSource(id: string): Promise<void> {
    const [source, body] = await Promise.all([this.db.sources.get(id), this.db.sourceBodies.get(id)]);
    // In the Trash: out of the index until restored. Found under the title the user gave it.
    const target = sourceTarget(source, body);
    if (source?.deletedAt !== undefined) this.remove('source', id);
    else if (target) this.upsert([target]);
  }

  /**
   * Follows every committed write to notes, sources and entities (the
   * search-changes middleware hands over the rows as written; a rolled-back
   * write never reaches the index).
   */
  private hookWrites(): void {
    const unsubscribe = onSearchedWrites(this.db, (writes) => {
      // After the commit's other listeners (as Dexie's hooks did): a query sent now sees the change.
      queueMicrotask(() => {
        if (this.disposed) return;
        for (const write of writes) {
          if (write.caseId !== this.caseId) continue;
          if (write.table === 'notes') {
            if ('deleted' in write || (write.row as Partial<Note>).deletedAt) this.remove('note', write.id);
            else this.upsert([noteSearchTarget(write.row as unknown as Note)]);
          } else if (write.table === 'entities') {
            if ('deleted' in write) this.remove('entity', write.id);
            else this.upsert([entityTarget(write.row as unknown as StoredEntity)]);
          } else if (write.table === 'sources') {
            // A source's text arrives in its own table, in the same transaction: read both.
            if ('deleted' in write) this.remove('source', write.id);
            else void this.upsertSource(write.id);
          }
        }
      });
    });
    this.unhooks.push(unsubscribe);
  }
}

/** The app's search worker, created on the first call. */
export function searchWorker(): RpcClient<SearchMethods> {
  return createRpcClient(lazyWorkerPort<SearchMethods>(() => new Worker(new URL('../../workers/search/search.worker.ts', import.meta.url), { type: 'module', name: 'casebook-search' })));
}
