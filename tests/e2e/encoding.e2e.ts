import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { selectInReader } from './reader';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

// A memo in Windows-1251, as a Russian office's Notepad saves it.
const MEMO = `Служебная записка
Платеж за партию прекурсоров был переведен через банк в Риге. Получатель, компания Северная Звезда, оформила груз как удобрения.
Контактное лицо: Иван Петров, который встречался с брокером в порту Гданьска в марте. Деньги вернулись на счет в Никосии через неделю.`;
const QUOTE = 'Иван Петров, который встречался с брокером';
// The same bytes read as Windows-1252: what a wrong guess shows.
const MISREAD_TITLE = iconv.decode(iconv.encode('Служебная записка', 'windows-1251'), 'windows-1252');

/**
 * A legacy-encoded text in the reader: the header says which encoding it was
 * read with and that it was a guess; reading it again with another one
 * replaces the text in place, asks first when a quote would break, can be
 * undone, and a quote of words the new text lacks shows as broken, never as
 * other words.
 */
describe('choosing the encoding of a source', () => {
  let app: LaunchedApp;
  let file: string;
  let sourceId: string;
  let noteTitle: string;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'casebook-encoding-')), 'zapiska.txt');
    writeFileSync(file, iconv.encode(MEMO, 'windows-1251'));
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the guessed encoding of an imported Windows-1251 text', async () => {
    const { page } = app;
    app.dialogPicks.push([file]);
    await page.keyboard.press(`${MOD}+o`);
    await ui(page.locator('.import-panel [data-job-state="done"]'), { timeout: 60_000 }).toHaveCount(1);
    await page.locator('.side-item', { hasText: 'Служебная записка' }).locator('.side-link').click();
    const reader = page.locator('.source-reader[data-mapped="true"]');
    await ui(reader.locator('.source-text')).toContainText('Иван Петров');
    const choice = reader.locator('.encoding-choice');
    await ui(choice.getByLabel('Text encoding')).toHaveValue('windows-1251');
    await ui(choice.locator('.encoding-how')).toHaveText('guessed');
  });

  it('asks before a re-read that breaks a quote, then reads the file again in place, and undoes it', async () => {
    const { page } = app;
    const reader = page.locator('.source-reader[data-mapped="true"]');
    sourceId = (await reader.getAttribute('data-source-id'))!;
    await selectInReader(page, QUOTE);
    await page.locator('.selection-menu').getByRole('button', { name: 'Quote in note' }).click();
    const quoted = page.locator('.toast', { hasText: 'Quoted in' });
    await ui(quoted).toBeVisible();
    noteTitle = /Quoted in “(.+)”/.exec(await quoted.innerText())![1]!;

    const select = reader.locator('.encoding-choice').getByLabel('Text encoding');
    await select.selectOption('windows-1252');
    const confirm = page.getByRole('alertdialog', { name: /Read again as Western/ });
    await ui(confirm).toContainText('1 quote in your notes will no longer match the text and will show as broken');
    // The safe answer has the focus: Enter does not break anything.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await app.screenshot('encoding-01-confirm');
    await confirm.getByRole('button', { name: 'Read again' }).click();

    // The same source, its text now the misreading; the header says it was the user's choice.
    await ui(page.locator('.source-reader h1')).toHaveText(MISREAD_TITLE);
    await expect.poll(() => page.locator('.source-reader').getAttribute('data-source-id')).toBe(sourceId);
    await expect.poll(() => reader.locator('.source-text').innerText()).not.toContain('Иван Петров');
    await ui(reader.locator('.encoding-how')).toHaveText('your choice');
    const toast = page.locator('.toast', { hasText: 'Read again as Western (Windows-1252, Latin-1)' });
    await ui(toast).toContainText('1 quote in your notes no longer matches the text and shows as broken.');
    await app.screenshot('encoding-02-misread');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await ui(page.locator('.toast', { hasText: 'Back to Cyrillic (Windows-1251)' })).toBeVisible();
    await ui(reader.locator('.source-text')).toContainText(QUOTE);
    await ui(select).toHaveValue('windows-1251');
    expect(app.pageErrors).toEqual([]);
  });

  it('a quote of words the new text lacks shows as broken, and mends when the right encoding is chosen again', async () => {
    const { page } = app;
    const reader = page.locator('.source-reader[data-mapped="true"]');
    const select = reader.locator('.encoding-choice').getByLabel('Text encoding');
    await select.selectOption('koi8-r');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Read again' }).click();
    await ui(reader.locator('.encoding-how')).toHaveText('your choice');
    await ui(select).toHaveValue('koi8-r');

    await page.locator('.side-item', { hasText: noteTitle }).first().locator('.side-link').click();
    const cite = page.locator('.note-body cite.citation');
    await ui(cite).toHaveCount(1);
    await ui(page.locator('.note-body .is-broken')).toHaveCount(1);
    await ui(page.locator('.note-body .is-broken')).toHaveAttribute('data-broken', 'The quoted passage is no longer at this place in the source.');
    await page.locator('.note-body .is-broken').scrollIntoViewIfNeeded();
    await app.screenshot('encoding-03-broken-quote');

    // Back to the right encoding: nothing breaks, so nothing is asked; the quote holds again.
    await page.locator(`.side-item[data-source-id="${sourceId}"] .side-link`).click();
    await reader.locator('.encoding-choice').getByLabel('Text encoding').selectOption('windows-1251');
    await ui(page.locator('.source-reader .source-text')).toContainText(QUOTE);
    await ui(page.getByRole('alertdialog')).toHaveCount(0);
    await app.screenshot('encoding-04-reread');
    await page.locator('.side-item', { hasText: noteTitle }).first().locator('.side-link').click();
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await ui(page.locator('.note-body .is-broken')).toHaveCount(0);
    expect(app.pageErrors).toEqual([]);
  });
});
