import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { noteExtensions } from '../../../shared/editor/extensions';
import { citationNode } from '../../../shared/editor/document';
import { citationStatusKey, citationStatusPlugin } from '../../../renderer/features/editor/citation-status';

const schema = getSchema(noteExtensions());
const cite = (n: number) => citationNode({ citationId: `c-${n}`, sourceId: 'src', start: n, end: n + 4, page: null, quote: 'quote', sourceSha256: 'a'.repeat(64), sourceTitle: 'Report' });
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'First ' }, cite(1)] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Second ' }, cite(2)] },
  ],
});

/** Where the marks are, and which citation each one is on. */
const marked = (state: EditorState) =>
  citationStatusKey
    .getState(state)!
    .find()
    .map((d) => ({ from: d.from, citationId: state.doc.nodeAt(d.from)?.attrs.citationId as string, reason: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-broken'] }));

describe('citation status marks', () => {
  it('marks the broken citations it is told of, and keeps them on their nodes through edits', () => {
    let state = EditorState.create({ doc, plugins: [citationStatusPlugin()] });
    state = state.apply(state.tr.setMeta(citationStatusKey, new Map([['c-2', 'the source is gone']])));
    expect(marked(state)).toEqual([{ from: 17, citationId: 'c-2', reason: 'the source is gone' }]);

    // Typing before it moves the mark with the citation.
    state = state.apply(state.tr.insertText('Typed ', 1));
    expect(marked(state)).toEqual([{ from: 23, citationId: 'c-2', reason: 'the source is gone' }]);
    // Typing after it leaves it where it is.
    state = state.apply(state.tr.insertText('!', state.doc.content.size - 1));
    expect(marked(state)).toEqual([{ from: 23, citationId: 'c-2', reason: 'the source is gone' }]);

    // The citation deleted: its mark goes with it.
    state = state.apply(state.tr.delete(23, 24));
    expect(marked(state)).toEqual([]);
    // A new check clears what was mended.
    state = state.apply(state.tr.setMeta(citationStatusKey, new Map()));
    expect(marked(state)).toEqual([]);
  });
});
