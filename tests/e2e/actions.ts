import type { Page } from 'playwright-core';
import { ui } from './ui-expect';

/** Starts a note from the sidebar's + and waits until its title has focus, as a user would before typing. */
export async function newNote(page: Page, title?: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).click();
  await ui(page.locator('.note-title:focus')).toBeVisible();
  if (title !== undefined) await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await ui(page.locator('.note-body:focus')).toBeVisible();
}
