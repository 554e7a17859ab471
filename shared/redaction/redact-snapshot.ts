import type { CaseSnapshot } from '../export/case-snapshot';
import type { Entity } from '../model';
import { redactDocument } from './redact-document';
import { redactText, type RedactedText } from './redact-text';
import { createRedactor, REDACTION_MARKER, type Redactor } from './redactor';

/**
 * The redaction step every export that redacts goes through, before any
 * format is written: the same case, with every protected entity's name and
 * each of its aliases replaced by `REDACTION_MARKER` wherever text is kept —
 * the case's title and summary; notes (titles, documents: text, mention
 * chips, citations' quotes and titles, link URLs; plain text); sources
 * (titles, file names, metadata, the user's edits and tags, texts); note tags; entities (names, aliases,
 * descriptions, properties, quotes); relations (descriptions, quotes);
 * mention snippets; citation quotes; candidates (names, snippets).
 *
 * Protected entities stay as placeholders (same type, marker for a name,
 * nothing else), so relations and mentions still have both ends and
 * `protected` still says what they were. Candidates naming a protected
 * entity become placeholders too. Ids that name a protected entity (seeded
 * ids are readable: "ent-anne-milgram"; a candidate's id holds its name)
 * are replaced by opaque ones, with every reference following. Sources'
 * HTML is dropped: no export reads it, its text (redacted) says the same,
 * and markup can split or encode a name past any search.
 *
 * The marker has a fixed width (see `REDACTION_MARKER`), so texts get
 * shorter or longer: every offset into a redacted text (mentions, citations,
 * quotes, pages, candidate sightings) is moved to match, and the result is
 * still a valid `CaseSnapshot` with the same rows in the same order.
 *
 * A case with nothing protected is returned as it is.
 */
export function redactSnapshot(snapshot: CaseSnapshot): CaseSnapshot {
  const redactor = createRedactor(snapshot.entities, true);
  if (!redactor.active) return snapshot;
  const id = opaqueIds(snapshot, redactor);
  const text = (value: string) => redactor.plain(value);
  const sourceTexts = new Map(snapshot.sourceBodies.map((b) => [b.sourceId, redactText(redactor, b.text)]));
  const noteTexts = new Map(snapshot.notes.map((n) => [n.id, redactText(redactor, n.text)]));
  const offset = (texts: Map<string, RedactedText>) => (targetId: string, at: number, edge: 'start' | 'end') => texts.get(targetId)?.at(at, edge) ?? at;
  const inSource = offset(sourceTexts);
  const inNote = offset(noteTexts);
  const range = <R extends { start: number; end: number }>(r: R, at: (id: string, offset: number, edge: 'start' | 'end') => number, targetId: string): R => ({
    ...r,
    start: at(targetId, r.start, 'start'),
    end: at(targetId, r.end, 'end'),
  });
  const quotes = <Q extends { sourceId: string; quote: string; start: number; end: number }>(list: readonly Q[]) =>
    list.map((q) => ({ ...range(q, inSource, q.sourceId), sourceId: id(q.sourceId), quote: text(q.quote) }));
  const caseId = id(snapshot.case.id);

  return {
    case: { ...snapshot.case, id: caseId, title: text(snapshot.case.title), summary: text(snapshot.case.summary) },
    notes: snapshot.notes.map((n) => ({
      ...n,
      id: id(n.id),
      caseId: id(n.caseId),
      title: text(n.title),
      ...(n.tags ? { tags: redactTags(n.tags, text) } : {}),
      content: redactDocument(n.content, { redactor, id, sourceOffset: inSource }),
      text: noteTexts.get(n.id)!.text,
    })),
    sources: snapshot.sources.map((s) => ({
      ...s,
      id: id(s.id),
      caseId: id(s.caseId),
      title: text(s.title),
      metadata: redactRecord(s.metadata, text),
      // The user's edits keep their field names; every value is text that may name someone.
      ...(s.edits ? { edits: Object.fromEntries(Object.entries(s.edits).map(([field, value]) => [field, value === undefined ? value : text(value)])) } : {}),
      ...(s.tags ? { tags: redactTags(s.tags, text) } : {}),
      ...(s.fileName !== undefined ? { fileName: text(s.fileName) } : {}),
      ...(s.parentId !== undefined ? { parentId: id(s.parentId) } : {}),
      ...(s.pages ? { pages: s.pages.map((p) => range(p, inSource, s.id)) } : {}),
    })),
    sourceBodies: snapshot.sourceBodies.map((b) => ({ sourceId: id(b.sourceId), caseId: id(b.caseId), text: sourceTexts.get(b.sourceId)!.text })),
    entities: snapshot.entities.map((e) =>
      redactor.isRedactedEntity(e.id)
        ? placeholder(e, id)
        : {
            ...e,
            id: id(e.id),
            caseId: id(e.caseId),
            name: text(e.name),
            aliases: [...new Set(e.aliases.map(text))],
            description: text(e.description),
            properties: redactRecord(e.properties, text),
            quotes: quotes(e.quotes),
          },
    ),
    relations: snapshot.relations.map((r) => ({
      ...r,
      id: id(r.id),
      caseId: id(r.caseId),
      fromId: id(r.fromId),
      toId: id(r.toId),
      ...(r.date !== undefined ? { date: text(r.date) } : {}),
      ...(r.description !== undefined ? { description: text(r.description) } : {}),
      quotes: quotes(r.quotes),
    })),
    mentions: snapshot.mentions.map((m) => ({
      ...range(m, m.targetKind === 'note' ? inNote : inSource, m.targetId),
      id: id(m.id),
      caseId: id(m.caseId),
      entityId: id(m.entityId),
      targetId: id(m.targetId),
      snippet: text(m.snippet),
    })),
    citations: snapshot.citations.map((c) => ({
      ...range(c, inSource, c.sourceId),
      // Rows made by the editor are `${noteId}:${citationId}`; keep that shape.
      id: c.id.startsWith(`${c.noteId}:`) ? `${id(c.noteId)}:${id(c.id.slice(c.noteId.length + 1))}` : id(c.id),
      caseId: id(c.caseId),
      noteId: id(c.noteId),
      sourceId: id(c.sourceId),
      quote: text(c.quote),
    })),
    candidates: snapshot.candidates.map((c) => {
      const naming = redactor.find(c.name).length > 0 || redactor.namesProtected(c.key);
      const key = naming ? id(c.key) : c.key;
      return {
        ...c,
        // A candidate's id is `${caseId}:${key}`, its key the folded name.
        id: c.id === `${c.caseId}:${c.key}` ? `${id(c.caseId)}:${key}` : id(c.id),
        caseId: id(c.caseId),
        key,
        name: naming ? REDACTION_MARKER : c.name,
        sightings: c.sightings.map((s) => ({ ...range(s, inSource, s.sourceId), sourceId: id(s.sourceId), snippet: text(s.snippet) })),
      };
    }),
  };
}

