import type { PdfAssets } from './pdfjs';

export const PAGE_WORKER_PROTOCOL = 'casebook-pdf-pages/3';

/**
 * What a helper thread is started with (see page-worker.ts). It then serves
 * one document after another (`PageWorkerRequest`s), so pdf.js is loaded
 * once per thread, not once per file.
 */
export interface PageWorkerData {
  /** Names the protocol, so a page worker from another build refuses to run. */
  kind: typeof PAGE_WORKER_PROTOCOL;
  assets: PdfAssets;
}

/** One document for a helper: it opens its own copy and learns the page count from it. */
export interface PageWorkerJob {
  type: 'job';
  /** Tags every message about this document, so a late page of the previous file is never taken for this one's. */
  job: number;
  bytes: Uint8Array;
  /** Int32Array over it: index of the next page nobody has taken yet. */
  cursor: SharedArrayBuffer;
  /** Open as the parser did (see openPdf's `strict`). */
  strict?: boolean;
}

/** Leave this document after the page in hand (the parser needs no more helpers for it). */
export type PageWorkerCancel = { type: 'cancel'; job: number };

export type PageWorkerRequest = PageWorkerJob | PageWorkerCancel;

/** Messages from a helper thread; `done` or `failed` ends its part in a job, and it is free for the next. */
export type PageWorkerMessage =
  | { type: 'page'; job: number; index: number; text: string; annotations: string[] }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };
