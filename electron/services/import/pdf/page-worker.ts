import { parentPort, workerData } from 'node:worker_threads';
import { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerMessage } from './worker-protocol';
import { openPdf, readPage } from './pdfjs';

/**
 * A helper thread of the PDF parser (see index.ts): opens its own copy of
 * the document and reads the next page nobody has taken, until none is
 * left, sending each page's text and annotation lines as it goes.
 *
 * It runs as one bundled ES module (scripts/build-import-workers.mjs:
 * this file and index.ts in one file, pdfjs-dist left in node_modules), so
 * it needs no TypeScript loader and no bundler magic to start; the parser
 * falls back to its own thread when the file is missing or fails.
 */
async function run(data: PageWorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const send = (message: PageWorkerMessage) => port.postMessage(message);
  const cursor = new Int32Array(data.cursor);
  const opened = await openPdf(data.bytes, data.assets, { strict: data.strict });
  try {
    const pageCount = opened.doc.numPages;
    for (let index = Atomics.add(cursor, 0, 1); index < pageCount; index = Atomics.add(cursor, 0, 1)) {
      send({ type: 'page', index, ...(await readPage(opened.doc, index + 1)) });
    }
    send({ type: 'done' });
  } finally {
    await opened.close().catch(() => {});
  }
}

const data = workerData as PageWorkerData | undefined;
if (parentPort && data?.kind === PAGE_WORKER_PROTOCOL) {
  const port = parentPort;
  run(data, port).then(
    () => port.close(),
    (error: unknown) => {
      // The parser reads whatever this thread took and did not send.
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies PageWorkerMessage);
      port.close();
    },
  );
}
