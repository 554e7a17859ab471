import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from '../compile-cache';
import { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerJob, type PageWorkerMessage, type PageWorkerRequest } from './worker-protocol';
import { loadPdfjs, openPdf, readPage, type PdfAssets } from './pdfjs';

/**
 * A helper thread of the PDF parser (see index.ts and helpers.ts): for each
 * document it is given, it opens its own copy and reads the next page nobody
 * has taken, until none is left, sending each page's text and annotation
 * lines as it goes. Then it waits for the next document: the thread, and
 * pdf.js loaded in it, serve every PDF of a batch.
 *
 * It runs as one bundled ES module (scripts/build-import-workers.mjs:
 * this file and index.ts in one file, pdfjs-dist left in node_modules), so
 * it needs no TypeScript loader and no bundler magic to start; the parser
 * falls back to its own thread when the file is missing or fails.
 */
async function run(job: PageWorkerJob, assets: PdfAssets, cancelled: Set<number>, send: (message: PageWorkerMessage) => void): Promise<void> {
  const cursor = new Int32Array(job.cursor);
  const opened = await openPdf(job.bytes, assets, { strict: job.strict });
  try {
    const pageCount = opened.doc.numPages;
    for (let index = Atomics.add(cursor, 0, 1); index < pageCount && !cancelled.has(job.job); index = Atomics.add(cursor, 0, 1)) {
      send({ type: 'page', job: job.job, index, ...(await readPage(opened.doc, index + 1)) });
    }
  } finally {
    await opened.close().catch(() => {});
  }
}

const data = workerData as PageWorkerData | undefined;
if (parentPort && data?.kind === PAGE_WORKER_PROTOCOL) {
  const port = parentPort;
  const { assets } = data;
  const send = (message: PageWorkerMessage) => port.postMessage(message);
  // Before pdf.js loads (it is imported on first use): its code then comes from the cache where the runtime has one.
  enableCompileCache();
  // Load pdf.js while the parser opens the document on its own thread.
  void loadPdfjs().catch(() => {});
  const cancelled = new Set<number>();
  let queue = Promise.resolve();
  port.on('message', (request: PageWorkerRequest) => {
    if (request.type === 'cancel') {
      cancelled.add(request.job);
      return;
    }
    if (request.type !== 'job') return;
    // One document at a time; the parser only hands a job to a helper that has finished its last.
    queue = queue.then(() =>
      run(request, assets, cancelled, send).then(
        () => send({ type: 'done', job: request.job }),
        // The parser reads whatever this thread took and did not send.
        (error: unknown) => send({ type: 'failed', job: request.job, message: error instanceof Error ? error.message : String(error) }),
      ).finally(() => cancelled.delete(request.job)),
    );
  });
}
