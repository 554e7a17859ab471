import type { JSONContent } from '@tiptap/core';
import { mapNodes, NODE_NAMES, visitNodes } from '../editor/document';
import type { CaseSnapshot } from './case-snapshot';

/**
 * A snapshot is self-contained: every id one of its records refers to is the
 * id of a record it holds. That is what lets a restore give the case fresh
 * ids without any reference escaping into another case, and it is what a
 * hostile backup breaks when it plants relations, mentions or note nodes
 * that point at ids of a case already in the store.
 *
 * An empty id in a note node is a *detached* reference (a chip whose entity,
 * or a citation whose source, is not in the case): it names nothing, so it
 * is allowed.
 */

export type ReferenceKind = 'entity' | 'note' | 'source';

export interface ForeignReference {
  /** Where the reference is, as a path into the snapshot (zod-style). */
  path: (string | number)[];
  /** What kind of record it names, and the id it names. */
  kind: ReferenceKind;
  id: string;
}

interface Holds {
  entity: Set<string>;
  note: Set<string>;
  source: Set<string>;
}

const holdings = (snapshot: CaseSnapshot): Holds => ({
  entity: new Set(snapshot.entities.map((e) => e.id)),
  note: new Set(snapshot.notes.map((n) => n.id)),
  source: new Set(snapshot.sources.map((s) => s.id)),
});

/** What a note node refers to, if it is one of ours that refers to something: a non-empty id. */
function nodeReference(node: JSONContent): { kind: ReferenceKind; attr: string; id: string } | undefined {
  if (node.type === NODE_NAMES.entityMention) {
    const id = node.attrs?.entityId;
    return typeof id === 'string' && id ? { kind: 'entity', attr: 'entityId', id } : undefined;
  }
  if (node.type === NODE_NAMES.citation) {
    const id = node.attrs?.sourceId;
    return typeof id === 'string' && id ? { kind: 'source', attr: 'sourceId', id } : undefined;
  }
  return undefined;
}

/** Every reference in the snapshot to a record it does not hold, in table order; at most `limit`. */
export function foreignReferences(snapshot: CaseSnapshot, limit = Number.POSITIVE_INFINITY): ForeignReference[] {
  const holds = holdings(snapshot);
  const found: ForeignReference[] = [];
  const check = (kind: ReferenceKind, id: string, path: (string | number)[]) => {
    if (found.length < limit && !holds[kind].has(id)) found.push({ path, kind, id });
  };

  snapshot.sources.forEach((s, i) => s.parentId !== undefined && check('source', s.parentId, ['sources', i, 'parentId']));
  snapshot.entities.forEach((e, i) => e.quotes.forEach((q, j) => check('source', q.sourceId, ['entities', i, 'quotes', j, 'sourceId'])));
  snapshot.relations.forEach((r, i) => {
    check('entity', r.fromId, ['relations', i, 'fromId']);
    check('entity', r.toId, ['relations', i, 'toId']);
    r.quotes.forEach((q, j) => check('source', q.sourceId, ['relations', i, 'quotes', j, 'sourceId']));
  });
  snapshot.mentions.forEach((m, i) => {
    check('entity', m.entityId, ['mentions', i, 'entityId']);
    check(m.targetKind, m.targetId, ['mentions', i, 'targetId']);
  });
  snapshot.citations.forEach((c, i) => {
    check('note', c.noteId, ['citations', i, 'noteId']);
    check('source', c.sourceId, ['citations', i, 'sourceId']);
  });
  snapshot.candidates.forEach((c, i) => c.sightings.forEach((s, j) => check('source', s.sourceId, ['candidates', i, 'sightings', j, 'sourceId'])));
  snapshot.notes.forEach((n, i) => {
    if (found.length >= limit) return;
    visitNodes(n.content, (node) => {
      const ref = nodeReference(node);
      if (ref) check(ref.kind, ref.id, ['notes', i, 'content', node.type!, ref.attr]);
    });
  });
  return found;
}

/**
 * The snapshot with every reference kept inside it, for writers of snapshots
 * (backups, exports): a live store can hold references that lead out of the
 * case (a chip whose entity was deleted for good, a citation of a source that
 * is gone, a chip pasted from another case before pastes were checked). Note
 * nodes are detached (their id emptied: the chip keeps its label, the
 * citation shows as broken), and rows that only restate such a reference
 * (mention and citation rows, quotes, sightings) are left out.
 */
export function keepReferencesInside(snapshot: CaseSnapshot): CaseSnapshot {
  const holds = holdings(snapshot);
  const has = (kind: ReferenceKind, id: string) => holds[kind].has(id);
  const insideQuotes = <Q extends { sourceId: string }>(quotes: Q[]) => quotes.filter((q) => has('source', q.sourceId));
  return {
    ...snapshot,
    notes: snapshot.notes.map((n) => {
      const content = mapNodes(n.content, (node) => {
        const ref = nodeReference(node);
        return ref && !has(ref.kind, ref.id) ? { ...node, attrs: { ...node.attrs, [ref.attr]: '' } } : node;
      });
      return content === n.content ? n : { ...n, content };
    }),
    sources: snapshot.sources.map((s) => {
      if (s.parentId === undefined || has('source', s.parentId)) return s;
      const { parentId: _gone, ...rest } = s;
      return rest;
    }),
    entities: snapshot.entities.map((e) => (e.quotes.every((q) => has('source', q.sourceId)) ? e : { ...e, quotes: insideQuotes(e.quotes) })),
    relations: snapshot.relations
      .filter((r) => has('entity', r.fromId) && has('entity', r.toId))
      .map((r) => (r.quotes.every((q) => has('source', q.sourceId)) ? r : { ...r, quotes: insideQuotes(r.quotes) })),
    mentions: snapshot.mentions.filter((m) => has('entity', m.entityId) && has(m.targetKind, m.targetId)),
    citations: snapshot.citations.filter((c) => has('note', c.noteId) && has('source', c.sourceId)),
    candidates: snapshot.candidates.map((c) =>
      c.sightings.every((s) => has('source', s.sourceId)) ? c : { ...c, sightings: c.sightings.filter((s) => has('source', s.sourceId)) },
    ),
  };
}

/** "a relation's end (entities.2 …)": where the first few foreign references are, for an error message. */
export function describeForeignReferences(refs: readonly ForeignReference[]): string {
  const shown = refs.slice(0, 3).map((r) => `${r.path.join('.')} → ${r.kind} “${r.id.slice(0, 80)}”`);
  return shown.join('; ') + (refs.length > 3 ? ` and ${refs.length - 3} more` : '');
}
