import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { CitationAttrs } from '../../../shared/editor/citation';
import { isNodeOf, NODE_NAMES } from '../../../shared/editor/document';

export const citationStatusKey = new PluginKey<DecorationSet>('citationStatus');

/** Broken citations by id, with why: what the plugin marks. */
export type BrokenCitations = ReadonlyMap<string, string>;

function decorate(doc: PMNode, broken: BrokenCitations): DecorationSet {
  if (broken.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!isNodeOf(node, NODE_NAMES.citation)) return true;
    const reason = broken.get(String(node.attrs.citationId));
    if (reason) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-broken', 'data-broken': reason, title: `Broken citation: ${reason}` }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks broken citations in the editor with node decorations: the document
 * is untouched (a restored source mends them), and the check itself runs
 * outside, against the store; its result arrives as transaction meta.
 */
export const CitationStatus = Extension.create({
  name: 'citationStatus',
  addProseMirrorPlugins() {
    let broken: BrokenCitations = new Map();
    return [
      new Plugin<DecorationSet>({
        key: citationStatusKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(citationStatusKey) as BrokenCitations | undefined;
            if (next) {
              broken = next;
              return decorate(tr.doc, broken);
            }
            return tr.docChanged ? decorate(tr.doc, broken) : set;
          },
        },
        props: { decorations: (state) => citationStatusKey.getState(state) },
      }),
    ];
  },
});

/** Every citation node's attributes in a document, in order. */
export function citationsIn(doc: PMNode): CitationAttrs[] {
  const found: CitationAttrs[] = [];
  doc.descendants((node) => {
    if (isNodeOf(node, NODE_NAMES.citation)) found.push(node.attrs as CitationAttrs);
    return !isNodeOf(node, NODE_NAMES.citation);
  });
  return found;
}
