import { useEffect, useMemo } from 'react';
import type { JSONContent } from '@tiptap/core';
import { extractText } from '../../../shared/editor/document';
import { reportReady } from '../../app/readiness';

/**
 * A note whose stored document the editor's schema refuses (noteContentProblem):
 * said so plainly, its words shown read-only, and no editor mounted, so
 * nothing can save an emptied or repaired document over what is stored.
 * History still lists its earlier versions.
 */
export function UnreadableNote({ content, problem }: { content: JSONContent; problem: string }) {
  const paragraphs = useMemo(() => readableText(content).split('\n\n').filter((p) => p.trim() !== ''), [content]);
  useEffect(() => reportReady('main'), []);
  return (
    <div className="note-editor note-unreadable">
      <div className="note-notice" role="alert">
        <strong>This note could not be read: {problem.replace(/\.$/, '')}.</strong> Its content was kept unchanged; it is
        shown here read-only, as plain text. It may have been written by a newer Casebook; an earlier version may open
        from History.
      </div>
      <div className="note-scroll">
        <div className="note-body note-readonly" aria-label="Note text (read-only)" aria-readonly="true">
          {paragraphs.length ? paragraphs.map((p, i) => <p key={i}>{p}</p>) : <p className="muted">No text could be read from it.</p>}
        </div>
      </div>
    </div>
  );
}

/** The note's text as far as it can be walked; a document this broken may not have the shapes extractText expects. */
function readableText(content: JSONContent): string {
  try {
    return extractText(content).text;
  } catch {
    return '';
  }
}