/** A protected entity as a redacted copy keeps it: its place in the case, its kind, and nothing that could name it. */
function placeholder(entity: Entity, id: (old: string) => string): Entity {
  return {
    id: id(entity.id),
    caseId: id(entity.caseId),
    type: entity.type,
    name: REDACTION_MARKER,
    aliases: [],
    description: '',
    properties: {},
    protected: true,
    // A quote is a passage about the entity: even redacted, it says where to look.
    quotes: [],
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Keys and string values redacted; two keys that redact alike both stay, the second numbered. */
/** Tags with names redacted; two that now read alike are kept once (a record's tags never repeat). */
function redactTags(tags: readonly string[], text: (value: string) => string): string[] {
  return [...new Set(tags.map(text))];
}

function redactRecord<V>(record: Readonly<Record<string, V>>, text: (value: string) => string): Record<string, V> {
  const used = new Set<string>();
  const entries = Object.entries(record).map(([key, value]): [string, V] => {
    let next = text(key);
    for (let n = 2; used.has(next); n++) next = `${text(key)} (${n})`;
    used.add(next);
    return [next, (typeof value === 'string' ? text(value) : value) as V];
  });
  // fromEntries makes own properties, even of a key such as "__proto__" from an imported file.
  return Object.fromEntries(entries);
}

/**
 * Ids as a redacted copy shows them: unchanged, unless the id is a protected
 * entity's or names one, which becomes `redacted-N` (never an id the case
 * already uses), the same for every reference to it.
 */
function opaqueIds(snapshot: CaseSnapshot, redactor: Redactor): (old: string) => string {
  const taken = new Set<string>([snapshot.case.id]);
  for (const table of [snapshot.notes, snapshot.sources, snapshot.entities, snapshot.relations, snapshot.mentions, snapshot.citations, snapshot.candidates]) {
    for (const row of table) taken.add(row.id);
  }
  const renamed = new Map<string, string>();
  let n = 0;
  return (old) => {
    const known = renamed.get(old);
    if (known !== undefined) return known;
    if (!redactor.isRedactedEntity(old) && !redactor.namesProtected(old) && redactor.find(old).length === 0) return old;
    let next: string;
    do next = `redacted-${++n}`;
    while (taken.has(next));
    taken.add(next);
    renamed.set(old, next);
    return next;
  };
}
