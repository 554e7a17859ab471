import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createNote, saveNoteContent } from '../../../renderer/db/notes';
import { citationNode, mentionNode } from '../../../shared/editor/document';
import type { Citation, Mention } from '../../../shared/model';
import { freshDatabase } from './fresh-db';
import { seededRandom } from '../../fixtures/seeded-random';

/**
 * The autosave writes only the mention and citation rows that changed. Here
 * random edit sequences (typing, deleting, chips added, removed and
 * re-pointed, citations copied and dropped, paragraphs split and joined)
 * are saved one after another, and after each save the note's rows must be
 * exactly what a full rewrite of the same document gives in a fresh store.
 */

const CASE = 'case-1';

type Rng = ReturnType<typeof seededRandom>;

const WORDS = ['the', 'broker', 'paid', 'a courier', 'at the port', 'in cash', 'later', '.'];
const ENTITIES = [
  { entityId: 'ent-a', label: 'Anne Duval', entityType: 'Person' as const },
  { entityId: 'ent-b', label: 'Harbour Freight', entityType: 'Organization' as const },
  { entityId: 'ent-c', label: 'Rotterdam', entityType: 'Place' as const },
  { entityId: '', label: 'Detached', entityType: 'Person' as const },
];
const citation = (n: number): JSONContent =>
  citationNode({ citationId: `c-${n}`, sourceId: `src-${n % 3}`, start: n, end: n + 7, page: n % 2 ? n : null, quote: `quote ${n}`, sourceSha256: 'a'.repeat(64), sourceTitle: `Report ${n % 3}` });

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const words = (rng: Rng) => Array.from({ length: 1 + rng.int(6) }, () => rng.pick(WORDS)).join(' ');

function randomInline(rng: Rng): JSONContent {
  const roll = rng.next();
  if (roll < 0.55) return text(`${words(rng)} `);
  if (roll < 0.9) return mentionNode(rng.pick(ENTITIES));
  return citation(rng.int(12));
}

