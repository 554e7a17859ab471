import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { noteContentProblem } from '../../../shared/editor/check-content';
import { emptyDocument } from '../../../shared/editor/document';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (t: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('noteContentProblem', () => {
  it('accepts what the editor writes: text, marks, mentions, citations, lists, an empty document', () => {
    expect(noteContentProblem(emptyDocument())).toBeNull();
    expect(noteContentProblem(doc())).toBeNull();
    expect(noteContentProblem({ type: 'doc' })).toBeNull();
    expect(noteContentProblem(doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
      p(text('Paid by '), { type: 'entityMention', attrs: { entityId: 'e1', label: 'Acme', entityType: 'Company' } }, text(' in cash', [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org/' } }])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one'))] }] },
    ))).toBeNull();
  });

  it('names a node or mark type the schema does not know', () => {
    expect(noteContentProblem(doc(p(text('kept')), { type: 'video', attrs: { src: 'x' } }))).toMatch(/video/);
    expect(noteContentProblem(doc(p(text('x', [{ type: 'sparkle' }]))))).toMatch(/sparkle/);
  });

  it('refuses wrong nesting and a document that is not one', () => {
    expect(noteContentProblem(doc(text('text straight in the document')))).toMatch(/Invalid content for node doc/);
    expect(noteContentProblem(doc(p(p(text('a paragraph in a paragraph')))))).toMatch(/Invalid content for node paragraph/);
    expect(noteContentProblem(p(text('a bare paragraph')))).toMatch(/not a document/);
    expect(noteContentProblem(null)).not.toBeNull();
    expect(noteContentProblem({} as JSONContent)).not.toBeNull();
  });
});
