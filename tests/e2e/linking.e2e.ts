import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { clickInReader, passage, readHighlights, selectInReader } from './reader';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const BRIEFING = [
  'Field briefing: precursor routes',
  '',
  'Investigators traced drums of precursor chemicals from the Yuancheng Group in Wuhan to brokers working for the Sinaloa cartel.',
  'Customs officer Lucía Fernández-Ortega said the shipments left Lázaro Cárdenas every Tuesday.',
  'A second broker, Tomasz Wielgosz, arranged payment through Hong Kong.',
  'Lucía Fernández-Ortega later told the DEA that Tomasz Wielgosz had moved to Manzanillo.',
].join('\n');

/**
 * Entity linking and citations as a user meets them: an imported document's
 * names are found and painted, a new name is accepted from the review queue
 * and found across the case, a passage is quoted into a note and followed
 * back, and a merge is undone.
 */
describe('linking and citations', () => {
  let app: LaunchedApp;
  let file: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-linking-'));
    file = join(dir, 'field-briefing.txt');
    writeFileSync(file, BRIEFING);
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('paints an imported document’s mentions and lists them in the inspector’s backlinks', async () => {
    const { page } = app;
    app.dialogPicks.push([file]);
    await page.keyboard.press(`${MOD}+o`);
    await ui(page.locator('.import-panel [data-job-state="done"]'), { timeout: 60_000 }).toHaveCount(1);
    await page.locator('.side-section a, .side-section button', { hasText: 'Field briefing' }).first().click();
    await ui(page.locator('.source-reader h1')).toContainText('Field briefing');

    // Found names are painted in their type's colour.
    await expect
      .poll(async () => (await readHighlights(page)).mentions, { timeout: 15_000 })
      .toMatchObject({ 'mention-company': expect.arrayContaining(['Yuancheng Group']), 'mention-place': expect.arrayContaining(['Wuhan']) });
    const mentions = (await readHighlights(page)).mentions;
    expect(Object.values(mentions).flat()).toEqual(expect.arrayContaining(['Sinaloa cartel', 'DEA']));
    await app.screenshot('linking-01-reader-mentions');

    // Clicking a painted name opens the entity; its backlinks include this document.
    await clickInReader(page, 'Yuancheng Group');
    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Yuancheng Group');
    const link = inspector.locator('.backlink[data-backlink-kind="source"]', { hasText: 'Field briefing' });
    await ui(link).toHaveCount(1);
    await ui(link).toContainText('drums of precursor chemicals');
    await app.screenshot('linking-02-backlinks');
  });

  it('accepts a candidate from the review queue and links it across the case', async () => {
    const { page } = app;
    await page.locator('.review-section .side-link').click();
    const candidate = (name: string) => page.locator('.candidate').filter({ has: page.locator('.candidate-name', { hasText: new RegExp(`^${name}$`) }) });
    const row = candidate('Tomasz Wielgosz');
    await ui(row, { timeout: 15_000 }).toBeVisible();
    await ui(row.locator('.count')).toHaveText('2×');
    await app.screenshot('linking-03-review-queue');
    await row.getByRole('button', { name: 'Accept' }).click();

    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Tomasz Wielgosz');
    // Linked in the background: both sentences of the document that name him.
    await ui(inspector.locator('.backlink[data-backlink-kind="source"]'), { timeout: 15_000 }).toHaveCount(2);
    await ui(candidate('Tomasz Wielgosz')).toHaveCount(0);

    // Rejecting keeps a name out of the queue.
    const other = candidate('Lucía Fernández-Ortega');
    await ui(other).toBeVisible();
    await other.getByRole('button', { name: 'Reject' }).click();
    await ui(candidate('Lucía Fernández-Ortega')).toHaveCount(0);
  });

  it('quotes a passage into a note, and the citation leads back to the highlighted passage', async () => {
    const { page } = app;
    const noteTitle = await page.locator('.side-item.is-active .side-label, .side-list .side-label').first().innerText();
    await page.locator('.side-section a, .side-section button', { hasText: 'Field briefing' }).first().click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'the shipments left Lázaro Cárdenas every Tuesday');
    const menu = page.locator('.selection-menu');
    await ui(menu).toBeVisible();
    await app.screenshot('linking-04-selection-menu');
    await menu.getByRole('button', { name: 'Quote in note' }).click();

    const toast = page.locator('.toast', { hasText: 'Quoted in' });
    await ui(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Open note' }).click();
    const quote = page.locator('.note-body blockquote').last();
    await ui(quote).toContainText('the shipments left Lázaro Cárdenas every Tuesday');
    const cite = quote.locator('cite.citation');
    await ui(cite).toHaveText('[Field briefing: precursor routes]');
    expect(noteTitle.length).toBeGreaterThan(0);
    await app.screenshot('linking-05-quoted');

    await cite.click();
    await ui(page.locator('.source-reader h1')).toContainText('Field briefing');
    await passage(page).toBe('the shipments left Lázaro Cárdenas every Tuesday');
    await passage(page).toBeOnScreen();
    await app.screenshot('linking-06-citation-followed');
  });

  it('undoes a merge: both entities come back with their own names', async () => {
    const { page } = app;
    const inspector = page.locator('.inspector');
    await clickInReader(page, 'Tomasz Wielgosz');
    await ui(inspector.locator('.entity-name')).toHaveText('Tomasz Wielgosz');
    await inspector.getByRole('button', { name: 'Merge…' }).click();
    await inspector.getByLabel('Entity to merge in…').fill('Yuancheng');
    await inspector.locator('.entity-picker li', { hasText: 'Yuancheng Group' }).first().click();
    await ui(inspector.locator('.alias-chip', { hasText: 'Yuancheng Group' })).toBeVisible();
    await app.screenshot('linking-07-merged');

    const toast = page.locator('.toast', { hasText: 'Merged' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await ui(page.locator('.toast', { hasText: 'separate again' })).toBeVisible();
    await ui(inspector.locator('.alias-chip', { hasText: 'Yuancheng Group' })).toHaveCount(0);
    // Yuancheng Group is its own entity again, with its relations, once the
    // background re-link has taken back what the merge found under the other.
    await expect
      .poll(async () => {
        await clickInReader(page, 'Yuancheng Group');
        return inspector.locator('.entity-name').innerText();
      }, { timeout: 15_000, interval: 250 })
      .toBe('Yuancheng Group');
    await ui(inspector.locator('.relation', { hasText: 'Wuhan' }).first()).toBeVisible();
  });

  it('adds a dated relation citing a passage that names both entities', async () => {
    const { page } = app;
    const inspector = page.locator('.inspector');
    await clickInReader(page, 'Tomasz Wielgosz', 1);
    await ui(inspector.locator('.entity-name')).toHaveText('Tomasz Wielgosz');
    await inspector.getByRole('button', { name: 'Add a relation' }).click();
    const form = inspector.locator('form.relation-form');
    await form.getByLabel('Relation type').selectOption('reported');
    await form.getByLabel('Related to…').fill('Drug Enforcement');
    await form.locator('.entity-picker li').first().click();
    await ui(form.locator('.evidence-option').first()).toContainText('told the DEA that Tomasz Wielgosz had moved to Manzanillo');
    await form.getByLabel('Relation date').fill('2023-05');
    await app.screenshot('linking-08-relation-form');
    await form.getByRole('button', { name: 'Add relation' }).click();

    const row = inspector.locator('.relation', { hasText: 'Drug Enforcement Administration' });
    await ui(row.locator('.relation-date')).toHaveText('2023-05');
    await ui(row.locator('.quote-link[data-citation-state="ok"]')).toContainText('told the DEA');
    await row.locator('.quote-link').click();
    await passage(page).toContain('told the DEA that Tomasz Wielgosz had moved to Manzanillo');
  });
});
