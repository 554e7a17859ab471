import { getSchema, type JSONContent } from '@tiptap/core';
import { Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { citationNode, mentionNode, noteTextAndMentions } from '../../../shared/editor/document';
import { noteSaveOf } from '../../../shared/editor/incremental-text';
import { noteExtensions } from '../../../shared/editor/extensions';
import { seededRandom } from '../../fixtures/seeded-random';

/**
 * The editor's autosave serialises a note and derives its text and rows
 * block by block, reusing what it computed for blocks an edit left alone.
 * Whatever the edits, the result must be exactly the whole-document one:
 * `doc.toJSON()` and `noteTextAndMentions` of it.
 */

const schema = getSchema(noteExtensions());
const NOTE = { id: 'note-1', caseId: 'case-1' };
type Rng = ReturnType<typeof seededRandom>;

const WORDS = ['the', 'broker', 'paid', 'a courier', 'at the port', 'in cash', 'later', '.', 'a much longer run of words that pushes a chip far from the edges of its paragraph'];
const ENTITIES = [
  { entityId: 'ent-a', label: 'Anne Duval', entityType: 'Person' as const },
  { entityId: 'ent-b', label: 'Harbour Freight', entityType: 'Organization' as const },
  // An empty label: the one case where a block adds a separator and no characters.
  { entityId: 'ent-e', label: '', entityType: 'Place' as const },
  { entityId: '', label: 'Detached', entityType: 'Person' as const },
];
const citation = (n: number): JSONContent =>
  citationNode({ citationId: `c-${n}`, sourceId: `src-${n % 3}`, start: n, end: n + 7, page: n % 2 ? n : null, quote: `quote ${n}`, sourceSha256: 'a'.repeat(64), sourceTitle: `Report ${n % 3}` });

function randomInline(rng: Rng): JSONContent {
  const roll = rng.next();
  if (roll < 0.6) return { type: 'text', text: `${Array.from({ length: 1 + rng.int(8) }, () => rng.pick(WORDS)).join(' ')} ` };
  if (roll < 0.9) return mentionNode(rng.pick(ENTITIES));
  return citation(rng.int(12));
}

function randomBlock(rng: Rng): JSONContent {
  const content = Array.from({ length: rng.int(7) }, () => randomInline(rng));
  const paragraph = content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
  const roll = rng.next();
  if (roll < 0.1) return { type: 'heading', attrs: { level: 2 }, content };
  if (roll < 0.2) return { type: 'blockquote', content: [{ type: 'paragraph' }, paragraph] };
  if (roll < 0.3) return { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph] }, { type: 'listItem', content: [{ type: 'paragraph', content: [randomInline(rng)] }] }] };
  return paragraph;
}

/** One random edit as the editor makes them: a transaction, so untouched blocks stay the same objects. */
function edit(doc: ProseMirrorNode, rng: Rng): ProseMirrorNode {
  const size = doc.content.size;
  const pos = 1 + rng.int(Math.max(1, size - 1));
  const $pos = doc.resolve(pos);
  try {
    switch (rng.int(6)) {
      case 0:
      case 1:
        if ($pos.parent.inlineContent) return doc.replace(pos, pos, sliceOf(schema.text(rng.pick(['a', 'b ', ' ', 'xyz']))));
        return doc;
      case 2: {
        const to = Math.min(size - 1, pos + 1 + rng.int(30));
        return doc.replace(pos, to, Slice.empty);
      }
      case 3:
        if ($pos.parent.inlineContent) return doc.replace(pos, pos, sliceOf(schema.nodeFromJSON(randomInline(rng))));
        return doc;
      case 4: {
        // A whole block inserted between two top-level blocks.
        const at = rng.int(doc.childCount + 1);
        let offset = 0;
        for (let i = 0; i < at; i++) offset += doc.child(i).nodeSize;
        return doc.replace(offset, offset, sliceOf(schema.nodeFromJSON(randomBlock(rng))));
      }
      default: {
        // A top-level block removed (the note keeps at least one).
        if (doc.childCount < 2) return doc;
        const at = rng.int(doc.childCount);
        let offset = 0;
        for (let i = 0; i < at; i++) offset += doc.child(i).nodeSize;
        return doc.replace(offset, offset + doc.child(at).nodeSize, Slice.empty);
      }
    }
  } catch {
    return doc; // A replace the schema refuses: no edit this step.
  }
}

function sliceOf(node: ProseMirrorNode) {
  return schema.node('doc', null, node.isBlock ? [node] : [schema.node('paragraph', null, [node])]).slice(node.isBlock ? 0 : 1, node.isBlock ? node.nodeSize : 1 + node.nodeSize);
}

describe('noteSaveOf', () => {
  it('gives exactly the whole-document JSON, text and rows after every edit of random sequences', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rng = seededRandom(seed);
      const blocks = Array.from({ length: 1 + rng.int(12) }, () => randomBlock(rng));
      // Notes that start with empty blocks: the first block with text has no blank line before it.
      if (seed % 3 === 0) blocks.unshift({ type: 'paragraph' }, { type: 'paragraph', content: [mentionNode(ENTITIES[2]!)] });
      let doc = schema.nodeFromJSON({ type: 'doc', content: blocks });
      for (let step = 0; step < 60; step++) {
        const got = noteSaveOf(NOTE, doc, 1000);
        const json = doc.toJSON() as JSONContent;
        expect(got.content, `seed ${seed}, step ${step}`).toEqual(json);
        expect(got.rows, `seed ${seed}, step ${step}`).toEqual(noteTextAndMentions(NOTE, json, 1000));
        doc = edit(doc, rng);
      }
    }
  });

  it('reuses the blocks an edit left alone', () => {
    const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one ' }, mentionNode(ENTITIES[0]!)] }, { type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] });
    const first = noteSaveOf(NOTE, doc);
    const edited = doc.replace(doc.content.size - 1, doc.content.size - 1, sliceOf(schema.text('!')));
    const second = noteSaveOf(NOTE, edited);
    expect(second.content.content![0]).toBe(first.content.content![0]);
    expect(second.content.content![1]).not.toBe(first.content.content![1]);
    expect(second.rows.text).toBe('one Anne Duval\n\ntwo!');
  });
});
