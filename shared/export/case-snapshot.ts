import { z } from 'zod';
import { candidateSchema, caseSchema, citationSchema, entitySchema, mentionSchema, noteSchema, relationSchema, sourceBodySchema, sourceSchema } from '../model';
import { foreignReferences } from './snapshot-references';

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
    // The model's entities: the keys the store derives from names are not part of it, so a restore rebuilds them.
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

/**
 * Everything of one case, as plain data: what a `.casebook` backup holds
 * (as `case.json`) and what every export format reads. Each table's rows are
 * the model's own schema (`shared/model`), so a field added to the model is
 * carried by every backup without anyone remembering to add it here.
 * Deleted notes still inside their undo window are kept: a backup is
 * lossless.
 */
export type CaseSnapshot = z.infer<typeof caseSnapshotSchema>;

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
