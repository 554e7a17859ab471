import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBriefingPdf, type BriefingPdf, type BriefingPrintOptions, type BriefingProgress, type PrintHtml } from '../../../../electron/services/export/briefing-pdf';
import { scanContent } from '../../../../electron/services/export/pdf-content';
import { readPdfFacts } from '../../../../electron/services/export/pdf-facts';
import { openPdf } from '../../../../electron/services/export/pdf-file';
import { readPageTexts } from '../../../../electron/services/export/pdf-text';
import { loadPdfjs } from '../../../../electron/services/import/pdf/pdfjs';
import { foldText } from '../../../../shared/linking/normalize';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../../../e2e/chromium';
import { FIELD_NOTE_TITLE, seedBriefing } from '../../../shared/briefing/briefing-fixture';
import { cdpPrinter, offlineScriptlessContext } from '../../../fixtures/cdp-print';

/**
 * The seeded case's briefing, printed by a real Chromium through CDP's
 * Page.printToPDF (the call Electron's printToPDF makes), then read back with
 * poppler's pdftotext as a reader's tools would see it. Fails, never skips,
 * without Chromium.
 */

const OUT_DIR = join(process.cwd(), 'test-results', 'briefing');
const require = createRequire(import.meta.url);
const readPackageFile = async (modulePath: string) => new Uint8Array(readFileSync(require.resolve(modulePath)));

/** Compile-time: the service's print options are Electron's own, so main passes them to `webContents.printToPDF` unchanged. */
export const asElectronOptions = (options: BriefingPrintOptions): PrintToPDFOptions => options;

let browser: Browser;
let context: BrowserContext;

/** Chromium's CDP print, wired as the service's `print`: scripts off, every request refused. */
const cdpPrint: PrintHtml = (html, options) => cdpPrinter(context)(html, options);

