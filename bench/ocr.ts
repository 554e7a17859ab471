import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTesseractEngine, trainedDataFolder } from '../electron/services/import/ocr/engine';
import { renderPageForOcr } from '../electron/services/import/ocr/render';
import { createPdfParser, loadPdfjs, openPdf, pdfAssets } from '../electron/services/import/pdf/index';
import { DEFAULT_LIMITS } from '../electron/services/import/types';
import { drawPage, wrap } from '../tests/fixtures/draw-text';
import { startPdfPrinter } from '../tests/electron/services/import/pdf/print';

/**
 * OCR seconds per page: Casebook (tesseract.js in the import process, pages
 * drawn by pdf.js at 300 dpi) beside Debian's `tesseract` command on the
 * very same page images. A scanned PDF of full A4 pages of typed text,
 * printed by Chromium from pictures drawn with Skia, so the words are known
 * and each engine's share found is reported too.
 *
 * The CLI runs twice: with Debian's English model (tesseract-ocr-eng, the
 * "fast" one) and with the model Casebook ships (best_int, from
 * @tesseract.js-data/eng), so engine and model can be told apart.
 */

const PAGES = 4;
const PARAGRAPH =
  'The harbour master confirmed on 14 March that the vessel Northern Star left Riga with forty containers of chemical precursors bound for a warehouse in Gdansk. ' +
  'The broker, Margaret Holloway, paid the customs fee in cash and kept no invoice; her lawyer said the payment was legal and the cargo was fertiliser. ' +
  'Records filed in Cyprus show that the company owning the warehouse changed directors three times in 2019, each time a week before a shipment arrived. ';

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
function found(expected: string, text: string): number {
  const have = new Map<string, number>();
  for (const w of words(text)) have.set(w, (have.get(w) ?? 0) + 1);
  const wanted = words(expected);
  let hits = 0;
  for (const w of wanted) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hits++;
      have.set(w, n - 1);
    }
  }
  return hits / wanted.length;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`${command} exited with ${code}`))));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s/page`;

export async function main(): Promise<void> {
  console.log(`\nOCR: ${PAGES} scanned A4 pages (300 dpi pictures of typed text), seconds per page, each engine on the same page images.`);
  console.log(`  ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (loadavg()[0]! > availableParallelism() / 2) console.log('  note: the machine is busy; every figure is inflated, the ratios less so.');

  const texts = Array.from({ length: PAGES }, (_, i) => `Page ${i + 1}. ${PARAGRAPH.repeat(5)}`);
  const drawn = texts.map((text) => drawPage(wrap(text, 80), { width: 2480, height: 3508 }));
  const printer = await startPdfPrinter();
  let pdf: Uint8Array;
  try {
    const sections = drawn.map((page) => `<section><img src="data:image/png;base64,${Buffer.from(page.png).toString('base64')}"></section>`).join('');
    pdf = await printer.print(`<!doctype html><style>@page{size:A4;margin:0} body{margin:0} section{break-after:page} img{width:210mm;height:297mm;display:block}</style>${sections}`);
  } finally {
    await printer.close();
  }

  // The page images the app gives Tesseract: pdf.js drawings of the PDF's pages, at 300 dpi, 8-bit grey.
  await loadPdfjs();
  const opened = await openPdf(pdf.slice(), pdfAssets());
  const images: Uint8Array[] = [];
  try {
    for (let page = 1; page <= PAGES; page++) images.push((await renderPageForOcr(opened.doc, page)).image);
  } finally {
    await opened.close();
  }
  const dir = await mkdtemp(join(tmpdir(), 'casebook-ocr-bench-'));
  const files = await Promise.all(images.map(async (image, i) => {
    const file = join(dir, `page-${i + 1}.pgm`);
    await writeFile(file, image);
    return file;
  }));
  const accuracy = (outputs: string[]) => `${((outputs.reduce((sum, text, i) => sum + found(texts[i]!, text), 0) / outputs.length) * 100).toFixed(1)} % of the words`;

  try {
    const rows: [string, number, string][] = [];

    // tesseract.js, recognition only, engine already started.
    for (const threads of [1, Math.min(2, availableParallelism())]) {
      const started = performance.now();
      const engine = await createTesseractEngine({ threads });
      const startup = performance.now() - started;
      const t0 = performance.now();
      const outputs = (await Promise.all(images.map((image) => engine.recognize(image, { dpi: 300 })))).map((r) => r.text);
      const ms = (performance.now() - t0) / PAGES;
      await engine.close();
      rows.push([`tesseract.js, ${threads} thread${threads > 1 ? 's' : ''} (start-up ${(startup / 1000).toFixed(1)} s, not counted)`, ms, accuracy(outputs)]);
    }

    // The whole PDF import: text pass, drawing, OCR, with the engine's start-up.
    const parse = createPdfParser({ workerScript: null });
    const t1 = performance.now();
    const doc = await parse({ bytes: pdf, fileName: 'scan.pdf', limits: DEFAULT_LIMITS });
    const importMs = (performance.now() - t1) / PAGES;
    rows.push(['Casebook PDF import (draw + OCR, start-up included)', importMs, accuracy(doc.pages!.map(({ start, end }) => doc.text.slice(start, end)))]);

    // Debian's tesseract, one page after another, as a script would run it.
    const cli = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    if (cli.error) {
      console.log('  tesseract CLI: not installed (Debian: apt-get install tesseract-ocr), no comparison');
    } else {
      const version = (cli.stdout || cli.stderr).split('\n')[0]!.trim();
      const sameModel = join(dir, 'tessdata');
      await mkdir(sameModel, { recursive: true });
      await writeFile(join(sameModel, 'eng.traineddata'), gunzipSync(await readFile(join(trainedDataFolder('eng'), 'eng.traineddata.gz'))));
      // OpenMP threads by default (all cores); on a busy machine they spin against each other, so one thread is timed too.
      const oneThread = { ...process.env, OMP_THREAD_LIMIT: '1' };
      const configurations: [string, string[], NodeJS.ProcessEnv][] = [
        [`CLI ${version}, Debian's eng model, OpenMP threads`, [], process.env],
        [`CLI ${version}, Debian's eng model, one thread`, [], oneThread],
        [`CLI ${version}, Casebook's model (best_int), one thread`, ['--tessdata-dir', sameModel], oneThread],
      ];
      for (const [label, extra, env] of configurations) {
        const t0 = performance.now();
        const outputs: string[] = [];
        for (const file of files) outputs.push(await run('tesseract', [file, '-', '--dpi', '300', ...extra], env));
        rows.push([label, (performance.now() - t0) / PAGES, accuracy(outputs)]);
      }
    }

    // The CLI at its best with Debian's model: the figure to beat.
    const cliTimes = rows.filter(([label]) => label.includes("Debian's eng model")).map(([, ms]) => ms);
    const reference = cliTimes.length ? Math.min(...cliTimes) : undefined;
    for (const [label, ms, acc] of rows) {
      console.log(`  ${label.padEnd(62)} ${seconds(ms)}   ${acc}${reference ? `   ${(ms / reference).toFixed(2)}× the CLI at its best` : ''}`);
    }
    if (reference) {
      const ours = rows.find(([label]) => label.startsWith('Casebook PDF import'))![1];
      console.log(`\n  Casebook import / tesseract CLI at its best: ${(ours / reference).toFixed(2)}×   (goal: at most 1.5×)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
