import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WORKER_PROTOCOL, createPdfParser, pageText, parsePdf, pdfAssets, type PageWorkerData, type PageWorkerJob, type PageWorkerMessage } from '../../../../electron/services/import/pdf/index';
import { helperPool } from '../../../../electron/services/import/pdf/helpers';
import { DEFAULT_LIMITS, type ParseInput, type ParsedDocument } from '../../../../electron/services/import/types';
import { buildImportWorkers } from '../../../../scripts/build-import-workers.mjs';
import { longReportHtml, pagedHtml, startPdfPrinter } from './pdf/print';

const FIXTURES = join(process.cwd(), 'tests/fixtures/pdf');
const fixture = async (name: string) => new Uint8Array(await readFile(join(FIXTURES, name)));
const input = (bytes: Uint8Array, fileName = 'doc.pdf', extra: Partial<ParseInput> = {}): ParseInput => ({ bytes, fileName, limits: DEFAULT_LIMITS, ...extra });

/** Every page's text, by its range. */
const pageTexts = (doc: ParsedDocument) => doc.pages!.map(({ start, end }) => doc.text.slice(start, end));

const DOSSIER_PAGES = [
  ['Harbour dossier', 'José Núñez met Zoë Ångström in Москва on 3 March.', 'They discussed the contract.'],
  ['Page two: payments to Λευκωσία went through Ørsted Holdings.'],
  ['Final page: Dmitrij Šťastný signed for Société Générale.'],
];

let dossier: Uint8Array; // 3 pages, Latin with accents, Cyrillic, Greek
let report: Uint8Array; // 24 pages: long enough for helper threads
let workerScript: string;
let fakeHelper: string;

beforeAll(async () => {
  workerScript = (await buildImportWorkers()).pdfPageWorker;
  fakeHelper = join(dirname(workerScript), 'fake-pdf-helper.mjs');
  await writeFile(
    fakeHelper,
    // Serves one document after another, as the real one does; says which thread read each page.
    `import { parentPort, threadId } from 'node:worker_threads';
     parentPort.on('message', (m) => {
       if (m.type !== 'job') return;
       const cursor = new Int32Array(m.cursor);
       for (let i = Atomics.add(cursor, 0, 1); i < ${24}; i = Atomics.add(cursor, 0, 1)) parentPort.postMessage({ type: 'page', job: m.job, index: i, text: 'helper ' + threadId + ' read page ' + (i + 1), annotations: [] });
       parentPort.postMessage({ type: 'done', job: m.job });
     });`,
  );
  const printer = await startPdfPrinter();
  try {
    dossier = await printer.print(pagedHtml('Harbour dossier — Wuhan & Riga', DOSSIER_PAGES), { format: 'A5' });
    report = await printer.print(longReportHtml(24));
  } finally {
    await printer.close();
  }
}, 120_000);

describe('parsePdf: text, pages and metadata', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parsePdf(input(dossier, 'dossier.pdf'));
  }, 60_000);

  it('gives one range per page, in order, covering the text with a blank line between pages', () => {
    expect(doc.pages).toHaveLength(3);
    expect(doc.pages![0]!.start).toBe(0);
    expect(doc.pages!.at(-1)!.end).toBe(doc.text.length);
    for (let i = 1; i < doc.pages!.length; i++) {
      expect(doc.text.slice(doc.pages![i - 1]!.end, doc.pages![i]!.start)).toBe('\n\n');
    }
    expect(pageTexts(doc).join('\n\n')).toBe(doc.text);
  });

  it('puts each page’s text, non-Latin included, in its range', () => {
    const [one, two, three] = pageTexts(doc);
    expect(one).toBe('Harbour dossier\nJosé Núñez met Zoë Ångström in Москва on 3 March.\nThey discussed the contract.');
    expect(two).toBe('Page two: payments to Λευκωσία went through Ørsted Holdings.');
    expect(three).toBe('Final page: Dmitrij Šťastný signed for Société Générale.');
  });

  it('reads the metadata', () => {
    expect(doc.title).toBe('Harbour dossier — Wuhan & Riga');
    expect(doc.metadata).toMatchObject({ title: 'Harbour dossier — Wuhan & Riga', pageCount: '3', producer: expect.stringContaining('Skia') });
    expect(doc.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(doc.metadata.created!) - Date.now())).toBeLessThan(24 * 3600 * 1000);
  });

  it('reads Chinese (fixture printed with a CJK font, see tests/fixtures/pdf/README.md)', async () => {
    const cjk = await parsePdf(input(await fixture('cjk.pdf'), 'cjk.pdf'));
    expect(cjk.title).toBe('武汉港口调查');
    expect(pageTexts(cjk)).toEqual(['武汉港口调查\n记者在武汉采访了港务局的前雇员。', '第二页：资金经由塞浦路斯的空壳公司流向官员。']);
  });

  it('imports a PDF locked only against copying or printing (no password to open it)', async () => {
    const locked = await parsePdf(input(await fixture('owner-locked.pdf'), 'memo.pdf'));
    expect(locked.text).toBe('Confidential memo: the harbour contract was signed on 3 March.');
  });

  it('leaves the caller’s bytes alone (pdf.js takes over the buffers it is given)', async () => {
    const bytes = dossier.slice();
    await parsePdf(input(bytes));
    expect(bytes.byteLength).toBe(dossier.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(dossier))).toBe(true);
  });
});

