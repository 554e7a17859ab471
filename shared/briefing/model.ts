import { z } from 'zod';
import { entityPropertiesSchema, entitySchema, isoPartialDateSchema, noteSchema, sourceSchema } from '../model';

/** Most rows of each list a briefing model may hold: far above a real case, far below what would hurt. */
const MAX = { notes: 5000, sources: 100_000, entities: 200_000, events: 100_000, checks: 500_000 } as const;

export const briefingCitationCheckSchema = z
  .object({
    citationId: z.string().max(10_000),
    /** The source is in the case, is the same file (sha256) and holds the quoted words at the cited range. */
    verified: z.boolean(),
    /** Why it is not verified, in words ("The source has changed since this passage was quoted."). */
    problem: z.string().max(500).optional(),
  })
  .strict();
export type BriefingCitationCheck = z.infer<typeof briefingCitationCheckSchema>;

export const briefingNoteSchema = noteSchema
  .pick({ id: true, title: true, content: true })
  .extend({
    /**
     * What checking each of the note's citations against its source found, by
     * citation id (renderer/db/citations.ts `checkCitation`). An endnote reads
     * as a sound citation only when its check says `verified`; a failed check,
     * or none at all, prints it marked UNVERIFIED with the problem, and the
     * export dialog counts them before printing.
     */
    citationChecks: z.array(briefingCitationCheckSchema).max(MAX.checks).optional(),
  })
  .strict();
/** A chapter: the note's TipTap document (the `noteExtensions()` schema, plus tables). */
export type BriefingNote = z.infer<typeof briefingNoteSchema>;

/** A source as endnotes and the source appendix show it; `sha256` is its fingerprint, `importedAt` printed as a UTC date. */
export const briefingSourceSchema = sourceSchema
  .pick({ id: true, title: true, sha256: true, importedAt: true, fileName: true })
  .extend({ format: sourceSchema.shape.format.optional() })
  .strict();
export type BriefingSource = z.infer<typeof briefingSourceSchema>;

/** An entity; a protected one is redacted when the briefing's `redact` is on, and never listed in an appendix then. */
export const briefingEntitySchema = entitySchema
  .pick({ id: true, type: true, name: true, aliases: true, description: true, protected: true })
  .extend({ properties: entityPropertiesSchema.optional() })
  .strict();
export type BriefingEntity = z.infer<typeof briefingEntitySchema>;

export const briefingEventSchema = z
  .object({
    /** ISO 8601, possibly partial ("2023-03-29", "2022-08", "2023"). */
    date: isoPartialDateSchema,
    /** Optional end of a range, same form as `date`. */
    endDate: isoPartialDateSchema.optional(),
    title: z.string().max(2000),
    description: z.string().max(20_000).optional(),
    /** The entities the event is about; an event about a protected entity is left out when redacting. */
    entityIds: z.array(z.string().max(512)).max(1000).optional(),
  })
  .strict();
export type BriefingEvent = z.infer<typeof briefingEventSchema>;

export const briefingAppendicesSchema = z
  .object({
    /** Entities grouped by type: none, those mentioned in the body, or all of the case's. */
    entities: z.union([z.literal(false), z.literal('mentioned'), z.literal('all')]),
    timeline: z.boolean(),
    sources: z.boolean(),
  })
  .strict();
export type BriefingAppendices = z.infer<typeof briefingAppendicesSchema>;

export const BRIEFING_PAGE_SIZES = ['A4', 'Letter'] as const;
export type BriefingPageSize = (typeof BRIEFING_PAGE_SIZES)[number];

/**
 * Everything a briefing needs, as plain data: the composer (`renderBriefingHtml`)
 * turns it into one HTML document and reads nothing else, so the same model
 * prints the same PDF in Electron and in tests. Build it from store records
 * with `briefingModelFromRecords`, or by hand.
 *
 * Text fields are plain text, never HTML: the composer escapes all of them.
 */
export const briefingModelSchema = z
  .object({
    /** Title page, PDF metadata title and the running footer. */
    title: z.string().max(500),
    subtitle: z.string().max(500).optional(),
    author: z.string().max(500).optional(),
    /** The date as it should read on the title page ("12 May 2024"); the composer does not format it. */
    date: z.string().max(100),
    /** A short paragraph under the title (the case summary); omitted when empty. */
    summary: z.string().max(20_000).optional(),
    /** The handling caveat on the title page and on every page's header, e.g. "CONFIDENTIAL — DRAFT". Empty for none. */
    handling: z.string().max(200),
    pageSize: z.enum(BRIEFING_PAGE_SIZES),
    /** The body: one chapter per note, in this order. */
    notes: z.array(briefingNoteSchema).max(MAX.notes),
    /**
     * The case's sources. Endnotes take a citation's source title from here
     * (falling back to the title the citation stored); the source appendix
     * lists them all.
     */
    sources: z.array(briefingSourceSchema).max(MAX.sources),
    /**
     * The case's entities, all of them, whichever the appendix shows: mentions
     * are styled by type from here, and when `redact` is on every protected
     * entity's name and aliases are blacked out wherever they occur.
     */
    entities: z.array(briefingEntitySchema).max(MAX.entities),
    /** Dated events for the timeline appendix, in any order (the composer sorts them by date). */
    timeline: z.array(briefingEventSchema).max(MAX.events),
    appendices: briefingAppendicesSchema,
    /** Replace each protected entity's name and aliases by a black bar everywhere in the document. */
    redact: z.boolean(),
    /**
     * 1-based page on which each table-of-contents entry starts, keyed by the
     * entry's anchor id. The PDF service fills it; without it the contents
     * page shows placeholders of the same width. Never sent by the renderer.
     */
    pageNumbers: z.record(z.string(), z.number().int().min(1)).readonly().optional(),
  })
  .strict();
export type BriefingModel = z.infer<typeof briefingModelSchema>;
