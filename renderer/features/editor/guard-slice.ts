import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { citationLabel, type CitationAttrs } from '../../../shared/editor/citation';
import type { EntityMentionAttrs } from '../../../shared/editor/entity-mention';
import type { ReferenceVerifier } from '../../db/pasted-references';
import { isNodeOf, NODE_NAMES } from '../../../shared/editor/document';

/** Node types whose attributes claim something about the store: a passage of a source, an entity. */
const GUARDED = new Set<string>(Object.values(NODE_NAMES));

/** Whether a pasted slice holds any node the guard must confirm before it may enter a note. */
export function sliceHasReferences(slice: Slice): boolean {
  let found = false;
  slice.content.descendants((node) => {
    if (GUARDED.has(node.type.name)) found = true;
    return !found;
  });
  return found;
}

/**
 * The pasted slice with every citation and entity mention either confirmed
 * by the verifier (and rebuilt from its answer) or turned into the plain text
 * it showed, with its marks. Anything the verifier cannot answer, including an
 * error, becomes text: a claim that cannot be checked is not kept.
 */
export async function guardSlice(slice: Slice, verifier: ReferenceVerifier): Promise<Slice> {
  const claims: PMNode[] = [];
  slice.content.descendants((node) => {
    if (GUARDED.has(node.type.name)) claims.push(node);
    return !GUARDED.has(node.type.name);
  });
  if (claims.length === 0) return slice;
  const verdicts = new Map<PMNode, Record<string, unknown> | null>();
  await Promise.all(
    claims.map(async (node) => {
      const confirmed = await (isNodeOf(node, NODE_NAMES.citation)
        ? verifier.citation(node.attrs as CitationAttrs)
        : verifier.mention(node.attrs as EntityMentionAttrs)
      ).catch(() => null);
      verdicts.set(node, confirmed as Record<string, unknown> | null);
    }),
  );

  const rebuild = (fragment: Fragment): Fragment => {
    const out: PMNode[] = [];
    fragment.forEach((node) => {
      if (GUARDED.has(node.type.name)) {
        const confirmed = verdicts.get(node);
        if (confirmed) {
          out.push(node.type.create(confirmed, null, node.marks));
        } else {
          const label = visibleLabel(node);
          if (label) out.push(node.type.schema.text(label, node.marks));
        }
      } else {
        out.push(node.isLeaf ? node : node.copy(rebuild(node.content)));
      }
    });
    // fromArray joins the new text with its neighbours where their marks agree.
    return Fragment.fromArray(out);
  };
  return new Slice(rebuild(slice.content), slice.openStart, slice.openEnd);
}

/** What the node read as in the note: the citation's "[Title, p. 3]", the mention's name. */
function visibleLabel(node: PMNode): string {
  if (isNodeOf(node, NODE_NAMES.citation)) return citationLabel(node.attrs as CitationAttrs);
  return String(node.attrs.label ?? '');
}
