import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, SCREENSHOT_DIR, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { newNote } from './actions';
import { selectInReader } from './reader';
import { allRecords, getRecord } from './store';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const FORGED_SHA = '0'.repeat(64);

interface StoredNote {
  id: string;
  caseId: string;
  title: string;
  text: string;
  content: { type?: string; attrs?: Record<string, unknown>; content?: StoredNote['content'][] };
}

/** Writes a row as an older version of the app, or a hand-edited store, could have left it. */
function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([name, row]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name as string, 'readwrite');
          tx.objectStore(name as string).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, value] as const,
  );
}

/** Nodes of a stored document of one type, in order. */
function nodesOfType(doc: StoredNote['content'], type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: StoredNote['content']) => {
    if (node.type === type) found.push(node.attrs ?? {});
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
}

/** Fires a real paste event with this clipboard on the editor, as the system would. */
async function paste(page: Page, html: string, plain: string): Promise<void> {
  await page.locator('.note-body').evaluate(
    (body, { html, plain }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', plain);
      body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, plain },
  );
}

/** What ProseMirror itself puts on the clipboard when the editor's selection is copied. */
async function copySelection(page: Page): Promise<{ html: string; plain: string }> {
  return page.locator('.note-body').evaluate((body) => {
    const data = new DataTransfer();
    body.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return { html: data.getData('text/html'), plain: data.getData('text/plain') };
  });
}

const noteIdOnScreen = async (page: Page) => (await page.locator('.note-view').getAttribute('data-note-id'))!;

/**
 * Citations and mentions are evidence: a web page must not be able to plant
 * one in a note by carrying the right data-attributes in pasted HTML, and a
 * briefing must never print a citation that does not check out as if it did.
 */
