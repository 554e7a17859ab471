import { useEffect, useRef, useState } from 'react';
import type { Editor, JSONContent } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { noteTagsOf, renameNote, setNoteTags, UNTITLED } from '../../db/notes';
import { liveSources } from '../../db/sources';
import { distinctTags } from '../../../shared/model';
import { TagInput } from '../tags/TagInput';
import { reportFailure } from '../../app/report-failure';
import { getInCase } from '../../db/case-scope';
import { NoteEditor } from '../editor/NoteEditor';
import type { SaveState } from '../editor/debounced-saver';
import { useNoteActions } from './use-note-actions';
import { logError } from '../../bridge';
import { formatTime } from '../../format';
import { exportNoteMarkdown } from '../export/note-markdown';
import { NoteHistory } from '../history/NoteHistory';
import { ErrorBoundary } from '../../app/ErrorBoundary';

const SAVE_LABELS: Partial<Record<SaveState, string>> = { pending: 'Edited', saving: 'Saving…', error: 'Not saved — will retry' };


/** The middle pane for a note: its title, save state, and editor. */
export function NoteView({ noteId, focus, find }: { noteId: string; focus?: { entityId: string; occurrence: number } | undefined; find?: string | undefined }) {
  const services = useApp();
  const { db, caseId } = services;
  const { remove } = useNoteActions();
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [historyOpen, setHistoryOpen] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  // Bumped by a restore from History, so the editor reopens on the restored text.
  const [restored, setRestored] = useState<{ revision: number; content: JSONContent } | null>(null);
  // `null` once loaded and missing, so "loading" and "gone" look different.
  const note = useLiveQuery(async () => (await getInCase(db.notes, caseId, noteId)) ?? null, [caseId, noteId]);

  if (note === undefined) return <div className="pane-loading">Loading note…</div>;
  if (note === null || note.deletedAt) {
    return (
      <div className="empty-state">
        <h2>This note is gone</h2>
        <p>It was deleted. Pick another note from the sidebar.</p>
      </div>
    );
  }

  return (
    <article className="note-view" data-note-id={note.id}>
      <header className="note-header">
        <NoteTitle
          noteId={note.id}
          title={note.title}
          autoFocus={note.title === UNTITLED && note.text === ''}
          // Through the editor, not the DOM selection, which ProseMirror would read back only later; and at once, not
          // as TipTap's focus command does (in the next frame): a letter typed right after Enter belongs to the text.
          onEnter={() => {
            const editor = editorRef.current;
            if (!editor || editor.isDestroyed) return;
            editor.view.dispatch(editor.state.tr.setSelection(Selection.atStart(editor.state.doc)));
            editor.view.focus();
          }}
        />
        <div className="note-meta">
          <span className={`save-state save-${saveState}`} data-save-state={saveState}>
            {SAVE_LABELS[saveState] ?? `Saved · ${formatTime(note.updatedAt)}`}
          </span>
          <button type="button" className="subtle" onClick={() => void exportNoteMarkdown(services, note.id)} title="Save this note as a Markdown file">
            Markdown…
          </button>
          <button type="button" className="subtle" aria-expanded={historyOpen} onClick={() => setHistoryOpen((o) => !o)} title="Earlier versions of this note">
            History
          </button>
          <button type="button" className="subtle danger" onClick={() => void remove(note.id, note.title)} title="Delete note (Undo available)">
            Delete
          </button>
        </div>
        <NoteTags noteId={note.id} tags={note.tags ?? []} />
      </header>
      {historyOpen && (
        <ErrorBoundary what="this note's history" onClose={() => setHistoryOpen(false)}>
          <NoteHistory noteId={note.id} onClose={() => setHistoryOpen(false)} onRestored={(content) => setRestored((r) => ({ revision: (r?.revision ?? 0) + 1, content }))} />
        </ErrorBoundary>
      )}
      <ErrorBoundary key={`${note.id}:${restored?.revision ?? 0}`} what="the editor">
        <NoteEditor key={`${note.id}:${restored?.revision ?? 0}`} noteId={note.id} initialContent={restored?.content ?? note.content} focus={focus} find={find} onSaveState={setSaveState} editorRef={editorRef} />
      </ErrorBoundary>
    </article>
  );
}

/** The note's tags; the case's tags (notes and sources) are offered once the user starts typing one. */
function NoteTags({ noteId, tags }: { noteId: string; tags: string[] }) {
  const { db, caseId, toasts } = useApp();
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const load = () => {
    if (suggestions) return;
    void Promise.all([noteTagsOf(db, caseId), liveSources(db, caseId).toArray()])
      .then(([notes, sources]) => setSuggestions(distinctTags([...notes, ...sources.map((s) => s.tags)])))
      .catch((error: unknown) => logError('Reading the case’s tags failed', error));
  };
  return (
    <TagInput
      label="Note tags"
      tags={tags}
      suggestions={suggestions ?? []}
      onFocus={load}
      onChange={(next) => void setNoteTags(db, noteId, next).catch((error: unknown) => reportFailure(toasts, 'Saving the tags', error))}
    />
  );
}

function NoteTitle({ noteId, title, autoFocus, onEnter }: { noteId: string; title: string; autoFocus: boolean; onEnter: () => void }) {
  const { db } = useApp();
  const [value, setValue] = useState(title);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setValue(title);
  }, [title]);

  const commit = () => {
    editing.current = false;
    if (value.trim() === title) return;
    renameNote(db, noteId, value).catch((e) => logError('Renaming a note failed', e));
  };

  return (
    <input
      className="note-title"
      aria-label="Note title"
      value={value}
      // A title longer than the field ends in an ellipsis; the whole of it is here.
      title={value}
      placeholder={UNTITLED}
      autoFocus={autoFocus}
      onFocus={(e) => {
        editing.current = true;
        if (title === UNTITLED) e.target.select();
      }}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
          onEnter();
        }
        if (e.key === 'Escape') {
          editing.current = false;
          setValue(title);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
