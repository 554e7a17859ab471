import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { noteExtensions } from '../../../shared/editor/extensions';
import { saveNoteContent } from '../../db/notes';
import { isQuotaExceeded } from '../../db/errors';
import { suggestEntities } from '../../db/entities';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { casebook, logError } from '../../bridge';
import { entityMentionWithSuggestion } from './mention-suggestion';
import { createDebouncedSaver, type SaveState } from './debounced-saver';
import { registerFlusher } from './pending-saves';
import { Toolbar } from './Toolbar';
import { CitationStatus, citationStatusKey, citationsIn } from './citation-status';
import { checkCitation } from '../../db/citations';
import type { CitationAttrs } from '../../../shared/editor/citation';
import { LinkBar } from './LinkBar';
import { noteContentProblem } from '../../../shared/editor/check-content';
import { UnreadableNote } from './UnreadableNote';

const SAVE_DELAY_MS = 500;

export interface NoteEditorProps {
  noteId: string;
  initialContent: JSONContent;
  focus?: { entityId: string; occurrence: number } | undefined;
  /** Words to select and scroll to when opened from a search result. */
  find?: string | undefined;
  onSaveState: (state: SaveState) => void;
}

/**
 * The TipTap editor for one note; mounted fresh per note (keyed by id). The
 * editor owns the document while it is open: saves are debounced, run one at
 * a time, and are flushed on unmount, blur, page hide and window close. A
 * stored document the schema refuses is not opened for editing at all
 * (TipTap would open it emptied, and the next save would store that).
 */
export function NoteEditor(props: NoteEditorProps) {
  // Once per mount (the view keys the editor by note and restore): later saves only refresh the prop.
  const [problem] = useState(() => noteContentProblem(props.initialContent));
  if (problem) return <UnreadableNote content={props.initialContent} problem={problem} />;
  return <EditableNote {...props} />;
}

function EditableNote({ noteId, initialContent, focus, find, onSaveState }: NoteEditorProps) {
  const { db, caseId, nav, toasts, linking } = useApp();
  const [linkOpen, setLinkOpen] = useState(false);
  const saveStateRef = useRef(onSaveState);
  saveStateRef.current = onSaveState;

  const saver = useMemo(
    () =>
      createDebouncedSaver<JSONContent>({
        save: async (content) => {
          await saveNoteContent(db, noteId, content);
          linking.noteSaved(noteId);
        },
        delay: SAVE_DELAY_MS,
        onState: (state) => saveStateRef.current(state),
        onError: (error) => {
          logError('Saving a note failed', error);
          toasts.show({ tone: 'error', message: saveErrorMessage(error) });
        },
      }),
    [db, noteId, toasts, linking],
  );

  const extensions = useMemo(
    () => [
      ...noteExtensions({
        entityMention: entityMentionWithSuggestion({
          suggest: (query) => suggestEntities(db, caseId, query),
          createEntity: (name) => nav.openInspector({ kind: 'new-entity', name }),
        }),
      }),
      CitationStatus,
    ],
    [db, caseId, nav],
  );

  /** Follows a citation to its passage, unless it no longer matches its source. */
  const openCitation = async (citation: CitationAttrs) => {
    const check = await checkCitation(db, citation);
    if (check.status === 'broken') {
      toasts.show({ tone: 'error', message: `This citation is broken: ${check.reason}` });
      return;
    }
    nav.openMain({ kind: 'source', sourceId: citation.sourceId, highlight: { start: citation.start, end: citation.end } });
  };

  const editor = useEditor({
    extensions,
    content: initialContent,
    // A fresh note is focused by its title; an existing one opens at the top, unfocused.
    autofocus: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { class: 'note-body', 'aria-label': 'Note text', spellcheck: 'true' },
      handleClickOn: (_view, _pos, node) => {
        if (node.type.name === 'citation') {
          void openCitation(node.attrs as CitationAttrs);
          return true;
        }
        if (node.type.name !== 'entityMention') return false;
        nav.openInspector({ kind: 'entity', entityId: String(node.attrs.entityId) });
        return false;
      },
      handleClick: (view, pos, event) => {
        if (!(event.ctrlKey || event.metaKey)) return false;
        const link = view.state.doc.resolve(pos).marks().find((m) => m.type.name === 'link');
        if (!link) return false;
        void casebook?.shellOpenExternal({ url: String(link.attrs.href) }).then((r) => {
          if (!r.ok) toasts.show({ tone: 'error', message: r.error.message });
        });
        return true;
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'k') {
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => saver.schedule(e.getJSON()),
    onBlur: () => void saver.flush(),
    onCreate: () => reportReady('main'),
  });

  // Flush whatever is pending when the note closes or the window goes away.
  useEffect(() => {
    const unregister = registerFlusher(() => saver.flush());
    return () => {
      unregister();
      void saver.flush();
    };
  }, [saver]);

  // Jump to a mention when opened from a backlink.
  useEffect(() => {
    if (!editor || !focus) return;
    let seen = 0;
    let target: number | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (target !== null) return false;
      if (node.type.name === 'entityMention' && node.attrs.entityId === focus.entityId) {
        if (seen === focus.occurrence) target = pos;
        seen += 1;
      }
      return true;
    });
    if (target === null) return;
    const tr = editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, target)).scrollIntoView();
    editor.view.dispatch(tr);
    editor.view.focus();
    const dom = editor.view.nodeDOM(target);
    if (dom instanceof HTMLElement) {
      dom.scrollIntoView({ block: 'center' });
      dom.classList.add('is-flashing');
      setTimeout(() => dom.classList.remove('is-flashing'), 1600);
    }
  }, [editor, focus]);

  // Select the matched words when opened from a search result.
  useEffect(() => {
    if (!editor || !find) return;
    const needle = find.toLowerCase();
    let found: { from: number; to: number } | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (found) return false;
      if (!node.isText) return true;
      const at = (node.text ?? '').toLowerCase().indexOf(needle);
      if (at >= 0) found = { from: pos + at, to: pos + at + needle.length };
      return false;
    });
    if (!found) return;
    const { from, to } = found;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)).scrollIntoView());
    editor.view.focus();
    (editor.view.domAtPos(from).node as HTMLElement | Text).parentElement?.scrollIntoView({ block: 'center' });
  }, [editor, find]);

  // Check the note's citations against the store when it opens and as it changes.
  useEffect(() => {
    if (!editor) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const verify = async () => {
      const broken = new Map<string, string>();
      for (const c of citationsIn(editor.state.doc)) {
        const check = await checkCitation(db, c);
        if (check.status === 'broken') broken.set(c.citationId, check.reason);
      }
      if (!cancelled && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(citationStatusKey, broken).setMeta('addToHistory', false));
    };
    void verify();
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void verify(), 800);
    };
    editor.on('update', onUpdate);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, db]);

  if (!editor) return null;
  return (
    <div className="note-editor">
      <Toolbar editor={editor} onLink={() => setLinkOpen(true)} />
      {linkOpen && <LinkBar editor={editor} onDone={() => setLinkOpen(false)} />}
      <div className="note-scroll">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function saveErrorMessage(error: unknown): string {
  if (isQuotaExceeded(error)) {
    return 'Could not save: the disk is full. Free some space; your text stays in the editor until it saves.';
  }
  return 'Could not save this note. Your text stays in the editor; Casebook will retry on the next change.';
}
