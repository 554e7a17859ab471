import { useState } from 'react';
import type { JSONContent } from '@tiptap/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { listVersions } from '../../db/history';
import { restoreNoteVersion } from '../../db/notes';
import { flushPendingSaves } from '../editor/pending-saves';
import { logError } from '../../bridge';
import { formatTime } from '../../format';

const firstWords = (text: string) => {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 90 ? `${words.slice(0, 90)}…` : words || '(empty)';
};

/**
 * The earlier versions of a note, newest first, each with a plain-text
 * preview and a Restore. Restoring first saves what is in the editor, keeps
 * it as a version (so the restore can itself be undone here), then asks the
 * note view to reopen the editor on the restored text.
 */
export function NoteHistory({ noteId, onClose, onRestored }: { noteId: string; onClose: () => void; onRestored: (content: JSONContent) => void }) {
  const { db, toasts } = useApp();
  const versions = useLiveQuery(() => listVersions(db, noteId), [db, noteId]);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = versions?.find((v) => v.id === preview);

  const restore = async (versionId: string, savedAt: number) => {
    setBusy(true);
    try {
      await flushPendingSaves();
      onRestored(await restoreNoteVersion(db, versionId));
      toasts.show({ tone: 'info', message: `Restored the version of ${formatTime(savedAt)}. The text it replaced is kept in History.` });
    } catch (error) {
      logError('Restoring a note version failed', error);
      toasts.show({ tone: 'error', message: error instanceof Error ? error.message : 'Could not restore this version.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="note-history" aria-label="Note history">
      <header className="note-history-head">
        <h2>History</h2>
        <span className="muted">{versions?.length ? `${versions.length} earlier version${versions.length === 1 ? '' : 's'}` : ''}</span>
        <button type="button" className="subtle" onClick={onClose}>
          Close
        </button>
      </header>
      {versions === undefined ? (
        <p className="muted note-history-empty">Loading…</p>
      ) : versions.length === 0 ? (
        <p className="muted note-history-empty">No earlier versions yet. Casebook keeps one when you come back to a note after a while, and before a big change.</p>
      ) : (
        <ol className="note-history-list">
          {versions.map((v) => (
            <li key={v.id} className={v.id === preview ? 'is-active' : undefined} data-version-id={v.id}>
              <div className="note-history-meta">
                <time dateTime={new Date(v.savedAt).toISOString()}>{formatTime(v.savedAt)}</time>
                <span className="muted"> · {v.text.length.toLocaleString()} characters</span>
              </div>
              <div className="note-history-words">{firstWords(v.text)}</div>
              <div className="note-history-actions">
                <button type="button" className="subtle" aria-pressed={v.id === preview} onClick={() => setPreview(v.id === preview ? null : v.id)}>
                  Preview
                </button>
                <button type="button" className="subtle" disabled={busy} onClick={() => void restore(v.id, v.savedAt)}>
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {versions && versions.length > 0 && (
        <div className="note-history-preview" role="region" aria-label="Version preview">
          {shown ? (
            <>
              <h3>{shown.title}</h3>
              <p className="note-history-preview-meta muted">Saved {formatTime(shown.savedAt)}</p>
              <div className="note-history-text">{shown.text}</div>
            </>
          ) : (
            <p className="muted">Preview a version to read it here before restoring it.</p>
          )}
        </div>
      )}
    </section>
  );
}
