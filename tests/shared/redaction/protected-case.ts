import type { JSONContent } from '@tiptap/core';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import type { Note } from '../../../shared/model';
import { seededCase } from '../export/case-fixture';

/**
 * The seeded case (with the export fixture's additions) in which Anne
 * Milgram is protected and has several aliases: one with accents the text
 * does not use, a code name, and an initial; the case then names her in
 * every place a case can hold text, in other cases and accents than her
 * aliases: the case's title and summary, a note's title, text (a name split
 * by bold), mention chips, a link's URL, a citation's quote and title, a
 * table; a source's title, file name, metadata and HTML; a relation's
 * description; a candidate. The seed already has her in entity ids,
 * descriptions, quotes and mention snippets.
 */
export const PROTECTED_ID = 'ent-anne-milgram';
export const ALIASES = ['Milgram', 'Ánne Milgrám', 'Nightingale', 'A. Milgram'];
export const PROTECTED_NAMES = ['Anne Milgram', ...ALIASES];

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

export async function protectedCase(): Promise<CaseSnapshot> {
  const { snapshot } = await seededCase();
  const anne = snapshot.entities.find((e) => e.id === PROTECTED_ID)!;
  Object.assign(anne, { protected: true, aliases: ALIASES });
  const statement = snapshot.entities.find((e) => e.name.startsWith('Anne Milgram statement'))!;
  const article = snapshot.sources.find((s) => s.id === 'src-article');
  const memo = snapshot.sources.find((s) => s.format === 'html');
  const articleBody = snapshot.sourceBodies.find((b) => b.sourceId === article!.id)!;
  const quote = 'DEA official Anne Milgram said drug cartels in Sinaloa and Jalisco';
  const quoteStart = articleBody.text.indexOf(quote);
  if (quoteStart < 0) throw new Error('The seed article no longer has the passage.');

  snapshot.case.title = 'Fentanyl precursors (NIGHTINGALE)';
  snapshot.case.summary = 'What ANNE MILGRAM told us, and what Milgràm did not.';

  const content: JSONContent = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('Meeting nightingale')] },
      para(text('We met Anne '), text('Milgram', [{ type: 'bold' }]), text(' twice; '), { type: 'entityMention', attrs: { entityId: PROTECTED_ID, label: 'our contact', entityType: 'Person' } }, text(' agreed.')),
      para({ type: 'entityMention', attrs: { entityId: statement.id, label: statement.name, entityType: statement.type } }, text(' — see '), text('her profile', [{ type: 'link', attrs: { href: 'https://example.org/people/anne-milgram' } }])),
      para(
        text('As quoted: '),
        {
          type: 'citation',
          attrs: { citationId: 'cite-interview', sourceId: article!.id, start: quoteStart, end: quoteStart + quote.length, page: null, quote, sourceSha256: article!.sha256, sourceTitle: 'Notes from A. MILGRAM' },
        },
      ),
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(text('Contact'))] }, { type: 'tableCell', content: [para(text('Ánne Milgrám'))] }] }] },
    ],
  };
  const note: Note = {
    id: 'note-interview',
    caseId: snapshot.case.id,
    title: 'Interview with Nightîngale',
    content,
    text: 'Meeting nightingale\nWe met Anne Milgram twice; our contact agreed.',
    createdAt: 1_700_000_001_000,
    updatedAt: 1_700_000_009_000,
    tags: ['Milgram', 'interviews'],
  };
  snapshot.notes.push(note);
  snapshot.citations.push({ id: `${note.id}:cite-interview`, caseId: snapshot.case.id, noteId: note.id, sourceId: article!.id, start: quoteStart, end: quoteStart + quote.length, quote, sourceSha256: article!.sha256, createdAt: 1_700_000_002_000 });
  snapshot.mentions.push({ id: 'mention-interview-1', caseId: snapshot.case.id, entityId: PROTECTED_ID, targetKind: 'note', targetId: note.id, start: 27, end: 39, snippet: 'We met Anne Milgram twice', status: 'confirmed' });

  Object.assign(memo!, {
    title: 'Memo on Milgram',
    fileName: 'milgram-memo.html',
    metadata: { author: 'A. Reporter', subject: 'Call with Anne MILGRAM' },
    // The user's own words about it name her too: edits and tags are redacted like the rest.
    edits: { title: 'Milgram call memo', notes: 'Ask Anne Milgram again.', date: '2023-04' },
    tags: ['milgram', 'calls'],
  });
  const memoBody = snapshot.sourceBodies.find((b) => b.sourceId === memo!.id)!;
  memoBody.text = 'Memo\n\nSecond page names Nightingale';
  memo!.pages = [{ start: 0, end: 4 }, { start: 6, end: memoBody.text.length }];
  memoBody.html = '<p>Memo</p><p>Second page names <b>Night</b>ingale</p>';

  snapshot.relations.find((r) => r.description)!.description = 'Per Nightingale, in her own words.';
  snapshot.candidates.push({
    id: `${snapshot.case.id}:milgram foundation`,
    caseId: snapshot.case.id,
    key: 'milgram foundation',
    name: 'Milgram Foundation',
    type: 'Organization',
    status: 'pending',
    sightings: [{ sourceId: article!.id, count: 1, start: 0, end: 7, snippet: 'the Milgram Foundation' }],
    count: 1,
    updatedAt: 1_700_000_003_000,
  });
  return snapshot;
}
