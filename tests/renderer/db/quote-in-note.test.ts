import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendQuoteToNote, createNote } from '../../../renderer/db/notes';
import { checkCitationAgainst } from '../../../shared/editor/citation-check';
import { NODE_NAMES, visitNodes } from '../../../shared/editor/document';
import type { CitationAttrs } from '../../../shared/editor/citation';
import { freshDatabase } from './fresh-db';

const CASE = 'case-1';
/** A PDF page's stored text: one line per printed line, a word hyphenated at a line end. */
const SOURCE = 'The port authority investigation found that payments routed\nthrough shell companies in Cyprus and Latvia reached offi\u2010\ncials of the harbour between 2016 and 2019.\n\nA second paragraph.';

function citationOf(start: number, end: number): CitationAttrs {
  return { citationId: 'cite-1', sourceId: 'src-1', start, end, page: 1, quote: SOURCE.slice(start, end), sourceSha256: 'a'.repeat(64), sourceTitle: 'Port report' };
}

describe('appendQuoteToNote: a quote reads as clean paragraphs, the citation keeps the exact words', () => {
  it('makes one paragraph of a quote taken across line breaks and a hyphenated word', async () => {
    const db = freshDatabase();
    const noteId = await createNote(db, CASE, 'Notes');
    const start = SOURCE.indexOf('shell companies');
    const end = SOURCE.indexOf(' between');
    await appendQuoteToNote(db, noteId, citationOf(start, end));

    const note = (await db.notes.get(noteId))!;
    const quote = note.content.content!.find((b) => b.type === 'blockquote')!;
    expect(quote.content).toHaveLength(1);
    expect(quote.content![0]!.content![0]).toEqual({ type: 'text', text: 'shell companies in Cyprus and Latvia reached officials of the harbour' });
    let cited: CitationAttrs | undefined;
    visitNodes(note.content, (node) => {
      if (node.type === NODE_NAMES.citation) cited = node.attrs as CitationAttrs;
    });
    // The citation still points at the source's exact characters, line breaks and hyphen included, and checks.
    expect(cited!.quote).toBe('shell companies in Cyprus and Latvia reached offi\u2010\ncials of the harbour');
    expect(checkCitationAgainst(cited!, { caseId: CASE, sha256: 'a'.repeat(64), text: SOURCE }, CASE)).toEqual({ status: 'ok' });
    expect(note.text).toContain('reached officials of the harbour');
  });

  it('keeps the source’s paragraphs apart, and shows the display text it is given', async () => {
    const db = freshDatabase();
    const noteId = await createNote(db, CASE, 'Notes');
    const start = SOURCE.indexOf('2019');
    await appendQuoteToNote(db, noteId, citationOf(start, SOURCE.length));
    let quote = (await db.notes.get(noteId))!.content.content!.find((b) => b.type === 'blockquote')!;
    expect(quote.content!.map((p) => p.content![0]!.text)).toEqual(['2019.', 'A second paragraph.']);

    const other = await createNote(db, CASE, 'Other');
    await appendQuoteToNote(db, other, citationOf(0, SOURCE.length), 'As the reflowed view reads it.\n\nSecond.');
    quote = (await db.notes.get(other))!.content.content!.find((b) => b.type === 'blockquote')!;
    expect(quote.content!.map((p) => p.content![0]!.text)).toEqual(['As the reflowed view reads it.', 'Second.']);
  });
});
