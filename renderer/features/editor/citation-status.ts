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
export function citationStatusPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: citationStatusKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const next = tr.getMeta(citationStatusKey) as BrokenCitations | undefined;
        if (next) return decorate(tr.doc, next);
        // Edits move the marks along with their nodes; walking a 50,000-word note on every keystroke to find them again
        // is what the mapping spares. A citation pasted or restored is marked by the next check (it follows every change).
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => citationStatusKey.getState(state) },
  });
}

export const CitationStatus = Extension.create({
  name: 'citationStatus',
  addProseMirrorPlugins: () => [citationStatusPlugin()],
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
