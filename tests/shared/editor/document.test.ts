import { getSchema, type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { emptyDocument, extractText, noteTextAndMentions } from '../../../shared/editor/document';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { noteExtensions } from '../../../shared/editor/extensions';

const schema = getSchema(noteExtensions());

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const mention = (entityId: string, label: string, entityType = 'Person'): JSONContent => ({
  type: 'entityMention',
  attrs: { entityId, label, entityType },
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

/** The document as the real schema reads it; throws if the test document is not a valid note. */
const parse = (json: JSONContent) => {
  const node = Node.fromJSON(schema, json);
  node.check();
  return node;
};

/** ProseMirror's own plain text: one blank line before every textblock after the first. */
const proseMirrorText = (json: JSONContent) => {
  const node = parse(json);
  return node.textBetween(0, node.content.size, '\n\n', (leaf) =>
    leaf.type.name === 'hardBreak' ? '\n' : String(leaf.attrs.label ?? ''),
  );
};

const structured = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('Pipeline')] },
  p(text('Chemicals from '), mention('ent-china', 'China', 'Place'), text(' reach '), mention('ent-mexico', 'Mexico', 'Place'), text('.')),
  {
    type: 'bulletList',
    content: [
      li(p(text('First')), { type: 'bulletList', content: [li(p(text('Nested '), mention('ent-dea', 'DEA', 'PublicBody')))] }),
      li(p(text('Second'))),
    ],
  },
  { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('One'))), li(p(text('Two')))] },
  { type: 'blockquote', content: [p(text('Quoted line')), p(text('Quoted again'))] },
  p(text('End')),
);

describe('extractText', () => {
  it('separates every block by exactly one blank line, lists and quotes included', () => {
    expect(extractText(structured).text).toBe(
      [
        'Pipeline',
        'Chemicals from China reach Mexico.',
        'First',
        'Nested DEA',
        'Second',
        'One',
        'Two',
        'Quoted line',
        'Quoted again',
        'End',
      ].join('\n\n'),
    );
  });

  it('agrees with ProseMirror’s textBetween on the real note schema', () => {
    expect(extractText(structured).text).toBe(proseMirrorText(structured));
  });

  it('gives each mention the offsets of its label in the text, in reading order', () => {
    const { text: plain, mentions } = extractText(structured);
    expect(mentions.map((m) => m.entityId)).toEqual(['ent-china', 'ent-mexico', 'ent-dea']);
    for (const m of mentions) expect(plain.slice(m.start, m.end)).toBe(m.label);
    expect(mentions[0]).toEqual({ entityId: 'ent-china', label: 'China', entityType: 'Place', start: 25, end: 30 });
  });

  it('renders a hard break as a single newline inside its paragraph', () => {
    const json = doc(p(text('Line one'), { type: 'hardBreak' }, mention('ent-a', 'Anne'), text(' two')), p(text('Next')));
    parse(json);
    const { text: plain, mentions } = extractText(json);
    expect(plain).toBe('Line one\nAnne two\n\nNext');
    expect(mentions[0]).toMatchObject({ start: 9, end: 13 });
    expect(plain).toBe(proseMirrorText(json));
  });

  it('ignores marks: bold, italic and links add no characters', () => {
    const plainDoc = doc(p(text('Working theory: '), text('the cartels')));
    const marked = doc(
      p(
        text('Working theory: ', [{ type: 'bold' }]),
        text('the ', [{ type: 'italic' }]),
        text('cartels', [{ type: 'link', attrs: { href: 'https://example.org/' } }, { type: 'strike' }]),
      ),
    );
    parse(marked);
    expect(extractText(marked)).toEqual(extractText(plainDoc));
    expect(extractText(marked).text).toBe('Working theory: the cartels');
  });

  it('gives empty text and no mentions for an empty note', () => {
    parse(emptyDocument());
    expect(extractText(emptyDocument())).toEqual({ text: '', mentions: [], citations: [] });
    expect(extractText({ type: 'doc' })).toEqual({ text: '', mentions: [], citations: [] });
  });

  it('does not start with a separator when the first block is empty, nor double one for an empty block', () => {
    const json = doc(p(), p(text('a')), p(), p(text('b')));
    parse(json);
    expect(extractText(json).text).toBe('a\n\nb');
  });

  it('keeps offsets right for a mention at the very start and very end of the note', () => {
    const json = doc(p(mention('ent-a', 'Anne Milgram')), p(text('said '), mention('ent-b', 'Sinaloa cartel', 'Organization')));
    parse(json);
    const { text: plain, mentions } = extractText(json);
    expect(plain).toBe('Anne Milgram\n\nsaid Sinaloa cartel');
    expect(mentions.map((m) => [m.start, m.end])).toEqual([
      [0, 12],
      [19, 33],
    ]);
    expect(mentions[1]?.end).toBe(plain.length);
  });

  it('counts offsets in UTF-16 units, as JavaScript slices them', () => {
    const json = doc(p(text('😀 “quote” — '), mention('ent-w', 'Wang Wenbin')));
    parse(json);
    const { text: plain, mentions } = extractText(json);
    expect(plain.slice(mentions[0]!.start, mentions[0]!.end)).toBe('Wang Wenbin');
    expect(mentions[0]!.start).toBe('😀 “quote” — '.length);
  });
});

describe('citations in a note', () => {
  const citation = { citationId: 'cite-1', sourceId: 'src-1', start: 10, end: 15, page: 2, quote: 'Wuhan', sourceSha256: 'ab'.repeat(32), sourceTitle: 'Report' };
  const doc = {
    type: 'doc',
    content: [{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wuhan ' }, { type: 'citation', attrs: citation }] }] }],
  };

  it('reads as its label in the note’s text, and becomes one citation row per id', () => {
    const { text, citations } = noteTextAndMentions({ id: 'n1', caseId: 'c1' }, { ...doc, content: [...doc.content, ...doc.content] }, 5);
    expect(text).toBe('Wuhan [Report, p. 2]\n\nWuhan [Report, p. 2]');
    expect(citations).toEqual([{ id: 'n1:cite-1', caseId: 'c1', noteId: 'n1', sourceId: 'src-1', start: 10, end: 15, page: 2, quote: 'Wuhan', sourceSha256: 'ab'.repeat(32), createdAt: 5 }]);
  });

  it('round-trips every attribute through HTML with the shared schema', () => {
    const html = generateHTML(doc, noteExtensions());
    expect(html).toContain('<cite');
    expect(generateJSON(html, noteExtensions()).content[0].content[0].content[1]).toEqual({ type: 'citation', attrs: citation });
  });
});
