import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImage } from '../../../../electron/services/import/image/index';
import { createTesseractEngine, type OcrEngine } from '../../../../electron/services/import/ocr/engine';
import { readImageInfo } from '../../../../electron/services/import/ocr/images';
import { createPdfParser, parsePdf } from '../../../../electron/services/import/pdf/index';
import { importBytes } from '../../../../electron/services/import/index';
import { DEFAULT_LIMITS, type ParseInput, type ParsedDocument } from '../../../../electron/services/import/types';
import { drawPage, encodeTiff, wrap, type DrawnPage } from '../../../fixtures/draw-text';
import { startPdfPrinter, type PdfPrinter } from './pdf/print';
import { wordRecall } from '../../../fixtures/word-recall';

/**
 * OCR with the real engine (tesseract.js and the English data shipped on
 * npm) on pictures of pages whose words are known: drawn with Skia, or
 * printed into PDFs by Chromium as images (what a scanner's PDF holds).
 */

const LETTER =
  'On 14 March the harbour master confirmed that the vessel Northern Star left Riga with forty containers of chemical precursors. ' +
  'The broker, Margaret Holloway, paid the customs fee in cash and kept no invoice. Her lawyer said the payment was legal and the cargo was fertiliser.';
const MEMO =
  'Second page of the scanned file. The warehouse in Gdansk belongs to a company registered in Cyprus whose director signed the lease in 2019.';
const NOTE = 'Third page: the auditor found no record of the shipment in the ledger for April.';

