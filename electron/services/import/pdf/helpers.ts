import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cancelledError as cancelled } from '../errors';
import type { ParseInput } from '../types';
import type { PdfParserOptions } from './index';
import { readPage, type PageContent, type PdfAssets } from './pdfjs';
import { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerJob, type PageWorkerMessage, type PageWorkerRequest } from './worker-protocol';

// ---------------------------------------------------------------------------
// Pages, on this thread and on helpers

/** How many helper threads: as many as the machine allows (before the page count is known), fewer for a short document, none below `minPagesForWorkers`. */
export function helperCount(options: PdfParserOptions, pageCount?: number): number {
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(availableParallelism(), 4)));
  const minPages = Math.max(1, options.minPagesForWorkers ?? 8);
  if (pageCount === undefined) return threads - 1;
  if (pageCount < minPages) return 0;
  return Math.min(threads - 1, Math.max(1, Math.floor(pageCount / minPages)));
}

/** Past any page index: what the shared counter is set to when everyone should stop. */
const STOP = 0x3fffffff;

/** A helper thread, kept for the next document once it has finished its part in one. */
interface PooledHelper {
  worker: Worker;
  script: string;
  alive: boolean;
  /** Where its messages go while it works on a document. */
  onMessage?: (message: PageWorkerMessage) => void;
  /** Called when it exits (crash, terminate). */
  onExit?: () => void;
}

/**
 * The import process's helper threads, across files: a helper that has
 * finished its part in one document waits (not keeping the process alive)
 * for the next, with pdf.js loaded and its code warm. At most `max` wait
 * (per worker script: the app has one; tests use stand-ins too).
 */
class HelperPool {
  #idle: PooledHelper[] = [];
  #jobs = 0;

  nextJob(): number {
    return ++this.#jobs;
  }

  acquire(script: string, assets: PdfAssets): PooledHelper | undefined {
    const index = this.#idle.findIndex((helper) => helper.alive && helper.script === script);
    if (index >= 0) {
      const [helper] = this.#idle.splice(index, 1);
      helper!.worker.ref();
      return helper;
    }
    const workerData: PageWorkerData = { kind: PAGE_WORKER_PROTOCOL, assets };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData });
    } catch {
      return undefined; // no helper, then: this thread reads every page
    }
    const helper: PooledHelper = { worker, script, alive: true };
    worker.on('message', (message: PageWorkerMessage) => helper.onMessage?.(message));
    // A helper that fails to start or crashes is not this file's error.
    worker.on('error', () => {});
    worker.on('exit', () => {
      helper.alive = false;
      this.#idle = this.#idle.filter((h) => h !== helper);
      helper.onExit?.();
    });
    return helper;
  }

  /** Back to the pool once it has said it is done with its document; the pool keeps at most `max`. */
  release(helper: PooledHelper, max: number): void {
    helper.onMessage = undefined;
    helper.onExit = undefined;
    if (!helper.alive) return;
    if (this.#idle.filter((h) => h.script === helper.script).length >= max) {
      void helper.worker.terminate();
      return;
    }
    // Waiting for work is no reason for the process to stay.
    helper.worker.unref();
    this.#idle.push(helper);
  }

  /** Helpers of this worker script waiting for a document (for tests and the benchmark). */
  idleFor(script: string): number {
    return this.#idle.filter((helper) => helper.alive && helper.script === script).length;
  }
}

export const helperPool = new HelperPool();

/**
 * The helper threads of one parse, taken from the pool. They take page
 * indexes from `cursor`, as this thread does, and send each page's text;
 * pages that arrive before this thread is ready for them wait in `early`. A
 * helper that cannot start, crashes or is stopped only leaves its pages to
 * this thread. Stopped, a helper finishes the page in hand and goes back to
 * the pool.
 */
export class Helpers {
  readonly cursor = new Int32Array(new SharedArrayBuffer(4));
  readonly #job = helperPool.nextJob();
  #working: { helper: PooledHelper; finished: Promise<void> }[] = [];
  #sink: ((index: number, page: PageContent) => void) | undefined;
  #early: [number, PageContent][] = [];
  #stopped = false;

  constructor(
    private readonly assets: PdfAssets,
    private readonly strict = false,
    /** How many helpers the pool keeps waiting for the next file: as many as a parse would use. */
    private readonly keepIdle = Math.max(1, helperCount({})),
  ) {}

