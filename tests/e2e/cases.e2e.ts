import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProfile, launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { newNote } from './actions';
import { countRecords } from './store';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Every row in every store of the app's IndexedDB that belongs to a case (by caseId, or the case row itself). */
function rowsOfCase(page: Page, caseId: string): Promise<Record<string, number>> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              counts[name] = (req.result as { caseId?: string; id?: string; key?: string }[]).filter((r) => r.caseId === id || r.id === id || r.key === `linked:${id}`).length;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    caseId,
  );
}

const caseTitle = (page: Page) => page.locator('.case-title h1');
const openSwitcher = async (page: Page) => {
  await page.getByRole('button', { name: 'Open case' }).click();
  await ui(page.getByRole('menu', { name: 'Cases' })).toBeVisible();
};

describe('cases', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a case, works in it, switches to the sample and back, deletes it with Undo, then for good: no row of it is left', async () => {
    const { page } = app;
    await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
    await ui(page.locator('.case-switcher-button')).toContainText('1 note · 1 source · 92 entities');

    // New case, from the keyboard.
    await openSwitcher(page);
    await app.screenshot('cases-01-switcher');
    await page.getByRole('menuitem', { name: 'New case…' }).click();
    await page.getByLabel('New case title').fill('Port of Manzanillo');
    await page.keyboard.press('Enter');
    await ui(caseTitle(page)).toHaveText('Port of Manzanillo');
    const caseId = (await caseTitle(page).getAttribute('data-case-id'))!;
    await ui(page.locator('.case-switcher-button')).toContainText('0 notes · 0 sources · 0 entities');

    await newNote(page, 'Arrivals');
    await page.keyboard.type('Three containers arrived on Tuesday.');
    await ui(page.locator('.save-state[data-save-state="saved"]')).toBeVisible();

    // To the sample and back: each shows its own notes.
    await openSwitcher(page);
    await page.locator('.case-menu-item', { hasText: 'Sample case' }).click();
    await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
    await ui(page.locator('.sidebar')).toContainText('Briefing draft');
    expect(await page.locator('.sidebar').innerText()).not.toContain('Arrivals');
    await openSwitcher(page);
    await ui(page.locator('.case-menu-item', { hasText: 'Port of Manzanillo' })).toContainText('1 note · 0 sources · 0 entities');
    await page.locator('.case-menu-item', { hasText: 'Port of Manzanillo' }).click();
    await ui(caseTitle(page)).toHaveText('Port of Manzanillo');
    await ui(page.locator('.sidebar')).toContainText('Arrivals');

    // Rename.
    await openSwitcher(page);
    await page.getByRole('menuitem', { name: 'Rename this case…' }).click();
    await page.getByLabel('Case title').fill('Manzanillo arrivals');
    await page.keyboard.press('Enter');
    await ui(caseTitle(page)).toHaveText('Manzanillo arrivals');

    // Delete, and Undo after the window moves to the sample.
    await openSwitcher(page);
    await page.getByRole('menuitem', { name: 'Delete this case' }).click();
    await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
    const toast = page.locator('.toast', { hasText: 'Deleted the case “Manzanillo arrivals”' });
    await ui(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await ui(caseTitle(page)).toHaveText('Manzanillo arrivals');
    await ui(page.locator('.sidebar')).toContainText('Arrivals');

    // Delete again, then for good from the Trash.
    await openSwitcher(page);
    await page.getByRole('menuitem', { name: 'Delete this case' }).click();
    await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
    await page.locator('.sidebar').getByText('Trash', { exact: true }).click();
    const item = page.locator('.trash-item[data-trash-kind="case"]', { hasText: 'Manzanillo arrivals' });
    await ui(item).toBeVisible();
    expect(Object.values(await rowsOfCase(page, caseId)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await item.getByRole('button', { name: 'Delete forever…' }).click();
    await item.getByRole('button', { name: 'Delete forever', exact: true }).click();
    await ui(page.locator('.toast', { hasText: 'deleted for good' })).toBeVisible();
    await expect.poll(async () => Object.values(await rowsOfCase(page, caseId)).reduce((a, b) => a + b, 0)).toBe(0);
    // The sample is untouched.
    await ui(page.locator('.case-switcher-button')).toContainText('92 entities');
    expect(app.pageErrors).toEqual([]);
  });

  it('on the first run offers a case of one\'s own beside the sample, once; the case last open reopens on the next start', async () => {
    const profile = await createProfile();
    const first = await launchApp({ profile });
    try {
      const { page } = first;
      const choice = page.getByRole('region', { name: 'Welcome to Casebook' });
      await ui(choice).toBeVisible();
      await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
      await first.screenshot('cases-02-first-run');
      await choice.getByRole('button', { name: 'Start a new case…' }).click();
      await page.getByLabel('New case title').fill('Harbour permits');
      await page.keyboard.press('Enter');
      await ui(caseTitle(page)).toHaveText('Harbour permits');
      await ui(page.getByRole('region', { name: 'Welcome to Casebook' })).toHaveCount(0);
      await newNote(page, 'Permit log');
      await ui(page.locator('.save-state[data-save-state="saved"]')).toBeVisible();
      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.close();
    }

    // Started again: the case worked in last, its note open; the choice is not offered again.
    const again = await launchApp({ profile });
    try {
      const { page } = again;
      await ui(caseTitle(page)).toHaveText('Harbour permits');
      await ui(page.locator('.note-title')).toHaveValue('Permit log');
      await ui(page.getByRole('region', { name: 'Welcome to Casebook' })).toHaveCount(0);
      // Switched to the sample, the sample is what the next start opens.
      await openSwitcher(page);
      await page.locator('.case-menu-item', { hasText: 'Sample case' }).click();
      await ui(caseTitle(page)).toHaveText('Sample case: fentanyl precursor trafficking');
      expect(again.pageErrors).toEqual([]);
    } finally {
      await again.close();
    }
    const third = await launchApp({ profile });
    try {
      await ui(caseTitle(third.page)).toHaveText('Sample case: fentanyl precursor trafficking');
      await ui(third.page.getByRole('region', { name: 'Welcome to Casebook' })).toHaveCount(0);
    } finally {
      await third.close();
    }
  }, 180_000);

  it('a .casebook file opened with the app (double-click) is restored and opened as a case', async () => {
    const { page } = app;
    const backup = join(mkdtempSync(join(tmpdir(), 'casebook-open-with-')), 'sample.casebook');
    app.savePicks.push(backup);
    await page.keyboard.press(`${MOD}+e`);
    await page.getByRole('dialog', { name: 'Export briefing' }).getByRole('region', { name: 'Other formats' }).getByRole('button', { name: 'Backup (.casebook)' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved Backup' })).toBeVisible();
    await page.keyboard.press('Escape');

    // Another machine, the app not running: the file starts it.
    const other = await launchApp({ openWith: [backup] });
    try {
      const { page: opened } = other;
      await ui(caseTitle(opened)).toContainText('(restored)');
      await ui(opened.locator('.sidebar')).toContainText('Briefing draft');
      expect(await countRecords(opened, 'cases')).toBe(2);
      // The app running: a second file opened with it is restored and opened too.
      const before = await caseTitle(opened).getAttribute('data-case-id');
      other.openWithApp(backup);
      await expect.poll(() => countRecords(opened, 'cases')).toBe(3);
      await expect.poll(() => caseTitle(opened).getAttribute('data-case-id')).not.toBe(before);
      await ui(caseTitle(opened)).toContainText('(restored)');
      expect(other.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  }, 180_000);
});
