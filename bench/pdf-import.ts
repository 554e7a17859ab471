import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPdfParser } from '../electron/services/import/pdf/index';
import { DEFAULT_LIMITS } from '../electron/services/import/types';
import { buildImportWorkers } from '../scripts/build-import-workers.mjs';
import { longReportHtml, startPdfPrinter } from '../tests/electron/services/import/pdf/print';

const PAGES = 240;
const RUNS = 3;
const CHILD_FLAG = '--casebook-pdf-bench-child';
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

async function median(runs: number, once: () => Promise<number>): Promise<{ median: number; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, runs: times };
}

/** In a child: parse the file once as the import process would, print what came out. */
async function child(file: string, workerScript: string): Promise<void> {
  const parse = createPdfParser({ workerScript: workerScript === 'none' ? null : workerScript });
  const doc = await parse({ bytes: new Uint8Array(await readFile(file)), fileName: 'report.pdf', limits: DEFAULT_LIMITS });
  const cpu = process.cpuUsage(); // every thread of this process
  process.stdout.write(JSON.stringify({ pages: doc.pages?.length ?? 0, chars: doc.text.length, cpuMs: (cpu.user + cpu.system) / 1000 }));
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
const list = (runs: number[]) => runs.map((r) => r.toFixed(0)).join(', ');

export async function main(): Promise<void> {
  console.log(`PDF import benchmark: a ${PAGES}-page text PDF printed by Chromium, pdftotext against Casebook's parser (pdf.js),`);
  console.log(`each run a fresh process (as the app imports every file in its own process); median of ${RUNS}.\n`);
  const [file, { pdfPageWorker }] = await Promise.all([fixture(), buildImportWorkers()]);
  const self = fileURLToPath(import.meta.url);
  const size = (await readFile(file)).byteLength;
  const cpus = availableParallelism();
  const load = loadavg()[0]!;
  console.log(`  file: ${file} (${(size / 1024 / 1024).toFixed(2)} MB), ${cpus} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (load > cpus / 2) console.log(`  note: the machine is busy (load ${load.toFixed(1)} on ${cpus} CPUs): helper threads have little to run on and every figure is inflated.`);
  console.log('');

  let pdftotextChars = 0;
  const pdftotext = await median(RUNS, async () => {
    const { ms, stdout } = await timeProcess('pdftotext', [file, '-']);
    pdftotextChars = stdout.length;
    return ms;
  });
  const ours = async (workerScript: string) => {
    let out = { pages: 0, chars: 0 };
    const cpu: number[] = [];
    const result = await median(RUNS, async () => {
      const { ms, stdout } = await timeProcess(process.execPath, [self, CHILD_FLAG, file, workerScript]);
      const parsed = JSON.parse(stdout) as typeof out & { cpuMs: number };
      out = { pages: parsed.pages, chars: parsed.chars };
      cpu.push(parsed.cpuMs);
      return ms;
    });
    return { ...result, ...out, cpuMs: [...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)]! };
  };
  const parallel = await ours(pdfPageWorker);
  const single = await ours('none');

  const ratio = (ms: number) => `${(ms / pdftotext.median).toFixed(2)}×`;
  const rate = (ms: number) => `${((PAGES / ms) * 1000).toFixed(0)} pages/s`;
  console.log(`  pdftotext                         ${fmt(pdftotext.median)}   ${rate(pdftotext.median).padStart(13)}   runs: ${list(pdftotext.runs)}   (${pdftotextChars.toLocaleString('en')} chars)`);
  console.log(`  Casebook, pages on helper threads ${fmt(parallel.median)}   ${rate(parallel.median).padStart(13)}   runs: ${list(parallel.runs)}   (${parallel.chars.toLocaleString('en')} chars, ${parallel.pages} pages, CPU ${parallel.cpuMs.toFixed(0)} ms)   ${ratio(parallel.median)}`);
  console.log(`  Casebook, one thread              ${fmt(single.median)}   ${rate(single.median).padStart(13)}   runs: ${list(single.runs)}   (CPU ${single.cpuMs.toFixed(0)} ms)   ${ratio(single.median)}`);
  console.log(`\n  import / pdftotext: ${ratio(parallel.median)}   (goal: at most 3×)`);
}

const at = process.argv.indexOf(CHILD_FLAG);
if (at >= 0) {
  child(process.argv[at + 1]!, process.argv[at + 2]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
