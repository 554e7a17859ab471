import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialView, rememberView } from '../../../renderer/app/ui-state';
import { createNote, deleteNote } from '../../../renderer/db/notes';
import { ensureSeeded } from '../../../renderer/db/seed';
import { freshDatabase } from '../db/fresh-db';

const CASE = 'case-1';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 1));
});
afterEach(() => vi.useRealTimers());
const later = () => vi.setSystemTime(Date.now() + 1_000);

async function caseWithNotes() {
  const db = freshDatabase();
  await db.cases.add({ id: CASE, title: 'Case', summary: '', createdAt: 1, updatedAt: 1 });
  const older = await createNote(db, CASE, 'older');
  later();
  const newer = await createNote(db, CASE, 'newer');
  later();
  return { db, older, newer };
}

describe('initialView', () => {
  it('is null when there is no case', async () => {
    expect(await initialView(freshDatabase())).toBeNull();
  });

  it('opens the case with nothing in the middle when it has no notes', async () => {
    const db = freshDatabase();
    await db.cases.add({ id: CASE, title: 'Case', summary: '', createdAt: 1, updatedAt: 1 });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'none' } });
  });

  it('opens the starter note of the seeded case on first run', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    expect(await initialView(db)).toEqual({ caseId: 'case-fentanyl', main: { kind: 'note', noteId: 'note-briefing-draft' } });
  });

  it('falls back to the newest note when nothing was remembered', async () => {
    const { db, newer } = await caseWithNotes();
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: newer } });
  });

  it('reopens the note the user left off at', async () => {
    const { db, older } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'note', noteId: older });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: older } });
  });

  it('remembers only the last view', async () => {
    const { db, older, newer } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'note', noteId: newer });
    await rememberView(db, CASE, { kind: 'note', noteId: older, focus: { entityId: 'ent-a', occurrence: 2 } });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: older } });
  });

  it('falls back to the newest remaining note when the remembered one was deleted', async () => {
    const { db, older, newer } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'note', noteId: newer });
    await deleteNote(db, newer);
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: older } });
  });

  it('falls back to the newest note when the remembered one is gone for good', async () => {
    const { db, newer } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'note', noteId: 'note-gone' });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: newer } });
  });

  it('falls back to the newest note when a source was last open', async () => {
    const { db, newer } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'source', sourceId: 'src-1' });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: newer } });
  });

  it('keeps the last open note remembered while a source is read', async () => {
    const { db, older } = await caseWithNotes();
    await rememberView(db, CASE, { kind: 'note', noteId: older });
    await rememberView(db, CASE, { kind: 'source', sourceId: 'src-1' });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: older } });
  });

  it('does not open a note of another case under the remembered case', async () => {
    const { db, newer } = await caseWithNotes();
    const foreign = await createNote(db, 'case-2', 'elsewhere');
    await rememberView(db, CASE, { kind: 'note', noteId: foreign });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: newer } });
  });

  it('falls back to an existing case when the remembered case is gone', async () => {
    const { db, newer } = await caseWithNotes();
    await rememberView(db, 'case-deleted', { kind: 'note', noteId: 'note-x' });
    expect(await initialView(db)).toEqual({ caseId: CASE, main: { kind: 'note', noteId: newer } });
  });
});