  get size(): number {
    return this.#working.length;
  }

  /** Starts helpers until there are `count`. */
  start(script: string | URL, bytes: Uint8Array, count: number): void {
    const path = script instanceof URL ? fileURLToPath(script) : script;
    while (!this.#stopped && this.#working.length < count) {
      const helper = helperPool.acquire(path, this.assets);
      if (!helper) return;
      let finish: () => void = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const job = this.#job;
      helper.onExit = finish;
      helper.onMessage = (message) => {
        if (message.job !== job) return;
        if (message.type === 'page') {
          const page: PageContent = { text: message.text, annotations: Array.isArray(message.annotations) ? message.annotations : [] };
          if (this.#sink) this.#sink(message.index, page);
          else this.#early.push([message.index, page]);
          return;
        }
        // done or failed: its part is over (pages it took and did not send are read by the parser).
        helperPool.release(helper, this.keepIdle);
        finish();
      };
      const copy = bytes.slice();
      try {
        helper.worker.postMessage({ type: 'job', job, bytes: copy, cursor: this.cursor.buffer as SharedArrayBuffer, strict: this.strict } satisfies PageWorkerJob, [copy.buffer as ArrayBuffer]);
      } catch {
        void helper.worker.terminate();
        return;
      }
      this.#working.push({ helper, finished });
    }
  }

  /** Keeps the first `count` helpers; the others leave this document. */
  keep(count: number): void {
    for (const { helper } of this.#working.splice(count)) this.#cancel(helper);
  }

  /** Where the pages go from now on (those that came before, at once). */
  receive(sink: (index: number, page: PageContent) => void): void {
    this.#sink = sink;
    for (const [index, page] of this.#early.splice(0)) sink(index, page);
  }

  /** Settles when every helper has finished its part, however it ended. */
  allExited(): Promise<void> {
    return Promise.all(this.#working.map((w) => w.finished)).then(() => {});
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    Atomics.store(this.cursor, 0, STOP);
    for (const { helper } of this.#working) this.#cancel(helper);
  }

  #cancel(helper: PooledHelper): void {
    try {
      helper.worker.postMessage({ type: 'cancel', job: this.#job } satisfies PageWorkerRequest);
    } catch {
      void helper.worker.terminate();
    }
  }
}

/**
 * Every page's content, read on this thread and the helpers. `onPage` hears
 * of each page as it arrives, with how many have (for progress).
 */
export async function readAllPages(
  doc: PDFDocumentProxy,
  input: ParseInput,
  helpers: Helpers,
  onPage: (index: number, page: PageContent, done: number) => void = (_, __, done) => input.onProgress?.(done / doc.numPages),
): Promise<PageContent[]> {
  const { signal, fileName } = input;
  const total = doc.numPages;
  const texts: (PageContent | undefined)[] = new Array<PageContent | undefined>(total);
  let done = 0;
  let allDone: () => void = () => {};
  const whenAllDone = new Promise<void>((resolve) => (allDone = resolve));
  const deliver = (index: number, page: PageContent) => {
    if (index < 0 || index >= total || texts[index] !== undefined) return;
    texts[index] = page;
    done += 1;
    onPage(index, page, done);
    if (done === total) allDone();
  };
  helpers.receive(deliver);

  const take = () => Atomics.add(helpers.cursor, 0, 1);
  const stop = () => helpers.stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let index = take(); index < total; index = take()) {
      if (signal?.aborted) throw cancelled(fileName);
      deliver(index, await readPage(doc, index + 1));
      // Let the helpers' pages in (their messages wait for this thread's event loop).
      if (helpers.size) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (helpers.size && done < total) {
      // Every page is taken; wait for the ones the helpers are still reading,
      // or for the helpers to stop (a page they took and never sent is read here).
      await Promise.race([whenAllDone, helpers.allExited()]);
    }
    for (let index = 0; index < total; index++) {
      if (signal?.aborted) throw cancelled(fileName);
      if (texts[index] === undefined) deliver(index, await readPage(doc, index + 1));
    }
    if (signal?.aborted) throw cancelled(fileName);
    // Every page is in: the helpers have none left in hand and are only closing their copy. Once they say so,
    // they are back in the pool, ready for the next file of the batch (which would otherwise start new ones).
    helpers.stop();
    await helpers.allExited();
    return texts as PageContent[];
  } finally {
    signal?.removeEventListener('abort', stop);
    helpers.stop();
  }
}
