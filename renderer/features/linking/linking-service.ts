import { liveQuery, type Subscription } from 'dexie';
import type { LinkerEntry } from '../../../shared/linking';
import type { CasebookDexie } from '../../db/database';
import { replaceFoundMentions, type MentionTarget } from '../../db/found-mentions';
import { storeCandidates } from '../../db/candidates';
import { liveSources } from '../../db/sources';
import type { LinkerMethods } from '../../workers/linker/protocol';
import { createRpcClient, valueOf, type RpcClient } from '../../workers/rpc';
import { lazyWorkerPort } from '../../workers/lazy-worker-port';

export interface LinkingStatus {
  /** Targets left in the current run; 0 when idle. */
  pending: number;
  /** Targets done in the current run, for "Linking 3 of 12". */
  done: number;
  /** The last failure, for the status line; cleared by the next success. */
  error?: string;
  /** The source extraction is reading now, and how far it got, for the review queue's header. */
  reading?: ReadingStatus;
}

export interface ReadingStatus {
  sourceId: string;
  title: string;
  /** Characters read, of `total`. */
  done: number;
  total: number;
  /** Sources waiting after this one. */
  waiting: number;
}

const LINKED_KEY = (caseId: string) => `linked:${caseId}`;

/**
 * Keeps a case's found mentions and review queue in step with its notes,
 * sources and entity names, in the background. The automaton runs in one
 * worker and extraction in another (it is slow); this side reads and writes
 * Dexie, one target at a time, so typing never waits on it. Three triggers:
 * - a note saved, or sources imported: those targets, first in line;
 * - the case's names version moved (an entity or alias added, a merge, a
 *   delete): the automaton is rebuilt and every note and source re-linked;
 * - at start, if the case was last linked with other names, or sources have
 *   never been through extraction: the same.
 */
export class LinkingService {
  private readonly urgent: MentionTarget[] = [];
  private readonly toExtract = new Set<string>();
  private relinkWanted = false;
  private running = false;
  private loadedVersion = -1;
  private entityIds = new Set<string>();
  private status: LinkingStatus = { pending: 0, done: 0 };
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | undefined;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  /** The first read of the sources still to extract (start). */
  private started: Promise<void> = Promise.resolve();

  private extracting = false;

  /**
   * `extractClient` is a second worker of the same kind: extraction tags
   * every word (≈ 1–2 MB/s), so it runs beside linking, never ahead of it.
   */
  constructor(
    private readonly db: CasebookDexie,
    private readonly caseId: string,
    private readonly client: RpcClient<LinkerMethods>,
    private readonly extractClient: RpcClient<LinkerMethods> = client,
  ) {}

  /** Starts watching the case's names; links what is out of date. */
  start(): void {
    this.subscription = liveQuery(() => this.db.caseStats.get(this.caseId)).subscribe({
      next: (stats) => {
        if ((stats?.namesVersion ?? 0) !== this.loadedVersion) this.requestRelink();
      },
      error: (error: unknown) => this.fail(error),
    });
    this.started = this.db.sources
      .where('caseId')
      .equals(this.caseId)
      .filter((s) => !s.extractedAt && s.deletedAt === undefined)
      .primaryKeys()
      .then((ids) => {
        for (const id of ids) this.toExtract.add(id);
        this.kickExtraction();
      })
      .catch((error: unknown) => this.fail(error));
  }

  noteSaved(noteId: string): void {
    this.enqueue({ kind: 'note', id: noteId });
  }

  sourcesAdded(sourceIds: readonly string[]): void {
    for (const id of sourceIds) {
      this.toExtract.add(id);
      this.enqueue({ kind: 'source', id });
    }
    this.kickExtraction();
  }

  /** Sources back from the Trash: linked again (names may have changed meanwhile), not extracted again. */
  sourcesRestored(sourceIds: readonly string[]): void {
    for (const id of sourceIds) this.enqueue({ kind: 'source', id });
  }

  requestRelink(): void {
    this.relinkWanted = true;
    this.kick();
  }