describe('page text', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false, size = 10): TextItem => ({
    str,
    dir: 'ltr',
    transform: [size, 0, 0, size, x, y],
    width,
    height: size,
    fontName: 'f',
    hasEOL,
  });

  it('breaks lines where pdf.js marks them and collapses whitespace', () => {
    expect(pageText([item('Hello  \t world ', 0, 100, 60, true), item('', 0, 88, 0, true), item('  next\u00a0 line', 0, 76, 50)])).toBe('Hello world\nnext line');
  });

  it('separates items that sit apart but joins items that touch', () => {
    expect(pageText([item('Bold', 0, 100, 20), item('face', 20, 100, 20), item('word', 48, 100, 20)])).toBe('Boldface word');
    expect(pageText([item('end of line', 0, 100, 50), item('next line', 0, 86, 45)])).toBe('end of line\nnext line');
  });

  it('keeps hyphenation and reads control characters as spaces', () => {
    expect(pageText([item('inter-', 0, 100, 30, true), item('national\u0000 \u0007law', 0, 88, 40)])).toBe('inter-\nnational law');
    expect(pageText([item('Ease\u0002of\u0002Use', 0, 100, 50)])).toBe('Ease of Use');
  });

  it('puts text turned another way (a diagonal watermark) on a line of its own', () => {
    const diagonal: TextItem = { ...item('DRAFT', 100, 300, 80), transform: [30, 30, -30, 30, 100, 300] };
    expect(pageText([item('Test doc', 0, 700, 40), diagonal, item('more', 50, 700, 20)])).toBe('Test doc\nDRAFT\nmore');
  });
});

