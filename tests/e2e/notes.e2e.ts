import { describe, it, expect, afterEach } from 'vitest';
import { createProfile, launchApp, type LaunchedApp } from './harness';
import { getRecord } from './store';
import { ui } from './ui-expect';
import { newNote } from './actions';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('notes', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('creates with Ctrl+N, formats with shortcuts, undoes, renames from the sidebar', async () => {
    app = await launchApp();
    const { page } = app;
    await page.keyboard.press(`${MOD}+n`);
    await ui(page.locator('.note-title:focus')).toBeVisible();
    await ui(page.locator('.note-title')).toHaveValue('Untitled note');
    // The title is focused with its text selected: typing replaces it.
    await page.keyboard.type('Shipping routes');
    await page.keyboard.press('Enter');
    await page.keyboard.press(`${MOD}+Alt+2`);
    await page.keyboard.type('Routes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Precursors move by ');
    await page.keyboard.press(`${MOD}+b`);
    await page.keyboard.type('container ship');
    await page.keyboard.press(`${MOD}+b`);
    await page.keyboard.type(' and air cargo.');
    await ui(page.locator('.note-body h2')).toHaveText('Routes');
    await ui(page.locator('.note-body strong')).toHaveText('container ship');

    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => page.locator('.note-body').innerText()).not.toContain('air cargo');
    await page.keyboard.press(`${MOD}+Shift+z`);
    await ui(page.locator('.note-body p').first()).toHaveText('Precursors move by container ship and air cargo.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();

    // Rename from the sidebar with a double-click.
    await page.locator('.side-item', { hasText: 'Shipping routes' }).locator('.side-link').dblclick();
    await page.locator('.rename-input').fill('Shipping routes (draft 2)');
    await page.keyboard.press('Enter');
    await ui(page.locator('.note-title')).toHaveValue('Shipping routes (draft 2)');
    await app.screenshot('notes-01-formatted');

    const id = await page.locator('.note-view').getAttribute('data-note-id');
    const stored = await getRecord<{ title: string; text: string }>(page, 'notes', id!);
    expect(stored!.title).toBe('Shipping routes (draft 2)');
    expect(JSON.stringify(stored!.text)).toBe(JSON.stringify('Routes\n\nPrecursors move by container ship and air cargo.'));
  });

  it('types into a paragraph made a moment ago in the order typed, before Chromium has drawn it', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'Fresh paragraph');
    await page.keyboard.type('Routes');
    // Enter and two letters in one task: no frame between them, as on a machine too busy to draw.
    await page.evaluate(() => {
      const editor = (document.querySelector('.note-body') as HTMLElement & { editor: { commands: { enter(): boolean } } }).editor;
      editor.commands.enter();
      document.execCommand('insertText', false, 'P');
      document.execCommand('insertText', false, 'r');
    });
    await ui(page.locator('.note-body p').last()).toHaveText('Pr');
    await page.keyboard.type('ecursors');
    await ui(page.locator('.note-body p').last()).toHaveText('Precursors');
  });

  it('puts what is typed right after the title’s Enter into the text, not the title', async () => {
    app = await launchApp();
    const { page } = app;
    await page.keyboard.press(`${MOD}+n`);
    await ui(page.locator('.note-title:focus')).toBeVisible();
    await page.keyboard.type('Harbour call');
    // No wait between Enter and the next letters, as a fast typist gives none.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Spoke to the pilot.');
    await ui(page.locator('.note-body p').first()).toHaveText('Spoke to the pilot.');
    await ui(page.locator('.note-title')).toHaveValue('Harbour call');
  });

  it('deletes a note with Undo, and keeps it deleted after a reload when not undone', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'Scratch');
    await page.keyboard.type('Temporary thoughts.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await app.screenshot('notes-02-deleted');
    await ui(page.locator('.side-item', { hasText: 'Scratch' })).toHaveCount(0);
    await ui(page.locator('.toast')).toContainText('Deleted “Scratch”.');
    await app.screenshot('notes-02-undo-toast');
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await ui(page.locator('.side-item', { hasText: 'Scratch' })).toHaveCount(1);
    await ui(page.locator('.note-body')).toContainText('Temporary thoughts.');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await ui(page.locator('.side-item', { hasText: 'Scratch' })).toHaveCount(0);
    await page.reload();
    await app.ready();
    await ui(page.locator('.side-item', { hasText: 'Scratch' })).toHaveCount(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('loses nothing typed just before the window closes', async () => {
    const profile = await createProfile();
    app = await launchApp({ profile });
    await newNote(app.page, 'Last words');
    // Typed and closed at once: well inside the autosave delay.
    await app.page.keyboard.type('The final sentence must survive.');
    await app.close();

    app = await launchApp({ profile });
    await ui(app.page.locator('.note-title')).toHaveValue('Last words');
    await ui(app.page.locator('.note-body')).toContainText('The final sentence must survive.');
  });

  it('leaves the open editor alone when its own saves come back from the store', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'Quiet saves');
    await page.keyboard.type('First words.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    // Each autosave's row comes back through the note's live query; the editor must not be reconfigured for
    // it (TipTap's setOptions has ProseMirror update the view and measure the page: a long task on a big note).
    await page.evaluate(() => {
      const editor = (document.querySelector('.note-body') as HTMLElement & { editor: { setOptions: (o: unknown) => void } }).editor;
      const w = window as unknown as { __setOptions: number };
      w.__setOptions = 0;
      const setOptions = editor.setOptions.bind(editor);
      editor.setOptions = (o) => {
        w.__setOptions += 1;
        setOptions(o);
      };
    });
    for (const words of [' More words.', ' And more.']) {
      await page.keyboard.type(words);
      await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
      await expect.poll(() => page.locator('.side-item', { hasText: 'Quiet saves' }).count()).toBe(1);
    }
    const id = await page.locator('.note-view').getAttribute('data-note-id');
    await expect.poll(async () => (await getRecord<{ text: string }>(page, 'notes', id!))?.text).toBe('First words. More words. And more.');
    expect(await page.evaluate(() => (window as unknown as { __setOptions: number }).__setOptions)).toBe(0);
    await ui(page.locator('.note-body')).toHaveText('First words. More words. And more.');
  });
});
