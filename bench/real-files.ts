import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ImportedSource } from '../shared/model/imported-source';
import { createIsolatedImporter } from '../electron/services/import/isolated';
import { isImportError } from '../electron/services/import/errors';
import { importBytes } from '../electron/services/import/index';
import { createPdfParser } from '../electron/services/import/pdf/index';
import { DEFAULT_LIMITS } from '../electron/services/import/types';
import { ImportError } from '../electron/services/import/errors';
import { nodeImportProcess } from '../electron/services/import/node-process';
import { buildImportWorker } from '../scripts/build-electron.mjs';
import { multisetRecall } from '../tests/fixtures/word-recall';

/**
 * Real files nobody here wrote, through the real isolated importer (the
 * bundled import process, one fresh process per file, two at a time as the
 * app runs them): not part of `npm run bench` (the corpora are not in the
 * repository). Fetch them, lay them out under one folder, and run
 *
 *   node scripts/bench.mjs real-files -- <corpus folder> [set…] [--out results.json] [--in-process]
 *     [--no-ocr] [--files list.txt]
 *
 * `--in-process` parses in this process, without a fresh import process per
 * file: the same parsers and outcomes (the process adds isolation, time
 * limits and crash containment, not different text), several times faster on
 * a busy machine; the sets here neither hang nor crash it.
 *
 * `--no-ocr` (with `--in-process`) reads PDFs' text layers and leaves pages
 * without text empty: the pdf.js set's 300-odd text-less files are font and
 * drawing tests that OCR reads for minutes each. `--files list.txt` runs only
 * the files listed there (paths relative to the corpus folder, one a line),
 * e.g. a sample of those to time OCR on.
 *
 * Sets and where their files are expected under the corpus folder:
 * - pdfjs:        pdfjs/test/pdfs/*.pdf (github:mozilla/pdf.js)
 * - readability:  readability/test/test-pages/<page>/{source,expected}.html (github:mozilla/readability)
 * - chardet:      chardet/tests/<encoding>/* (github:chardet/chardet); the folder names the true encoding
 * - mammoth:      mammoth/test/test-data/*.docx (github:mwilliamson/mammoth.js)
 * - mail:         mailparser/test/fixtures/*.eml, spamscope/tests/mails/* (no extension),
 *                 postalmime/test/fixtures/*.eml (nodemailer/mailparser, SpamScope/mail-parser, postalsys/postal-mime)
 *
 * It prints, per set, how many files imported and why the others did not,
 * and the set's own quality figure (see each scorer), and writes every
 * file's outcome as JSON (`--out`). `--compare <earlier.json>` prints the
 * earlier run's figures for the same sets beside them, and the files whose
 * outcome changed.
 */

interface Outcome {
  file: string;
  ok: boolean;
  code?: string;
  message?: string;
  words?: number;
  chars?: number;
  metadata?: Record<string, string>;
  children?: number;
  /** The set's quality figure for this file, 0..1 (see the scorers). */
  score?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const words = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** Share of `reference`'s words (as a multiset) found in `text`. */
const recall = (reference: string[], text: string) => (reference.length === 0 ? 1 : multisetRecall(reference, words(text)));

const htmlWords = (html: string) => {
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    return words(window.document.body?.textContent ?? '');
  } finally {
    window.close();
  }
};

