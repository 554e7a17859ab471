import type { JSONContent } from '@tiptap/core';
import type { CaseSnapshot } from './case-snapshot';
import { mapNodes, NODE_NAMES } from '../editor/document';

/** Old id → new id, per kind of record; what a restore reports so callers can follow a record. */
export interface IdMaps {
  case: Map<string, string>;
  notes: Map<string, string>;
  sources: Map<string, string>;
  entities: Map<string, string>;
  relations: Map<string, string>;
  mentions: Map<string, string>;
  /** Row ids of the `citations` table. */
  citations: Map<string, string>;
  /** The `citationId` attribute of citation nodes in notes (rows are `${noteId}:${citationId}`). */
  citationNodes: Map<string, string>;
  candidates: Map<string, string>;
}

export type NewId = (prefix: string) => string;

/**
 * The same case under fresh ids, so it can sit beside the one it was taken
 * from without touching it: every record gets a new id and every reference
 * follows, including those inside note documents (an entity mention's
 * `entityId`, a citation's `sourceId` and `citationId`). The snapshot must
 * be self-contained (`snapshot-references.ts`; the restore checks it first);
 * even so, any reference to a record it does not hold would get a fresh id
 * here, never keep its old one, so nothing in the copy can point into another
 * case. A detached reference (an empty id) stays empty. Pure: ids come from
 * `newId`.
 */
export function remapSnapshot(snapshot: CaseSnapshot, newId: NewId, title: (old: string) => string = (t) => t): { snapshot: CaseSnapshot; ids: IdMaps } {
  const ids: IdMaps = {
    case: new Map(),
    notes: new Map(),
    sources: new Map(),
    entities: new Map(),
    relations: new Map(),
    mentions: new Map(),
    citations: new Map(),
    citationNodes: new Map(),
    candidates: new Map(),
  };
  const map = (kind: keyof IdMaps, prefix: string) => (old: string) => {
    let next = ids[kind].get(old);
    if (next === undefined) ids[kind].set(old, (next = newId(prefix)));
    return next;
  };
  const caseId = map('case', 'case');
  const noteId = map('notes', 'note');
  const sourceId = map('sources', 'src');
  const entityId = map('entities', 'ent');
  const relationId = map('relations', 'rel');
  const mentionId = map('mentions', 'mention');
  const citationNodeId = map('citationNodes', 'cite');

  const newCaseId = caseId(snapshot.case.id);
  const targetId = (kind: 'note' | 'source', old: string) => (kind === 'note' ? noteId(old) : sourceId(old));
  const quotes = <Q extends { sourceId: string }>(list: Q[]) => list.map((q) => ({ ...q, sourceId: sourceId(q.sourceId) }));

  // Sources first, so parents and children agree whichever comes first.
  const sources = snapshot.sources.map((s) => ({ ...s, id: sourceId(s.id), caseId: newCaseId, ...(s.parentId !== undefined ? { parentId: sourceId(s.parentId) } : {}) }));
  const notes = snapshot.notes.map((n) => ({
    ...n,
    id: noteId(n.id),
    caseId: newCaseId,
    content: remapContent(n.content, { entityId, sourceId, citationId: citationNodeId }),
  }));

  const citations = snapshot.citations.map((c) => {
    const newNoteId = noteId(c.noteId);
    // Rows made by the editor are `${noteId}:${citationId}`; keep that shape.
    const prefix = `${c.noteId}:`;
    const next = c.id.startsWith(prefix) ? `${newNoteId}:${citationNodeId(c.id.slice(prefix.length))}` : newId('cite');
    ids.citations.set(c.id, next);
    return { ...c, id: next, caseId: newCaseId, noteId: newNoteId, sourceId: sourceId(c.sourceId) };
  });

  const candidates = snapshot.candidates.map((c) => {
    const next = `${newCaseId}:${c.key}`;
    ids.candidates.set(c.id, next);
    return { ...c, id: next, caseId: newCaseId, sightings: c.sightings.map((s) => ({ ...s, sourceId: sourceId(s.sourceId) })) };
  });

  return {
    ids,
    snapshot: {
      case: { ...snapshot.case, id: newCaseId, title: title(snapshot.case.title) },
      notes,
      sources,
      sourceBodies: snapshot.sourceBodies.map((b) => ({ ...b, sourceId: sourceId(b.sourceId), caseId: newCaseId })),
      entities: snapshot.entities.map((e) => ({ ...e, id: entityId(e.id), caseId: newCaseId, quotes: quotes(e.quotes) })),
      relations: snapshot.relations.map((r) => ({ ...r, id: relationId(r.id), caseId: newCaseId, fromId: entityId(r.fromId), toId: entityId(r.toId), quotes: quotes(r.quotes) })),
      mentions: snapshot.mentions.map((m) => ({
        ...m,
        id: mentionId(m.id),
        caseId: newCaseId,
        entityId: entityId(m.entityId),
        targetId: targetId(m.targetKind, m.targetId),
      })),
      citations,
      candidates,
    },
  };
}

interface ContentIds {
  entityId: (old: string) => string;
  sourceId: (old: string) => string;
  citationId: (old: string) => string;
}

/** A copy of a note document with the ids its inline nodes carry replaced; empty (detached) ids stay empty. */
function remapContent(doc: JSONContent, ids: ContentIds): JSONContent {
  const swap = (value: unknown, remap: (old: string) => string) => (typeof value === 'string' && value ? { value: remap(value) } : undefined);
  return mapNodes(doc, (node) => {
    const attrs = node.attrs;
    if (!attrs) return node;
    if (node.type === NODE_NAMES.entityMention) {
      const entityId = swap(attrs.entityId, ids.entityId);
      return entityId ? { ...node, attrs: { ...attrs, entityId: entityId.value } } : node;
    }
    if (node.type === NODE_NAMES.citation) {
      const sourceId = swap(attrs.sourceId, ids.sourceId);
      const citationId = swap(attrs.citationId, ids.citationId);
      return { ...node, attrs: { ...attrs, ...(sourceId ? { sourceId: sourceId.value } : {}), ...(citationId ? { citationId: citationId.value } : {}) } };
    }
    return node;
  });
}