const PDFJS_FIXTURES = join(process.cwd(), 'tests/fixtures/pdf/pdfjs');
const input = (bytes: Uint8Array, fileName: string, extra: Partial<ParseInput> = {}): ParseInput => ({ bytes, fileName, limits: DEFAULT_LIMITS, ...extra });
const pageTexts = (doc: ParsedDocument) => doc.pages!.map(({ start, end }) => doc.text.slice(start, end));
const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
/** A page that is only a picture, full-bleed, as a scanner prints it. */
const scannedSection = (page: DrawnPage) => `<section class="scan"><img src="${dataUrl(page.png)}"></section>`;
const textSection = (text: string) => `<section><p>${text}</p></section>`;
const doc = (sections: string[]) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A5;margin:0} body{margin:0;font:12pt sans-serif} section{break-after:page;height:210mm;padding:10mm;box-sizing:border-box} section.scan{padding:0} img{width:148mm;height:210mm;display:block}</style></head><body>${sections.join('')}</body></html>`;

let letter: DrawnPage;
let memo: DrawnPage;
let printer: PdfPrinter;
beforeAll(async () => {
  letter = drawPage(wrap(LETTER));
  memo = drawPage(wrap(MEMO));
  printer = await startPdfPrinter();
}, 60_000);
afterAll(() => printer?.close());

describe('OCR of pictures (PNG, JPEG, TIFF)', () => {
  it('finds at least 95 % of the words of a page drawn as a PNG, and records the engine and its confidence', async () => {
    const result = await parseImage(input(letter.png, 'letter.png'));
    expect(wordRecall(LETTER, result.text)).toBeGreaterThanOrEqual(0.95);
    expect(result.metadata).toMatchObject({ ocr: expect.stringMatching(/^Tesseract \(tesseract\.js \d+\.\d+\.\d+\), eng$/), imageType: 'PNG', imageSize: `${letter.width} × ${letter.height}` });
    expect(Number(result.metadata.ocrConfidence)).toBeGreaterThanOrEqual(80);
    expect(Number(result.metadata.ocrConfidence)).toBeLessThanOrEqual(100);
    expect(result.pages).toBeUndefined();
  }, 120_000);

  it('reads a JPEG the same way, through the whole importer (format image, sha256, title)', async () => {
    const source = await importBytes(letter.jpeg, 'photo of letter.jpg');
    expect(source.format).toBe('image');
    expect(wordRecall(LETTER, source.text)).toBeGreaterThanOrEqual(0.95);
    expect(source.title).toBe('photo of letter');
  }, 120_000);

  it('reads every page of a multi-page TIFF into its own range', async () => {
    const tiff = encodeTiff([letter, memo]);
    expect(readImageInfo(tiff)?.pages).toHaveLength(2);
    const progress: number[] = [];
    const result = await parseImage(input(tiff, 'fax.tif', { onProgress: (f) => progress.push(f) }));
    const [one, two] = pageTexts(result);
    expect(wordRecall(LETTER, one!)).toBeGreaterThanOrEqual(0.95);
    expect(wordRecall(MEMO, two!)).toBeGreaterThanOrEqual(0.95);
    expect(wordRecall(MEMO, one!)).toBeLessThan(0.5);
    expect(result.metadata).toMatchObject({ pageCount: '2', ocrPages: '1–2', imageType: 'TIFF' });
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  }, 180_000);

  it('refuses a picture claiming billions of pixels before decoding it', async () => {
    const bomb = new Uint8Array(letter.png);
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    await expect(parseImage(input(bomb, 'bomb.png'))).rejects.toMatchObject({ code: 'too-large', message: 'bomb.png: the image is too large to read (100000 × 100000 pixels)' });
  });

  it('says so when the picture is damaged', async () => {
    await expect(parseImage(input(letter.png.slice(0, 20), 'cut.png'))).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^cut\.png: the image is damaged/) });
    const garbled = letter.png.slice();
    garbled.fill(0x55, 40, garbled.length - 12);
    await expect(parseImage(input(garbled, 'garbled.png'))).rejects.toMatchObject({ code: 'corrupt', message: 'garbled.png: the image is damaged — it could not be decoded' });
  }, 120_000);

  it('says so when there are no words in the picture', async () => {
    await expect(parseImage(input(drawPage([]).png, 'blank.png'))).rejects.toMatchObject({ code: 'empty', message: 'blank.png: text recognition (OCR) found no words in this image' });
  }, 120_000);
});

describe('OCR of scanned PDFs', () => {
  it('reads a scanned PDF page by page, keeping page ranges, with progress', async () => {
    const pdf = await printer.print(doc([scannedSection(letter), scannedSection(memo)]), { format: 'A5' });
    const progress: number[] = [];
    const result = await parsePdf(input(pdf, 'scan.pdf', { onProgress: (f) => progress.push(f) }));
    const [one, two] = pageTexts(result);
    expect(wordRecall(LETTER, one!)).toBeGreaterThanOrEqual(0.95);
    expect(wordRecall(MEMO, two!)).toBeGreaterThanOrEqual(0.95);
    expect(result.metadata).toMatchObject({ pageCount: '2', ocrPages: '1–2', ocr: expect.stringMatching(/^Tesseract/) });
    expect(Number(result.metadata.ocrConfidence)).toBeGreaterThanOrEqual(80);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1]!)).toBe(true);
  }, 240_000);

  it('reads by OCR only the pages without text', async () => {
    const pdf = await printer.print(doc([textSection(MEMO), scannedSection(letter), textSection(NOTE)]), { format: 'A5' });
    const recognized: number[] = [];
    // The real engine, watched: which pictures reach it.
    const parse = createPdfParser({
      ocr: {
        createEngine: async (options) => {
          const engine = await createTesseractEngine(options);
          return { ...engine, description: engine.description, recognize: (image, o) => (recognized.push(image.length), engine.recognize(image, o)), close: () => engine.close() } satisfies OcrEngine;
        },
      },
    });
    const result = await parse(input(pdf, 'mixed.pdf'));
    const [one, two, three] = pageTexts(result);
    const flat = (text: string | undefined) => text?.replace(/\s+/g, ' ');
    expect(flat(one)).toBe(MEMO);
    expect(wordRecall(LETTER, two!)).toBeGreaterThanOrEqual(0.95);
    expect(flat(three)).toBe(NOTE);
    expect(recognized).toHaveLength(1);
    expect(result.metadata.ocrPages).toBe('2');
  }, 240_000);

  it('finds no words in a page that is only a drawing, instead of importing the marks OCR reads in it (pdf.js’s bitmap-refine.pdf)', async () => {
    // A smiley in JBIG2: Tesseract reads it as "*)", which is no text.
    const smiley = new Uint8Array(readFileSync(join(PDFJS_FIXTURES, 'bitmap-refine.pdf')));
    await expect(parsePdf(input(smiley, 'bitmap-refine.pdf'))).rejects.toMatchObject({
      code: 'empty',
      message: 'bitmap-refine.pdf: no text in it — its pages are pictures (a scan), and text recognition (OCR) found no words in them',
    });
  }, 240_000);

  it('stops at once when cancelled during OCR', async () => {
    const pdf = await printer.print(doc([scannedSection(letter), scannedSection(memo), scannedSection(letter), scannedSection(memo)]), { format: 'A5' });
    const controller = new AbortController();
    let closed = false;
    const parse = createPdfParser({
      ocr: {
        threads: 1,
        createEngine: async (options) => {
          const engine = await createTesseractEngine(options);
          return { description: engine.description, recognize: (image, o) => engine.recognize(image, o), close: () => ((closed = true), engine.close()) };
        },
      },
    });
    // Cancel once OCR is under way (past the text pass).
    const run = parse(input(pdf, 'long scan.pdf', { signal: controller.signal, onProgress: (f) => f > 0.1 && controller.abort() }));
    await expect(run).rejects.toMatchObject({ code: 'cancelled', message: 'long scan.pdf: import cancelled.' });
    expect(closed).toBe(true);
  }, 240_000);
});

describe('the OCR engine', () => {
  it('reads two pictures at once on two threads', async () => {
    const engine = await createTesseractEngine({ threads: 2 });
    try {
      const events: string[] = [];
      const read = (name: string, image: Uint8Array) =>
        engine.recognize(image, { onProgress: () => !events.includes(`start ${name}`) && events.push(`start ${name}`) }).then((r) => (events.push(`done ${name}`), r));
      const [a, b] = await Promise.all([read('a', letter.png), read('b', memo.png)]);
      expect(wordRecall(LETTER, a.text)).toBeGreaterThanOrEqual(0.95);
      expect(wordRecall(MEMO, b.text)).toBeGreaterThanOrEqual(0.95);
      // Both were under way before either finished.
      const firstDone = events.findIndex((e) => e.startsWith('done'));
      expect(events.slice(0, firstDone).sort()).toEqual(['start a', 'start b']);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('rejects what is still waiting when closed', async () => {
    const engine = await createTesseractEngine({ threads: 1 });
    const running = expect(engine.recognize(letter.png)).rejects.toThrow(/closed/);
    const waiting = expect(engine.recognize(memo.png)).rejects.toThrow(/closed/);
    await engine.close();
    await running;
    await waiting;
    await expect(engine.recognize(letter.png)).rejects.toThrow(/closed/);
  }, 120_000);
});