function pdftotext(file: string): string[] {
  // Pages end with a form feed; the last one is followed by nothing.
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

async function save(name: string, pdf: BriefingPdf): Promise<string> {
  const file = join(OUT_DIR, `${name}.pdf`);
  writeFileSync(file, pdf.bytes);
  return file;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Each title's number on the contents page (page 2) is the page where that heading starts a line, after the contents. */
function expectContentsNumbered(pages: string[], titles: string[]): void {
  const contents = pages[1]!;
  expect(contents).toContain('Contents');
  for (const title of titles) {
    const line = contents.split('\n').find((l) => l.trim().replace(/\s*\d+$/, '').trim() === title);
    expect(line, title).toBeDefined();
    const printed = Number(/(\d+)\s*$/.exec(line!)?.[1]);
    const actual = pages.findIndex((text, i) => i > 1 && text.split('\n').some((l) => l.trim() === title)) + 1;
    expect(actual, title).toBeGreaterThan(2);
    expect(printed, title).toBe(actual);
  }
}

interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

describe('briefing PDF (seeded case, printed by Chromium)', () => {
  let plain: BriefingPdf;
  let plainPages: string[];
  let plainFile: string;
  const progress: BriefingProgress[] = [];

  beforeAll(async () => {
    assertChromium();
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    context = await offlineScriptlessContext(browser);
    plain = await exportBriefingPdf(seedBriefing().model, { print: cdpPrint, readPackageFile, onProgress: (p) => progress.push(p) });
    plainFile = await save('briefing', plain);
    plainPages = pdftotext(plainFile);
    execFileSync('pdftoppm', ['-png', '-r', '50', plainFile, join(OUT_DIR, 'page')]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('reports its progress as the renderer is told it: composing, the one printing, then numbering the contents', () => {
    expect(progress).toEqual([{ stage: 'composing' }, { stage: 'printing', printing: 1 }, { stage: 'numbering' }]);
  });

  it('has a title page with title, subtitle, author, date and handling line', () => {
    const first = squash(plainPages[0]!);
    expect(first).toContain('Sample case: fentanyl precursor trafficking');
    expect(first).toContain('Precursor pipeline from China to U.S. communities, 2022–2023');
    expect(first).toContain('Casebook test desk');
    expect(first).toContain('1 May 2024');
    expect(first).toContain('CONFIDENTIAL — DRAFT');
  });

  it('prints once, then writes into the contents the pages the sections really start on', () => {
    expect(plain.printings).toBe(1);
    expectContentsNumbered(plainPages, ['Briefing draft: precursor pipeline', FIELD_NOTE_TITLE, 'Enforcement so far', 'Endnotes', 'Appendix A. Entities', 'Appendix B. Timeline', 'Appendix C. Sources']);
    // The digit palettes the numbers were drawn from are gone from the page.
    expect(plainPages[1]).not.toContain('0123456789');
  });

  it('prints "Page X of Y" and the handling line on every page', () => {
    const total = plainPages.length;
    expect(total).toBe(plain.pageCount);
    plainPages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${total}`);
      expect(text).toContain('CONFIDENTIAL — DRAFT');
    });
  });

  it('keeps the notes’ structure and Chinese text as text', () => {
    const body = squash(plainPages.join('\n'));
    expect(body).toContain('Working theory:');
    expect(body).toContain('Is CCP Inc. using or permitting narcotics trafficking');
    expect(body).toContain('1. John A. Cassara testified on March 23');
    expect(body).toContain('武汉');
    expect(body).toContain(FIELD_NOTE_TITLE);
  });

  it('prints the seven-column table whole: every cell, and nothing past the right margin on any page', () => {
    // In content order (-raw) a wrapped cell still reads as one run of words.
    const raw = squash(execFileSync('pdftotext', ['-raw', plainFile, '-'], { encoding: 'utf8' }));
    for (const cell of ['Source passage', 'Washington, D.C.', 'Results announced with JCODE partners across several countries']) expect(raw).toContain(cell);
    const bbox = execFileSync('pdftotext', ['-bbox', plainFile, '-'], { encoding: 'utf8' });
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
    const rightmost = Math.max(...[...bbox.matchAll(/<word [^>]*xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(rightmost).toBeLessThanOrEqual(pageWidth - 1.1 * 72 + 2);
  });

  it('embeds the bundled fonts, Noto Sans SC for the Chinese, and no others', () => {
    const fonts = execFileSync('pdffonts', [plainFile], { encoding: 'utf8' });
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(fonts).toMatch(/NotoSansSC/);
    expect(fonts).toMatch(/SourceSerif4/);
    for (const row of rows) {
      // Only the bundled families, as real subset fonts (no Type 3 outlines, no system fallback such as Liberation)…
      expect(row, row).toMatch(/^[A-Z]{6}\+(SourceSerif4|NotoSansSC|NotoSerif)/);
      // …embedded, subset, with a Unicode map so text can be searched and copied.
      expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('lists citations as numbered endnotes with source title, page, quoted passage and sha256', () => {
    const start = plainPages.findIndex((t) => t.split('\n').some((l) => l.trim() === 'Endnotes') && /SHA-256/.test(t));
    const endnotes = squash(plainPages.slice(start).join('\n'));
    const { records } = seedBriefing();
    expect(endnotes).toMatch(/1\. US Efforts to Crack Down on Fentanyl Trafficking Face Resistance From the CCP, p\. 2\./);
    expect(endnotes).toContain('DEA official Anne Milgram said drug cartels in Sinaloa and Jalisco');
    expect(endnotes).toMatch(/3\. US Efforts .* p\. 4\. .*dual enforcement standard/);
    expect(endnotes.replace(/\s/g, '')).toContain(records.source.sha256);
  });

  it('ends with the entity, timeline and source appendices', () => {
    const all = squash(plainPages.join('\n'));
    expect(all).toContain('Appendix A. Entities');
    expect(all).toMatch(/People .*Anne Milgram/);
    expect(all).toContain('Also: Milgram');
    expect(all).toContain('Appendix B. Timeline');
    expect(all).toMatch(/29 March 2023/);
    expect(all).toContain('Appendix C. Sources');
    expect(all).toContain('2024-05-01');
  });

  it('has PDF bookmarks for the chapters and their headings, each titled once', async () => {
    const pdfjs = await loadPdfjs();
    const doc = await pdfjs.getDocument({ data: plain.bytes.slice() }).promise;
    const outline = ((await doc.getOutline()) ?? []) as OutlineItem[];
    await doc.destroy();
    const titles = outline.map((o) => o.title);
    expect(titles).toEqual(['Contents', 'Briefing draft: precursor pipeline', FIELD_NOTE_TITLE, 'Endnotes', 'Appendix A. Entities', 'Appendix B. Timeline', 'Appendix C. Sources']);
    expect(outline[1]!.items.map((i) => i.title)).toEqual(['Enforcement so far', 'March 23 testimony', 'Open questions']);
    expect(outline[2]!.items[0]!.items.map((i) => i.title)).toEqual(['Who said what', 'Enforcement actions']);
    expect(outline[4]!.items.map((i) => i.title)).toEqual(expect.arrayContaining(['People', 'Organizations', 'Places']));
  });

  it('with redaction on, leaves no protected name or alias anywhere in the PDF’s text', async () => {
    const { model, protectedNames } = seedBriefing({ redact: true });
    const redacted = await exportBriefingPdf(model, { print: cdpPrint, readPackageFile });
    const file = await save('briefing-redacted', redacted);
    const text = pdftotext(file).join('\n');
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    for (const extracted of [text, raw]) {
      const folded = foldText(extracted).replace(/\s+/g, ' ');
      for (const name of protectedNames) expect(folded, name).not.toContain(foldText(name));
    }
    expect(text).toContain('redacted');
    // Everything else is still there.
    expect(text).toContain('Anne Milgram');
    expect(text).toContain('武汉');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '3', '-l', '4', file, join(OUT_DIR, 'redacted')]);
  }, 60_000);

  it('numbers a contents entry whose title reads like a placeholder ("00")', async () => {
    const { model } = seedBriefing({ appendices: { entities: false, timeline: false, sources: true } });
    const notes = [{ ...model.notes[0]!, id: 'zero', title: '00' }, ...model.notes];
    const pdf = await exportBriefingPdf({ ...model, notes }, { print: cdpPrint, readPackageFile });
    expect(pdf.printings).toBe(1);
    const pages = pdftotext(await save('briefing-zero-title', pdf));
    expectContentsNumbered(pages, ['00', 'Briefing draft: precursor pipeline', FIELD_NOTE_TITLE, 'Endnotes', 'Appendix A. Sources']);
  }, 60_000);

  it('numbers the contents by printing again when the printed PDF cannot be numbered in place', async () => {
    // Re-saved with cross-reference and object streams, which the in-place numbering does not read.
    const resaving: PrintHtml = async (html, options) => {
      const doc = await PDFDocument.load(await cdpPrint(html, options), { updateMetadata: false });
      return doc.save({ useObjectStreams: true });
    };
    const stages: BriefingProgress[] = [];
    const pdf = await exportBriefingPdf(seedBriefing().model, { print: resaving, readPackageFile, onProgress: (p) => stages.push(p) });
    expect(pdf.printings).toBe(2);
    expect(stages).toEqual([{ stage: 'composing' }, { stage: 'printing', printing: 1 }, { stage: 'numbering' }, { stage: 'numbering', printing: 2 }]);
    const pages = pdftotext(await save('briefing-printed-twice', pdf));
    expectContentsNumbered(pages, ['Briefing draft: precursor pipeline', FIELD_NOTE_TITLE, 'Endnotes', 'Appendix C. Sources']);
    expect(pages[1]).not.toContain('0123456789');
  }, 60_000);

  it('reads its own PDF back with the same text pdf.js reads (whitespace aside), for the redaction check', async () => {
    const facts = await readPdfFacts(plain.bytes, { text: true });
    const ours = readPageTexts(openPdf(plain.bytes));
    const bare = (t: string) => t.replace(/\s+/g, '');
    expect(ours.map(bare)).toEqual(facts.pageTexts.map(bare));
    // Words stay apart, and a run split by a font change (the Chinese) stays one run.
    expect(squash(ours[1]!)).toContain('Field notes: the Wuhan supplier (武汉)');
    expect(squash(ours[2]!)).toContain('Working theory:');
  });

  it('refuses a PDF in which a protected name is still legible, also across a change of font inside a word', async () => {
    const { model } = seedBriefing({ redact: true });
    for (const leak of ['Field report by John A. Cassara.', 'Spokesman Wang <b>Wen</b>bin said so.']) {
      // A printer that slips the name in behind the composer's back: the read-back must catch it.
      const leaking: PrintHtml = (html, options) => cdpPrint(html.replace('</body>', `<p>${leak}</p></body>`), options);
      await expect(exportBriefingPdf(model, { print: leaking, readPackageFile })).rejects.toMatchObject({ code: 'redaction-leak' });
    }
  }, 60_000);

  it('draws the contents’ dotted leaders on the contents page only, not on every page', () => {
    const pdf = openPdf(plain.bytes);
    const rectangles = pdf.pages().map((ref) => {
      let n = 0;
      scanContent(pdf.stream(pdf.dict(ref)!.get('Contents'))!.data, (op) => void (op === 're' && n++));
      return n;
    });
    const contents = rectangles[1]!;
    expect(contents).toBeGreaterThan(200);
    for (const [i, n] of rectangles.entries()) if (i !== 1) expect(n, `page ${i + 1}`).toBeLessThan(contents / 4);
  });

  it('prints on Letter paper when asked', async () => {
    const { model } = seedBriefing({ pageSize: 'Letter', appendices: { entities: false, timeline: false, sources: false } });
    const letter = await exportBriefingPdf(model, { print: cdpPrint, readPackageFile });
    const file = await save('briefing-letter', letter);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts/);
    expect(readdirSync(OUT_DIR)).toContain('briefing-letter.pdf');
  }, 60_000);
});
