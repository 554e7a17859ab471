import { describe, expect, it } from 'vitest';
import { freshDatabase } from './fresh-db';
import { readCaseSnapshot, writeCaseSnapshot } from '../../../renderer/db/snapshot';
import { decodeBackup, encodeBackup } from '../../../shared/export/backup';
import { caseSnapshotSchema, type CaseSnapshot } from '../../../shared/export/case-snapshot';
import { leaves, sampleOf } from '../../shared/model/schema-sample';

/** Ids the sample's references agree on, so the sample is a self-contained case. */
const ID = { case: 'case-rt', notes: 'note-rt', sources: 'src-rt', entities: 'ent-rt', relations: 'rel-rt', mentions: 'mention-rt', citations: 'note-rt:cite-rt', candidates: 'case-rt:key-rt' } as const;
const ID_PARTS = ['case-rt', 'note-rt', 'src-rt', 'ent-rt', 'rel-rt', 'mention-rt', 'cite-rt'];

/** A note document that exercises marks, attributes and both of Casebook's inline nodes. */
const DOCUMENT = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      attrs: { textAlign: 'left' },
      content: [
        { type: 'text', text: 'Bold words', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org/' } }] },
        { type: 'entityMention', attrs: { entityId: ID.entities, label: 'Someone', entityType: 'Person' } },
        { type: 'citation', attrs: { citationId: 'cite-rt', sourceId: ID.sources, start: 0, end: 4, page: 1, quote: 'text', sourceSha256: 'a'.repeat(64), sourceTitle: 'Src' } },
      ],
    },
  ],
};

function pick(path: string[]): unknown {
  const [table, , field] = path;
  const last = path.at(-1);
  if (table === 'case' && field === undefined && path[1] === 'id') return ID.case;
  if (last === 'caseId') return ID.case;
  if (path.length === 3 && field === 'id') return ID[table as keyof typeof ID];
  if (table === 'sourceBodies' && field === 'sourceId') return ID.sources;
  if (table === 'notes' && field === 'content') return DOCUMENT;
  if (table === 'candidates' && field === 'key') return 'key-rt';
  if (last === 'entityId' || last === 'fromId' || last === 'toId') return ID.entities;
  if (last === 'noteId') return ID.notes;
  if (last === 'sourceId' || last === 'parentId') return ID.sources;
  if (last === 'targetId') return ID.notes; // targetKind's first value is 'note'
  return undefined;
}

/**
 * Every field of every table a backup carries, generated from the model's
 * schemas (every optional field set), is written to the store, backed up,
 * restored into another store and read back: a field added to the model is
 * covered here without anyone remembering to add it, and a field some step
 * drops (a schema that strips it, a writer that rebuilds rows by hand) fails.
 */
describe('a backup keeps every field of every table', () => {
  it('the generated case sets every field the schemas define', () => {
    const sample = sampleOf(caseSnapshotSchema, pick) as CaseSnapshot;
    const parsed = caseSnapshotSchema.safeParse(sample);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
    // Nothing stripped by the schema either.
    expect(leaves(parsed.data)).toEqual(leaves(sample));
    for (const table of ['notes', 'sources', 'sourceBodies', 'entities', 'relations', 'mentions', 'citations', 'candidates'] as const) {
      expect(sample[table], table).toHaveLength(1);
    }
    expect(sample.sources[0]).toHaveProperty('extractedAt');
    expect(sample.notes[0]).toHaveProperty('deletedAt');
  });

  it('survives store → backup → another store, field for field', async () => {
    const sample = sampleOf(caseSnapshotSchema, pick) as CaseSnapshot;
    const first = freshDatabase();
    const { caseId } = await writeCaseSnapshot(first, sample);
    const stored = (await readCaseSnapshot(first, caseId))!;
    const decoded = await decodeBackup(await encodeBackup(stored, new Map(), { appVersion: 'test' }));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const second = freshDatabase();
    const { caseId: restoredId } = await writeCaseSnapshot(second, decoded.value.snapshot);
    const restored = (await readCaseSnapshot(second, restoredId))!;

    const before = leaves(sample);
    const after = leaves(restored);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, value] of before) {
      const isId = typeof value === 'string' && ID_PARTS.some((part) => value.includes(part));
      if (isId) {
        // Ids are fresh after a restore; they must still be there.
        expect(typeof after.get(path), path).toBe('string');
        expect(after.get(path), path).not.toBe('');
      } else {
        expect(after.get(path), path).toEqual(value);
      }
    }
  });
});