describe('helper threads', () => {
  it('give the same result as one thread, with progress up to 1', async () => {
    const single = await createPdfParser({ workerScript: null })(input(report, 'report.pdf'));
    const progress: number[] = [];
    const parallel = await createPdfParser({ workerScript, threads: 2, minPagesForWorkers: 2 })(input(report, 'report.pdf', { onProgress: (f) => progress.push(f) }));
    expect(parallel).toEqual(single);
    expect(single.pages).toHaveLength(24);
    pageTexts(single).forEach((text, i) => {
      expect(text.startsWith(`Chapter ${i + 1}\n`)).toBe(true);
      expect(text.split('\n').every((line) => line === line.trim() && !line.includes('  ') && line.length > 0)).toBe(true);
    });
    expect(progress).toHaveLength(24);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('started before the page count is known (large files), give the same result too', async () => {
    const single = await createPdfParser({ workerScript: null })(input(report, 'report.pdf'));
    const early = await createPdfParser({ workerScript, threads: 3, minPagesForWorkers: 2, earlyHelpersFromBytes: 0 })(input(report, 'report.pdf'));
    expect(early).toEqual(single);
    // …and stopped when the document turns out short.
    const short = await createPdfParser({ workerScript, threads: 3, earlyHelpersFromBytes: 0 })(input(dossier));
    expect(short.pages).toHaveLength(3);
  }, 60_000);

  it('send the pages they take, which land in their own ranges', async () => {
    // A stand-in helper that takes every page it can and answers at once.
    const doc = await createPdfParser({ workerScript: fakeHelper, threads: 2, minPagesForWorkers: 2 })(input(report));
    const texts = pageTexts(doc);
    expect(texts).toHaveLength(24);
    texts.forEach((text, i) => expect(/^helper \d+ read page (\d+)$/.exec(text)?.[1] === String(i + 1) || text.startsWith(`Chapter ${i + 1}\n`), `page ${i + 1}: ${text.slice(0, 30)}`).toBe(true));
    expect(texts.filter((t) => t.startsWith('helper ')).length).toBeGreaterThan(0);
  }, 60_000);

  it('are not started for a short document', async () => {
    const doc = await createPdfParser({ workerScript: fakeHelper, threads: 4 })(input(dossier));
    expect(doc.text).not.toMatch(/helper \d+ read/);
  });

  it('the real page worker reads the pages it takes, one document after another', async () => {
    const single = pageTexts(await createPdfParser({ workerScript: null })(input(report)));
    const singleDossier = pageTexts(await createPdfParser({ workerScript: null })(input(dossier)));
    const messages: PageWorkerMessage[] = [];
    const worker = new Worker(workerScript, { workerData: { kind: PAGE_WORKER_PROTOCOL, assets: pdfAssets() } satisfies PageWorkerData });
    try {
      let ended: (job: number) => void = () => {};
      worker.on('message', (m: PageWorkerMessage) => {
        messages.push(m);
        if (m.type !== 'page') ended(m.job);
      });
      const finished = (job: number) =>
        new Promise<void>((resolve, reject) => {
          ended = (j) => j === job && resolve();
          worker.once('error', reject);
        });
      const cursor = new Int32Array(new SharedArrayBuffer(4));
      Atomics.store(cursor, 0, 20);
      const first = finished(1);
      worker.postMessage({ type: 'job', job: 1, bytes: report.slice(), cursor: cursor.buffer as SharedArrayBuffer } satisfies PageWorkerJob);
      await first;
      // The same thread, the next file.
      const second = new Int32Array(new SharedArrayBuffer(4));
      const next = finished(2);
      worker.postMessage({ type: 'job', job: 2, bytes: dossier.slice(), cursor: second.buffer as SharedArrayBuffer } satisfies PageWorkerJob);
      await next;
    } finally {
      await worker.terminate();
    }
    expect(messages).toEqual([
      ...[20, 21, 22, 23].map((index) => ({ type: 'page', job: 1, index, text: single[index], annotations: [] })),
      { type: 'done', job: 1 },
      ...[0, 1, 2].map((index) => ({ type: 'page', job: 2, index, text: singleDossier[index], annotations: [] })),
      { type: 'done', job: 2 },
    ]);
  }, 60_000);

  it('are kept for the next file: the same helper thread reads pages of both', async () => {
    const parser = createPdfParser({ workerScript: fakeHelper, threads: 2, minPagesForWorkers: 2 });
    const readers = async () => new Set(pageTexts(await parser(input(report))).map((text) => /^helper (\d+) read/.exec(text)?.[1]).filter(Boolean));
    const first = await readers();
    // Back in the pool by the time the parse returns, so the next file finds it.
    expect(helperPool.idleFor(fakeHelper)).toBe(1);
    const second = await readers();
    expect(first.size).toBe(1);
    expect(second).toEqual(first);
  }, 60_000);

  it('are optional: a worker script that cannot start leaves every page to this thread', async () => {
    const single = await createPdfParser({ workerScript: null })(input(report));
    const fallback = await createPdfParser({ workerScript: join(FIXTURES, 'missing-worker.mjs'), threads: 3, minPagesForWorkers: 2 })(input(report));
    expect(fallback).toEqual(single);
  }, 60_000);

  it('stop when the import is cancelled', async () => {
    const controller = new AbortController();
    const parser = createPdfParser({ workerScript, threads: 2, minPagesForWorkers: 2 });
    const run = parser(input(report, 'report.pdf', { signal: controller.signal, onProgress: (f) => f > 0.2 && controller.abort() }));
    await expect(run).rejects.toMatchObject({ name: 'ImportError', code: 'cancelled', message: 'report.pdf: import cancelled.' });
  }, 60_000);
});

describe('parsePdf: files it refuses', () => {
  const refuses = (bytes: Uint8Array, fileName: string) => parsePdf(input(bytes, fileName));

  it('cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(parsePdf(input(dossier, 'a.pdf', { signal: controller.signal }))).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('an empty file', async () => {
    await expect(refuses(new Uint8Array(0), 'nothing.pdf')).rejects.toMatchObject({ name: 'ImportError', code: 'empty', message: 'nothing.pdf: the file is empty' });
  });

  it('random bytes', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
    await expect(refuses(random, 'noise.pdf')).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^noise\.pdf: not a PDF/) });
  });

  it('random bytes behind a PDF header and trailer', async () => {
    let seed = 9;
    const noise = Uint8Array.from({ length: 32 * 1024 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), noise, Buffer.from('\nstartxref\n123\n%%EOF\n')]);
    await expect(refuses(new Uint8Array(bytes), 'fake.pdf')).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^fake\.pdf: damaged PDF/) });
  }, 30_000);

  it('a truncated PDF (its first half)', async () => {
    await expect(refuses(dossier.slice(0, dossier.length >> 1), 'cut.pdf')).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^cut\.pdf: the PDF is incomplete/),
    });
  });

  it('a truncated PDF with an end marker pasted on', async () => {
    const bytes = Buffer.concat([Buffer.from(dossier.slice(0, dossier.length >> 1)), Buffer.from('\n%%EOF\n')]);
    await expect(refuses(new Uint8Array(bytes), 'patched.pdf')).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^patched\.pdf: damaged PDF/) });
  });

  it('a password-protected PDF', async () => {
    await expect(refuses(await fixture('encrypted.pdf'), 'scan.pdf')).rejects.toMatchObject({
      name: 'ImportError',
      code: 'encrypted',
      message: 'scan.pdf: encrypted PDF — remove the password and import again',
    });
  });

  it('a scanned PDF with no text layer, when OCR is off', async () => {
    await expect(createPdfParser({ ocr: false })(input(await fixture('scanned.pdf'), 'letter.pdf'))).rejects.toMatchObject({
      code: 'empty',
      message: 'letter.pdf: no text in it — it looks like a scanned PDF (pictures of pages with no text layer)',
    });
  });
});

