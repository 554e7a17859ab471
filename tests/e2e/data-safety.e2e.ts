import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { createProfile, launchApp, type LaunchedApp } from './harness';
import { getRecord } from './store';
import { ui } from './ui-expect';
import { newNote } from './actions';

/** What the store holds of a note's text: what a crash cannot take away. */
const storedText = async (page: LaunchedApp['page'], noteId: string) => (await getRecord<{ text: string }>(page, 'notes', noteId))?.text ?? '';

describe('data safety', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('a renderer killed mid-typing loses nothing older than the debounce window', async () => {
    const profile = await createProfile();
    app = await launchApp({ profile });
    const { page } = app;
    await newNote(page, 'Crash diary');
    const noteId = (await page.locator('.note-view').getAttribute('data-note-id'))!;
    await page.keyboard.type('First paragraph, typed and left alone.');
    // Left alone past the debounce window: saved (waited for, not timed, so a busy machine only slows it).
    await expect.poll(() => storedText(page, noteId), { timeout: 15_000 }).toContain('First paragraph, typed and left alone.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second paragraph, also past the window.');
    await expect.poll(() => storedText(page, noteId), { timeout: 15_000 }).toContain('Second paragraph, also past the window.');
    await page.keyboard.type(' Last words');
    // Killed at once: no blur, no pagehide, no before-close handshake.
    const cdp = await app.context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // Never answered: the renderer is gone.
    await crashed;
    await app.close(); // Its handshake finds no page to ask; the profile is closed as a crash leaves it.
    app = null;

    app = await launchApp({ profile });
    const reopened = app.page;
    await ui(reopened.locator(`.note-view[data-note-id="${noteId}"]`)).toBeVisible();
    const body = await reopened.locator('.note-body').innerText();
    expect(body).toContain('First paragraph, typed and left alone.');
    expect(body).toContain('Second paragraph, also past the window.');
    const stored = await getRecord<{ text: string; title: string }>(reopened, 'notes', noteId);
    expect(stored?.title).toBe('Crash diary');
    expect(stored?.text).toContain('Second paragraph, also past the window.');
    expect(app.pageErrors).toEqual([]);
  });

  it('says clearly when the disk is full and keeps the unsaved text in the editor, then saves once space is back', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'Quota');
    const noteId = (await page.locator('.note-view').getAttribute('data-note-id'))!;
    await page.keyboard.type('Saved before the disk filled.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();

    // IndexedDB refuses every write the way Chromium does when the quota is exceeded.
    await page.evaluate(() => {
      const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      const w = window as unknown as { __restoreIdb: () => void };
      const originals = { put: proto.put, add: proto.add };
      for (const name of ['put', 'add'] as const) {
        proto[name] = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      w.__restoreIdb = () => Object.assign(proto, originals);
    });
    await page.keyboard.type(' Typed while the disk is full.');
    await ui(page.getByText(/Could not save: the disk is full/)).toBeVisible();
    await ui(page.locator('[data-save-state="error"]')).toBeVisible();
    await ui(page.locator('.note-body')).toContainText('Saved before the disk filled. Typed while the disk is full.');
    expect((await getRecord<{ text: string }>(page, 'notes', noteId))?.text).toBe('Saved before the disk filled.');

    // Space is back: the next change saves everything still in the editor.
    await page.evaluate(() => (window as unknown as { __restoreIdb: () => void }).__restoreIdb());
    await page.keyboard.type(' Saved at last.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    await expect.poll(async () => (await getRecord<{ text: string }>(page, 'notes', noteId))?.text).toBe('Saved before the disk filled. Typed while the disk is full. Saved at last.');
  });

  it('keeps history and a Trash in the UI, and writes the daily backup', async () => {
    app = await launchApp();
    const { page } = app;
    await newNote(page, 'Finding');
    await page.keyboard.type('Original wording of the finding, long enough to matter when it is replaced by something else entirely.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Replaced.');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
    await page.locator('.note-meta').getByRole('button', { name: 'History' }).click();
    const version = page.locator('.note-history-list li').first();
    await ui(version).toContainText('Original wording');
    await version.getByRole('button', { name: 'Preview' }).click();
    await ui(page.getByLabel('Version preview')).toContainText('Original wording of the finding');
    await version.getByRole('button', { name: 'Restore' }).click();
    await ui(page.locator('.note-body')).toContainText('Original wording of the finding');
    // The restore is undoable: the replaced text is now a version too.
    await ui(page.locator('.note-history-list li').first()).toContainText('Replaced.');

    // Delete the note, find it in the Trash, restore it.
    await page.locator('.note-meta').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    const item = page.locator('.trash-item', { hasText: 'Finding' });
    await ui(item).toBeVisible();
    await item.getByRole('button', { name: 'Restore' }).click();
    await ui(page.locator('.note-title')).toHaveValue('Finding');

    // The daily backup lands in the data folder's backups, one folder per case.
    const backups = join(app.profile.dataDir, 'backups');
    await expect.poll(() => (existsSync(backups) ? readdirSync(backups).flatMap((c) => readdirSync(join(backups, c))) : []), { timeout: 20_000 }).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.casebook$/),
    ]);
  });
});
