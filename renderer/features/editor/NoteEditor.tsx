import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Editor, JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { noteExtensions } from '../../../shared/editor/extensions';
import { saveNoteContent } from '../../db/notes';
import { isQuotaExceeded } from '../../db/errors';
import { suggestEntities } from '../../db/entities';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { logError } from '../../bridge';
import { confirmOpenLink } from '../sources/open-link';
import { entityMentionWithSuggestion } from './mention-suggestion';
import { createDebouncedSaver, type SaveState } from './debounced-saver';
import { registerFlusher } from './pending-saves';
import { Toolbar } from './Toolbar';
import { CitationStatus, citationStatusKey, citationsIn } from './citation-status';
import { CaretBlock } from './caret-block';
import { checkCitation, createCitationChecker } from '../../db/citations';
import type { CitationAttrs } from '../../../shared/editor/citation';
import { LinkBar } from './LinkBar';
import { PasteGuard } from './paste-guard';
import { createReferenceVerifier } from '../../db/pasted-references';
import { isNodeOf, NODE_NAMES } from '../../../shared/editor/document';
import { replaceTypedMention, typedMentionAt } from './typed-mention';
import { noteContentProblem } from '../../../shared/editor/check-content';
import { UnreadableNote } from './UnreadableNote';
import { noteSaveOf } from '../../../shared/editor/incremental-text';
import { yieldToInput } from '../../app/yield-to-input';

const SAVE_DELAY_MS = 500;

