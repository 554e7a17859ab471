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
import { median, spread } from './stats';
import { startPdfPrinter } from '../tests/electron/services/import/pdf/print';
import { wordRecall } from '../tests/fixtures/word-recall';

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

const PAGES = 2;
/** Timed runs of each configuration (BENCH_OCR_RUNS to change): OCR is slow, five is enough for a median and a range. */
const RUNS = Number(process.env.BENCH_OCR_RUNS) || 5;
const PARAGRAPH =
  'The harbour master confirmed on 14 March that the vessel Northern Star left Riga with forty containers of chemical precursors bound for a warehouse in Gdansk. ' +
  'The broker, Margaret Holloway, paid the customs fee in cash and kept no invoice; her lawyer said the payment was legal and the cargo was fertiliser. ' +
  'Records filed in Cyprus show that the company owning the warehouse changed directors three times in 2019, each time a week before a shipment arrived. ';


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
  const accuracy = (outputs: string[]) => `${((outputs.reduce((sum, text, i) => sum + wordRecall(texts[i]!, text), 0) / outputs.length) * 100).toFixed(1)} % of the words`;

  try {
    // Each configuration, timed RUNS times, interleaved run by run, so a burst of load hits them all alike;
    // the ratio is taken within each run (same moment), then its median and range.
    interface Row {
      label: string;
      /** Seconds per page, one figure per run. */
      msPerPage: number[];
      accuracy: string;
      run: () => Promise<string[]>;
    }
    const rows: Row[] = [];
    const row = (label: string, run: () => Promise<string[]>) => rows.push({ label, msPerPage: [], accuracy: '', run });

    // tesseract.js as the import process uses it, engine started once (start-up timed apart).
    const started = performance.now();
    const threads = Math.min(2, availableParallelism());
    const engine = await createTesseractEngine({ threads });
    const startup = performance.now() - started;
    row(`tesseract.js, ${threads} workers (recognition only)`, async () => (await Promise.all(images.map((image) => engine.recognize(image, { dpi: 300 })))).map((r) => r.text));

    // The whole PDF import: text pass, drawing, OCR, with the engine's start-up.
    const parse = createPdfParser({ workerScript: null });
    row('Casebook PDF import (draw + OCR, start-up included)', async () => {
      const doc = await parse({ bytes: pdf.slice(), fileName: 'scan.pdf', limits: DEFAULT_LIMITS });
      return doc.pages!.map(({ start, end }) => doc.text.slice(start, end));
    });

    // Debian's tesseract, one page after another, as a script would run it.
    const cli = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    let cliLabel: string | undefined;
    if (cli.error) {
      console.log('  tesseract CLI: not installed (Debian: apt-get install tesseract-ocr), no comparison');
    } else {
      const version = (cli.stdout || cli.stderr).split('\n')[0]!.trim();
      const sameModel = join(dir, 'tessdata');
      await mkdir(sameModel, { recursive: true });
      await writeFile(join(sameModel, 'eng.traineddata'), gunzipSync(await readFile(join(trainedDataFolder('eng'), 'eng.traineddata.gz'))));
      // OpenMP threads by default (all cores); on a busy machine they spin against each other, so one thread is timed too.
      const oneThread = { ...process.env, OMP_THREAD_LIMIT: '1' };
      const sequential = (extra: string[], env: NodeJS.ProcessEnv) => async () => {
        const outputs: string[] = [];
        for (const file of files) outputs.push(await run('tesseract', [file, '-', '--dpi', '300', ...extra], env));
        return outputs;
      };
      cliLabel = `CLI ${version}, Debian's eng model, OpenMP threads`;
      row(cliLabel, sequential([], process.env));
      row(`CLI ${version}, Debian's eng model, one thread`, sequential([], oneThread));
      row(`CLI ${version}, Casebook's model (best_int), one thread`, sequential(['--tessdata-dir', sameModel], oneThread));
    }

    try {
      for (let i = 0; i < RUNS; i++) {
        for (const r of rows) {
          const t0 = performance.now();
          const outputs = await r.run();
          r.msPerPage.push((performance.now() - t0) / PAGES);
          r.accuracy = accuracy(outputs);
        }
      }
    } finally {
      await engine.close();
    }

    console.log(`  median of ${RUNS} runs per configuration, range in brackets; tesseract.js start-up ${(startup / 1000).toFixed(1)} s (paid once per import)`);
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    for (const r of rows) console.log(`  ${r.label.padEnd(62)} ${seconds(median(r.msPerPage))}  [${spread(r.msPerPage, ms)}]   ${r.accuracy}`);
    if (cliLabel) {
      // The goal compares the import with the CLI at its best with Debian's model, run by run.
      const cliRow = rows.find((r) => r.label === cliLabel)!;
      const oneRow = rows.find((r) => r.label.includes("Debian's eng model, one thread"))!;
      const ours = rows.find((r) => r.label.startsWith('Casebook PDF import'))!;
      const engineRow = rows[0]!;
      const best = cliRow.msPerPage.map((v, i) => Math.min(v, oneRow.msPerPage[i]!));
      const ratios = (mine: number[]) => mine.map((v, i) => v / best[i]!);
      const x = (v: number) => `${v.toFixed(2)}×`;
      console.log(`\n  Casebook import / tesseract CLI at its best, per run: ${x(median(ratios(ours.msPerPage)))} [${spread(ratios(ours.msPerPage), x)}]   (goal: at most 1.5×)`);
      console.log(`  tesseract.js recognition alone / CLI at its best:      ${x(median(ratios(engineRow.msPerPage)))} [${spread(ratios(engineRow.msPerPage), x)}]`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
