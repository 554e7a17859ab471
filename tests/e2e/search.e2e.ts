import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { passage } from './reader';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Finding anything: the Ctrl+K palette over notes, source passages and entities. */
describe('search', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const palette = () => app.page.getByRole('dialog', { name: 'Search the case' });
  const results = () => palette().getByRole('option');

  it('finds the article passage and the Yuancheng Group entity for “Wuhan”, and opens the passage', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+k`);
    await palette().getByRole('combobox').fill('Wuhan');
    await ui(results().filter({ hasText: 'Yuancheng Group' }).first()).toBeVisible();
    await ui(palette().locator('[data-kind="source"]').first()).toContainText('Wuhan');
    await ui(palette().locator('[data-kind="source"] mark').first()).toHaveText('Wuhan');
    expect(await palette().locator('[data-kind="entity"]', { hasText: 'Yuancheng Group' }).count()).toBeGreaterThan(0);
    await app.screenshot('search-01-wuhan');

    await palette().locator('[data-kind="source"]').first().click();
    await ui(palette()).toHaveCount(0);
    await ui(page.locator('.source-reader')).toBeVisible();
    await passage(page).toContain('Wuhan');
    await passage(page).toBeOnScreen();
  });

  it('forgives a typo, and opens an entity in the inspector', async () => {
    const { page } = app;
    await page.locator('.sidebar-search').click();
    await palette().getByRole('combobox').fill('Yuanchen Grup');
    const entity = palette().locator('[data-kind="entity"]', { hasText: 'Yuancheng Group' }).first();
    await ui(entity).toBeVisible();
    await app.screenshot('search-02-typo');
    await page.keyboard.press('ArrowDown');
    await entity.click();
    await ui(page.locator('.inspector .entity-name')).toHaveText('Yuancheng Group');
  });

  it('narrows with a kind filter, a phrase and an exclusion, and finds a note saved a moment ago', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+k`);
    await palette().getByRole('combobox').fill('kind:entity Wuhan');
    await ui(results().first()).toBeVisible();
    expect(await palette().locator('[data-kind="source"]').count()).toBe(0);
    await palette().getByRole('combobox').fill('"Yuancheng Group" -Wuhan kind:entity');
    await ui(palette().getByText(/Nothing matches|Yuancheng/).first()).toBeVisible();
    await page.keyboard.press('Escape');

    // A new note is searchable once saved.
    await page.keyboard.press(`${MOD}+n`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('note-title'))).toBe(true);
    await page.keyboard.type('Zanzibar lead');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The broker mentioned a warehouse in Zanzibar harbour.');
    await page.keyboard.press(`${MOD}+s`);
    await ui(page.locator('.note-header'), { timeout: 10_000 }).toContainText('Saved');
    await page.keyboard.press(`${MOD}+k`);
    await palette().getByRole('combobox').fill('zanzib');
    await ui(palette().locator('[data-kind="note"]', { hasText: 'Zanzibar lead' })).toBeVisible();
    await palette().locator('[data-kind="note"]', { hasText: 'Zanzibar lead' }).click();
    // The note opens with the matched word selected.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Zanzibar');
  });

  it('saves the index and, after a reload, answers from it, the note saved before the reload included', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    // The worker saved the index after its build; the note above is in the journal or the saved copy.
    const savedIndexes = () =>
      page.evaluate(async () => {
        const [info] = (await indexedDB.databases()).filter((d) => d.name?.startsWith('casebook'));
        if (!info?.name) return -1;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const count = await new Promise<number>((resolve) => {
          const request = db.transaction('searchIndexes').objectStore('searchIndexes').count();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return count;
      });
    await expect.poll(savedIndexes, { timeout: 30_000 }).toBe(1);

    await page.reload();
    // The search bar is there once the case is shown: a key pressed before that would be lost.
    await ui(page.locator('.sidebar-search')).toBeVisible();
    await page.locator('.sidebar-search').click();
    await palette().getByRole('combobox').fill('zanzibar');
    await ui(palette().locator('[data-kind="note"]', { hasText: 'Zanzibar lead' })).toBeVisible();
    await palette().getByRole('combobox').fill('Wuhan');
    await ui(palette().locator('[data-kind="source"] mark').first()).toHaveText('Wuhan');
    await app.screenshot('search-02-after-reload');
  });
});
