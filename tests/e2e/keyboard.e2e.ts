import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { watchMouse } from './layout-check';
import { printCaseworkPdf } from '../fixtures/casework-pdf';

/**
 * Issue 15: Casebook's core job, quoting a source into a note, done with
 * the keyboard alone; and the menus, pickers and dialogs answering arrows,
 * Enter and Escape. These journeys send no mouse event (checked).
 */
const SENTENCE = 'Fentanyl victim photos are displayed in Santa Ana, Calif., on April 24, 2023.';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: (el?.innerText ?? el?.getAttribute('aria-label') ?? '').trim().slice(0, 80), region: el?.closest('#sidebar, #main-pane, #inspector')?.id ?? '' };
  });
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');
const caretText = (page: Page) => page.evaluate(() => (window.getSelection()?.focusNode?.textContent ?? '').trim());

/** Presses `key` until `done` holds, at most `max` times: a user tabbing or arrowing to something. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
    visited.push(key.includes('Arrow') ? await caretText(page).then((t) => t.slice(0, 30)) : (await focused(page)).text.slice(0, 30));
  }
  expect(await done(), `${key} ×${max} did not get there, through: ${visited.join(' | ')}`).toBe(true);
}

describe('the keyboard alone', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('opens a source, selects a sentence with caret browsing and quotes it into the note, with no mouse', async () => {
    app = await launchApp({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const mouse = await watchMouse(page);

    // Tab's first stop is the skip link; it lands in the note's text.
    await page.keyboard.press('Tab');
    await ui(page.locator('.skip-link:focus')).toBeVisible();
    await app.screenshot('keyboard-01-skip-link');
    await page.keyboard.press('Enter');
    await ui(page.locator('.note-body:focus')).toBeVisible();

    // Shift+F6: from the editor back to the sidebar (on the open note), then Tab to the source and open it.
    await page.keyboard.press('Shift+F6');
    await expect.poll(async () => (await focused(page)).region).toBe('sidebar');
    await pressUntil(page, 'Tab', async () => (await focused(page)).text.includes('US Efforts'));
    await page.keyboard.press('Enter');
    await ui(page.locator('.source-reader[data-mapped="true"]')).toBeVisible();

    // F6 again: the reader's text. F7: caret browsing, a caret at the first line in view.
    await page.keyboard.press('F6');
    await ui(page.locator('.source-text:focus')).toBeVisible();
    await page.keyboard.press('F7');
    await ui(page.locator('.reader-caret')).toBeVisible();
    await ui(page.locator('.reader-caret-hint')).toContainText('Caret browsing');
    await page.keyboard.press('Control+Home');
    // Down to the sentence's line, then select it word by word.
    await pressUntil(page, 'ArrowDown', async () => (await caretText(page)).startsWith('Fentanyl victim'), 10);
    await page.keyboard.press('Home');
    await pressUntil(page, 'Control+Shift+ArrowRight', async () => (await selectedText(page)).trim().length >= SENTENCE.length - 1, 30);
    if (!(await selectedText(page)).trim().endsWith('.')) await page.keyboard.press('Shift+ArrowRight');
    expect((await selectedText(page)).trim()).toBe(SENTENCE);
    await ui(page.getByRole('toolbar', { name: 'Selected passage' })).toBeVisible();
    await app.screenshot('keyboard-02-sentence-selected');

    // Ctrl+Shift+Q quotes it into the note last open.
    await page.keyboard.press('Control+Shift+KeyQ');
    await ui(page.locator('.toast', { hasText: 'Quoted in “Briefing draft: precursor pipeline”' })).toBeVisible();

    // Back to the note from the sidebar: the quote is there with its citation.
    await page.keyboard.press('Shift+F6');
    await expect.poll(async () => (await focused(page)).region).toBe('sidebar');
    await pressUntil(page, 'Shift+Tab', async () => (await focused(page)).text.includes('Briefing draft'));
    await page.keyboard.press('Enter');
    const quote = page.locator('.note-body blockquote').last();
    await ui(quote).toContainText(SENTENCE);
    await ui(quote.locator('cite.citation')).toBeVisible();
    await app.screenshot('keyboard-03-quoted');

    expect(await mouse()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  for (const view of ['pages', 'text'] as const) {
    it(`selects and quotes a sentence of a PDF in its ${view} view with caret browsing, with no mouse`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casebook-keyboard-pdf-'));
      const pdfPath = join(dir, 'port-authority-payments.pdf');
      writeFileSync(pdfPath, await printCaseworkPdf(2));
      app = await launchApp({ viewport: { width: 1280, height: 800 } });
      const { page } = app;
      await app.ready();
      const mouse = await watchMouse(page);

      // Ctrl+O imports (the open dialog's pick stands in for the native one); the sidebar lists it.
      app.dialogPicks.push([pdfPath]);
      await page.keyboard.press('Control+O');
      await ui(page.locator('.import-panel .import-job', { hasText: 'port-authority-payments.pdf' }), { timeout: 60_000 }).toContainText('Imported');
      await page.keyboard.press('F6');
      await expect.poll(async () => (await focused(page)).region).not.toBe('');
      await pressUntil(page, 'F6', async () => (await focused(page)).region === 'sidebar', 4);
      await pressUntil(page, 'Tab', async () => (await focused(page)).text.includes('Port authority payments'), 60);
      await page.keyboard.press('Enter');
      const reader = page.locator('.source-reader[data-format="pdf"]');
      await ui(reader).toHaveAttribute('data-mapped', 'true');
      if (view === 'text') {
        await page.keyboard.press('Control+Shift+P');
        await page.keyboard.type('Switch PDF between pages and text');
        await page.keyboard.press('Enter');
        await ui(reader.locator('.pdf-text-view')).toBeVisible();
        await ui(reader).toHaveAttribute('data-mapped', 'true');
      } else {
        await ui(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeVisible();
      }

      // F6 to the document, F7 for a caret; down to the first paragraph, then word by word to its first full stop.
      await pressUntil(page, 'F6', async () => page.evaluate(() => document.activeElement?.classList.contains('source-text') ?? false), 4);
      await page.keyboard.press('F7');
      await ui(page.locator('.reader-caret')).toBeVisible();
      await page.keyboard.press('Control+Home');
      await pressUntil(page, 'ArrowDown', async () => (await caretText(page)).startsWith('The port'), 20);
      await page.keyboard.press('Home');
      await pressUntil(page, 'Control+Shift+ArrowRight', async () => /reporters\.?\s*$/.test(await selectedText(page)), 60);
      if (!(await selectedText(page)).trim().endsWith('.')) await page.keyboard.press('Shift+ArrowRight');
      await ui(page.getByRole('toolbar', { name: 'Selected passage' })).toBeVisible();
      await app.screenshot(`keyboard-pdf-${view}-selected`);

      // Quoted into the note: one clean sentence (hyphens joined), with its citation.
      await page.keyboard.press('Control+Shift+KeyQ');
      await ui(page.locator('.toast', { hasText: 'Quoted in “Briefing draft: precursor pipeline”' })).toBeVisible();
      await page.keyboard.press('Shift+F6');
      await pressUntil(page, 'Shift+Tab', async () => (await focused(page)).text.includes('Briefing draft'), 60);
      await page.keyboard.press('Enter');
      const quote = page.locator('.note-body blockquote').last();
      await ui(quote).toContainText('The port authority investigation found that payments routed through shell companies in Cyprus and Latvia reached officials of the harbour between 2016 and 2019, according to documents reviewed by reporters.');
      await ui(quote.locator('cite.citation')).toBeVisible();

      expect(await mouse()).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    });
  }

  it('works every menu, picker and dialog with arrows, Enter and Escape', async () => {
    app = await launchApp({ viewport: { width: 1280, height: 800 } });
    const { page } = app;
    const mouse = await watchMouse(page);

    // The entities tree: arrows move, → opens a group and enters it, Enter opens the entity, ← goes back up.
    await page.keyboard.press('F6');
    await pressUntil(page, 'Tab', async () => (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'treeitem');
    await ui(page.locator('[role="tree"] [role="treeitem"]:focus')).toContainText('People');
    await page.keyboard.press('ArrowDown');
    await ui(page.locator('[role="tree"] [role="treeitem"]:focus')).toContainText('Organizations');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await ui(page.locator('.entity-group[data-entity-type="Person"]')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowRight');
    await ui(page.locator('[role="tree"] [role="treeitem"]:focus')).toHaveText('Anne Milgram');
    await page.keyboard.press('Enter');
    await ui(page.locator('.entity-details .entity-name')).toHaveText('Anne Milgram');
    await page.keyboard.press('ArrowLeft');
    await ui(page.locator('[role="tree"] [role="treeitem"]:focus')).toContainText('People');
    await page.keyboard.press('ArrowLeft');
    await ui(page.locator('.entity-group[data-entity-type="Person"]')).toHaveAttribute('aria-expanded', 'false');
    // F6 reaches the inspector too; Escape there closes it.
    await page.keyboard.press('F6');
    await page.keyboard.press('F6');
    await expect.poll(async () => (await focused(page)).region).toBe('inspector');
    await page.keyboard.press('Escape');
    await ui(page.locator('.entity-details')).toHaveCount(0);

    // The case switcher: a menu of arrows and Escape, the focus back on its button.
    await page.keyboard.press('F6');
    await pressUntil(page, 'Shift+Tab', async () => (await focused(page)).text.includes('1 note'));
    await page.keyboard.press('Enter');
    await ui(page.locator('.case-menu')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await ui(page.locator('.case-menu')).toHaveCount(0);
    await ui(page.locator('.case-switcher-button:focus')).toBeVisible();

    // The command palette: arrows and Enter run a command (the dark theme).
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('theme');
    await page.keyboard.press('ArrowDown');
    await ui(page.locator('.command-option[aria-selected="true"]')).toContainText('Theme: Dark');
    await page.keyboard.press('Enter');
    await ui(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // The search palette: arrows and Enter open a hit; Escape closes it.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('Wuhan');
    await ui(page.locator('.search-hit').first(), { timeout: 30_000 }).toBeVisible();
    await ui(page.locator('.search-group-head').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await ui(page.locator('.search-hit[aria-selected="true"]')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await ui(page.locator('.search-palette')).toHaveCount(0);

    // The export dialog closes on Escape: from a field, and after the focus went into the preview.
    await page.keyboard.press('Control+E');
    await ui(page.locator('.export-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await ui(page.locator('.export-dialog')).toHaveCount(0);
    await page.keyboard.press('Control+E');
    await ui(page.locator('.export-preview iframe')).toBeVisible();
    await page.locator('.export-preview iframe').focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('export-dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await ui(page.locator('.export-dialog')).toHaveCount(0);

    // The @ popup: Create… is an option among the entities, reached with the arrows.
    await page.keyboard.press('Tab');
    await page.locator('.note-body').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('@Mexi');
    await ui(page.locator('.mention-option').first()).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await ui(page.locator('.mention-create[aria-selected="true"]')).toHaveText('Create “Mexi”…');
    await page.keyboard.press('Enter');
    await ui(page.locator('.entity-form input').first()).toHaveValue('Mexi');
    await app.screenshot('keyboard-04-create-from-mention');

    expect(await mouse()).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('enters a group opened by → with a second → pressed before its members were read', async () => {
    app = await launchApp();
    const { page } = app;
    await page.keyboard.press('F6');
    await pressUntil(page, 'Tab', async () => (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'treeitem');
    await page.keyboard.press('ArrowDown');
    await ui(page.locator('[role="tree"] [role="treeitem"]:focus')).toContainText('Organizations');
    // The second press comes once React has opened the group (microtasks) and before the store answers (a task).
    const between = await page.evaluate(async () => {
      const group = document.activeElement!;
      const press = () => group.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      press();
      for (let i = 0; i < 10 && group.getAttribute('aria-expanded') !== 'true'; i++) await Promise.resolve();
      const state = { expanded: group.getAttribute('aria-expanded'), members: group.querySelectorAll('[role="group"] [role="treeitem"]').length };
      press();
      return state;
    });
    expect(between).toEqual({ expanded: 'true', members: 0 });
    const first = page.locator('.entity-group[data-entity-type="Organization"] [role="group"] [role="treeitem"]').first();
    await ui(first).toBeVisible();
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('remembers the export dialog’s subtitle, author, handling line and page size for the case', async () => {
    app = await launchApp();
    const { page, profile } = app;
    await page.keyboard.press('Control+E');
    const field = (label: string) => page.locator('.export-fields label', { hasText: label }).locator('input');
    await ui(field('Subtitle')).toBeVisible();
    await field('Subtitle').fill('Interim findings');
    await field('Author').fill('Investigations desk');
    await field('Handling line').fill('EMBARGOED UNTIL PUBLICATION');
    await page.getByRole('radio', { name: 'Letter' }).check();
    await page.keyboard.press('Escape');
    await app.close();
    app = await launchApp({ profile });
    await app.page.keyboard.press('Control+E');
    const again = (label: string) => app!.page.locator('.export-fields label', { hasText: label }).locator('input');
    await ui(again('Subtitle')).toHaveValue('Interim findings');
    await ui(again('Author')).toHaveValue('Investigations desk');
    await ui(again('Handling line')).toHaveValue('EMBARGOED UNTIL PUBLICATION');
    expect(await app.page.getByRole('radio', { name: 'Letter' }).isChecked()).toBe(true);
  });
});
