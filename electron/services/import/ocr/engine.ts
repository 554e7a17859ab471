import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';

/**
 * Offline OCR with tesseract.js (Tesseract compiled to WebAssembly), run on
 * worker threads of the import process: one Tesseract per thread, each page
 * to the next free one.
 *
 * Nothing is fetched: the trained data is read from the npm package that
 * ships it (@tesseract.js-data/<lang>), the engine from tesseract.js-core
 * beside tesseract.js, and no cache is written (tesseract.js would otherwise
 * write `<lang>.traineddata` into the working folder).
 */

/** Recognized text of one image, and how sure the engine is of it. */
export interface OcrResult {
  /** The text as Tesseract read it, lines and paragraphs as it found them. */
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface OcrEngine {
  /** What read the text, as a source's metadata records it: "Tesseract (tesseract.js 7.0.0), eng". */
  readonly description: string;
  /** Reads one image (PNG, JPEG, TIFF or PNM bytes). Rejects if the engine is closed first. */
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrResult>;
  /** Stops every thread; recognitions still waiting or running reject. */
  close(): Promise<void>;
}

export interface RecognizeOptions {
  /** The image's resolution when the caller knows it (a page it rendered); otherwise the file's own, or Tesseract's estimate. */
  dpi?: number;
  /** 0..1 through this image. */
  onProgress?: (fraction: number) => void;
}

/** Languages whose trained data ships with the app, as npm packages (add more the same way: the package and a line here). */
const LANGUAGE_PACKAGES: Record<string, string> = {
  eng: '@tesseract.js-data/eng',
};
/** Packages read by path at run time, never imported: packaging must ship them unpacked (electron-builder.config.cjs). */
export const OCR_DATA_PACKAGES: readonly string[] = Object.values(LANGUAGE_PACKAGES);

/**
 * The integer-quantized "best" LSTM model (what tesseract.js itself uses for
 * LSTM-only recognition): as accurate as "best", several times faster.
 */
const MODEL_FOLDER = '4.0.0_best_int';

export interface TesseractOptions {
  /** Tesseract threads (each one engine, about 60 MB). Default: the machine's parallelism, at most 4. */
  threads?: number;
  /** Languages, `+`-joined as Tesseract takes them. Default `eng`. */
  languages?: string;
}

const requireHere = () => createRequire(import.meta.url || join(process.cwd(), 'index.js'));

/** The folder holding `<lang>.traineddata.gz` for one language, from its npm package. */
export function trainedDataFolder(language: string): string {
  const pkg = LANGUAGE_PACKAGES[language];
  if (!pkg) throw new Error(`No trained data for OCR language "${language}"`);
  return join(dirname(requireHere().resolve(`${pkg}/package.json`)), MODEL_FOLDER);
}

export const defaultOcrThreads = () => Math.max(1, Math.min(availableParallelism(), 4));

interface Slot {
  worker: Tesseract.Worker;
  /** The Node worker thread under it, to learn when it dies and to stop it. */
  thread: { on(event: 'error' | 'exit', listener: (arg: unknown) => void): void; terminate(): Promise<number> } | undefined;
  busy: boolean;
  onProgress: ((fraction: number) => void) | undefined;
  fail: ((error: Error) => void) | undefined;
}

/**
 * Starts the engine's threads (each loads the engine and the trained data:
 * a second or two) and resolves when every one is ready.
 */
export async function createTesseractEngine(options: TesseractOptions = {}): Promise<OcrEngine> {
  const languages = options.languages ?? 'eng';
  const threads = Math.max(1, Math.floor(options.threads ?? defaultOcrThreads()));
  const langs = languages.split('+');
  // tesseract.js reads every language from one folder: one language per engine for now.
  if (langs.length !== 1) throw new Error('One OCR language at a time');
  const langPath = trainedDataFolder(langs[0]!);
  const tesseract = (await import('tesseract.js')).default;
  const version = (requireHere()('tesseract.js/package.json') as { version: string }).version;

  const slots: Slot[] = [];
  let closed = false;
  const queue: { run: (slot: Slot) => void; reject: (error: Error) => void }[] = [];

  const create = async (): Promise<Slot> => {
    const slot: Slot = { worker: undefined as unknown as Tesseract.Worker, thread: undefined, busy: false, onProgress: undefined, fail: undefined };
    slot.worker = await tesseract.createWorker(langs, tesseract.OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      // Never read or write a cache in the working folder.
      cacheMethod: 'none',
      legacyCore: false,
      legacyLang: false,
      logger: (message) => {
        if (message.status === 'recognizing text') slot.onProgress?.(message.progress);
      },
      // Without a handler tesseract.js throws from its message listener (an uncaught exception); the job's promise rejects anyway.
      errorHandler: () => {},
    });
    slot.thread = (slot.worker as unknown as { worker?: Slot['thread'] }).worker;
    const died = (reason: unknown) => {
      slot.fail?.(new Error(`The OCR engine stopped (${reason instanceof Error ? reason.message : String(reason)})`));
      slot.fail = undefined;
    };
    slot.thread?.on('error', died);
    slot.thread?.on('exit', (code) => !closed && died(`exit code ${String(code)}`));
    return slot;
  };

  try {
    slots.push(...(await Promise.all(Array.from({ length: threads }, create))));
  } catch (error) {
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => {})));
    throw error;
  }

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      queue.shift()!.run(slot);
    }
  };

  return {
    description: `Tesseract (tesseract.js ${version}), ${languages}`,
    recognize(image, recognizeOptions = {}) {
      if (closed) return Promise.reject(new Error('The OCR engine is closed'));
      return new Promise<OcrResult>((resolve, reject) => {
        queue.push({
          reject,
          run: (slot) => {
            slot.busy = true;
            slot.onProgress = recognizeOptions.onProgress;
            let settled = false;
            const settle = (outcome: () => void) => {
              if (settled) return;
              settled = true;
              slot.busy = false;
              slot.onProgress = undefined;
              slot.fail = undefined;
              outcome();
              if (!closed) pump();
            };
            slot.fail = (error) => settle(() => reject(error));
            // Tesseract 5 reads every doubtful line a second time, inverted, in case it is light text on
            // dark; scans of documents are dark on light, and skipping it saves a good share of the time.
            const parameters: Record<string, string> = { tessedit_do_invert: '0' };
            if (recognizeOptions.dpi) parameters.user_defined_dpi = String(Math.round(recognizeOptions.dpi));
            slot.worker
              .recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), parameters, { text: true, blocks: false, hocr: false, tsv: false })
              .then(
                (result) => settle(() => resolve({ text: result.data.text ?? '', confidence: Number(result.data.confidence) || 0 })),
                (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
              );
          },
        });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('The OCR engine is closed');
      for (const waiting of queue.splice(0)) waiting.reject(stopped);
      for (const slot of slots) slot.fail?.(stopped);
      // The thread itself, not tesseract.js's terminate(): that one drops its handle to the thread, and a
      // recognition it is still starting then fails with an unhandled rejection inside tesseract.js.
      await Promise.all(slots.map((slot) => (slot.thread ? slot.thread.terminate().then(() => {}) : slot.worker.terminate()).catch(() => {})));
    },
  };
}