async function filesIn(dir: string, filter: (name: string) => boolean = () => true): Promise<string[]> {
  try {
    return (await readdir(dir)).filter(filter).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** iconv-lite's name for a chardet test folder ("windows-1250-czech" → "windows-1250"), or null when it has none. */
function trueEncoding(folder: string): string | null {
  const label = folder.replace(/-(?:croatian|czech|hungarian|polish|slovak|slovene|romanian|bulgarian|russian|arabic|greek|turkish|hebrew)$/i, '');
  if (/^utf-8-sig$/i.test(label)) return 'utf-8';
  return iconv.encodingExists(label) ? label : null;
}

interface FileJob {
  path: string;
  /** Scores a successful import, 0..1. */
  score?: (source: ImportedSource) => Promise<number> | number;
}

async function jobsFor(set: string, root: string): Promise<FileJob[]> {
  switch (set) {
    case 'pdfjs':
      return (await filesIn(join(root, 'pdfjs/test/pdfs'), (n) => n.toLowerCase().endsWith('.pdf'))).map((path) => ({ path }));
    case 'mammoth':
      return (await filesIn(join(root, 'mammoth/test/test-data'), (n) => n.endsWith('.docx'))).map((path) => ({ path }));
    case 'mail':
      return [
        ...(await filesIn(join(root, 'mailparser/test/fixtures'))),
        ...(await filesIn(join(root, 'spamscope/tests/mails'))),
        ...(await filesIn(join(root, 'postalmime/test/fixtures'), (n) => n.endsWith('.eml'))),
      ].map((path) => ({ path }));
    case 'readability': {
      const pages = await filesIn(join(root, 'readability/test/test-pages'));
      return pages.map((page) => ({
        path: join(page, 'source.html'),
        // Share of the words of Readability's own expected article (its default options) that the import kept.
        score: async (source) => recall(htmlWords(await readFile(join(page, 'expected.html'), 'utf8')), source.text),
      }));
    }
    case 'chardet': {
      const jobs: FileJob[] = [];
      for (const folder of await filesIn(join(root, 'chardet/tests'))) {
        if (!(await stat(folder)).isDirectory()) continue;
        const encoding = trueEncoding(basename(folder));
        for (const path of await filesIn(folder)) {
          jobs.push({
            path,
            // Share of the non-ASCII words of the file, decoded with its true encoding, found in the import.
            score: encoding
              ? async (source) => {
                  const truth = words(iconv.decode(await readFile(path), encoding)).filter((w) => /[^\x00-\x7f]/.test(w));
                  return recall(truth, source.text);
                }
              : undefined,
          });
        }
      }
      return jobs;
    }
    default:
      throw new Error(`Unknown set ${set}`);
  }
}

async function runAll<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const inProcess = args.includes('--in-process');
  const noOcr = args.includes('--no-ocr');
  if (noOcr && !inProcess) throw new Error('--no-ocr goes with --in-process');
  const filesIndex = args.indexOf('--files');
  const only = filesIndex >= 0 ? new Set((await readFile(args[filesIndex + 1]!, 'utf8')).split('\n').map((l) => l.trim()).filter(Boolean)) : undefined;
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const compareIndex = args.indexOf('--compare');
  const earlier: Record<string, Outcome[]> | undefined = compareIndex >= 0 ? JSON.parse(await readFile(args[compareIndex + 1]!, 'utf8')) : undefined;
  const valued = new Set([outIndex, compareIndex, filesIndex].filter((i) => i >= 0).map((i) => i + 1));
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(i));
  const [root, ...requested] = positional;
  if (!root) {
    console.log('\nReal-file import: skipped (give a corpus folder: node scripts/bench.mjs real-files -- <folder> [set…])');
    return;
  }
  const sets = requested.length ? requested : ['pdfjs', 'readability', 'chardet', 'mammoth', 'mail'];
  let importFile: (bytes: Uint8Array, fileName: string) => Promise<ImportedSource>;
  if (inProcess && noOcr) {
    const textLayerOnly = createPdfParser({ ocr: false });
    importFile = async (bytes, fileName) => {
      if (!fileName.toLowerCase().endsWith('.pdf')) return importBytes(bytes, fileName);
      try {
        const parsed = await textLayerOnly({ bytes, fileName, limits: DEFAULT_LIMITS });
        return { ...parsed, format: 'pdf', fileName, sha256: '', size: bytes.byteLength } as unknown as ImportedSource;
      } catch (error) {
        // As importBytes words it: the parser's own errors are "damaged".
        throw isImportError(error) ? error : new ImportError('corrupt', `${fileName}: damaged`, { cause: error });
      }
    };
  } else if (inProcess) importFile = (bytes, fileName) => importBytes(bytes, fileName);
  else {
    const outDir = join(process.cwd(), 'dist', 'real-files-worker');
    await buildImportWorker({ outDir });
    const importer = createIsolatedImporter({ spawn: nodeImportProcess(join(outDir, 'import-worker.mjs')) });
    importFile = (bytes, fileName) => importer.run({ bytes, fileName });
  }
  const results: Record<string, Outcome[]> = {};
  for (const set of sets) {
    const jobs = (await jobsFor(set, root)).filter((job) => !only || only.has(relative(root, job.path)));
    const outcomes: Outcome[] = [];
    await runAll(jobs, 2, async (job) => {
      const file = relative(root, job.path);
      const bytes = new Uint8Array(await readFile(job.path));
      try {
        const source = await importFile(bytes, basename(job.path));
        const outcome: Outcome = { file, ok: true, words: words(source.text).length, chars: source.text.length, metadata: source.metadata, children: source.children?.length ?? 0 };
        if (job.score) outcome.score = await job.score(source);
        outcomes.push(outcome);
      } catch (error) {
        const outcome: Outcome = { file, ok: false, code: isImportError(error) ? error.code : 'crash', message: error instanceof Error ? error.message : String(error) };
        if (job.score) outcome.score = 0;
        outcomes.push(outcome);
      }
    });
    outcomes.sort((a, b) => a.file.localeCompare(b.file));
    results[set] = outcomes;
    if (earlier?.[set]) {
      summarize(`${set} (earlier run)`, earlier[set]);
      changes(earlier[set], outcomes);
    }
    summarize(set, outcomes);
  }
  if (out) await writeFile(out, JSON.stringify(results, null, 1));
}

function summarize(set: string, outcomes: Outcome[]): void {
  const ok = outcomes.filter((o) => o.ok);
  const byCode = new Map<string, number>();
  for (const o of outcomes) if (!o.ok) byCode.set(o.code!, (byCode.get(o.code!) ?? 0) + 1);
  const failures = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
  const totalWords = ok.reduce((sum, o) => sum + (o.words ?? 0), 0);
  console.log(`\n${set}: ${ok.length}/${outcomes.length} imported${failures ? ` (refused: ${failures})` : ''}, ${totalWords.toLocaleString('en')} words in all`);
  const scored = outcomes.filter((o) => o.score !== undefined);
  if (scored.length) {
    const scores = scored.map((o) => o.score ?? 0);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const good = scores.filter((s) => s >= 0.9).length;
    console.log(`  quality: mean ${(mean * 100).toFixed(1)} %, ${good}/${scored.length} files at least 90 % (a refused file scores 0)`);
  }
}

/** Files refused before and imported now, and the reverse. */
function changes(before: Outcome[], after: Outcome[]): void {
  const was = new Map(before.map((o) => [o.file, o]));
  const now = after.filter((o) => was.has(o.file));
  const gained = now.filter((o) => o.ok && !was.get(o.file)!.ok);
  const lost = now.filter((o) => !o.ok && was.get(o.file)!.ok);
  console.log(`  since: ${gained.length} refused files now imported, ${lost.length} imported files now refused${lost.length ? ` (${lost.map((o) => `${o.file}: ${o.code}`).join('; ')})` : ''}`);
}
