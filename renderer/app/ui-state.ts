import type { CasebookDexie } from '../db/database';
import { listNotes } from '../db/notes';
import type { MainView } from './navigation';

const UI_KEY = 'ui';

interface UiState {
  caseId: string;
  noteId?: string;
}

/** Which case and note to open: where the user left off (a case not deleted), else the newest note; null when no case is left. */
export async function initialView(db: CasebookDexie): Promise<{ caseId: string; main: MainView } | null> {
  const saved = (await db.meta.get(UI_KEY))?.value as UiState | undefined;
  const savedCase = saved?.caseId ? await db.cases.get(saved.caseId) : undefined;
  const caseId = savedCase && savedCase.deletedAt === undefined ? savedCase.id : (await db.cases.filter((c) => c.deletedAt === undefined).first())?.id;
  if (!caseId) return null;
  if (saved?.noteId) {
    const note = await db.notes.get(saved.noteId);
    if (note && !note.deletedAt && note.caseId === caseId) return { caseId, main: { kind: 'note', noteId: note.id } };
  }
  const [newest] = await listNotes(db, caseId, 1);
  return { caseId, main: newest ? { kind: 'note', noteId: newest.id } : { kind: 'none' } };
}

/** Remembers the open note; reading a source or the library keeps the last note remembered. */
export async function rememberView(db: CasebookDexie, caseId: string, main: MainView): Promise<unknown> {
  if (main.kind === 'note') return db.meta.put({ key: UI_KEY, value: { caseId, noteId: main.noteId } satisfies UiState });
  if (main.kind === 'none') return db.meta.put({ key: UI_KEY, value: { caseId } satisfies UiState });
  return undefined;
}

/** Opens another case: remembered as the case to show, then the window reloads into it. */
export async function openCase(db: CasebookDexie, caseId: string): Promise<void> {
  await db.meta.put({ key: UI_KEY, value: { caseId } satisfies UiState });
  window.location.reload();
}
