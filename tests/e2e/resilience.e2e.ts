import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, launchApp, type LaunchedApp, type Profile } from './harness';
import { ui } from './ui-expect';

const POLL = { timeout: 10_000, interval: 50 };

/**
 * Writes rows straight into the app's IndexedDB, as a damaged or hand-edited
 * store would hold them (no app code, no validation). The app reads them
 * after a reload: Dexie's live queries only see writes made through Dexie.
 */
function putRows(page: Page, rows: { store: string; value: Record<string, unknown> }[]): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...new Set(rows.map((r) => r.store))], 'readwrite');
          for (const { store, value } of rows) tx.objectStore(store).put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

const firstCaseId = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('cases').objectStore('cases').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(String(req.result[0]));
          };
        };
      }),
  );

const sourceRow = (caseId: string, id: string, title: string, extra: Record<string, unknown> = {}) => ({
  store: 'sources',
  value: { id, caseId, title, format: 'html', sha256: id.padEnd(64, '0'), size: 100, metadata: {}, importedAt: Date.UTC(2025, 0, 2), extractedAt: Date.UTC(2025, 0, 2), ...extra },
});
const bodyRow = (caseId: string, sourceId: string, text: string, html: unknown) => ({ store: 'sourceBodies', value: { sourceId, caseId, text, html } });

/**
 * One bad record never blanks the app: a source whose HTML is a frameset
 * document, one whose stored text makes the reader throw, one whose record
 * breaks the reader's header; and an automatic backup that fails stays on
 * screen until dismissed.
 */
describe('resilience', () => {
  let app: LaunchedApp;
  let profile: Profile;

  beforeAll(async () => {
    profile = await createProfile();
    // A file where the backups folder should be: every automatic backup fails.
    writeFileSync(join(profile.dataDir, 'backups'), 'not a folder');
    app = await launchApp({ profile });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a failed automatic backup until it is dismissed, with the reason and where the log is', async () => {
    const { page } = app;
    const notice = page.getByRole('alert', { name: 'Automatic backup failed' });
    await ui(notice, { timeout: 30_000 }).toBeVisible();
    await ui(notice).toContainText('The backup of “Sample case: fentanyl precursor trafficking” could not be written: Could not save to');
    await ui(notice).toContainText(join(profile.dataDir, 'backups'));
    await ui(notice).toContainText(join(profile.dataDir, 'logs', 'casebook.log'));
    await app.screenshot('resilience-01-backup-notice');
    expect(readFileSync(join(profile.dataDir, 'logs', 'casebook.log'), 'utf8')).toContain('The daily backup failed');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await ui(notice).toHaveCount(0);
  });

  it('reads a source whose HTML is a frameset document as empty, and contains a document that makes the reader throw', async () => {
    const { page } = app;
    const caseId = await firstCaseId(page);
    await putRows(page, [
      sourceRow(caseId, 'framed', 'Framed page'),
      bodyRow(caseId, 'framed', 'Words of the framed page', '<div><frameset><frame src="https://tracker.example/"></frameset></div>'),
      // Since the frameset fix no stored HTML makes the reader throw (DOMPurify stringifies anything);
      // a text that is not text still does.
      sourceRow(caseId, 'bad-text', 'Page with damaged text', { format: 'text', pages: [{ start: 0, end: 2 }] }),
      bodyRow(caseId, 'bad-text', 42 as unknown as string, undefined),
      // A fingerprint that is not text: the reader's header throws.
      sourceRow(caseId, 'bad-record', 'Damaged source record', { sha256: 42 }),
      bodyRow(caseId, 'bad-record', 'Readable words', '<p>Readable words</p>'),
    ]);
    await page.reload();
    await app.ready();
    const side = (title: string) => page.locator('.side-item', { hasText: title }).locator('.side-link');
    const reader = page.locator('.source-reader');
    const mainError = page.locator('.main-pane .view-error');

    await side('Framed page').click();
    await ui(reader.locator('h1')).toHaveText('Framed page');
    expect(await reader.locator('.source-html').innerHTML()).toBe('');
    expect(await mainError.count()).toBe(0);

    await side('Page with damaged text').click();
    await ui(reader.locator('h1')).toHaveText('Page with damaged text');
    const docError = reader.locator('.view-error');
    await ui(docError).toContainText("Casebook could not show this document's text");
    await ui(docError.getByRole('button', { name: 'Reload this view' })).toBeVisible();
    await app.screenshot('resilience-02-document-error');
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps the sidebar and the other views working around a view that fails, and reloads it once repaired', async () => {
    const { page } = app;
    const side = (title: string) => page.locator('.side-item', { hasText: title }).locator('.side-link');
    const mainError = page.locator('.main-pane .view-error');

    await side('Damaged source record').click();
    await ui(mainError).toContainText('Casebook could not show this source');
    await ui(mainError.getByRole('button', { name: 'Reload this view' })).toBeVisible();
    await ui(page.locator('.sidebar')).toContainText('Briefing draft: precursor pipeline');
    await app.screenshot('resilience-03-view-error');

    // The rest of the app: a note, the timeline, another source.
    await page.locator('.side-item', { hasText: 'Briefing draft' }).locator('.side-link').click();
    await ui(page.locator('.note-body')).toBeVisible();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await ui(page.locator('.main-pane')).toContainText('Timeline');
    await side('Framed page').click();
    await ui(page.locator('.source-reader h1')).toHaveText('Framed page');
    expect(await mainError.count()).toBe(0);

    // Back to the damaged one: still contained. Repaired, "Reload this view" shows it.
    await side('Damaged source record').click();
    await ui(mainError).toContainText('Casebook could not show this source');
    const caseId = await firstCaseId(page);
    await putRows(page, [sourceRow(caseId, 'bad-record', 'Damaged source record')]);
    await mainError.getByRole('button', { name: 'Reload this view' }).click();
    await ui(page.locator('.source-reader h1')).toHaveText('Damaged source record');
    await ui(page.locator('.source-reader .source-html')).toHaveText('Readable words');
    expect(await mainError.count()).toBe(0);

    await expect
      .poll(() => readFileSync(join(profile.dataDir, 'logs', 'casebook.log'), 'utf8'), POLL)
      .toContain('Casebook could not show this source');
    expect(app.pageErrors).toEqual([]);
  });
});