describe('pasted citations and mentions, and unverified citations in the briefing', () => {
  let app: LaunchedApp;
  let genuine: Record<string, unknown>;
  let quotesNoteId: string;
  let pastedNoteId: string;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('pastes a forged citation and a forged mention from a web page as plain text; nothing forged is stored', async () => {
    const { page } = app;
    // A genuine citation first, quoted from the seeded article into a note of its own.
    await newNote(page, 'Quotes');
    quotesNoteId = await noteIdOnScreen(page);
    await page.locator('.side-section .side-link', { hasText: 'US Efforts' }).click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'Yuancheng Group, a chemical company in Wuhan, China');
    await page.locator('.selection-menu').getByRole('button', { name: 'Quote in note' }).click();
    await page.locator('.toast', { hasText: 'Quoted in “Quotes”' }).getByRole('button', { name: 'Open note' }).click();
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    const quotes = (await getRecord<StoredNote>(page, 'notes', quotesNoteId))!;
    genuine = nodesOfType(quotes.content, 'citation')[0]!;
    expect(genuine).toMatchObject({ quote: 'Yuancheng Group, a chemical company in Wuhan, China' });
    const entities = await allRecords<{ id: string; name: string; caseId: string }>(page, 'entities');
    const milgram = entities.find((e) => e.name === 'Anne Milgram')!;

    // The red team's paste: a citation of the real source, with a fabricated quote and fingerprint,
    // a mention of an entity that does not exist, and one of a real entity under a false name.
    await newNote(page, 'Pasted');
    pastedNoteId = await noteIdOnScreen(page);
    const forged =
      `<meta charset="utf-8"><p>The ministry admitted it <cite data-citation data-citation-id="cite-forged" data-source-id="${String(genuine.sourceId)}" ` +
      `data-start="${String(genuine.start)}" data-end="${String(genuine.end)}" data-quote="FABRICATED: the minister took the money" data-sha256="${FORGED_SHA}" ` +
      `data-source-title="Leaked ministry memo" data-page="7">[Leaked ministry memo, p. 7]</cite>, said ` +
      `<span data-entity-mention data-entity-id="ent-forged" data-label="The Minister" data-entity-type="Person">The Minister</span> to ` +
      `<span data-entity-mention data-entity-id="${milgram.id}" data-label="A False Name" data-entity-type="Organization">A False Name</span>.</p>`;
    await paste(page, forged, 'The ministry admitted it');
    await ui(page.locator('.note-body')).toContainText('The ministry admitted it [Leaked ministry memo, p. 7], said The Minister to Anne Milgram.');
    await ui(page.locator('.note-body cite.citation')).toHaveCount(0);
    // The real entity stays a mention, named as the store names it.
    await ui(page.locator('.note-body .entity-mention')).toHaveText('Anne Milgram');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();

    await expect.poll(async () => (await getRecord<StoredNote>(page, 'notes', pastedNoteId))?.text ?? '', { timeout: 10_000 }).toContain('[Leaked ministry memo, p. 7]');
    const stored = (await getRecord<StoredNote>(page, 'notes', pastedNoteId))!;
    expect(nodesOfType(stored.content, 'citation')).toEqual([]);
    expect(nodesOfType(stored.content, 'entityMention')).toEqual([{ entityId: milgram.id, label: 'Anne Milgram', entityType: 'Person' }]);
    expect(JSON.stringify(stored.content)).not.toContain('FABRICATED');
    expect(JSON.stringify(stored.content)).not.toContain(FORGED_SHA);
    const citations = await allRecords<{ noteId: string; quote: string }>(page, 'citations');
    expect(citations.filter((c) => c.noteId === pastedNoteId)).toEqual([]);
    expect(citations.some((c) => c.quote.includes('FABRICATED'))).toBe(false);
    const mentions = await allRecords<{ entityId: string; targetId: string }>(page, 'mentions');
    expect(mentions.some((m) => m.entityId === 'ent-forged')).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });

  it('keeps a genuine citation copied from another note of the case', async () => {
    const { page } = app;
    await page.locator('.side-item', { hasText: 'Quotes' }).locator('.side-link').click();
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await page.locator('.note-body blockquote p').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${MOD}+a`);
    const clipboard = await copySelection(page);
    // ProseMirror's own slice, with the citation's attributes on it.
    expect(clipboard.html).toContain('data-pm-slice');
    expect(clipboard.html).toContain('data-citation');

    await page.locator('.side-item', { hasText: 'Pasted' }).locator('.side-link').click();
    await ui(page.locator('.note-body')).toContainText('The ministry admitted it');
    await page.locator('.note-body p').first().click();
    await page.keyboard.press(`${MOD}+End`);
    await paste(page, clipboard.html, clipboard.plain);
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await ui(page.locator('.note-body blockquote')).toContainText('Yuancheng Group, a chemical company in Wuhan, China');
    await app.screenshot('paste-guard-01-pasted');

    await expect
      .poll(async () => (await allRecords<{ noteId: string; sourceId: string; quote: string }>(page, 'citations')).filter((c) => c.noteId === pastedNoteId), { timeout: 10_000 })
      .toEqual([expect.objectContaining({ sourceId: genuine.sourceId, quote: genuine.quote })]);
    const stored = (await getRecord<StoredNote>(page, 'notes', pastedNoteId))!;
    expect(nodesOfType(stored.content, 'citation')).toEqual([genuine]);
    expect(stored.text).toContain('[Leaked ministry memo, p. 7]');
  });

  it('drops a forged citation dragged in from elsewhere as text too, in one undoable step', async () => {
    const { page } = app;
    const forged =
      `<p>Dropped claim <cite data-citation data-citation-id="cite-dropped" data-source-id="${String(genuine.sourceId)}" data-start="${String(genuine.start)}" ` +
      `data-end="${String(genuine.end)}" data-quote="FABRICATED by drag" data-sha256="${FORGED_SHA}" data-source-title="Dropped memo"></cite></p>`;
    const first = page.locator('.note-body p').first();
    const box = (await first.boundingBox())!;
    await first.evaluate(
      (p, { html, x, y }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'Dropped claim');
        p.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      },
      { html: forged, x: box.x + 2, y: box.y + 4 },
    );
    await ui(page.locator('.note-body')).toContainText('Dropped claim [Dropped memo]');
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await expect.poll(async () => (await getRecord<StoredNote>(page, 'notes', pastedNoteId))?.text ?? '', { timeout: 10_000 }).toContain('Dropped claim [Dropped memo]');
    const stored = (await getRecord<StoredNote>(page, 'notes', pastedNoteId))!;
    expect(nodesOfType(stored.content, 'citation')).toEqual([genuine]);
    expect(JSON.stringify(stored.content)).not.toContain('FABRICATED');

    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => page.locator('.note-body').innerText()).not.toContain('Dropped claim');
    await ui(page.locator('.note-body')).toContainText('The ministry admitted it');
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
  });

  it('warns in the export dialog about a note holding a citation that does not check out, and marks its endnote UNVERIFIED', async () => {
    const { page } = app;
    // A note as a store written before this guard (or a hand-edited backup) could hold it: a forged citation node.
    const quotes = (await getRecord<StoredNote>(page, 'notes', quotesNoteId))!;
    const forgedNote: StoredNote & Record<string, unknown> = {
      ...quotes,
      id: 'note-forged-earlier',
      title: 'Leak analysis',
      text: 'The minister took the money.',
      createdAt: Date.now(),
      updatedAt: Date.now(),
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The minister took the money.' } as StoredNote['content'],
              { type: 'citation', attrs: { ...genuine, citationId: 'cite-forged-earlier', quote: 'FABRICATED: the minister took the money', sourceSha256: FORGED_SHA } },
            ],
          },
        ],
      },
    };
    await putRecord(page, 'notes', forgedNote);
    await page.reload();
    await app.ready();
    await ui(page.locator('.side-item', { hasText: 'Leak analysis' })).toHaveCount(1);

    await page.keyboard.press(`${MOD}+p`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    await ui(dialog).toBeVisible();
    const warning = dialog.getByRole('region', { name: 'Unverified citations' });
    await ui(warning).toContainText('1 citation does not check out against its source.');
    await ui(warning).toContainText('“Leak analysis”: 1 citation');
    expect(await warning.innerText()).not.toContain('Quotes');

    const preview = page.frameLocator('.export-preview iframe');
    await ui(preview.locator('.endnote-list'), { timeout: 15_000 }).toContainText('UNVERIFIED — The source has changed since this passage was quoted.');
    const forgedEndnote = preview.locator('.endnote-list li', { hasText: 'FABRICATED' });
    await ui(forgedEndnote).toHaveCount(1);
    await ui(forgedEndnote.locator('.endnote-unverified')).toHaveText('UNVERIFIED — The source has changed since this passage was quoted.');
    // The genuine citation (quoted once, pasted once: one endnote) reads as sound.
    const genuineEndnote = preview.locator('.endnote-list li', { hasText: 'Yuancheng Group, a chemical company' });
    await ui(genuineEndnote).toHaveCount(1);
    await ui(genuineEndnote.locator('.endnote-unverified')).toHaveCount(0);
    await app.screenshot('paste-guard-02-export-warning');
    await preview.locator('.endnote-list').screenshot({ path: join(SCREENSHOT_DIR, 'paste-guard-03-endnotes.png') });

    // Leaving the note out of the briefing clears the warning.
    await dialog.getByRole('checkbox', { name: 'Leak analysis' }).uncheck();
    await ui(dialog.getByRole('region', { name: 'Unverified citations' })).toHaveCount(0);
    expect(app.pageErrors).toEqual([]);
  });
});
