import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { JSONContent } from '@tiptap/core';
import type { CitationAttrs } from '../../../shared/editor/citation';
import type { Note } from '../../../shared/model';
import { noteToHtml } from '../../../shared/export/html';
import { noteToStandaloneMarkdown } from '../../../shared/export/markdown-case';
import { seededCase } from './case-fixture';

/**
 * The Markdown and HTML exports print citations as footnotes and endnotes
 * with the quoted words and a fingerprint: one that does not check out
 * against the case's source must not read like one that does.
 */
describe('exported notes mark citations that fail their check', () => {
  async function noteWith(make: (genuine: CitationAttrs) => CitationAttrs[]) {
    const { snapshot } = await seededCase();
    const row = snapshot.citations[0]!;
    const source = snapshot.sources.find((s) => s.id === row.sourceId)!;
    const genuine: CitationAttrs = { citationId: 'good', sourceId: row.sourceId, start: row.start, end: row.end, page: 3, quote: row.quote, sourceSha256: source.sha256, sourceTitle: source.title };
    const content: JSONContent = { type: 'doc', content: make(genuine).map((attrs) => ({ type: 'paragraph', content: [{ type: 'text', text: 'Claim.' }, { type: 'citation', attrs }] })) };
    const note: Note = { id: 'note-checks', caseId: snapshot.case.id, title: 'Checks', content, text: '', createdAt: 1, updatedAt: 1 };
    return { snapshot: { ...snapshot, notes: [...snapshot.notes, note] }, note, genuine };
  }

  const forgeries = (g: CitationAttrs): CitationAttrs[] => [
    g,
    { ...g, citationId: 'forged-quote', quote: 'FABRICATED words the source never held' },
    { ...g, citationId: 'wrong-hash', sourceSha256: '0'.repeat(64) },
    { ...g, citationId: 'no-source', sourceId: 'src-elsewhere' },
  ];

  it('Markdown: a sound footnote reads as before; each failed one opens with UNVERIFIED and why', async () => {
    const { snapshot, note } = await noteWith(forgeries);
    const footnotes = noteToStandaloneMarkdown(note, snapshot).split('\n').filter((l) => l.startsWith('[^'));
    expect(footnotes).toHaveLength(4);
    expect(footnotes[0]).not.toContain('UNVERIFIED');
    expect(footnotes[1]).toMatch(/^\[\^2\]: \*\*UNVERIFIED — The quoted passage is no longer at this place in the source\.\*\* /);
    expect(footnotes[2]).toMatch(/^\[\^3\]: \*\*UNVERIFIED — The source has changed since this passage was quoted\.\*\* /);
    expect(footnotes[3]).toMatch(/^\[\^4\]: \*\*UNVERIFIED — The quoted source is no longer in the case\.\*\* /);
  });

  it('Markdown: a citation of a source that belongs to another case is unverified', async () => {
    const { snapshot, note } = await noteWith((g) => [g]);
    const foreign = { ...snapshot, case: { ...snapshot.case, id: 'another-case' } };
    expect(noteToStandaloneMarkdown(note, foreign)).toContain('**UNVERIFIED — The quoted source belongs to another case.**');
  });

  it('HTML: the same, as a visible, styled marker at the start of the endnote', async () => {
    const { snapshot, note } = await noteWith(forgeries);
    const doc = new JSDOM(noteToHtml(note, snapshot, { now: new Date('2024-01-01') })).window.document;
    const items = [...doc.querySelectorAll('.endnotes li')];
    expect(items).toHaveLength(4);
    expect(items[0]!.querySelector('.unverified')).toBeNull();
    expect(items[1]!.textContent).toMatch(/^UNVERIFIED — The quoted passage is no longer at this place in the source\. /);
    expect(items[2]!.querySelector('strong.unverified')?.textContent).toBe('UNVERIFIED — The source has changed since this passage was quoted.');
    expect(items[3]!.querySelector('strong.unverified')?.textContent).toBe('UNVERIFIED — The quoted source is no longer in the case.');
    expect(doc.querySelector('style')!.textContent).toMatch(/\.unverified \{[^}]*color/);
  });
});
