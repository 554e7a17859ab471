import { z } from 'zod';
import { ENTITY_TYPES } from '../model/entity';
import { SOURCE_FORMATS } from '../model/source';

/** Deepest TipTap document accepted over IPC; real notes nest a handful of levels. */
const MAX_DEPTH = 64;
/** Most nodes in one note's document. */
const MAX_NODES = 500_000;

/**
 * A TipTap JSON document, checked iteratively (a recursive schema would let
 * a hostile, deeply nested payload overflow the stack): plain objects with a
 * string `type`, arrays of children, bounded depth and size. What the nodes
 * mean is the composer's business: it renders with the note schema and
 * drops what it does not know.
 */
const tiptapDocument = z.custom<{ type: string }>((value) => {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  let seen = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (++seen > MAX_NODES || depth > MAX_DEPTH) return false;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
    const record = node as Record<string, unknown>;
    if (typeof record.type !== 'string' || record.type.length > 64) return false;
    if (record.text !== undefined && typeof record.text !== 'string') return false;
    if (record.content !== undefined) {
      if (!Array.isArray(record.content)) return false;
      for (const child of record.content) stack.push({ node: child, depth: depth + 1 });
    }
    if (record.marks !== undefined && !Array.isArray(record.marks)) return false;
  }
  return true;
}, 'a note document');

const text = (max: number) => z.string().max(max);
const isoPartial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** The briefing model as main accepts it from the renderer (shared/briefing/model.ts). */
export const briefingModelSchema = z
  .object({
    title: text(500),
    subtitle: text(500).optional(),
    author: text(500).optional(),
    date: text(100),
    summary: text(20_000).optional(),
    handling: text(200),
    pageSize: z.enum(['A4', 'Letter']),
    notes: z
      .array(
        z
          .object({
            id: text(200),
            title: text(1000),
            content: tiptapDocument,
            citationChecks: z.array(z.object({ citationId: text(10_000), verified: z.boolean(), problem: text(500).optional() }).strict()).max(MAX_NODES).optional(),
          })
          .strict(),
      )
      .max(5000),
    sources: z
      .array(
        z
          .object({
            id: text(200),
            title: text(2000),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            importedAt: z.number().finite(),
            format: z.enum(SOURCE_FORMATS).optional(),
            fileName: text(1000).optional(),
          })
          .strict(),
      )
      .max(100_000),
    entities: z
      .array(
        z
          .object({
            id: text(200),
            type: z.enum(ENTITY_TYPES),
            name: text(1000),
            aliases: z.array(text(1000)).max(1000),
            description: text(20_000),
            protected: z.boolean(),
            properties: z.record(z.string().max(100), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()])).optional(),
          })
          .strict(),
      )
      .max(200_000),
    timeline: z
      .array(
        z
          .object({ date: isoPartial, endDate: isoPartial.optional(), title: text(2000), description: text(20_000).optional(), entityIds: z.array(text(200)).max(1000).optional() })
          .strict(),
      )
      .max(100_000),
    appendices: z.object({ entities: z.union([z.literal(false), z.literal('mentioned'), z.literal('all')]), timeline: z.boolean(), sources: z.boolean() }).strict(),
    redact: z.boolean(),
  })
  .strict();
