import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CandidateRecord } from '../../shared/model';
import { launchApp, type LaunchedApp } from './harness';
import { allRecords } from './store';
import { ui } from './ui-expect';
import { selectInReader } from './reader';
import { mixedCorpus } from '../fixtures/extraction/corpus';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Thirty brokers, each named mid-sentence twice: thirty people for the queue. */
const FIRST = ['Amara', 'Bruno', 'Catalina', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kalinda', 'Lorenzo', 'Mireille', 'Nikolai', 'Oksana', 'Pavel', 'Quentin', 'Rosalind', 'Soren', 'Thandiwe', 'Ulrich', 'Valentina', 'Wendell', 'Ximena', 'Yusuf', 'Zofia', 'Anselm', 'Beatriz', 'Cosimo', 'Delphine'];
const LAST = ['Okafor', 'Lindqvist', 'Marangoni', 'Vasquez', 'Abernathy', 'Castellano', 'Dragomir', 'Eriksen', 'Fonseca', 'Gallardo', 'Halvorsen', 'Ibarguen', 'Jablonski', 'Kowalczyk', 'Lombardi', 'Mbeki', 'Nakashima', 'Oyelaran', 'Pellegrini', 'Quiroga', 'Rasmussen', 'Szabo', 'Tanaka', 'Urquhart', 'Villanueva', 'Wojcik', 'Yilmaz', 'Zamora', 'Achterberg', 'Brennan'];
const BROKERS = FIRST.map((first, i) => `${first} ${LAST[i]}`);
const LEDGER = [
  'Broker ledger',
  '',
  ...BROKERS.map((name) => `The shipment was paid to ${name} in cash, and later ${name} confirmed it by phone.`),
].join('\n');

/**
 * The review queue as a reporter uses it after an import: filter to the
 * document, select twenty names with a click and a shift-click, reject them
 * in one action, see them gone (and rejected in the store), then Undo.
 */
describe('the review queue', () => {
  let app: LaunchedApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-review-'));
    writeFileSync(join(dir, 'broker-ledger.txt'), LEDGER);
    app = await launchApp({ viewport: { width: 1440, height: 820 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const rows = () => app.page.locator('.candidate');
  const row = (name: string) => app.page.locator('.candidate').filter({ has: app.page.locator('.candidate-name', { hasText: new RegExp(`^${name}$`) }) });
  const storedStatus = async (names: readonly string[]) => {
    const keys = new Set(names.map((n) => n.toLowerCase()));
    return (await allRecords<CandidateRecord>(app.page, 'candidates')).filter((c) => keys.has(c.key)).map((c) => c.status);
  };

  it('rejects twenty candidates in one action, and Undo brings them back', async () => {
    const { page } = app;
    app.dialogPicks.push([join(dir, 'broker-ledger.txt')]);
    await page.keyboard.press(`${MOD}+o`);
    await ui(page.locator('.import-panel [data-job-state="done"]'), { timeout: 60_000 }).toHaveCount(1);
    await page.locator('.review-section .side-link').click();

    // The imported document's names arrive; narrow the queue to that document.
    await ui(row(BROKERS[29]!), { timeout: 60_000 }).toBeVisible();
    const sourceFilter = page.getByLabel('Filter by source');
    const ledger = sourceFilter.locator('option', { hasText: 'Broker ledger' });
    await expect.poll(() => ledger.innerText()).toMatch(/^Broker ledger \(30\)$/);
    await sourceFilter.selectOption({ label: (await ledger.innerText()).trim() });
    await ui(rows()).toHaveCount(30);
    await ui(page.locator('.review-type-filter [data-type-filter="Person"] .count')).toHaveText('30');

    // Each row shows its passages with the name highlighted.
    const first = rows().first();
    await ui(first.locator('.candidate-snippet mark').first()).toBeVisible();
    expect(await first.locator('.candidate-snippet').count()).toBeGreaterThanOrEqual(2);

    // A click, then a shift-click twenty rows down, selects twenty.
    const names = await rows().locator('.candidate-name').allInnerTexts();
    await rows().nth(0).locator('.candidate-check').click();
    await rows().nth(19).locator('.candidate-check').click({ modifiers: ['Shift'] });
    await ui(page.locator('.review-select-all')).toHaveText('20 selected');
    await app.screenshot('review-01-twenty-selected');

    const chosen = names.slice(0, 20);
    await page.getByRole('button', { name: 'Reject selected' }).click();
    await ui(rows()).toHaveCount(10);
    for (const name of chosen) await ui(row(name)).toHaveCount(0);
    await expect.poll(() => storedStatus(chosen)).toEqual(Array(20).fill('rejected'));
    await app.screenshot('review-02-rejected');

    const toast = page.locator('.toast', { hasText: 'Rejected 20 names' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await ui(rows()).toHaveCount(30);
    for (const name of chosen) await ui(row(name)).toHaveCount(1);
    await expect.poll(() => storedStatus(chosen)).toEqual(Array(20).fill('pending'));
    expect(app.pageErrors).toEqual([]);
  });

  it('selects all, and accepts the selection as one type with Undo', async () => {
    const { page } = app;
    await page.getByLabel('Select all').check();
    await ui(page.locator('.review-select-all')).toHaveText('30 selected');
    await page.getByLabel('Type for accepted candidates').selectOption('Person');
    await page.getByRole('button', { name: 'Accept as' }).click();
    await ui(rows()).toHaveCount(0);
    const added = page.locator('.toast', { hasText: 'Added 30 people' });
    await ui(added).toBeVisible();
    await expect.poll(async () => (await allRecords<{ name: string }>(page, 'entities')).filter((e) => BROKERS.includes(e.name)).length).toBe(30);

    await added.getByRole('button', { name: 'Undo' }).click();
    await ui(rows()).toHaveCount(30);
    await expect.poll(async () => (await allRecords<{ name: string }>(page, 'entities')).filter((e) => BROKERS.includes(e.name)).length).toBe(0);
  });

  it('scrolls inside its own pane: the case title and the queue header stay on screen', async () => {
    const { page } = app;
    await page.getByLabel('Filter by source').selectOption({ index: 0 });
    const list = page.getByTestId('review-scroll');
    await expect.poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    // The window itself never scrolls.
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    await ui(page.locator('.case-title')).toBeInViewport();
    await ui(page.locator('.review-header h1')).toBeInViewport();
    await app.screenshot('review-03-scrolled');
  });

  it('offers the most similar entity for "Alias of…", and adds a name from the reader through the same path', async () => {
    const { page } = app;
    await row('Amara Okafor').getByRole('button', { name: 'Accept' }).click();
    await ui(page.locator('.inspector .entity-name')).toHaveText('Amara Okafor');

    const memo = join(dir, 'account-memo.txt');
    writeFileSync(memo, 'Account memo\n\nThe account at the bank was opened by Amara N. Okafor in the spring.');
    app.dialogPicks.push([memo]);
    await page.keyboard.press(`${MOD}+o`);
    const candidate = row('Amara N. Okafor');
    await ui(candidate, { timeout: 60_000 }).toBeVisible();
    await candidate.getByRole('button', { name: 'Alias of…' }).click();
    // Before anything is typed, the entity whose name is in the candidate's comes first.
    const firstOffer = candidate.locator('.entity-picker li[role="option"]').first();
    await ui(firstOffer).toContainText('Amara Okafor');
    await app.screenshot('review-05-alias-of');
    await firstOffer.click();
    await ui(page.locator('.toast', { hasText: 'Added “Amara N. Okafor” as a name of Amara Okafor.' })).toBeVisible();
    const aliasesOf = async (name: string) => (await allRecords<{ name: string; aliases: string[] }>(page, 'entities')).find((e) => e.name === name)?.aliases;
    await expect.poll(() => aliasesOf('Amara Okafor')).toEqual(['Amara N. Okafor']);

    // The reader's "Add as alias…" adds a name the same way, and offers the similar entity first too.
    await page.locator('.side-section a, .side-section button', { hasText: 'Account memo' }).first().click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'Okafor');
    await page.locator('.selection-menu').getByRole('button', { name: 'Add as alias…' }).click();
    const offer = page.locator('.selection-menu .entity-picker li[role="option"]').first();
    await ui(offer).toContainText('Amara Okafor');
    await offer.click();
    await ui(page.locator('.toast', { hasText: 'Added “Okafor” as a name of Amara Okafor.' })).toBeVisible();
    await expect.poll(() => aliasesOf('Amara Okafor')).toEqual(['Amara N. Okafor', 'Okafor']);
    await page.locator('.review-section .side-link').click();
  });

  it('shows how far a long document has been read, in the queue header', async () => {
    const { page } = app;
    const big = join(dir, 'long-archive.txt');
    writeFileSync(big, `Long archive\n\n${mixedCorpus(3 * 1024 * 1024)}\n\nThe last page names Xiomara Brandvold-Quetzal.`);
    app.dialogPicks.push([big]);
    await page.keyboard.press(`${MOD}+o`);
    const reading = page.getByTestId('review-reading');
    await ui(reading, { timeout: 60_000 }).toContainText('Reading “Long archive” for names…');
    await app.screenshot('review-04-reading');
    await ui(reading, { timeout: 120_000 }).toHaveCount(0);
    // Read to its end: the name on the last line is in the queue.
    const sourceFilter = page.getByLabel('Filter by source');
    const archive = sourceFilter.locator('option', { hasText: 'Long archive' });
    await sourceFilter.selectOption({ label: (await archive.innerText()).trim() });
    await ui(row('Xiomara Brandvold-Quetzal'), { timeout: 30_000 }).toBeVisible();
  });
});