describe('loading pdf.js in Node', () => {
  // What it loads at start-up only to render or fetch costs every thread
  // time before the first page (OCR loads its own canvas when it renders).
  // Checked in a fresh process: in this one, other tests may have loaded them.
  it('leaves @napi-rs/canvas and Node’s fetch (undici) unloaded, and puts back what it touched', async () => {
    const file = join(process.cwd(), 'dist/import-workers/probe-dossier.pdf');
    await writeFile(file, dossier);
    const out = await runProbe('pdf-load-probe', `
          import { createRequire } from 'node:module';
          import { readFileSync } from 'node:fs';
          import { createPdfParser, loadPdfjs } from './electron/services/import/pdf/index.ts';
          const getBuiltinModule = process.getBuiltinModule;
          await loadPdfjs();
          const require = createRequire(import.meta.url);
          const canvasLoaded = Object.keys(require.cache).some((path) => path.includes('@napi-rs'));
          const responseStillLazy = typeof Object.getOwnPropertyDescriptor(globalThis, 'Response')?.get === 'function';
          const builtinsBack = process.getBuiltinModule === getBuiltinModule;
          const doc = await createPdfParser({ workerScript: null })({ bytes: new Uint8Array(readFileSync(process.argv[2])), fileName: 'x.pdf', limits: {} });
          const responseWorks = await new Response('still fetch').text();
          process.stdout.write(JSON.stringify({ canvasLoaded, responseStillLazy, builtinsBack, pages: doc.pages.length, responseWorks }));`, [file]);
    expect(JSON.parse(out)).toEqual({ canvasLoaded: false, responseStillLazy: true, builtinsBack: true, pages: 3, responseWorks: 'still fetch' });
  }, 60_000);
});

describe('in an Electron utilityProcess', () => {
  // There pdf.js does not consider itself in Node (process.type is
  // 'utility'): no DOMMatrix polyfill, fetch() instead of fs for its data
  // files. Without an Electron binary, the same conditions are faked in a
  // Node process.
  it('loads pdf.js and reads pages, with helper threads too', async () => {
    const fake = `data:text/javascript,${encodeURIComponent("Object.defineProperty(process.versions, 'electron', { value: '45.0.0' }); process.type = 'utility';")}`;
    const file = join(process.cwd(), 'dist/import-workers/probe-report.pdf');
    await writeFile(file, report);
    const out = await runProbe('pdf-utility-probe', `
          import { readFileSync } from 'node:fs';
          import { createPdfParser } from './electron/services/import/pdf/index.ts';
          const [file, workerScript] = process.argv.slice(2);
          const parse = createPdfParser({ workerScript, threads: 2, minPagesForWorkers: 2 });
          const doc = await parse({ bytes: new Uint8Array(readFileSync(file)), fileName: 'x.pdf', limits: {} });
          process.stdout.write(JSON.stringify({ pages: doc.pages.length, first: doc.text.slice(0, 40) }));`, [file, workerScript], ['--import', fake]);
    expect(JSON.parse(out)).toEqual({ pages: 24, first: expect.stringMatching(/^Chapter 1\n/) });
  }, 60_000);
});

/**
 * Bundles `source` (a module run from the repository root) and runs it in a
 * fresh Node process, where nothing another test loaded is in the way;
 * resolves with what it wrote to stdout.
 */
async function runProbe(name: string, source: string, args: string[], nodeArgs: string[] = []): Promise<string> {
  const probe = join(process.cwd(), `dist/import-workers/${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, probe, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`probe exited with ${code}: ${stderr}`))));
  });
}
