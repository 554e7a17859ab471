import { z } from 'zod';
import type { JSONContent } from '@tiptap/core';
import { foreignReferences } from './snapshot-references';
import { CANDIDATE_TYPES, ENTITY_TYPES, RELATION_TYPES, type CandidateRecord, type Case, type Citation, type Entity, type Mention, type Note, type Relation, type Source, type SourceBody } from '../model';

/**
 * Everything of one case, as plain data: what a `.casebook` backup holds
 * (as `case.json`) and what every export format reads. Entities are the
 * model's, without the keys the store derives from their names, so a
 * snapshot never carries anything a restore would have to trust or rebuild
 * by hand. Deleted notes still inside their undo window are kept: a backup
 * is lossless.
 */
export interface CaseSnapshot {
  case: Case;
  notes: Note[];
  sources: Source[];
  sourceBodies: SourceBody[];
  entities: Entity[];
  relations: Relation[];
  mentions: Mention[];
  citations: Citation[];
  candidates: CandidateRecord[];
}

const id = z.string().min(1).max(512);
const time = z.number().finite();
const offset = z.number().int().min(0);
const shortText = z.string().max(100_000);

// A TipTap document node. Unknown keys are kept (loose objects): the editor
// owns the document's shape, and a backup must give it back unchanged.
const markSchema = z.looseObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });
const contentSchema: z.ZodType<JSONContent> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(contentSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
);

const quoteSchema = z.object({ sourceId: id, quote: z.string(), start: offset, end: offset });
const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const caseSchema = z.object({ id, title: shortText, summary: z.string(), createdAt: time, updatedAt: time });

const noteSchema = z.object({
  id,
  caseId: id,
  title: shortText,
  content: contentSchema,
  text: z.string(),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.optional(),
});

const sourceSchema = z.object({
  id,
  caseId: id,
  title: shortText,
  format: z.enum(['text', 'markdown', 'pdf', 'docx', 'html', 'email']),
  pages: z.array(z.object({ start: offset, end: offset })).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256'),
  size: z.number().int().min(0),
  metadata: z.record(z.string(), z.string()),
  importedAt: time,
  fileName: shortText.optional(),
  parentId: id.optional(),
  extractedAt: time.optional(),
});

const sourceBodySchema = z.object({ sourceId: id, caseId: id, text: z.string(), html: z.string().optional() });

const entitySchema = z.object({
  id,
  caseId: id,
  type: z.enum(ENTITY_TYPES),
  name: shortText,
  aliases: z.array(shortText),
  description: z.string(),
  properties: z.record(z.string(), propertyValue),
  protected: z.boolean(),
  quotes: z.array(quoteSchema),
  createdAt: time,
  updatedAt: time,
});

const relationSchema = z.object({
  id,
  caseId: id,
  type: z.enum(Object.keys(RELATION_TYPES) as [keyof typeof RELATION_TYPES, ...(keyof typeof RELATION_TYPES)[]]),
  fromId: id,
  toId: id,
  date: z.string().max(64).optional(),
  description: z.string().optional(),
  quotes: z.array(quoteSchema),
  createdAt: time,
});

const mentionSchema = z.object({
  id,
  caseId: id,
  entityId: id,
  targetKind: z.enum(['note', 'source']),
  targetId: id,
  start: offset,
  end: offset,
  snippet: z.string(),
  status: z.enum(['confirmed', 'suggested']),
});

const citationSchema = z.object({
  id,
  caseId: id,
  noteId: id,
  sourceId: id,
  start: offset,
  end: offset,
  page: z.number().int().min(1).optional(),
  quote: z.string(),
  sourceSha256: z.string(),
  createdAt: time,
});

const candidateSchema = z.object({
  id,
  caseId: id,
  key: shortText,
  name: shortText,
  type: z.enum(CANDIDATE_TYPES),
  status: z.enum(['pending', 'rejected']),
  sightings: z.array(z.object({ sourceId: id, count: z.number().int().min(0), start: offset, end: offset, snippet: z.string() })),
  count: z.number().int().min(0),
  updatedAt: time,
});

/**
 * The snapshot as a backup must hold it: every row well-formed, every row of
 * this one case, ids unique per table, one body per source, and
 * self-contained: every reference (a relation's ends, a mention's entity and
 * target, a citation's note and source, a quote's source, an entity or
 * source named by a note node) points at a record of the snapshot
 * (`snapshot-references.ts`). Writers make it so with `keepReferencesInside`;
 * a backup that breaks it is refused, so no restore can reach into another
 * case.
 */
export const caseSnapshotSchema = z
  .object({
    case: caseSchema,
    notes: z.array(noteSchema),
    sources: z.array(sourceSchema),
    sourceBodies: z.array(sourceBodySchema),
    entities: z.array(entitySchema),
    relations: z.array(relationSchema),
    mentions: z.array(mentionSchema),
    citations: z.array(citationSchema),
    candidates: z.array(candidateSchema),
  })
  .superRefine((snapshot, ctx) => {
    const caseId = snapshot.case.id;
    const tables = ['notes', 'sources', 'sourceBodies', 'entities', 'relations', 'mentions', 'citations', 'candidates'] as const;
    for (const table of tables) {
      const seen = new Set<string>();
      snapshot[table].forEach((row, index) => {
        const key = 'sourceId' in row && table === 'sourceBodies' ? row.sourceId : (row as { id: string }).id;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [table, index], message: `duplicate id ${key}` });
        seen.add(key);
        if (row.caseId !== caseId) ctx.addIssue({ code: 'custom', path: [table, index, 'caseId'], message: 'belongs to another case' });
      });
    }
    const sourceIds = new Set(snapshot.sources.map((s) => s.id));
    const bodies = new Set(snapshot.sourceBodies.map((b) => b.sourceId));
    snapshot.sourceBodies.forEach((b, index) => {
      if (!sourceIds.has(b.sourceId)) ctx.addIssue({ code: 'custom', path: ['sourceBodies', index, 'sourceId'], message: 'a body without its source' });
    });
    snapshot.sources.forEach((s, index) => {
      if (!bodies.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: 'a source without its body' });
    });
    for (const ref of foreignReferences(snapshot, 5)) {
      ctx.addIssue({ code: 'custom', path: ref.path, message: `refers to ${ref.kind === 'entity' ? 'an' : 'a'} ${ref.kind} this case does not hold (“${ref.id.slice(0, 80)}”)` });
    }
  });

// The compiler checks that what the schema accepts is a CaseSnapshot.
type ParsedSnapshot = z.infer<typeof caseSnapshotSchema>;
export const asCaseSnapshot = (parsed: ParsedSnapshot): CaseSnapshot => parsed;

/** Row counts per table: the backup manifest states them, the UI can show them. */
export type SnapshotCounts = { [T in Exclude<keyof CaseSnapshot, 'case'>]: number };

export function countSnapshot(snapshot: CaseSnapshot): SnapshotCounts {
  return {
    notes: snapshot.notes.length,
    sources: snapshot.sources.length,
    sourceBodies: snapshot.sourceBodies.length,
    entities: snapshot.entities.length,
    relations: snapshot.relations.length,
    mentions: snapshot.mentions.length,
    citations: snapshot.citations.length,
    candidates: snapshot.candidates.length,
  };
}
