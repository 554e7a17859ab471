import { readFileSync } from 'node:fs';
import { describe, it, expect, afterAll } from 'vitest';
import { createProfile, launchApp, type LaunchedApp, type Profile } from './harness';
import { countRecords, getRecord } from './store';
import { ui } from './ui-expect';
import { passage } from './reader';

const seedEntities = JSON.parse(readFileSync(new URL('../../shared/seed/entities.json', import.meta.url), 'utf8')) as unknown[];
const seedNotes = JSON.parse(readFileSync(new URL('../../shared/seed/notes.json', import.meta.url), 'utf8')) as { id: string; title: string }[];

/**
 * The foundation journeys, in order, on one profile: a user's first launch,
 * writing a note with an @-mention, reloading, following backlinks, and
 * launching again.
 */
describe('foundation journey', () => {
  let profile: Profile;
  let app: LaunchedApp | null = null;
  let seededAt: number;
  const noteTitle = 'Yuancheng supplier profile';

  afterAll(async () => {
    await app?.close();
  });

  it('seeds the case on first run', async () => {
    profile = await createProfile();
    app = await launchApp({ profile });
    const { page } = app;

    await ui(page.locator('.case-title h1')).toHaveText('Sample case: fentanyl precursor trafficking');
    const starter = seedNotes[0]!;
    await ui(page.locator('.side-item', { hasText: starter.title })).toHaveCount(1);
    await ui(page.locator('.note-title')).toHaveValue(starter.title);
    await ui(page.locator('.note-body .entity-mention').first()).toBeVisible();
    await ui(page.locator('.side-section', { hasText: 'Sources' }).locator('.side-item')).toHaveCount(1);

    const groupCounts = await page.locator('.entity-group .count').allTextContents();
    const shown = groupCounts.reduce((sum, c) => sum + Number(c), 0);
    expect(shown).toBe(seedEntities.length);
    expect(await countRecords(page, 'entities')).toBe(seedEntities.length);
    seededAt = (await getRecord<{ value: { seededAt: number } }>(page, 'meta', 'seed'))!.value.seededAt;
    expect(app.pageErrors).toEqual([]);
    await app.screenshot('01-first-run');
  });

  it('writes a note with an @-mention of Yuancheng Group chosen from the suggestions', async () => {
    const { page } = app!;
    await page.getByRole('button', { name: 'New note' }).click();
    await ui(page.locator('.note-title')).toHaveValue('Untitled note');
    await page.locator('.note-title').fill(noteTitle);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Cassara named the supplier @Yuanch');
    // The company itself ranks first, above figures and events named after it.
    const active = page.locator('.mention-menu .mention-option.is-active .mention-name');
    await ui(active).toHaveText('Yuancheng Group');
    await app!.screenshot('02-mention-suggestions');
    await page.keyboard.press('Enter');
    await page.keyboard.type('as registered on at least 112 websites.');

    const mention = page.locator('.note-body .entity-mention', { hasText: 'Yuancheng Group' });
    await ui(mention).toHaveCount(1);
    await ui(mention).toHaveAttribute('data-entity-type', 'Company');
    await ui(page.locator('.note-body')).toContainText('Cassara named the supplier Yuancheng Group as registered on at least 112 websites.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    await ui(page.locator('.side-item', { hasText: noteTitle })).toHaveCount(1);
    await app!.screenshot('03-note-with-mention');
  });

  it('keeps the note and its mention after a reload', async () => {
    const { page } = app!;
    await page.reload();
    await app!.ready();
    // The last open note reopens.
    await ui(page.locator('.note-title')).toHaveValue(noteTitle);
    const mention = page.locator('.note-body .entity-mention', { hasText: 'Yuancheng Group' });
    await ui(mention).toHaveCount(1);
    await ui(page.locator('.note-body')).toContainText('at least 112 websites.');
  });

  it('lists the new note and the article passage in the inspector for Yuancheng Group', async () => {
    const { page } = app!;
    await page.locator('.note-body .entity-mention', { hasText: 'Yuancheng Group' }).click();
    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Yuancheng Group');
    await ui(inspector.locator('.type-badge')).toHaveText('Company');
    await ui(inspector.locator('.relation', { hasText: 'Wuhan' }).first()).toBeVisible();

    const noteLink = inspector.locator('.backlink[data-backlink-kind="note"]', { hasText: noteTitle });
    await ui(noteLink).toHaveCount(1);
    await ui(noteLink).toContainText('112 websites');
    const sourceLinks = inspector.locator('.backlink[data-backlink-kind="source"]');
    expect(await sourceLinks.count()).toBeGreaterThan(0);
    await ui(sourceLinks.first()).toContainText('Yuancheng Group');
    await app!.screenshot('04-inspector-backlinks');

    // The source passage opens in the reader, marked.
    await sourceLinks.first().click();
    await passage(page).toContain('Yuancheng Group');
    await passage(page).toBeOnScreen();
    await app!.screenshot('05-source-passage');

    // The note backlink jumps back to the mention in the note.
    await noteLink.click();
    await ui(page.locator('.note-title')).toHaveValue(noteTitle);
    await ui(page.locator('.note-body .entity-mention.ProseMirror-selectednode')).toHaveText('Yuancheng Group');
    expect(app!.pageErrors).toEqual([]);
  });

  it('does not seed twice on a second launch with the same profile', async () => {
    await app!.close();
    app = await launchApp({ profile });
    const { page } = app;
    expect(await countRecords(page, 'entities')).toBe(seedEntities.length);
    expect(await countRecords(page, 'cases')).toBe(1);
    expect(await countRecords(page, 'sources')).toBe(1);
    expect(await countRecords(page, 'notes')).toBe(seedNotes.length + 1);
    const marker = await getRecord<{ value: { seededAt: number } }>(page, 'meta', 'seed');
    expect(marker!.value.seededAt).toBe(seededAt);
    await ui(page.locator('.note-title')).toHaveValue(noteTitle);
    await ui(page.locator('.side-item', { hasText: seedNotes[0]!.title })).toHaveCount(1);
    await app.screenshot('06-second-launch');
  });
});
