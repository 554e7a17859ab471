import type { PdfAssets } from './pdfjs';

export const PAGE_WORKER_PROTOCOL = 'casebook-pdf-pages/2';

/** What a helper thread is started with (see page-worker.ts). */
export interface PageWorkerData {
  /** Names the protocol, so a page worker from another build refuses to run. */
  kind: typeof PAGE_WORKER_PROTOCOL;
  /** The file; the helper opens its own copy and learns the page count from it. */
  bytes: Uint8Array;
  /** Int32Array over it: index of the next page nobody has taken yet. */
  cursor: SharedArrayBuffer;
  assets: PdfAssets;
  /** Open as the parser did (see openPdf's `strict`). */
  strict?: boolean;
}

/** Messages from a helper thread. */
export type PageWorkerMessage = { type: 'page'; index: number; text: string; annotations: string[] } | { type: 'done' } | { type: 'failed'; message: string };
