import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { countRecords } from './store';
import { ui } from './ui-expect';
import { selectInReader } from './reader';
import { COMMANDS } from '../../shared/commands';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const KEYS = (pc: string, mac: string) => (process.platform === 'darwin' ? mac : pc);

/**
 * One command table behind keys, the native menu and the command palette:
 * the palette finds and runs commands, greys those that cannot run, and the
 * table's keys and menu commands reach the same actions.
 */
describe('commands', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const palette = () => app.page.getByRole('dialog', { name: 'Command palette' });
  const field = () => palette().getByRole('combobox');
  const option = (name: string) => palette().getByRole('option', { name: new RegExp(`^${name}`) });
  const activeOption = () => field().getAttribute('aria-activedescendant');
  const focused = () => app.page.evaluate(() => document.activeElement?.className ?? '');

  it('opens with Ctrl/⌘+Shift+P, lists every command with its key, and runs “new note” on Enter', async () => {
    const { page } = app;
    const notesBefore = await countRecords(page, 'notes');
    await page.keyboard.press(`${MOD}+Shift+P`);
    await ui(palette()).toBeVisible();
    await expect.poll(focused).toContain('command-input');
    // Every command of the table but the palette itself.
    await ui(palette().getByRole('option')).toHaveCount(COMMANDS.length - 1);
    await ui(option('New note')).toContainText(KEYS('Ctrl+N', '⌘N'));
    await ui(option('Export briefing')).toContainText(KEYS('Ctrl+P', '⌘P'));
    await ui(option('Restore from backup')).toHaveAttribute('aria-disabled', 'false');
    // Nothing is selected in a reader and the inspector is closed: greyed, with the reason.
    await ui(option('Quote selection in note')).toHaveAttribute('aria-disabled', 'true');
    await ui(option('Quote selection in note')).toContainText('Select a passage in a source first');
    await ui(option('Close the inspector')).toHaveAttribute('aria-disabled', 'true');
    const shot = await app.screenshot('commands-01-palette');
    expect(shot).toMatch(/\.png$/);

    await page.keyboard.type('new note');
    await ui(palette().getByRole('option')).toHaveCount(1);
    expect(await activeOption()).toBe('command-option-new-note');
    await ui(option('New note')).toHaveAttribute('aria-selected', 'true');
    await app.screenshot('commands-02-new-note');
    await page.keyboard.press('Enter');

    await ui(palette()).toHaveCount(0);
    await ui(page.locator('.note-title:focus')).toBeVisible();
    await ui(page.locator('.note-title')).toHaveValue('Untitled note');
    await expect.poll(() => countRecords(page, 'notes')).toBe(notesBefore + 1);
  });

  it('closes on Escape and gives focus back where it was', async () => {
    const { page } = app;
    await page.keyboard.type('Palette trial');
    await page.keyboard.press(`${MOD}+Shift+P`);
    await ui(palette()).toBeVisible();
    await page.keyboard.press('Escape');
    await ui(palette()).toHaveCount(0);
    await expect.poll(focused).toContain('note-title');
    // The Escape was the palette's: the note is untouched.
    await ui(page.locator('.note-title')).toHaveValue('Palette trial');
  });

  it('moves with the arrows (wrapping), and does nothing for a greyed command', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+Shift+P`);
    await ui(palette()).toBeVisible();
    expect(await activeOption()).toBe('command-option-new-note');
    await page.keyboard.press('ArrowDown');
    expect(await activeOption()).toBe('command-option-new-case');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeOption()).toBe('command-option-close-inspector');
    await ui(option('Close the inspector')).toHaveAttribute('aria-selected', 'true');

    await field().fill('quote');
    await ui(palette().getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    // A click reaches it (Playwright would wait for an enabled element otherwise), and does nothing either.
    await option('Quote selection in note').click({ force: true });
    // Still open, nothing quoted.
    await ui(palette()).toBeVisible();
    expect(await page.locator('.toast').count()).toBe(0);

    await field().fill('zebra');
    await ui(palette().getByText('No command matches “zebra”.')).toBeVisible();
    await page.keyboard.press('Escape');
    await ui(palette()).toHaveCount(0);
  });

  it('keeps the table’s keys: Ctrl/⌘+K searches, Ctrl/⌘+Shift+E starts an entity, Escape closes the inspector', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+k`);
    const search = page.getByRole('dialog', { name: 'Search the case' });
    await ui(search).toBeVisible();
    await page.keyboard.press('Escape');
    await ui(search).toHaveCount(0);

    await page.keyboard.press(`${MOD}+Shift+E`);
    await ui(page.locator('.inspector .entity-form')).toBeVisible();
    // Now the inspector is open, the palette offers to close it.
    await page.keyboard.press(`${MOD}+Shift+P`);
    await field().fill('close insp');
    await ui(option('Close the inspector')).toHaveAttribute('aria-disabled', 'false');
    await page.keyboard.press('Enter');
    await ui(palette()).toHaveCount(0);
    await ui(page.locator('.inspector .entity-form')).toHaveCount(0);
  });

  it('quotes a selected passage with Ctrl/⌘+Shift+Q, and from the palette', async () => {
    const { page } = app;
    await page.locator('.side-section', { hasText: 'Sources' }).locator('.side-item').first().click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'The ongoing fentanyl crisis');
    await ui(page.locator('.selection-menu')).toBeVisible();
    await page.keyboard.press(`${MOD}+Shift+Q`);
    await ui(page.locator('.toast', { hasText: 'Quoted in' })).toBeVisible();
    await ui(page.locator('.selection-menu')).toHaveCount(0);

    await selectInReader(page, 'federal law enforcement agencies');
    await ui(page.locator('.selection-menu')).toBeVisible();
    await page.keyboard.press(`${MOD}+Shift+P`);
    await field().fill('quote');
    await ui(option('Quote selection in note')).toHaveAttribute('aria-disabled', 'false');
    await page.keyboard.press('Enter');
    await ui(palette()).toHaveCount(0);
    // Both passages are in the note written last.
    await page.locator('.toast', { hasText: 'Quoted in “Palette trial”' }).last().getByRole('button', { name: 'Open note' }).click();
    const quotes = page.locator('.note-body blockquote');
    await ui(quotes).toHaveCount(2);
    await ui(quotes.first()).toContainText('The ongoing fentanyl crisis');
    await ui(quotes.last()).toContainText('federal law enforcement agencies');
  });

  it('runs the native menu’s commands through the same table, and ignores an unknown one', async () => {
    const { page } = app;
    const emit = (command: string) =>
      page.evaluate((c) => (window as unknown as { __casebookEmit: (n: string, p: unknown) => void }).__casebookEmit('menu:command', { command: c }), command);
    await emit('command-palette');
    await ui(palette()).toBeVisible();
    await page.keyboard.press('Escape');
    await emit('search');
    await ui(page.getByRole('dialog', { name: 'Search the case' })).toBeVisible();
    await page.keyboard.press('Escape');
    await emit('no-such-command');
    await emit('export');
    await ui(page.getByRole('dialog', { name: 'Export briefing' })).toBeVisible();
    expect(app.pageErrors).toEqual([]);
  });
});