  getStatus = (): LinkingStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Resolves once nothing is queued or running and the case is linked with
   * its current names (tests, benches): a rename the live query has not
   * reported yet counts as work left, so a caller never races it.
   */
  async idle(): Promise<void> {
    await this.started;
    for (;;) {
      if (!this.isIdle()) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      if (this.disposed || this.status.error !== undefined) return;
      const version = (await this.db.caseStats.get(this.caseId))?.namesVersion ?? 0;
      const linked = (await this.db.meta.get(LINKED_KEY(this.caseId)))?.value;
      if (version === this.loadedVersion && linked === version && this.isIdle()) return;
      this.requestRelink();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.unsubscribe();
    this.client.dispose();
    if (this.extractClient !== this.client) this.extractClient.dispose();
  }

  private isIdle(): boolean {
    return !this.running && !this.extracting && !this.relinkWanted && this.urgent.length === 0 && this.toExtract.size === 0;
  }

  private settle(): void {
    if (this.isIdle()) this.idleWaiters.splice(0).forEach((w) => w());
  }

  /** Proposes candidates from sources not yet read by extraction, one at a time. */
  private kickExtraction(): void {
    if (this.extracting || this.disposed) return;
    this.extracting = true;
    void (async () => {
      try {
        for (let id = this.toExtract.values().next().value; id !== undefined && !this.disposed; id = this.toExtract.values().next().value) {
          this.toExtract.delete(id);
          await this.extractFrom(id);
        }
      } catch (error) {
        this.fail(error);
      } finally {
        this.extracting = false;
        if (this.toExtract.size > 0) this.kickExtraction();
        else this.settle();
      }
    })();
  }

  private enqueue(target: MentionTarget): void {
    if (!this.urgent.some((t) => t.kind === target.kind && t.id === target.id)) this.urgent.push(target);
    this.kick();
  }

  private setStatus(patch: Partial<LinkingStatus>): void {
    this.status = { ...this.status, ...patch };
    this.listeners.forEach((l) => l());
  }

  private fail(error: unknown): void {
    this.setStatus({ error: error instanceof Error ? error.message : String(error) });
  }

  private kick(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      if (this.relinkWanted || this.urgent.length > 0) this.kick();
      else {
        this.setStatus({ pending: 0, done: 0 });
        this.settle();
      }
    });
  }

  private async run(): Promise<void> {
    try {
      const version = await this.ensureEntries();
      const linked = (await this.db.meta.get(LINKED_KEY(this.caseId)))?.value;
      if (linked !== version) this.relinkWanted = true;

      while (!this.disposed) {
        const next = this.urgent.shift();
        if (next) {
          await this.linkTarget(next);
          continue;
        }
        if (this.relinkWanted) {
          this.relinkWanted = false;
          const finished = await this.relinkCase();
          if (!finished) continue;
          await this.db.meta.put({ key: LINKED_KEY(this.caseId), value: this.loadedVersion });
          continue;
        }
        break;
      }
      this.setStatus({ error: undefined });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Rebuilds the worker's automaton if the case's names changed; returns the version it holds. */
  private async ensureEntries(): Promise<number> {
    const version = (await this.db.caseStats.get(this.caseId))?.namesVersion ?? 0;
    if (version === this.loadedVersion) return version;
    const entries: LinkerEntry[] = [];
    const ids = new Set<string>();
    await this.db.entities
      .where('[caseId+type]')
      .between([this.caseId, ''], [this.caseId, '\uffff'])
      .each((e) => {
        ids.add(e.id);
        for (const alias of [e.name, ...e.aliases]) entries.push({ entityId: e.id, alias });
      });
    valueOf(await this.client.call('setEntries', { version, entries }));
    this.loadedVersion = version;
    this.entityIds = ids;
    return version;
  }

  /** Re-links every note and source; false if the names changed meanwhile (the run starts over). */
  private async relinkCase(): Promise<boolean> {
    const noteIds = await this.db.notes.where('[caseId+updatedAt]').between([this.caseId, -Infinity], [this.caseId, Infinity]).primaryKeys();
    const sourceIds = await liveSources(this.db, this.caseId).primaryKeys();
    const targets: MentionTarget[] = [...noteIds.map((id) => ({ kind: 'note' as const, id })), ...sourceIds.map((id) => ({ kind: 'source' as const, id }))];
    this.setStatus({ pending: targets.length, done: 0 });
    for (const [i, target] of targets.entries()) {
      if (this.disposed) return false;
      // Saves and imports go first; a rename mid-run restarts with the new names.
      while (this.urgent.length) await this.linkTarget(this.urgent.shift()!);
      if (((await this.db.caseStats.get(this.caseId))?.namesVersion ?? 0) !== this.loadedVersion) {
        await this.ensureEntries();
        this.relinkWanted = true;
        return false;
      }
      await this.linkTarget(target);
      this.setStatus({ pending: targets.length - i - 1, done: i + 1 });
    }
    return true;
  }

  private async textOf(target: MentionTarget): Promise<string | undefined> {
    if (target.kind === 'note') {
      const note = await this.db.notes.get(target.id);
      return note && !note.deletedAt ? note.text : undefined;
    }
    // A source in the Trash is not linked; it is when it comes back (`sourcesRestored`).
    const source = await this.db.sources.get(target.id);
    return source && source.deletedAt === undefined ? (await this.db.sourceBodies.get(target.id))?.text : undefined;
  }

  private async linkTarget(target: MentionTarget): Promise<void> {
    await this.ensureEntries();
    const text = await this.textOf(target);
    if (text === undefined) return;
    const { version, matches } = valueOf(await this.client.call('link', { text }));
    if (version !== this.loadedVersion) {
      this.enqueue(target); // Linked with names since replaced: do it again.
      return;
    }
    await replaceFoundMentions(this.db, this.caseId, target, text, matches, this.entityIds);
  }

  /**
   * Reads one source to its end in the extraction worker, showing how far it
   * got (a long document takes a while, and is never cut short), then files
   * its names in the review queue.
   */
  private async extractFrom(sourceId: string): Promise<void> {
    const text = (await this.db.sourceBodies.get(sourceId))?.text;
    if (text === undefined) return;
    const title = (await this.db.sources.get(sourceId))?.title ?? 'a source';
    const reading = (done: number) => this.setStatus({ reading: { sourceId, title, done, total: text.length, waiting: this.toExtract.size } });
    reading(0);
    try {
      const candidates = valueOf(await this.extractClient.call('extract', { text }, { onProgress: ({ done }) => reading(done) }));
      await storeCandidates(this.db, this.caseId, sourceId, text, candidates);
      await this.db.sources.update(sourceId, { extractedAt: Date.now() });
    } finally {
      this.setStatus({ reading: undefined });
    }
  }
}

/** The app's linker worker, created on the first call. */
export function linkerWorker(): RpcClient<LinkerMethods> {
  return createRpcClient(lazyWorkerPort<LinkerMethods>(() => new Worker(new URL('../../workers/linker/linker.worker.ts', import.meta.url), { type: 'module', name: 'casebook-linker' })));
}
