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

/** The PDF the views below read: `importViewPdf` puts it in the case before the walk. */
export const VIEW_PDF_TITLE = 'Port authority payments';

const pdfReader = (page: Page) => page.locator('.source-reader[data-format="pdf"]');
const openPdf = async (page: Page) => {
  await page.locator('#sidebar .side-link', { hasText: VIEW_PDF_TITLE }).click();
  await ui(pdfReader(page)).toHaveAttribute('data-mapped', 'true');
};
const showPdfAs = async (page: Page, mode: 'Pages' | 'Text') => {
  const button = pdfReader(page).getByRole('group', { name: 'Show the PDF as' }).getByRole('button', { name: mode, exact: true });
  await button.click();
  await ui(button).toHaveAttribute('aria-pressed', 'true');
  await ui(pdfReader(page)).toHaveAttribute('data-mapped', 'true');
};

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
    name: 'PDF pages',
    open: async (page) => {
      await openPdf(page);
      await showPdfAs(page, 'Pages');
      await ui(pdfReader(page).locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeVisible();
    },
  },
  {
    name: 'PDF find bar',
    open: async (page) => {
      await openPdf(page);
      await page.locator('.source-text').focus();
      await page.keyboard.press('Control+F');
      await page.keyboard.type('harbour');
      await ui(page.locator('.find-bar')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.find-bar')).toHaveCount(0);
    },
  },
  {
    name: 'PDF text',
    open: async (page) => {
      await openPdf(page);
      await showPdfAs(page, 'Text');
      await ui(pdfReader(page).locator('.pdf-text-view')).toBeVisible();
    },
    close: (page) => showPdfAs(page, 'Pages'),
  },
  {
    name: 'case switcher',
    open: async (page) => {
      await page.locator('.case-switcher-button').click();
      await ui(page.locator('.case-menu')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.case-menu')).toHaveCount(0);
    },
  },
  {
    name: 'new case form',
    open: async (page) => {
      await page.locator('.case-switcher-button').click();
      await page.locator('.case-menu').getByRole('menuitem', { name: 'New case…' }).click();
      await ui(page.locator('.case-menu-form')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await ui(page.locator('.case-menu')).toHaveCount(0);
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

/** Imports the views' PDF (printed by Chromium, as newsrooms receive reports) through the import button and main's real importer. */
export async function importViewPdf(app: { page: Page; dialogPicks: string[][] }, pdfPath: string): Promise<void> {
  const { page } = app;
  app.dialogPicks.push([pdfPath]);
  await page.getByRole('button', { name: 'Import sources', exact: true }).click();
  await ui(page.locator('.import-panel .import-job', { hasText: 'port-authority-payments.pdf' }), { timeout: 60_000 }).toContainText('Imported');
  await ui(page.locator('#sidebar .side-link', { hasText: VIEW_PDF_TITLE })).toBeVisible();
}
