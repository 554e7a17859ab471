import { cancelledError, ImportError } from '../errors';
import { normalizeWhitespace } from '../pdf/pdfjs';
import { createTesseractEngine, defaultOcrThreads, type OcrEngine } from './engine';

/**
 * Reads pages from pictures of them (a scanned PDF's pages, an image file's
 * frames), page by page, with progress and cancel. Pictures are made one at
 * a time on this thread (rendering a PDF page needs pdf.js, which lives
 * here) while the engine's threads read the ones already made, a few ahead
 * at most so memory stays bounded.
 */

const HAS_WORD = /[\p{L}\p{N}]/u;

export type OcrEngineFactory = (options: { threads: number }) => Promise<OcrEngine>;

export interface OcrOptions {
  /** How to start the engine. Default: Tesseract (engine.ts) with eng. */
  createEngine?: OcrEngineFactory;
  /** Engine threads at most. Default: the machine's parallelism, at most 4. */
  threads?: number;
}

/** One picture to read: made when its turn comes. */
export interface OcrPageJob {
  /** Where its text goes (a page index). */
  index: number;
  picture: (signal: AbortSignal) => Promise<{ image: Uint8Array; dpi?: number }>;
}

export interface OcrPageText {
  text: string;
  confidence: number;
}

export interface OcrOutcome {
  /** Text by page index, for the pages read (a page that failed has none). */
  pages: Map<number, OcrPageText>;
  /** Pages whose picture could not be made or read. */
  failed: number[];
  engine: string;
}

export async function readPictures(
  jobs: readonly OcrPageJob[],
  input: { fileName: string; signal?: AbortSignal; onProgress?: (fraction: number) => void },
  options: OcrOptions = {},
): Promise<OcrOutcome> {
  const { fileName, signal } = input;
  if (signal?.aborted) throw cancelledError(fileName);
  const threads = Math.max(1, Math.min(options.threads ?? defaultOcrThreads(), jobs.length));
  let engine: OcrEngine;
  try {
    engine = await (options.createEngine ?? ((o) => createTesseractEngine(o)))({ threads });
  } catch (error) {
    throw new ImportError('unreadable', `${fileName}: the text recognition (OCR) engine could not start`, { cause: error });
  }
  // A cancel stops the engine at once (its pending pages reject) and the picture being drawn.
  const stop = new AbortController();
  const onAbort = () => {
    stop.abort();
    void engine.close();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const pages = new Map<number, OcrPageText>();
  const failed: number[] = [];
  const partial = new Map<number, number>();
  const report = () => {
    let sum = pages.size + failed.length;
    for (const fraction of partial.values()) sum += fraction;
    input.onProgress?.(Math.min(1, sum / jobs.length));
  };
  try {
    const running = new Set<Promise<void>>();
    for (const job of jobs) {
      if (signal?.aborted) throw cancelledError(fileName);
      // Keep the engine busy, and no more pictures waiting than threads.
      while (running.size > threads) await Promise.race(running);
      let picture: { image: Uint8Array; dpi?: number };
      try {
        picture = await job.picture(stop.signal);
      } catch {
        if (signal?.aborted) throw cancelledError(fileName);
        failed.push(job.index);
        report();
        continue;
      }
      const reading = engine
        .recognize(picture.image, {
          ...(picture.dpi ? { dpi: picture.dpi } : {}),
          onProgress: (fraction) => {
            partial.set(job.index, fraction);
            report();
          },
        })
        .then(
          (result) => {
            // Marks with no letter or digit in them ("*)" for a drawn smiley, "|" for a rule) are no text: the page was read, and is empty.
            const text = normalizeWhitespace(result.text);
            pages.set(job.index, { text: HAS_WORD.test(text) ? text : '', confidence: result.confidence });
          },
          () => {
            failed.push(job.index);
          },
        )
        .finally(() => {
          partial.delete(job.index);
          running.delete(reading);
          report();
        });
      running.add(reading);
    }
    await Promise.all(running);
    if (signal?.aborted) throw cancelledError(fileName);
    return { pages, failed: failed.sort((a, b) => a - b), engine: engine.description };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await engine.close();
  }
}

/** The metadata a source read by OCR carries: which engine, which pages (1-based, as ranges), how sure it was. */
export function ocrMetadata(outcome: OcrOutcome, pageCount: number): Record<string, string> {
  const metadata: Record<string, string> = { ocr: outcome.engine };
  const read = [...outcome.pages.keys()].sort((a, b) => a - b);
  if (read.length < pageCount || pageCount > 1) metadata.ocrPages = pageRanges(read);
  // Mean confidence, each page weighted by how much text it gave.
  let weight = 0;
  let sum = 0;
  for (const { text, confidence } of outcome.pages.values()) {
    const w = Math.max(1, text.length);
    weight += w;
    sum += confidence * w;
  }
  if (weight > 0) metadata.ocrConfidence = String(Math.round(sum / weight));
  if (outcome.failed.length) metadata.ocrFailedPages = pageRanges(outcome.failed);
  return metadata;
}

/** 0-based indexes as 1-based page ranges: [0, 1, 2, 5] → "1–3, 6". */
export function pageRanges(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    parts.push(i === j ? `${indexes[i]! + 1}` : `${indexes[i]! + 1}–${indexes[j]! + 1}`);
    i = j + 1;
  }
  return parts.join(', ');
}
