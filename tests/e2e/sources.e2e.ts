import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { getRecord } from './store';
import { readHighlights, selectInReader } from './reader';
import { newNote } from './actions';
import { makeDocx } from '../fixtures/make-docx';
import type { Source } from '../../shared/model';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const TIP = 'Tip from the broker\n\nThe broker in Lázaro Cárdenas handles the drums for the Wuhan supplier.\n';

const library = (page: Page) => page.locator('.library-table');
const row = (page: Page, title: string) => library(page).locator('tbody tr', { has: page.locator('.title-cell .link-button', { hasText: title }) });
const inspector = (page: Page) => page.locator('.inspector');
const openLibrary = (page: Page) => page.locator('.heading-link', { hasText: 'Sources' }).click();
const sourceIdOf = async (page: Page, title: string) => (await row(page, title).getAttribute('data-source-id'))!;

/**
 * Managing sources as a reporter does: the library sorts and filters, a
 * source is renamed and corrected (the file's own values stay, and come
 * back on Revert), tagged, deleted with Undo or through the Trash (a note's
 * citation of it is broken meanwhile, with the reason, and good again once
 * it is restored), and its original opens in the system's app.
 */
describe('managing sources', () => {
  let app: LaunchedApp;
  let dir: string;
  let files: { docx: string; txt: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-sources-'));
    files = { docx: join(dir, 'shipping-memo.docx'), txt: join(dir, 'tip.txt') };
    writeFileSync(
      files.docx,
      await makeDocx({
        title: 'Shipping memo',
        creator: 'J. Ruiz',
        // Written years before it is imported: the library must say so, not the import day.
        created: '2019-03-04T09:30:00Z',
        body: [{ heading: 'Shipping memo' }, { paragraph: 'Forty drums of precursor left Wuhan for Manzanillo in March.' }],
      }),
    );
    writeFileSync(files.txt, TIP);
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists a Word document under the date its core properties give, sorts by date, and filters by format and tag", async () => {
    const { page } = app;
    app.dialogPicks.push([files.docx, files.txt]);
    await page.keyboard.press(`${MOD}+o`);
    await ui(page.locator('.import-panel [data-job-state="done"]'), { timeout: 60_000 }).toHaveCount(2);
    await openLibrary(page);
    await ui(library(page).locator('tbody tr')).toHaveCount(3); // the sample's article + 2
    const memo = row(page, 'Shipping memo');
    await ui(memo.locator('td').nth(4)).toContainText('2019');
    await ui(memo.locator('td').nth(5)).toHaveText('J. Ruiz');
    expect(await memo.locator('td').nth(4).innerText()).not.toContain(String(new Date().getFullYear()));

    // Tags, from the details in the inspector.
    await memo.click();
    await ui(inspector(page).locator('.source-details h2')).toHaveText('Shipping memo');
    const addTag = inspector(page).getByLabel('Add a tag (Source tags)');
    await addTag.fill('port');
    await addTag.press('Enter');
    await ui(memo.locator('.row-tags')).toHaveText('port');
    await row(page, 'Tip from the broker').click();
    await ui(inspector(page).locator('.source-details h2')).toHaveText('Tip from the broker');
    await inspector(page).getByLabel('Add a tag (Source tags)').fill('brokers, Port');
    await inspector(page).getByLabel('Add a tag (Source tags)').press('Enter');
    await ui(row(page, 'Tip from the broker').locator('.row-tags .tag-chip')).toHaveCount(2);

    // Sorted by date, newest first, then oldest first: the dated memo leads both ways, the undated follow.
    await library(page).getByRole('button', { name: 'Date' }).click();
    await ui(library(page).locator('th[aria-sort="descending"]', { hasText: /^date/i })).toHaveCount(1);
    await ui(library(page).locator('tbody tr').first()).toContainText('Shipping memo');
    await library(page).getByRole('button', { name: 'Date' }).click();
    await ui(library(page).locator('th[aria-sort="ascending"]', { hasText: /^date/i })).toHaveCount(1);
    await ui(library(page).locator('tbody tr').first()).toContainText('Shipping memo');

    // Filters: format, then tag (case aside), then a date range.
    await page.getByLabel('Format', { exact: true }).selectOption('docx');
    await ui(library(page).locator('tbody tr')).toHaveCount(1);
    await ui(page.locator('.library-header .count')).toHaveText('1 of 3');
    await page.getByLabel('Format', { exact: true }).selectOption('');
    // "port" and "Port" are one tag: the menu offers it once, under one spelling.
    const tagMenu = page.getByLabel('Tag', { exact: true });
    await ui(tagMenu.locator('option', { hasText: /^port$/i })).toHaveCount(1);
    await tagMenu.selectOption((await tagMenu.locator('option', { hasText: /^port$/i }).getAttribute('value'))!);
    await ui(library(page).locator('tbody tr')).toHaveCount(2);
    await page.getByLabel('Tag', { exact: true }).selectOption('brokers');
    await ui(library(page).locator('tbody tr')).toHaveCount(1);
    await ui(library(page).locator('tbody tr')).toContainText('Tip from the broker');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Dated to').fill('2020');
    await ui(library(page).locator('tbody tr')).toHaveCount(1);
    await ui(library(page).locator('tbody tr')).toContainText('Shipping memo');
    await page.getByLabel('Dated to').fill('');
    await ui(library(page).locator('tbody tr')).toHaveCount(3);
    // A tag chip in a row filters by it.
    await row(page, 'Tip from the broker').locator('.tag-chip', { hasText: 'brokers' }).click();
    await ui(library(page).locator('tbody tr')).toHaveCount(1);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await app.screenshot('sources-01-library');
    // Drawn with the theme's colours: dark when the system is dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await ui(page.locator('html[data-theme="dark"]')).toHaveCount(1);
    await app.screenshot('sources-01-library-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.pageErrors).toEqual([]);
  });

  it("renames and corrects a source: the user's values win, the file's stay beside them and come back on Revert", async () => {
    const { page } = app;
    const id = await sourceIdOf(page, 'Shipping memo');
    await row(page, 'Shipping memo').click();
    await inspector(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit source' });
    await ui(form.getByLabel('Title')).toHaveValue('Shipping memo');
    await form.getByLabel('Title').fill('Ruiz memo on shipping');
    await form.getByLabel('Date').fill('March 2019');
    await form.getByRole('button', { name: 'Save' }).click();
    await ui(form.getByRole('alert')).toHaveText('Write the date as YYYY, YYYY-MM or YYYY-MM-DD.');
    await form.getByLabel('Date').fill('2019-02');
    await form.getByLabel('URL').fill('https://example.org/ruiz-memo');
    await form.getByLabel('Notes').fill('From the port source.\nAsk about the drums.');
    await form.getByRole('button', { name: 'Save' }).click();

    const details = inspector(page).locator('.source-details');
    await ui(details.locator('h2')).toHaveText('Ruiz memo on shipping');
    await ui(details.locator('[data-edited="title"]')).toContainText('the file says “Shipping memo”');
    await ui(details.locator('[data-field="notes"] .source-notes')).toHaveText('From the port source. Ask about the drums.');
    const memo = row(page, 'Ruiz memo on shipping');
    await ui(memo.locator('td').nth(4)).toHaveText('2019-02');
    await ui(page.locator('.sidebar .side-item', { hasText: 'Ruiz memo on shipping' })).toHaveCount(1);
    await app.screenshot('sources-02-edited');

    // Stored apart: the imported title and metadata untouched, the edits beside them.
    const stored = (await getRecord<Source>(page, 'sources', id))!;
    expect(stored.title).toBe('Shipping memo');
    expect(stored.metadata.created).toBe('2019-03-04T09:30:00.000Z');
    expect(stored.edits).toEqual({ title: 'Ruiz memo on shipping', date: '2019-02', url: 'https://example.org/ruiz-memo', notes: 'From the port source.\nAsk about the drums.' });

    // Revert the date: the file's comes back.
    await details.locator('[data-field="date"]').getByRole('button', { name: /Revert/ }).click();
    // Wait for the edit to go: '2019-02' itself contains '2019'.
    await expect.poll(() => memo.locator('td').nth(4).innerText(), { timeout: 10_000, interval: 50 }).not.toBe('2019-02');
    await ui(memo.locator('td').nth(4)).toContainText('2019');
    await expect.poll(async () => (await getRecord<Source>(page, 'sources', id))!.edits?.date).toBeUndefined();

    // The reader shows the edited title too.
    await memo.locator('.link-button').first().click();
    await ui(page.locator('.source-header h1')).toHaveText('Ruiz memo on shipping');
    expect(app.pageErrors).toEqual([]);
  });

  it("deletes a source with Undo, and through the Trash: a note's citation of it is broken meanwhile, then good again", async () => {
    const { page } = app;
    // Quote the memo into a note.
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'Forty drums of precursor left Wuhan');
    await page.locator('.selection-menu').getByRole('button', { name: 'Quote in note' }).click();
    const quoted = page.locator('.toast', { hasText: 'Quoted in' });
    await ui(quoted).toBeVisible();
    await quoted.getByRole('button', { name: 'Open note' }).click();
    const cite = page.locator('.note-body cite.citation').last();
    await ui(cite).toBeVisible();
    await ui(page.locator('.note-body cite.citation.is-broken')).toHaveCount(0);
    const noteTitle = (await page.locator('.note-title').inputValue()).trim();

    // Delete from the reader; Undo brings it back.
    await cite.click();
    await ui(page.locator('.source-header h1')).toHaveText('Ruiz memo on shipping');
    await page.locator('.source-header').getByRole('button', { name: 'Delete' }).click();
    const undo = page.locator('.toast', { hasText: 'Moved “Ruiz memo on shipping” to the Trash' });
    await ui(undo).toBeVisible();
    await ui(page.locator('.library')).toBeVisible();
    await ui(row(page, 'Ruiz memo')).toHaveCount(0);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await ui(row(page, 'Ruiz memo')).toHaveCount(1);

    // Delete from the library; the note's citation is broken, with the reason.
    await row(page, 'Ruiz memo').click();
    await inspector(page).locator('.source-details').getByRole('button', { name: 'Delete' }).click();
    await ui(row(page, 'Ruiz memo')).toHaveCount(0);
    await ui(page.locator('.sidebar .side-item', { hasText: 'Ruiz memo' })).toHaveCount(0);
    await page.locator('.sidebar .side-item', { hasText: noteTitle }).first().locator('.side-link').click();
    const broken = page.locator('.note-body cite.citation.is-broken');
    await ui(broken).toHaveCount(1);
    await ui(broken).toHaveAttribute('data-broken', 'The quoted source is in the Trash.');
    await broken.click();
    await ui(page.locator('.toast', { hasText: 'This citation is broken: The quoted source is in the Trash.' })).toBeVisible();
    await app.screenshot('sources-03-citation-broken');

    // Restored from the Trash: the citation is good again and leads to its passage.
    await page.locator('.sidebar').getByText('Trash', { exact: true }).click();
    const item = page.locator('.trash-item[data-trash-kind="source"]', { hasText: 'Ruiz memo on shipping' });
    await ui(item).toBeVisible();
    await app.screenshot('sources-04-trash');
    await item.getByRole('button', { name: 'Restore' }).click();
    await ui(page.locator('.toast', { hasText: 'Restored “Ruiz memo on shipping”' })).toBeVisible();
    await page.locator('.sidebar .side-item', { hasText: noteTitle }).first().locator('.side-link').click();
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await ui(page.locator('.note-body cite.citation.is-broken')).toHaveCount(0);
    await page.locator('.note-body cite.citation').click();
    await ui(page.locator('.source-header h1')).toHaveText('Ruiz memo on shipping');
    expect(app.pageErrors).toEqual([]);
  });

  it("opens a source's original in the system's app and shows it in its folder, through main", async () => {
    const { page } = app;
    const sha = createHash('sha256').update(TIP).digest('hex');
    await openLibrary(page);
    await row(page, 'Tip from the broker').click();
    await inspector(page).getByRole('button', { name: 'Open original' }).click();
    await expect.poll(() => app.openedPaths.length).toBe(1);
    expect(app.openedPaths[0]).toMatch(new RegExp(`[\\\\/]${sha}[\\\\/]tip\\.txt$`));
    expect(readFileSync(app.openedPaths[0]!, 'utf8')).toBe(TIP);
    await inspector(page).getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => app.shownInFolder).toEqual(app.openedPaths);
    expect(app.pageErrors).toEqual([]);
  });

  it('deletes a source for good: its rows go, and its original is freed', async () => {
    const { page } = app;
    const id = await sourceIdOf(page, 'Ruiz memo');
    const { sha256 } = (await getRecord<Source>(page, 'sources', id))!;
    const original = join(app.profile.dataDir, 'originals', sha256.slice(0, 2), sha256);
    expect(existsSync(original)).toBe(true);
    await row(page, 'Ruiz memo').click();
    await inspector(page).locator('.source-details').getByRole('button', { name: 'Delete' }).click();
    await page.locator('.sidebar').getByText('Trash', { exact: true }).click();
    const item = page.locator('.trash-item[data-trash-kind="source"]', { hasText: 'Ruiz memo on shipping' });
    await item.getByRole('button', { name: 'Delete forever…' }).click();
    await item.getByRole('button', { name: 'Delete forever', exact: true }).click();
    await ui(page.locator('.toast', { hasText: 'deleted for good' })).toBeVisible();
    await expect.poll(() => getRecord(page, 'sources', id)).toBeUndefined();
    expect(await getRecord(page, 'sourceBodies', id)).toBeUndefined();
    await expect.poll(() => existsSync(original)).toBe(false);
    // The note keeps its citation, broken: the source is no longer in the case.
    await page.locator('.sidebar .side-item .side-link').first().click();
    expect(app.pageErrors).toEqual([]);
  });

  it('tags a note and filters the notes list by tag', async () => {
    const { page } = app;
    const notes = page.locator('.sidebar section[aria-labelledby="notes-heading"]');
    await newNote(page, 'Leads to follow');
    const title = 'Leads to follow';
    const addTag = page.getByLabel('Add a tag (Note tags)');
    await addTag.fill('#leads');
    await addTag.press('Enter');
    await ui(page.locator('.note-header .tag-chip[data-tag="leads"]')).toHaveCount(1);
    const all = await notes.locator('.side-item').count();
    expect(all).toBeGreaterThan(1);
    await notes.getByRole('button', { name: 'Filter notes by tag' }).click();
    await notes.getByLabel('Notes with the tag').selectOption('leads');
    await ui(notes.locator('.side-item')).toHaveCount(1);
    await ui(notes.locator('.side-item')).toHaveText(title);
    await app.screenshot('sources-05-note-tags');
    await notes.getByRole('button', { name: 'Filter notes by tag' }).click();
    await ui(notes.locator('.side-item')).toHaveCount(all);
    expect(app.pageErrors).toEqual([]);
  });
  it("maps the reader's text whichever of the source and its body the store answers first", async () => {
    const { page } = app;
    // Under load the body can come back before the source's own row: hold every `sources` read back a moment so it does here.
    await page.evaluate(() => {
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
        const request = get.call(this, key);
        if (this.name !== 'sources') return request;
        // Dexie listens through `onsuccess`: the real handler is set, wrapped in a delay.
        const real = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!;
        Object.defineProperty(request, 'onsuccess', {
          get: () => real.get!.call(request),
          set: (fn: IDBRequest['onsuccess']) => real.set!.call(request, fn && ((event: Event) => void setTimeout(() => fn.call(request, event), 400))),
        });
        return request;
      };
    });
    await page.locator('#sidebar .side-link', { hasText: 'US Efforts' }).click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toBeVisible();
    // Mapped, the reader paints the article's mentions (the seeded case names Anne Milgram in it).
    const painted = async () => Object.values((await readHighlights(page)).mentions).flat().filter((text) => text.includes('Milgram'));
    await expect.poll(painted, { timeout: 10_000 }).not.toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
