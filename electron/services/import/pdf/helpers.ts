import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cancelledError as cancelled } from '../errors';
import type { ParseInput } from '../types';
import type { PdfParserOptions } from './index';
import { readPage, type PageContent, type PdfAssets } from './pdfjs';
import { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerMessage } from './worker-protocol';

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

/**
 * The helper threads of one parse. They take page indexes from `cursor`, as
 * this thread does, and send each page's text; pages that arrive before
 * this thread is ready for them wait in `early`. A helper that cannot start,
 * crashes or is stopped only leaves its pages to this thread.
 */
export class Helpers {
  readonly cursor = new Int32Array(new SharedArrayBuffer(4));
  #workers: { worker: Worker; exited: Promise<void> }[] = [];
  #sink: ((index: number, page: PageContent) => void) | undefined;
  #early: [number, PageContent][] = [];
  #stopped = false;

  constructor(
    private readonly assets: PdfAssets,
    private readonly strict = false,
  ) {}

  get size(): number {
    return this.#workers.length;
  }

  /** Starts helpers until there are `count`. */
  start(script: string | URL, bytes: Uint8Array, count: number): void {
    while (!this.#stopped && this.#workers.length < count) {
      const copy = bytes.slice();
      const workerData: PageWorkerData = { kind: PAGE_WORKER_PROTOCOL, bytes: copy, cursor: this.cursor.buffer as SharedArrayBuffer, assets: this.assets, strict: this.strict };
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData, transferList: [copy.buffer as ArrayBuffer] });
      } catch {
        return; // no helper, then: this thread reads every page
      }
      const exited = new Promise<void>((resolve) => {
        worker.on('exit', () => resolve());
        // A helper that fails to start or crashes is not this file's error.
        worker.on('error', () => {});
      });
      worker.on('message', (message: PageWorkerMessage) => {
        if (message.type !== 'page') return;
        const page: PageContent = { text: message.text, annotations: Array.isArray(message.annotations) ? message.annotations : [] };
        if (this.#sink) this.#sink(message.index, page);
        else this.#early.push([message.index, page]);
      });
      this.#workers.push({ worker, exited });
    }
  }

  /** Keeps the first `count` helpers and stops the others. */
  keep(count: number): void {
    for (const { worker } of this.#workers.splice(count)) void worker.terminate();
  }

  /** Where the pages go from now on (those that came before, at once). */
  receive(sink: (index: number, page: PageContent) => void): void {
    this.#sink = sink;
    for (const [index, page] of this.#early.splice(0)) sink(index, page);
  }

  /** Settles when every helper has stopped, however it stopped. */
  allExited(): Promise<void> {
    return Promise.all(this.#workers.map((w) => w.exited)).then(() => {});
  }

  stop(): void {
    this.#stopped = true;
    Atomics.store(this.cursor, 0, STOP);
    for (const { worker } of this.#workers) void worker.terminate();
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
    return texts as PageContent[];
  } finally {
    signal?.removeEventListener('abort', stop);
    helpers.stop();
  }
}
