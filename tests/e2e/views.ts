import type { Page } from 'playwright-core';
import { ui } from './ui-expect';

/**
 * The app's main views, each opened as a user would and waited for: the
 * journeys that measure layout and accessibility walk through all of them.
 */
export interface View {
  name: string;
  open(page: Page): Promise<void>;
  /** Undo what `open` put over the app (a dialog, a palette), so the next view starts clean. */
  close?(page: Page): Promise<void>;
}

const sidebarButton = (page: Page, name: string) => page.locator('#sidebar').getByRole('button', { name, exact: true });

export const VIEWS: View[] = [
  {
    name: 'note',
    open: async (page) => {
      await page.locator('#sidebar .side-link', { hasText: 'Briefing draft' }).click();
      await ui(page.locator('.note-body .entity-mention').first()).toBeVisible();
    },
  },
  {
    name: 'history',
    open: async (page) => {
      await page.locator('#sidebar .side-link', { hasText: 'Briefing draft' }).click();
      await page.getByRole('button', { name: 'History' }).click();
      await ui(page.locator('.note-history')).toBeVisible();
    },
    close: async (page) => {
      await page.locator('.note-history').getByRole('button', { name: 'Close' }).click();
    },
  },
  {
    name: 'source reader',
    open: async (page) => {
      await page.locator('#sidebar .side-link', { hasText: 'US Efforts' }).click();
      await ui(page.locator('.source-reader[data-mapped="true"]')).toBeVisible();
    },
  },
  {
    name: 'entity in the inspector',
    open: async (page) => {
      await page.locator('#sidebar .side-link', { hasText: 'Briefing draft' }).click();
      await page.locator('.note-body .entity-mention', { hasText: 'Anne Milgram' }).first().click();
      await ui(page.locator('.entity-details .entity-name')).toBeVisible();
    },
    close: async (page) => {
      // Escape in the note's text belongs to the editor: from the inspector it closes it (a drawer too).
      await page.locator('#inspector').focus();
      await page.keyboard.press('Escape');
      await ui(page.locator('.entity-details')).toHaveCount(0);
    },
  },
  {
    name: 'library',
    open: async (page) => {
      await page.locator('#sidebar .heading-link', { hasText: 'Sources' }).click();
      await ui(page.locator('.library')).toBeVisible();
    },
  },
  {
    name: 'review queue',
    open: async (page) => {
      await sidebarButton(page, 'Review queue').or(page.locator('.review-section .side-link')).first().click();
      await ui(page.locator('.review-queue')).toBeVisible();
    },
  },
  {
    name: 'timeline',
    open: async (page) => {
      await page.locator('.explore-section').getByRole('button', { name: 'Timeline' }).click();
      await ui(page.locator('.tl-row').first()).toBeVisible();
    },
  },
  {
    name: 'graph',
    open: async (page) => {
      await page.locator('.explore-section').getByRole('button', { name: 'Graph' }).click();
      await ui(page.locator('.graph-canvas[data-node-count]')).toBeVisible();
      await page.locator('.graph-canvas canvas').first().waitFor({ state: 'attached' });
    },
  },
  {
    name: 'trash',
    open: async (page) => {
      await page.locator('.trash-section .side-link').click();
      await ui(page.locator('.trash-view')).toBeVisible();
    },
  },
  {
    name: 'export dialog',
    open: async (page) => {
      await page.keyboard.press('Control+E');
      await ui(page.locator('.export-dialog .export-notes li').first()).toBeVisible();
      await ui(page.locator('.export-preview iframe')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.export-dialog')).toHaveCount(0);
    },
  },
  {
    name: 'search palette',
    open: async (page) => {
      await page.keyboard.press('Control+K');
      await page.keyboard.type('fentanyl');
      await ui(page.locator('.search-results [role="option"]').first(), { timeout: 30_000 }).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.search-palette')).toHaveCount(0);
    },
  },
  {
    name: 'command palette',
    open: async (page) => {
      await page.keyboard.press('Control+Shift+P');
      await ui(page.locator('.command-option').first()).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.command-palette')).toHaveCount(0);
    },
  },
];
