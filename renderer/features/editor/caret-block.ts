import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class on the top-level block that holds the caret; the stylesheet keeps it out of `content-visibility`. */
export const CARET_BLOCK_CLASS = 'has-caret';

const caretBlockKey = new PluginKey<{ at: number; set: DecorationSet }>('caretBlock');

function caretBlockAt(state: EditorState): number {
  const $head = state.selection.$head;
  return $head.depth >= 1 ? $head.before(1) : -1;
}

function decorate(state: EditorState, at: number): DecorationSet {
  if (at < 0) return DecorationSet.empty;
  const block = state.doc.nodeAt(at);
  if (!block) return DecorationSet.empty;
  return DecorationSet.create(state.doc, [Decoration.node(at, at + block.nodeSize, { class: CARET_BLOCK_CLASS })]);
}

/**
 * Marks the block the caret is in. Blocks of a note are `content-visibility:
 * auto` (a keystroke in a long note then lays out only the screen), and
 * Chromium skips a block so styled until its next frame: a paragraph made by
 * Enter and typed into before that frame got its first letter with the caret
 * left in front of it ("rP" for "Pr"), which a busy machine made likely. The
 * block with the caret is always rendered, in the same transaction that
 * creates it.
 */
export const CaretBlock = Extension.create({
  name: 'caretBlock',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: caretBlockKey,
      state: {
        init: (_config, state) => {
          const at = caretBlockAt(state);
          return { at, set: decorate(state, at) };
        },
        apply(tr, previous, _old, state) {
          const at = caretBlockAt(state);
          if (at === previous.at && !tr.docChanged) return previous;
          return { at, set: decorate(state, at) };
        },
      },
      props: { decorations: (state) => caretBlockKey.getState(state)?.set },
    }),
  ],
});
