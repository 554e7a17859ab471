import 'fake-indexeddb/auto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Citation, ImportedSource, Mention } from '../../../shared/model';
import { checkCitation } from '../../../renderer/db/citations';
import { storeCandidates } from '../../../renderer/db/candidates';
import { addImportedSource, editSource } from '../../../renderer/db/sources';
import { applyRedecode, redecodeImpact, undoRedecode } from '../../../renderer/db/source-redecode';
import { freshDatabase } from './fresh-db';

// A Cyrillic memo in Windows-1251, as the importer gives it read both ways: the same bytes, the same file.
const MEMO = 'Платеж: Gazprom Neft перевел 40 000 руб. через Riga.\nКонтакт: Иван Петров.';
const bytes = iconv.encode(MEMO, 'windows-1251');
const asRead = (encoding: string, source: 'detected' | 'chosen'): ImportedSource => ({
  title: 'memo',
  format: 'text',
  fileName: 'memo.txt',
  text: iconv.decode(bytes, encoding),
  sha256: 'd'.repeat(64),
  size: bytes.length,
  metadata: { encoding, encodingSource: source },
});
const wrong = asRead('windows-1252', 'detected');
const right = asRead('windows-1251', 'chosen');

const mention = (id: string, text: string, words: string, status: Mention['status'], nth = 0): Mention => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  return { id, caseId: 'c1', entityId: `ent-${id}`, targetKind: 'source', targetId: '', start, end: start + words.length, snippet: words, status };
};
const citation = (id: string, sourceId: string, text: string, words: string): Citation => {
  const start = text.indexOf(words);
  return { id, caseId: 'c1', noteId: 'n1', sourceId, start, end: start + words.length, quote: words, sourceSha256: 'd'.repeat(64), createdAt: 1 };
};

async function setUp() {
  const db = freshDatabase();
  const { id } = await addImportedSource(db, 'c1', wrong);
  await editSource(db, 'c1', id, { title: 'Payment memo', notes: 'From the Riga tip.' });
  const mojibake = wrong.text.slice(0, 6); // "Ïëàòåæ": the first word, misread.
  const mentions = [
    mention('same', wrong.text, 'Gazprom Neft', 'confirmed'),
    mention('garbled', wrong.text, mojibake, 'confirmed'),
    mention('found', wrong.text, 'Riga', 'suggested'),
  ].map((m) => ({ ...m, targetId: id }));
  await db.mentions.bulkAdd(mentions);
  await db.citations.bulkAdd([citation('ascii', id, wrong.text, 'Gazprom Neft'), citation('cyrillic', id, wrong.text, mojibake)]);
  await storeCandidates(db, 'c1', id, wrong.text, [{ key: 'ivan', name: 'Ivan', type: 'Person', occurrences: [{ start: 60, end: 64 }] }] as never);
  return { db, id, mentions };
}

describe('re-decoding a source with another encoding', () => {
  it('replaces the text in place, keeps what still matches, and says what breaks', async () => {
    const { db, id } = await setUp();
    expect(await redecodeImpact(db, 'c1', id, right)).toEqual({ citationsBroken: 1, mentionsMoved: 0, mentionsLost: 1 });
    const { impact } = await applyRedecode(db, 'c1', id, right);
    expect(impact).toEqual({ citationsBroken: 1, mentionsMoved: 0, mentionsLost: 1 });

    expect((await db.sourceBodies.get(id))!.text).toBe(MEMO);
    const source = (await db.sources.get(id))!;
    expect(source.metadata).toEqual({ encoding: 'windows-1251', encodingSource: 'chosen' });
    // The user's own title and notes stay; extraction will read it again.
    expect(source.edits).toEqual({ title: 'Payment memo', notes: 'From the Riga tip.' });
    expect(source.extractedAt).toBeUndefined();
    // The confirmed mention of the same words stays; the misread one and the linker's go.
    expect((await db.mentions.toArray()).map((m) => m.id)).toEqual(['same']);
    expect(await db.candidates.count()).toBe(0);
    // A citation of the misread words is broken, never pointed at what is there now; the other holds.
    const ascii = (await db.citations.get('ascii'))!;
    const cyrillic = (await db.citations.get('cyrillic'))!;
    expect(await checkCitation(db, ascii, 'c1')).toEqual({ status: 'ok' });
    expect(await checkCitation(db, cyrillic, 'c1')).toMatchObject({ status: 'broken', reason: 'The quoted passage is no longer at this place in the source.' });
  });

  it('moves a confirmed mention whose words now sit elsewhere, if they are in one place only', async () => {
    const { db, id } = await setUp();
    // A decoding that changes lengths (two bytes per letter) shifts what follows.
    const utf8 = { ...right, text: `Примечание. ${MEMO}`, metadata: { encoding: 'utf-8', encodingSource: 'chosen' } };
    const { impact } = await applyRedecode(db, 'c1', id, utf8);
    expect(impact).toMatchObject({ mentionsMoved: 1, mentionsLost: 1 });
    const moved = (await db.mentions.get('same'))!;
    expect(utf8.text.slice(moved.start, moved.end)).toBe('Gazprom Neft');
    expect(moved.snippet).toContain('Gazprom Neft');
  });

  it('undo puts back the text, the facts and every mention as they were', async () => {
    const { db, id, mentions } = await setUp();
    const before = { source: await db.sources.get(id), body: await db.sourceBodies.get(id) };
    const { undo } = await applyRedecode(db, 'c1', id, right);
    await undoRedecode(db, undo);
    expect(await db.sourceBodies.get(id)).toEqual(before.body);
    expect({ ...(await db.sources.get(id)), extractedAt: undefined }).toEqual({ ...before.source, extractedAt: undefined });
    expect((await db.mentions.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...mentions].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await checkCitation(db, (await db.citations.get('cyrillic'))!, 'c1')).toEqual({ status: 'ok' });
  });

  it('refuses another file, a source in another case or in the Trash, and writes nothing', async () => {
    const { db, id } = await setUp();
    const body = await db.sourceBodies.get(id);
    await expect(applyRedecode(db, 'c1', id, { ...right, sha256: 'e'.repeat(64) })).rejects.toThrow('not this source’s original');
    await expect(applyRedecode(db, 'c1', id, { ...right, format: 'html' })).rejects.toThrow('not this source’s original');
    await expect(applyRedecode(db, 'c2', id, right)).rejects.toThrow('no longer in the case');
    await db.sources.update(id, { deletedAt: 5 });
    await expect(applyRedecode(db, 'c1', id, right)).rejects.toThrow('no longer in the case');
    expect(await db.sourceBodies.get(id)).toEqual(body);
    expect(await db.mentions.count()).toBe(3);
  });
});