function randomBlock(rng: Rng): JSONContent {
  const content = Array.from({ length: rng.int(6) }, () => randomInline(rng));
  if (rng.next() < 0.1) return { type: 'heading', attrs: { level: 2 }, content };
  if (rng.next() < 0.1) return { type: 'blockquote', content: [{ type: 'paragraph', content }] };
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** The inline content list of a top-level block (inside its blockquote's paragraph if quoted). */
function inlineOf(block: JSONContent): JSONContent[] {
  if (block.type === 'blockquote') return (block.content![0]!.content ??= []);
  return (block.content ??= []);
}

/** One random edit, applied to a copy of the document. */
function edit(doc: JSONContent, rng: Rng): JSONContent {
  const next = structuredClone(doc) as JSONContent;
  const blocks = next.content!;
  const block = rng.pick(blocks);
  const inline = inlineOf(block);
  const at = rng.int(inline.length + 1);
  switch (rng.int(9)) {
    case 0: // typing a few characters inside a text run, or a new run
    case 1: {
      const run = inline[at];
      if (run?.type === 'text') {
        const cut = rng.int(run.text!.length + 1);
        run.text = run.text!.slice(0, cut) + rng.pick(['a', 'b ', ' ', 'xyz']) + run.text!.slice(cut);
      } else inline.splice(at, 0, text(rng.pick(['a', 'word ', ' '])));
      break;
    }
    case 2: // deleting a run or a chip
      if (inline.length) inline.splice(rng.int(inline.length), 1);
      break;
    case 3: // a chip or a citation added
      inline.splice(at, 0, randomInline(rng));
      break;
    case 4: {
      // a chip re-pointed (an entity merge) or relabelled
      const chips = inline.filter((n) => n.type === 'entityMention');
      if (chips.length) rng.pick(chips).attrs = { ...rng.pick(ENTITIES) };
      break;
    }
    case 5: // a paragraph added
      blocks.splice(rng.int(blocks.length + 1), 0, randomBlock(rng));
      break;
    case 6: // a paragraph removed (one always stays)
      if (blocks.length > 1) blocks.splice(rng.int(blocks.length), 1);
      break;
    case 7: {
      // a paragraph split in two
      const i = blocks.indexOf(block);
      const tail = inline.splice(at);
      blocks.splice(i + 1, 0, { type: 'paragraph', content: tail });
      break;
    }
    default: {
      // a paragraph joined to the next
      const i = blocks.indexOf(block);
      const after = blocks[i + 1];
      if (after && block.type === 'paragraph' && after.type === 'paragraph') {
        inline.push(...(after.content ?? []));
        blocks.splice(i + 1, 1);
      }
    }
  }
  for (const b of blocks) if (b.type === 'paragraph' && b.content?.length === 0) delete b.content;
  return next;
}

type Db = ReturnType<typeof freshDatabase>;
const mentionRows = async (db: Db, noteId: string): Promise<Mention[]> => (await db.mentions.where('[targetKind+targetId]').equals(['note', noteId]).toArray()).sort((a, b) => a.id.localeCompare(b.id));
const citationRows = async (db: Db, noteId: string): Promise<Citation[]> => (await db.citations.where('noteId').equals(noteId).toArray()).sort((a, b) => a.id.localeCompare(b.id));
const withoutTime = (rows: Citation[]) => rows.map(({ createdAt: _createdAt, ...row }) => row);

/** What a full rewrite of `doc` leaves in a store that never held the note's earlier rows. */
async function rewrittenRows(noteId: string, doc: JSONContent) {
  const db = freshDatabase();
  await db.notes.add({ id: noteId, caseId: CASE, title: 'n', content: { type: 'doc', content: [{ type: 'paragraph' }] }, text: '', createdAt: 0, updatedAt: 0 });
  await saveNoteContent(db, noteId, doc);
  const rows = { mentions: await mentionRows(db, noteId), citations: await citationRows(db, noteId) };
  db.close();
  return rows;
}

describe('saveNoteContent after random edits', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`leaves exactly the rows a full rewrite gives (seed ${seed})`, async () => {
      const rng = seededRandom(seed);
      const db = freshDatabase();
      const id = await createNote(db, CASE);
      // Rows of another note and another case must never be touched.
      const other = await createNote(db, CASE);
      await saveNoteContent(db, other, { type: 'doc', content: [{ type: 'paragraph', content: [mentionNode(ENTITIES[0]!), citation(1)] }] });
      const otherRows = { mentions: await mentionRows(db, other), citations: await citationRows(db, other) };

      let doc: JSONContent = { type: 'doc', content: Array.from({ length: 6 }, () => randomBlock(rng)) };
      const firstQuoted = new Map<string, number>();
      for (let step = 0; step < 40; step++) {
        // Several edits between saves, as typing between autosaves.
        for (let e = 1 + rng.int(4); e > 0; e--) doc = edit(doc, rng);
        // The linker's suggestions for the old text go with a save, as they did with a full rewrite.
        if (rng.next() < 0.3) {
          await db.mentions.put({ id: `found-note-${id}-${step}-ent-a`, caseId: CASE, entityId: 'ent-a', targetKind: 'note', targetId: id, start: 0, end: 3, snippet: 'the', status: 'suggested' });
        }
        const when = 1_000 * (step + 1);
        const now = Date.now;
        Date.now = () => when;
        try {
          await saveNoteContent(db, id, doc);
        } finally {
          Date.now = now;
        }

        const expected = await rewrittenRows(id, doc);
        const got = { mentions: await mentionRows(db, id), citations: await citationRows(db, id) };
        expect(got.mentions, `mentions after step ${step}`).toEqual(expected.mentions);
        expect(withoutTime(got.citations), `citations after step ${step}`).toEqual(withoutTime(expected.citations));
        // A citation row keeps the time of its first save, as long as the note keeps quoting it.
        const present = new Set(got.citations.map((c) => c.id));
        for (const key of [...firstQuoted.keys()]) if (!present.has(key)) firstQuoted.delete(key);
        for (const c of got.citations) {
          if (!firstQuoted.has(c.id)) firstQuoted.set(c.id, when);
          expect(c.createdAt, `createdAt of ${c.id} after step ${step}`).toBe(firstQuoted.get(c.id));
        }
      }
      expect({ mentions: await mentionRows(db, other), citations: await citationRows(db, other) }).toEqual(otherRows);
    });
  }
});
