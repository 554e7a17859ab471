import { describe, it, expect, afterEach } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { newNote } from './actions';

describe('entities', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('creates an entity, rejects a bad date, edits its aliases, and finds it by alias when mentioning', async () => {
    app = await launchApp();
    const { page } = app;
    const inspector = page.locator('.inspector');
    const people = page.locator('.entity-group[data-entity-type="Event"] .group-toggle .count');
    const before = Number(await people.innerText());

    await page.getByRole('button', { name: 'New entity' }).click();
    await inspector.getByLabel('Type').selectOption('Event');
    await inspector.getByLabel('Name', { exact: true }).fill('Port of Manzanillo seizure');
    await inspector.getByLabel('Description').fill('A container seizure reported by a second source.');
    await inspector.getByLabel('date value', { exact: true }).fill('March 2023');
    await inspector.getByRole('button', { name: 'Add entity' }).click();
    await ui(inspector.locator('.form-error')).toContainText('“date” must be a date as YYYY, YYYY-MM or YYYY-MM-DD.');
    await app.screenshot('entities-01-form-error');

    await inspector.getByLabel('date value', { exact: true }).fill('2023-03');
    await inspector.getByRole('button', { name: 'Add entity' }).click();
    await ui(inspector.locator('.entity-name')).toHaveText('Port of Manzanillo seizure');
    await ui(inspector.locator('.type-badge')).toHaveText('Event');
    await ui(inspector.locator('.property', { hasText: 'Date' })).toContainText('2023-03');
    await ui(people).toHaveText(String(before + 1));

    await inspector.getByRole('button', { name: 'Edit' }).click();
    await inspector.getByLabel('Aliases').fill('Manzanillo bust');
    await inspector.getByRole('button', { name: 'Save' }).click();
    await ui(inspector.locator('.alias-chip')).toHaveText('Manzanillo bust');
    await app.screenshot('entities-02-created');

    // The alias now finds it from the editor.
    await newNote(page);
    await page.keyboard.type('See @bust');
    await ui(page.locator('.mention-menu .mention-option.is-active .mention-name')).toHaveText('Port of Manzanillo seizure');
    await page.keyboard.press('Enter');
    await ui(page.locator('.note-body .entity-mention')).toHaveAttribute('data-entity-type', 'Event');
    expect(app.pageErrors).toEqual([]);
  });

  it('offers to create an entity the suggestions do not know; Enter picks Create, and the new mention replaces what was typed', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page);
    const body = page.locator('.note-body');
    // Cancelling leaves the typed text as it was.
    await page.keyboard.type('Shipped by @Zyxwv Holdings');
    await ui(page.locator('.mention-empty')).toContainText('No entity matches “Zyxwv Holdings”.');
    await ui(page.locator('.mention-create[aria-selected="true"]')).toHaveCount(1);
    await page.locator('.mention-create').click();
    const inspector = page.locator('.inspector');
    await ui(inspector.getByLabel('Name', { exact: true })).toHaveValue('Zyxwv Holdings');
    await inspector.getByRole('button', { name: 'Cancel' }).click();
    await ui(inspector.locator('form.entity-form')).toHaveCount(0);
    await ui(body).toContainText('Shipped by @Zyxwv Holdings');
    expect(await body.locator('.entity-mention').count()).toBe(0);

    // From the keyboard: Enter picks Create; saving puts the mention where "@Golden Lotus Trading" was.
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Paid to @Golden Lotus Trading');
    await ui(page.locator('.mention-create')).toContainText('Golden Lotus Trading');
    await page.keyboard.press('Enter');
    await ui(inspector.getByLabel('Name', { exact: true })).toHaveValue('Golden Lotus Trading');
    await inspector.getByLabel('Type').selectOption('Company');
    await inspector.getByRole('button', { name: 'Add entity' }).click();
    await ui(body.locator('.entity-mention', { hasText: 'Golden Lotus Trading' })).toHaveCount(1);
    await ui(body).toContainText('Paid to Golden Lotus Trading');
    expect(await body.innerText()).not.toContain('@Golden Lotus Trading');
    await app.screenshot('entities-02-created-mention');
  });

  it('browses entities by type from the sidebar into the inspector', async () => {
    app = await launchApp();
    const { page } = app;
    await page.locator('.entity-group[data-entity-type="Person"] .group-toggle').click();
    await page.locator('.entity-group[data-entity-type="Person"] .side-link', { hasText: 'Anne Milgram' }).click();
    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Anne Milgram');
    await ui(inspector.locator('.alias-chip').first()).toBeVisible();
    await ui(inspector.locator('.relation', { hasText: 'Drug Enforcement Administration' }).first()).toBeVisible();
    // A relation leads to the other entity.
    await inspector.locator('.relation .entity-link', { hasText: 'Drug Enforcement Administration' }).first().click();
    await ui(inspector.locator('.entity-name')).toContainText('Drug Enforcement Administration');
    await app.screenshot('entities-03-browse');
  });
});
