import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as nodeModule from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createIsolatedImporter } from '../electron/services/import/isolated';
import { nodeImportProcess } from '../electron/services/import/node-process';
import type { ImportedSource } from '../shared/model/imported-source';
import { buildImportWorker } from '../scripts/build-electron.mjs';
import { longReportHtml, startPdfPrinter } from '../tests/electron/services/import/pdf/print';

const PAGES = 240;
const RUNS = 5;
/** The 240-page text PDF, printed by Chromium once and kept in dist/bench-fixtures/ (named by its HTML, so a change prints it again). */
async function fixture(): Promise<string> {
  const html = longReportHtml(PAGES);
  const file = join('dist', 'bench-fixtures', `report-${PAGES}-${createHash('sha256').update(html).digest('hex').slice(0, 12)}.pdf`);
  if (existsSync(file)) return file;
  const printer = await startPdfPrinter();
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await printer.print(html));
  } finally {
    await printer.close();
  }
  return file;
}

/** Wall time of a fresh process, from spawn to exit, with its stdout drained. */
function timeProcess(command: string, args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout: Buffer.concat(chunks).toString('utf8') });
      else reject(new Error(`${command} exited with ${code}`));
    });
  });
}

/** Median, and the spread as min–max, of a set of timings. */
function stats(runs: number[]): { median: number; min: number; max: number; runs: number[] } {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs };
}

/** One process per core spinning for as long as it runs: a machine that is busy with something else. */
function burnEveryCore(): { stop(): void } {
  const children = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return { stop: () => children.forEach((child) => child.kill('SIGKILL')) };
}

interface Row {
  pdftotext: number[];
  /** A fresh import process for the file: start-up (process, pdf.js on each thread) and parse. */
  cold: number[];
  /** The file as the next one of a batch: the import process and its helper threads already ran a file. */
  batch: number[];
}

/**
 * Rounds of: pdftotext, our import in a fresh process, our import in a
 * process kept from the file before (as in a batch). Interleaved, so a
 * change in the machine's load touches the three alike.
 */
async function measure(file: string, worker: string, bytes: Uint8Array, onChars: (pdftotext: number, ours: number, pages: number) => void): Promise<Row> {
  const row: Row = { pdftotext: [], cold: [], batch: [] };
  const fresh = createIsolatedImporter({ spawn: nodeImportProcess(worker), reuse: false });
  const batch = createIsolatedImporter({ spawn: nodeImportProcess(worker), reuse: { idleMs: 60_000, maxFiles: 1000 } });
  const time = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  // The batch's first file: what the next ones find warm.
  await batch.run({ bytes, fileName: 'warm-up.pdf' });
  for (let round = 0; round < RUNS; round++) {
    let chars = 0;
    row.pdftotext.push(await time(async () => (chars = (await timeProcess('pdftotext', [file, '-'])).stdout.length)));
    let source: ImportedSource | undefined;
    row.cold.push(await time(async () => (source = await fresh.run({ bytes, fileName: 'report.pdf' }))));
    row.batch.push(await time(() => batch.run({ bytes, fileName: 'report.pdf' })));
    onChars(chars, source!.text.length, source!.pages?.length ?? 0);
  }
  batch.closeIdle();
  return row;
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

export async function main(): Promise<void> {
  console.log(`PDF import benchmark: a ${PAGES}-page text PDF printed by Chromium, pdftotext against Casebook's import process (pdf.js, helper threads),`);
  console.log(`as main runs it (bytes in, source out); median of ${RUNS} interleaved rounds, spread min–max; the machine idle, then with every core busy.\n`);
  const outDir = join('dist', 'bench-workers');
  const [file] = await Promise.all([fixture(), buildImportWorker({ outDir })]);
  const worker = join(outDir, 'import-worker.mjs');
  const bytes = new Uint8Array(await readFile(file));
  const cpus = availableParallelism();
  console.log(`  file: ${file} (${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB), ${cpus} CPUs, load average before ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  V8 compile cache: ${typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function' ? 'available (used by the import process)' : `not in Node ${process.versions.node} (Electron's Node has it: the app's cold start is shorter than measured here)`}\n`);

  for (const busy of [false, true]) {
    const load = busy ? burnEveryCore() : undefined;
    let counts = '';
    let row: Row;
    try {
      row = await measure(file, worker, bytes, (pdftotext, ours, pages) => (counts = `pdftotext ${pdftotext.toLocaleString('en')} chars; Casebook ${ours.toLocaleString('en')} chars, ${pages} pages`));
    } finally {
      load?.stop();
    }
    const reference = stats(row.pdftotext);
    const line = (label: string, runs: number[]) => {
      const s = stats(runs);
      const ratio = (ms: number) => (ms / reference.median).toFixed(2);
      const relative = runs === row.pdftotext ? '' : `   ${ratio(s.median)}× pdftotext (${ratio(s.min)}–${ratio(s.max)})`;
      console.log(`    ${label.padEnd(34)} ${fmt(s.median)}   ${((PAGES / s.median) * 1000).toFixed(0).padStart(4)} pages/s   spread ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms${relative}`);
    };
    console.log(`  ${busy ? `busy machine (${cpus} processes spinning, one per core)` : 'idle machine (as idle as it is: see the load average)'}:`);
    line('pdftotext', row.pdftotext);
    line('Casebook, a file on its own', row.cold);
    line('Casebook, the next file of a batch', row.batch);
    console.log(`    (${counts})`);
    console.log(`    import / pdftotext: ${(stats(row.cold).median / reference.median).toFixed(2)}× on its own, ${(stats(row.batch).median / reference.median).toFixed(2)}× in a batch   (goal: at most 3×)\n`);
  }
}
