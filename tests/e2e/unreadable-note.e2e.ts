import { afterEach, describe, expect, it } from 'vitest';
import { newNote } from './actions';
import { launchApp, type LaunchedApp } from './harness';
import { getRecord } from './store';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Replaces a note's stored document behind the app's back, as a restored backup or another Casebook could leave it. */
function putNoteContent(page: LaunchedApp['page'], noteId: string, content: unknown): Promise<void> {
  return page.evaluate(
    ([id, doc]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          const store = tx.objectStore('notes');
          const req = store.get(id!);
          req.onsuccess = () => store.put({ ...req.result, content: doc });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [noteId, content] as const,
  );
}

describe('a stored note the editor cannot read', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('is reported and shown read-only, and its stored content is never saved over', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'From a newer Casebook');
    await page.keyboard.type('Written before.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    const noteId = (await page.locator('.note-view').getAttribute('data-note-id'))!;

    const unreadable = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The shipment left on Tuesday.' }] },
        { type: 'timelineEmbed', attrs: { from: '2024-01-01' }, content: [{ type: 'text', text: 'inside an unknown node' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The broker paid in cash.' }] },
      ],
    };
    const before = await getRecord<{ text: string }>(page, 'notes', noteId);
    await putNoteContent(page, noteId, unreadable);
    // The app opens the last note it showed: this one, now unreadable.
    await page.reload();
    await app.ready();

    const view = page.locator(`.note-view[data-note-id="${noteId}"]`);
    await ui(view.getByRole('alert')).toContainText('This note could not be read: Unknown node type: timelineEmbed.');
    await ui(view.getByRole('alert')).toContainText('Its content was kept unchanged');
    await ui(view.locator('.note-body')).toContainText('The shipment left on Tuesday.');
    await ui(view.locator('.note-body')).toContainText('The broker paid in cash.');
    expect(await view.locator('[contenteditable="true"]').count()).toBe(0);
    await app.screenshot('unreadable-note');

    // A user tries to write in it anyway, saves, and leaves the note: every flush runs.
    await view.locator('.note-body').click();
    await page.keyboard.type('Typed over it.');
    await page.keyboard.press(`${MOD}+s`);
    await newNote(page, 'Another note');
    await page.keyboard.type('Elsewhere.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();

    const stored = await getRecord<{ content: unknown; text: string }>(page, 'notes', noteId);
    expect(stored!.content).toEqual(unreadable);
    expect(stored!.text).toBe(before!.text);
    expect(JSON.stringify(stored)).not.toContain('Typed over it');
    expect(app.pageErrors).toEqual([]);
  });
});
