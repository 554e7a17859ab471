import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { backlinksOf, createEntity, relationsOf } from '../../../renderer/db/entities';
import { createNote, deleteNote, saveNoteContent } from '../../../renderer/db/notes';
import { ensureSeeded } from '../../../renderer/db/seed';
import type { Relation } from '../../../shared/model';
import { loadSeedFiles } from '../../../shared/seed/data';
import { draft, freshDatabase } from './fresh-db';

const CASE = 'case-1';
const relation = (id: string, type: Relation['type'], fromId: string, toId: string): Relation => ({ id, caseId: CASE, type, fromId, toId, quotes: [], createdAt: 1 });
const mention = (entityId: string, label: string): JSONContent => ({ type: 'entityMention', attrs: { entityId, label, entityType: 'Person' } });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string): JSONContent => ({ type: 'text', text });

describe('relationsOf', () => {
  it('gives outgoing relations forward and incoming ones backward, each with the other entity', async () => {
    const db = freshDatabase();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    const dea = await createEntity(db, CASE, draft('DEA', { type: 'PublicBody' }));
    const spector = await createEntity(db, CASE, draft('SpecTor', { type: 'Event' }));
    await db.relations.bulkAdd([relation('r1', 'works_for', anne, dea), relation('r2', 'conducted', dea, spector), relation('r3', 'leads', anne, spector)]);
    const views = await relationsOf(db, CASE, dea);
    expect(views.map((v) => [v.relation.id, v.direction, v.other?.name]).sort()).toEqual([
      ['r1', 'backward', 'Anne Milgram'],
      ['r2', 'forward', 'SpecTor'],
    ]);
  });

  it('gives no relations for an unrelated entity, and an undefined other for a missing one', async () => {
    const db = freshDatabase();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    expect(await relationsOf(db, CASE, anne)).toEqual([]);
    await db.relations.add(relation('r1', 'works_for', anne, 'ent-deleted'));
    expect(await relationsOf(db, CASE, anne)).toEqual([expect.objectContaining({ direction: 'forward', other: undefined })]);
  });

  it('matches the seed’s relations for the Yuancheng Group, both ways', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const id = 'ent-yuancheng-group';
    const seed = loadSeedFiles().relations.filter((r) => r.from === id || r.to === id);
    const views = await relationsOf(db, 'case-fentanyl', id);
    expect(views.map((v) => v.relation.id).sort()).toEqual(seed.map((r) => r.id).sort());
    for (const v of views) {
      expect(v.other?.id).toBe(v.direction === 'forward' ? v.relation.toId : v.relation.fromId);
      expect(v.direction === 'forward' ? v.relation.fromId : v.relation.toId).toBe(id);
    }
  });
});

describe('backlinksOf', () => {
  async function scene() {
    const db = freshDatabase();
    await db.sources.add({ id: 'src-1', caseId: CASE, title: 'Article', format: 'text', sha256: 'x', size: 27, metadata: {}, importedAt: 1 });
    await db.sourceBodies.add({ sourceId: 'src-1', caseId: CASE, text: 'Milgram said. Milgram left.' });
    const noteA = await createNote(db, CASE, 'A');
    const noteB = await createNote(db, CASE, 'B');
    await saveNoteContent(db, noteA, { type: 'doc', content: [p(mention('ent-anne', 'Anne'), t(' met '), mention('ent-bob', 'Bob')), p(t('Later '), mention('ent-anne', 'Milgram'))] });
    await saveNoteContent(db, noteB, { type: 'doc', content: [p(t('Only '), mention('ent-anne', 'Anne Milgram'))] });
    // Added out of reading order on purpose.
    await db.mentions.bulkAdd([
      { id: 'm-src-2', caseId: CASE, entityId: 'ent-anne', targetKind: 'source', targetId: 'src-1', start: 14, end: 21, snippet: 'Milgram left.', status: 'confirmed' },
      { id: 'm-src-1', caseId: CASE, entityId: 'ent-anne', targetKind: 'source', targetId: 'src-1', start: 0, end: 7, snippet: 'Milgram said.', status: 'confirmed' },
    ]);
    return { db, noteA, noteB };
  }

  it('lists notes first, then sources, numbering occurrences per target in reading order', async () => {
    const { db, noteA, noteB } = await scene();
    const links = await backlinksOf(db, CASE, 'ent-anne');
    const summary = links.map((l) => [l.target.kind, l.target.kind === 'note' ? l.target.note.id : l.target.source.id, l.occurrence, l.mention.start]);
    expect(summary.slice(0, 3).sort()).toEqual(
      [
        ['note', noteA, 0, 0],
        ['note', noteA, 1, 'Anne met Bob\n\nLater '.length],
        ['note', noteB, 0, 'Only '.length],
      ].sort(),
    );
    expect(summary.slice(3)).toEqual([
      ['source', 'src-1', 0, 0],
      ['source', 'src-1', 1, 14],
    ]);
    const inA = summary.filter((s) => s[1] === noteA);
    expect(inA.map((s) => s[2])).toEqual([0, 1]);
  });

  it('gives the source’s id and title and the note itself', async () => {
    const { db, noteB } = await scene();
    const links = await backlinksOf(db, CASE, 'ent-anne');
    const source = links.find((l) => l.target.kind === 'source');
    expect(source?.target).toEqual({ kind: 'source', source: { id: 'src-1', title: 'Article' } });
    const note = links.find((l) => l.target.kind === 'note' && l.target.note.id === noteB);
    expect(note?.target.kind === 'note' && note.target.note.title).toBe('B');
    expect(note?.mention.snippet).toBe('Only Anne Milgram');
  });

  it('leaves out deleted notes', async () => {
    const { db, noteA, noteB } = await scene();
    await deleteNote(db, noteA);
    const notes = (await backlinksOf(db, CASE, 'ent-anne')).filter((l) => l.target.kind === 'note');
    expect(notes.map((l) => l.target.kind === 'note' && l.target.note.id)).toEqual([noteB]);
  });

  it('gives nothing for an entity never mentioned', async () => {
    const { db } = await scene();
    expect(await backlinksOf(db, CASE, 'ent-nobody')).toEqual([]);
  });

  it('finds the seeded starter note and the article for Anne Milgram', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const links = await backlinksOf(db, 'case-fentanyl', 'ent-anne-milgram');
    const kinds = links.map((l) => l.target.kind);
    expect(kinds).toContain('note');
    expect(kinds).toContain('source');
    expect(kinds.indexOf('source')).toBeGreaterThan(kinds.lastIndexOf('note'));
    for (const l of links) {
      const text = l.target.kind === 'note' ? l.target.note.text : (await db.sourceBodies.get(l.target.source.id))!.text;
      expect(text.slice(l.mention.start, l.mention.end)).toMatch(/Milgram/);
    }
  });
});