export interface NoteEditorProps {
  noteId: string;
  initialContent: JSONContent;
  focus?: { entityId: string; occurrence: number } | undefined;
  /** Words to select and scroll to when opened from a search result. */
  find?: string | undefined;
  onSaveState: (state: SaveState) => void;
  /** Set to the open editor, for the note's title (Enter moves into the text). */
  editorRef?: { current: Editor | null } | undefined;
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

function EditableNote({ noteId, initialContent, focus, find, onSaveState, editorRef: outerRef }: NoteEditorProps) {
  const { db, caseId, nav, toasts, linking } = useApp();
  const [linkOpen, setLinkOpen] = useState(false);
  const saveStateRef = useRef(onSaveState);
  saveStateRef.current = onSaveState;

  const saver = useMemo(
    () =>
      // The saver holds ProseMirror's document (immutable, so holding it is free) and turns it into JSON
      // only when it saves: `getJSON()` on every keystroke walked a 50,000-word note each time.
      createDebouncedSaver<ProseMirrorNode>({
        save: async (doc) => {
          const started = performance.now();
          // Serialised and derived block by block, redoing only the blocks edited since the last save.
          const { content, rows } = noteSaveOf({ id: noteId, caseId }, doc);
          // A keystroke that arrived meanwhile is handled before the store work starts.
          await yieldToInput();
          await saveNoteContent(db, noteId, content, undefined, { caseId, rows });
          // In the profiler's timings (and the typing benchmark's): what ran while a note saved.
          performance.measure('casebook:note-save', { start: started });
          linking.noteSaved(noteId);
        },
        delay: SAVE_DELAY_MS,
        onState: (state) => saveStateRef.current(state),
        onError: (error) => {
          logError('Saving a note failed', error);
          toasts.show({ tone: 'error', message: saveErrorMessage(error) });
        },
      }),
    [db, caseId, noteId, toasts, linking],
  );

  // The editor, for callbacks its own extensions hold (the `@` Create path).
  const editorRef = useRef<Editor | null>(null);
  const extensions = useMemo(
    () => [
      ...noteExtensions({
        entityMention: entityMentionWithSuggestion({
          suggest: (query) => suggestEntities(db, caseId, query),
          createEntity: (name, range) => {
            const editor = editorRef.current;
            if (!editor) return;
            const typed = typedMentionAt(editor, range);
            nav.openInspector({ kind: 'new-entity', name, onCreated: (entity) => replaceTypedMention(editor, typed, entity) });
          },
        }),
      }),
      CitationStatus,
      CaretBlock,
      // Pasted or dropped citations and mentions stay nodes only if the store confirms them for this case.
      PasteGuard.configure({
        verifier: () => createReferenceVerifier(db, caseId),
        onError: (error) => {
          logError('Checking a paste failed', error);
          toasts.show({ tone: 'error', message: 'Could not paste: its citations and mentions could not be checked. Nothing was pasted.' });
        },
      }),
    ],
    [db, caseId, nav, toasts],
  );

  // The options TipTap compares on every render stay the same objects while the note is open: a changed
  // `content` or `editorProps` made each re-render (one per autosave, as the note's row comes back from its
  // live query) call `setOptions`, which has ProseMirror update the view and measure the page for its scroll
  // position, on a 50,000-word note a long task per save. The content is read once, at mount.
  const [content] = useState(initialContent);
  const editorProps = useMemo(() => {
    /** Follows a citation to its passage, unless it no longer matches its source. */
    const openCitation = async (citation: CitationAttrs) => {
      const check = await checkCitation(db, citation, caseId);
      if (check.status === 'broken') {
        toasts.show({ tone: 'error', message: `This citation is broken: ${check.reason}` });
        return;
      }
      nav.openMain({ kind: 'source', sourceId: citation.sourceId, highlight: { start: citation.start, end: citation.end } });
    };
    return {
      // data-pane-focus: the skip link and F6 land in the note's text, not its title.
      attributes: { class: 'note-body', 'aria-label': 'Note text', spellcheck: 'true', 'data-pane-focus': '' },
      handleClickOn: (_view: EditorView, _pos: number, node: ProseMirrorNode) => {
        if (isNodeOf(node, NODE_NAMES.citation)) {
          void openCitation(node.attrs as CitationAttrs);
          return true;
        }
        if (!isNodeOf(node, NODE_NAMES.entityMention)) return false;
        nav.openInspector({ kind: 'entity', entityId: String(node.attrs.entityId) });
        return false;
      },
      handleClick: (view: EditorView, pos: number, event: MouseEvent) => {
        if (!(event.ctrlKey || event.metaKey)) return false;
        const link = view.state.doc.resolve(pos).marks().find((m) => m.type.name === 'link');
        if (!link) return false;
        confirmOpenLink(String(link.attrs.href)); // asks first, as in the reader
        return true;
      },
      handleKeyDown: (_view: EditorView, event: KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'k') {
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    };
  }, [db, caseId, nav, toasts]);

  const editor = useEditor({
    extensions,
    content,
    // A fresh note is focused by its title; an existing one opens at the top, unfocused.
    autofocus: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps,
    onUpdate: ({ editor: e }) => saver.schedule(e.state.doc),
    onBlur: () => void saver.flush(),
    onCreate: () => reportReady('main'),
  });
  editorRef.current = editor;
  useEffect(() => {
    if (!outerRef) return;
    outerRef.current = editor;
    return () => {
      if (outerRef.current === editor) outerRef.current = null;
    };
  }, [outerRef, editor]);

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
      if (isNodeOf(node, NODE_NAMES.entityMention) && node.attrs.entityId === focus.entityId) {
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

  // Sources moved to the Trash or restored: the check runs again, so a restore mends its citations at once.
  const trashedSources = useLiveQuery(async () => (await db.sources.where('caseId').equals(caseId).filter((s) => s.deletedAt !== undefined).primaryKeys()).join(' '), [db, caseId]);

  // Check the note's citations against the store when it opens, as it changes, and as sources come and go.
  useEffect(() => {
    if (!editor) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const verify = async () => {
      const broken = new Map<string, string>();
      const check = createCitationChecker(db, caseId);
      for (const c of citationsIn(editor.state.doc)) {
        const result = await check(c);
        if (result.status === 'broken') broken.set(c.citationId, result.reason);
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
  }, [editor, db, caseId, trashedSources]);

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
