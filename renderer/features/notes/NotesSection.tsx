import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { shortcutLabel } from '../../app/key-platform';
import { useNavigationState } from '../../app/navigation';
import { listNotes, noteTagsOf, renameNote } from '../../db/notes';
import { distinctTags } from '../../../shared/model';
import { logError } from '../../bridge';
import { useNoteActions } from './use-note-actions';

const PAGE = 100;

/** The case's notes, newest first; a page at a time so a large case opens as fast as a small one. */
export function NotesSection() {
  const { db, caseId, nav } = useApp();
  const { main } = useNavigationState(nav);
  const { create, remove } = useNoteActions();
  const [limit, setLimit] = useState(PAGE);
  const [renaming, setRenaming] = useState<string | null>(null);
  // The tag filter: its choices are read when the user opens it, not on every save.
  const [tag, setTag] = useState('');
  const [tagChoices, setTagChoices] = useState<string[] | null>(null);
  const notes = useLiveQuery(() => listNotes(db, caseId, limit + 1, tag || undefined), [db, caseId, limit, tag]);
  const toggleTagFilter = () => {
    if (tagChoices) {
      setTagChoices(null);
      setTag('');
      return;
    }
    noteTagsOf(db, caseId)
      .then((lists) => setTagChoices(distinctTags(lists)))
      .catch((error: unknown) => logError('Reading the notes’ tags failed', error));
  };
  const activeId = main.kind === 'note' ? main.noteId : null;

  return (
    <section className="side-section" aria-labelledby="notes-heading">
      <div className="side-heading">
        <h2 id="notes-heading">Notes</h2>
        <button type="button" className="icon-button" title="Filter notes by tag" aria-label="Filter notes by tag" aria-pressed={tagChoices !== null} onClick={toggleTagFilter}>
          #
        </button>
        <button type="button" className="icon-button" title={`New note (${shortcutLabel('new-note')})`} aria-label="New note" onClick={() => void create()}>
          +
        </button>
      </div>
      {tagChoices && (
        <select className="type-filter" aria-label="Notes with the tag" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{tagChoices.length ? 'Every note' : 'No note has a tag yet'}</option>
          {tagChoices.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      )}
      {notes && notes.length === 0 && tag && <p className="side-empty">No note has this tag.</p>}
      {notes && notes.length === 0 && !tag && (
        <p className="side-empty">
          No notes yet. <button type="button" className="link-button" onClick={() => void create()}>Write the first one</button>
        </p>
      )}
      <ul className="side-list" role="list">
        {notes?.slice(0, limit).map((note) => (
          <li key={note.id} className={`side-item${note.id === activeId ? ' is-active' : ''}`} data-note-id={note.id}>
            {renaming === note.id ? (
              <input
                className="rename-input"
                aria-label="Rename note"
                autoFocus
                defaultValue={note.title}
                onBlur={(e) => {
                  void renameNote(db, note.id, e.target.value);
                  setRenaming(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                  if (e.key === 'Escape') setRenaming(null);
                }}
              />
            ) : (
              <button
                type="button"
                className="side-link"
                onClick={() => nav.openMain({ kind: 'note', noteId: note.id })}
                onDoubleClick={() => setRenaming(note.id)}
                onKeyDown={(e) => {
                  if (e.key === 'F2') setRenaming(note.id);
                  if (e.key === 'Delete') void remove(note.id, note.title);
                }}
                // The whole title (the row may cut it short), then what the row does.
                title={`${note.title}\nDouble-click or F2 to rename, Delete to delete`}
              >
                <span className="side-label">{note.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {notes && notes.length > limit && (
        <button type="button" className="link-button more" onClick={() => setLimit((l) => l + PAGE)}>
          Show more notes
        </button>
      )}
    </section>
  );
}
