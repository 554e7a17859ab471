import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { readHighlights } from './reader';
import { axeFindings, layoutProblems } from './layout-check';
import { getRecord } from './store';
import { CASEWORK_HEADER, printCaseworkPdf } from '../fixtures/casework-pdf';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const POLL = { timeout: 15_000, interval: 50 };

/**
 * Where the `n`-th character that is not whitespace of a drawn page's text
 * layer is on screen, as a user would aim the mouse at it (its left edge, or
 * its right edge for the end of a drag). The layer holds the page's
 * characters in the order the stored text has them, split into many spans.
 */
function charOnPage(page: Page, pageNumber: number, n: number, end: boolean) {
  return page.evaluate(
    ({ pageNumber, n, end }) => {
      let seen = 0;
      for (const span of document.querySelectorAll(`.pdf-page[data-page="${pageNumber}"] .textLayer span`)) {
        const node = span.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) continue;
        const data = (node as Text).data;
        for (let i = 0; i < data.length; i++) {
          if (/\s/.test(data[i]!)) continue;
          if (seen++ !== n) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          return { x: end ? r.right - 1 : r.left + 1, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    { pageNumber, n, end },
  );
}

const nonSpace = (s: string) => s.replace(/\s/g, '').length;

/** Drags the mouse over the text layer from the stored page text's `start` to its `end`, as a user selects words. */
async function dragSelect(page: Page, pageNumber: number, pageText: string, start: number, end: number): Promise<void> {
  const a = await charOnPage(page, pageNumber, nonSpace(pageText.slice(0, start)), false);
  const b = await charOnPage(page, pageNumber, nonSpace(pageText.slice(0, end)) - 1, true);
  if (!a || !b) throw new Error(`characters ${start}–${end} are not drawn on page ${pageNumber}`);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/** The current find match as painted, and the page it is on. */
const currentFind = (page: Page) =>
  page.evaluate(() => {
    const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('casebook-find-current');
    const range = set ? [...set][0] : undefined;
    if (!range) return null;
    const r = range.getBoundingClientRect();
    const el = range.startContainer.parentElement;
    return { text: range.toString(), page: el?.closest<HTMLElement>('.pdf-page')?.dataset.page ?? null, onScreen: r.bottom > 0 && r.top < window.innerHeight && r.width > 0 };
  });

const squeeze = (s: string) => s.replace(/[\s\u2010-]/g, '');

/**
 * Reading a PDF as a reporter does: its printed pages, zoomed; a passage
 * selected across a line break (and a hyphenated word) and quoted, which the
 * note shows as one clean paragraph while the citation keeps the exact
 * characters and leads back to the highlighted spot on the page; the text
 * view without the running header and footer; find within the document.
 */
describe('the PDF reader', () => {
  let app: LaunchedApp;
  let pdfPath: string;
  let sourceId: string;
  let storedText: string;
  let pageRanges: { start: number; end: number }[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-pdf-reader-'));
    pdfPath = join(dir, 'port-authority-payments.pdf');
    writeFileSync(pdfPath, await printCaseworkPdf(3));
    app = await launchApp();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens a PDF on its printed pages, with mentions painted on them', async () => {
    const { page } = app;
    app.dialogPicks.push([pdfPath]);
    await page.getByRole('button', { name: 'Import sources', exact: true }).click();
    const job = page.locator('.import-panel .import-job', { hasText: 'port-authority-payments.pdf' });
    await ui(job, { timeout: 60_000 }).toContainText('Imported');
    await job.locator('.import-open').click();
    const reader = page.locator('.source-reader');
    await ui(reader.locator('.pdf-page')).toHaveCount(3);
    await ui(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeVisible();
    await ui(reader).toHaveAttribute('data-mapped', 'true');
    // The canvas is painted with the printed page: dark ink on white.
    const canvas = reader.locator('.pdf-page[data-page="1"] canvas');
    await ui(canvas).toHaveAttribute('data-drawn', 'true');
    const ink = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 96 && data[i + 1]! < 96 && data[i + 2]! < 96) dark++;
      return dark / (c.width * c.height);
    });
    expect(ink).toBeGreaterThan(0.01);
    // The linker found "Yuancheng Group" (an entity of the sample case): painted on the page.
    await expect.poll(async () => Object.values((await readHighlights(page)).mentions).flat(), POLL).toContain('Yuancheng Group');
    sourceId = (await reader.getAttribute('data-source-id'))!;
    storedText = (await getRecord<{ text: string }>(page, 'sourceBodies', sourceId))!.text;
    pageRanges = (await getRecord<{ pages: { start: number; end: number }[] }>(page, 'sources', sourceId))!.pages;
    expect(pageRanges).toHaveLength(3);
  });

  it('zooms with the toolbar and with Ctrl/⌘ + = − 0 while the pages have focus', async () => {
    const { page } = app;
    const view = page.locator('.pdf-view');
    const level = page.locator('.zoom-level');
    const firstPage = page.locator('.pdf-page[data-page="1"]');
    await ui(view).toHaveAttribute('data-zoom', 'fit-width');
    const fitted = (await firstPage.boundingBox())!.width;
    const fittedLabel = await level.innerText();

    // A click on the page's margin gives the reader focus; then the browser's zoom keys zoom the PDF.
    const box = (await firstPage.boundingBox())!;
    await page.mouse.click(box.x + 6, box.y + 6);
    await page.keyboard.press(`${MOD}+Equal`);
    await expect.poll(() => view.getAttribute('data-zoom'), POLL).not.toBe('fit-width');
    await expect.poll(() => level.innerText(), POLL).not.toBe(fittedLabel);
    await expect.poll(async () => (await firstPage.boundingBox())!.width, POLL).toBeGreaterThan(fitted);
    await page.keyboard.press(`${MOD}+Minus`);
    await page.keyboard.press(`${MOD}+Minus`);
    await expect.poll(async () => (await firstPage.boundingBox())!.width, POLL).toBeLessThan(fitted);
    await page.keyboard.press(`${MOD}+0`);
    await ui(view).toHaveAttribute('data-zoom', 'fit-width');
    await expect.poll(async () => Math.round((await firstPage.boundingBox())!.width), POLL).toBe(Math.round(fitted));

    // The toolbar's + zooms in one step: 150%, where the passage will be selected.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await ui(level).toHaveText('150%');
    // Drawn again at the new size.
    await ui(firstPage.locator('canvas')).toHaveAttribute('data-drawn', 'true');
    await expect.poll(() => firstPage.evaluate((el) => el.querySelector('canvas')!.getBoundingClientRect().width), POLL).toBeGreaterThan(fitted);
    await app.screenshot('pdf-01-page-view-zoomed');
  });

  it('quotes a passage selected across a line break: one paragraph in the note, the exact words in the citation', async () => {
    const { page } = app;
    // A line of page 2 that ends with a hyphenated word, and the line after it, in the stored text.
    const page2 = storedText.slice(pageRanges[1]!.start, pageRanges[1]!.end);
    const broken = /\p{L}+ \p{L}+ [^\n]*\p{L}[-\u2010]\n[^\n]*? \p{L}+ \p{L}+\b/u.exec(page2);
    expect(broken, 'page 2 has a line ending in a hyphen').not.toBeNull();
    const start = pageRanges[1]!.start + broken!.index;
    const exact = storedText.slice(start, start + broken![0].length);

    await page.getByLabel('Page number').fill('2');
    await page.getByLabel('Page number').press('Enter');
    await ui(page.locator('.pdf-page[data-page="2"] .textLayer span').first()).toBeVisible();
    await dragSelect(page, 2, page2, broken!.index, broken!.index + broken![0].length);
    const menu = page.locator('.selection-menu');
    await ui(menu).toBeVisible();
    await app.screenshot('pdf-02-selection-on-page');
    await menu.getByRole('button', { name: 'Quote in note' }).click();

    const toast = page.locator('.toast', { hasText: 'Quoted in' });
    await ui(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Open note' }).click();
    const quote = page.locator('.note-body blockquote').last();
    await ui(quote.locator('p')).toHaveCount(1);
    const cite = quote.locator('cite.citation');
    // The citation holds the exact characters of the source (line break and hyphen included) …
    await ui(cite).toHaveAttribute('data-quote', exact);
    await ui(cite).toHaveAttribute('data-start', String(start));
    await ui(cite).toHaveAttribute('data-page', '2');
    // … and the note reads them as one paragraph, the hyphenated word joined.
    const shown = (await quote.locator('p').innerText()).replace(/\s*\[Port authority payments, p\. 2\]\s*$/, '');
    expect(shown).not.toMatch(/\n|[-\u2010] /);
    expect(squeeze(shown)).toBe(squeeze(exact));
    await quote.scrollIntoViewIfNeeded();
    await app.screenshot('pdf-03-quoted-note');

    // The citation checks, and leads back to the highlighted spot on page 2.
    expect(await cite.getAttribute('class')).not.toContain('is-broken');
    await cite.click();
    await ui(page.locator('.source-reader .pdf-page[data-page="2"] .textLayer span').first()).toBeVisible();
    await expect.poll(async () => squeeze((await readHighlights(page)).passage ?? ''), POLL).toBe(squeeze(exact));
    await expect.poll(async () => (await readHighlights(page)).passageOnScreen, POLL).toBe(true);
    const onPage = await page.evaluate(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('casebook-passage')!][0]!;
      return range.startContainer.parentElement?.closest<HTMLElement>('.pdf-page')?.dataset.page;
    });
    expect(onPage).toBe('2');
    // The page field names the page the passage is on, the one filling the view.
    await ui(page.getByLabel('Page number')).toHaveValue('2');
    await app.screenshot('pdf-04-citation-followed');
  });

  it('reads the text view as paragraphs, without the running header, footer and page numbers', async () => {
    const { page } = app;
    await page.locator('.view-switch').getByRole('button', { name: 'Text' }).click();
    const text = page.locator('.reflowed-text');
    await ui(text).toContainText('Port authority payments');
    const shown = await text.innerText();
    expect(storedText).toContain(CASEWORK_HEADER);
    expect(shown).not.toContain(CASEWORK_HEADER);
    expect(shown).not.toMatch(/Page \d of 3/);
    // Lines joined, hyphenated words joined: the stored text's broken words read whole.
    expect(shown).toContain('reached officials of the harbour');
    expect(shown).not.toMatch(/\p{L}[-\u2010]\n/u);
    expect(await text.locator('p').count()).toBe(16);
    // The passage followed is still highlighted here, exactly.
    await expect.poll(async () => squeeze((await readHighlights(page)).passage ?? '').length, POLL).toBeGreaterThan(10);
    await app.screenshot('pdf-05-text-view');
  });

  it('finds within the document with Ctrl/⌘+F, stepping with Enter and Shift+Enter, in both views', async () => {
    const { page } = app;
    await page.locator('.reflowed-text p').first().click();
    await page.keyboard.press(`${MOD}+f`);
    const input = page.getByRole('searchbox', { name: 'Find in document' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await input.fill('golden lotus');
    const count = page.getByTestId('find-count');
    await ui(count).toHaveText('1 of 4');
    await expect.poll(async () => (await currentFind(page))?.text, POLL).toBe('Golden Lotus');
    await input.press('Enter');
    await ui(count).toHaveText('2 of 4');
    await input.press('Shift+Enter');
    await input.press('Shift+Enter');
    await ui(count).toHaveText('4 of 4');
    await expect.poll(async () => (await currentFind(page))?.onScreen, POLL).toBe(true);

    // The running header is not in the text view, but it is printed on every page.
    await input.fill('confidential draft');
    await ui(count).toHaveText('No matches');
    await page.locator('.view-switch').getByRole('button', { name: 'Pages' }).click();
    await ui(count).toHaveText('1 of 3');
    await page.getByRole('searchbox', { name: 'Find in document' }).press('Enter');
    await page.getByRole('searchbox', { name: 'Find in document' }).press('Enter');
    await ui(count).toHaveText('3 of 3');
    await expect.poll(async () => (await currentFind(page))?.page, POLL).toBe('3');
    await expect.poll(async () => (await currentFind(page))?.onScreen, POLL).toBe(true);
    expect(squeeze((await currentFind(page))!.text).toLowerCase()).toBe('confidentialdraft');
    await app.screenshot('pdf-06-find-on-page');

    await page.getByRole('searchbox', { name: 'Find in document' }).press('Escape');
    await ui(page.locator('.find-bar')).toHaveCount(0);
    expect(await currentFind(page)).toBeNull();
  });

  it('selects on the page with the keyboard (caret browsing, F7), and leaves the toolbar’s fields their keys', async () => {
    const { page } = app;
    const doc = page.getByRole('document', { name: /^Text of / });
    await page.keyboard.press('F7');
    await ui(page.locator('.reader-caret-hint')).toHaveAttribute('data-on', 'true');
    // The caret starts on the page's text, not on a toolbar button's label.
    await expect.poll(() => doc.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
    await expect.poll(() => page.evaluate(() => !!window.getSelection()?.focusNode?.parentElement?.closest('.textLayer')), POLL).toBe(true);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await ui(page.locator('.selection-menu')).toBeVisible();
    const selected = await page.evaluate(() => window.getSelection()!.toString());
    expect(selected.trim().length).toBeGreaterThan(3);

    // The page field keeps its own arrows and Home/End while caret browsing is on.
    const field = page.getByLabel('Page number');
    await field.fill('2');
    await field.press('Home');
    await field.press('3');
    await ui(field).toHaveValue('32');
    await field.press('End');
    await field.press('Backspace');
    await field.press('Backspace');
    await field.press('1');
    await field.press('Enter');
    await ui(field).toHaveValue('1');
    await page.keyboard.press('F7');
    await ui(page.locator('.reader-caret-hint')).toHaveAttribute('data-on', 'false');
    expect(app.pageErrors).toEqual([]);
  });

  for (const size of [{ width: 1000, height: 700 }, { width: 1440, height: 900 }]) {
    it(`fits ${size.width}×${size.height}: pages fitted to the width with thumbnails, and the text view`, async () => {
      const { page } = app;
      await page.setViewportSize(size);
      // The finished import's panel is not the reader's (its row overflows the sidebar: reported apart).
      const imports = page.locator('.import-panel');
      if (await imports.count()) await imports.getByRole('button', { name: 'Clear' }).click();
      await ui(imports).toHaveCount(0);
      await page.locator('.view-switch').getByRole('button', { name: 'Pages' }).click();
      await page.getByRole('button', { name: 'Fit width' }).click();
      const thumbs = page.getByRole('button', { name: 'Thumbnails' });
      if ((await thumbs.getAttribute('aria-pressed')) !== 'true') await thumbs.click();
      await ui(page.locator('.pdf-thumbnails canvas')).toHaveCount(3);
      // Fitted: the page fills the column beside the thumbnails, no wider.
      await expect
        .poll(() => page.evaluate(() => {
          const column = document.querySelector('.pdf-pages')!.getBoundingClientRect();
          const sheet = document.querySelector('.pdf-page')!.getBoundingClientRect();
          return sheet.left >= column.left && sheet.right <= column.right && sheet.width > column.width * 0.8;
        }), POLL)
        .toBe(true);
      await ui(page.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeFindings(page)).toEqual([]);
      await app.screenshot(`pdf-07-page-view-${size.width}x${size.height}`);

      await page.locator('.view-switch').getByRole('button', { name: 'Text' }).click();
      await ui(page.locator('.reflowed-text')).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeFindings(page)).toEqual([]);
      await app.screenshot(`pdf-08-text-view-${size.width}x${size.height}`);
      expect(app.pageErrors).toEqual([]);
    });
  }
});
