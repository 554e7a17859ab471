import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { Slice } from '@tiptap/pm/model';
import { dropPoint } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import type { ReferenceVerifier } from '../../db/pasted-references';
import { guardSlice, sliceHasReferences } from './guard-slice';

/**
 * Pasted and dropped citations and entity mentions enter a note only once the
 * store has confirmed them for this case (renderer/db/pasted-references.ts);
 * the rest arrive as the text they showed.
 *
 * Where a paste comes from is not what decides: ProseMirror marks its own
 * clipboard with `data-pm-slice`, but any web page can write that attribute
 * too, so a copy from another note is checked like anything else. It passes
 * because it is true (its source is in this case, with that fingerprint and
 * those words at that range; its entity is in this case), which is also all
 * a node from elsewhere would need to be worth keeping.
 *
 * Why the paste waits instead of going in at once: the check reads Dexie,
 * which is asynchronous, while ProseMirror pastes synchronously. Inserting
 * first and cleaning up afterwards would put the unchecked node in the
 * document, where the debounced saver (or a flush on blur, note switch or
 * window close) could write it to the store, the citations table and a
 * backup before the cleanup lands. So a paste that holds such a node is taken
 * over (`handlePaste` returns true), checked, and only then inserted, in one
 * transaction (one undo step) at the place it was pasted, mapped through
 * whatever happened meanwhile. An unconfirmed node is never in the document,
 * so no save can store it. Pastes without such nodes take ProseMirror's own
 * path, unchanged, unless a checked paste is still waiting: then they queue
 * behind it, so pastes land in the order they were made.
 *
 * Drags inside the editor move its own content and are left alone; a drop
 * from elsewhere is handled like a paste at the drop point.
 */
export interface PasteGuardOptions {
  /** Made per paste, so each check reads the store as it is now. */
  verifier: () => ReferenceVerifier;
  /** A paste that could not be checked or inserted: nothing of it went in, and the user should hear why. */
  onError: (error: unknown) => void;
}

interface Pending {
  id: number;
  from: number;
  to: number;
}

type Meta = { add: Pending } | { done: number };

export const pasteGuardKey = new PluginKey<Pending[]>('pasteGuard');

export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'pasteGuard',
  // Before every other paste and drop handler (links, TipTap's own events): nothing sees the raw slice first.
  priority: 10_000,

  addOptions() {
    // Unconfigured, nothing is confirmed: every pasted reference arrives as text.
    return { verifier: () => ({ citation: async () => null, mention: async () => null }), onError: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    let nextId = 0;
    let queue: Promise<void> = Promise.resolve();

    const take = (view: EditorView, slice: Slice, from: number, to: number, uiEvent: 'paste' | 'drop'): boolean => {
      const pending: Pending = { id: ++nextId, from, to };
      view.dispatch(view.state.tr.setMeta(pasteGuardKey, { add: pending } satisfies Meta).setMeta('addToHistory', false));
      // Checks run at once, side by side; insertions wait their turn.
      const checked = guardSlice(slice, options.verifier());
      const land = async () => {
        let clean: Slice | null = null;
        try {
          clean = await checked;
        } catch (error) {
          options.onError(error);
        }
        // The note was closed while its paste was being checked: it is dropped with the editor.
        if (view.isDestroyed) return;
        const place = pasteGuardKey.getState(view.state)?.find((p) => p.id === pending.id);
        if (clean && place) {
          try {
            const tr = view.state.tr.setMeta(pasteGuardKey, { done: pending.id } satisfies Meta);
            insert(tr, clean, place, uiEvent);
            view.dispatch(tr);
            if (uiEvent === 'drop') view.focus();
            return;
          } catch (error) {
            options.onError(error);
          }
        }
        view.dispatch(view.state.tr.setMeta(pasteGuardKey, { done: pending.id } satisfies Meta).setMeta('addToHistory', false));
      };
      queue = queue.then(land).catch((error: unknown) => options.onError(error));
      return true;
    };

    return [
      new Plugin<Pending[]>({
        key: pasteGuardKey,
        state: {
          init: () => [],
          apply(tr, pending) {
            const meta = tr.getMeta(pasteGuardKey) as Meta | undefined;
            // A checked paste landing pushes the ones queued at the same place after it;
            // anything else typed there meanwhile goes after the waiting paste.
            const assoc = meta && 'done' in meta ? 1 : -1;
            let next = tr.docChanged ? pending.map((p) => mapPending(tr, p, assoc)) : pending;
            if (meta && 'add' in meta) next = [...next, meta.add];
            if (meta && 'done' in meta) next = next.filter((p) => p.id !== meta.done);
            return next;
          },
        },
        props: {
          handlePaste(view, _event, slice) {
            const waiting = (pasteGuardKey.getState(view.state)?.length ?? 0) > 0;
            if (!waiting && !sliceHasReferences(slice)) return false;
            const { from, to } = view.state.selection;
            return take(view, slice, from, to, 'paste');
          },
          handleDrop(view, event, slice, moved) {
            // Content dragged inside this editor is already in the note.
            if (moved || view.dragging) return false;
            const waiting = (pasteGuardKey.getState(view.state)?.length ?? 0) > 0;
            if (!waiting && !sliceHasReferences(slice)) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!at) return true; // Dropped outside the text: nothing goes in, as ProseMirror would do.
            const pos = dropPoint(view.state.doc, at.pos, slice) ?? at.pos;
            return take(view, slice, pos, pos, 'drop');
          },
        },
      }),
    ];
  },
});

function mapPending(tr: Transaction, p: Pending, assoc: 1 | -1): Pending {
  const from = tr.mapping.map(p.from, assoc);
  const to = Math.max(from, tr.mapping.map(p.to, assoc));
  return { ...p, from, to };
}

/**
 * Puts the checked slice where it was pasted or dropped, as ProseMirror's own
 * handlers would have: a paste replaces the selection (unless the user has
 * moved on meanwhile, then it goes where it was made and the cursor stays);
 * a drop selects what was dropped.
 */
function insert(tr: Transaction, slice: Slice, place: Pending, uiEvent: 'paste' | 'drop'): void {
  const { selection } = tr;
  if (uiEvent === 'paste' && selection.from === place.from && selection.to === place.to) {
    tr.replaceSelection(slice);
  } else {
    tr.replaceRange(place.from, place.to, slice);
    if (uiEvent === 'drop') {
      const start = tr.mapping.map(place.from, -1);
      const end = tr.mapping.map(place.to, 1);
      tr.setSelection(TextSelection.between(tr.doc.resolve(start), tr.doc.resolve(end)));
    }
  }
  tr.scrollIntoView().setMeta('paste', uiEvent === 'paste').setMeta('uiEvent', uiEvent);
}
