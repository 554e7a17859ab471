import type { JSONContent } from '@tiptap/core';
import type { EntityProperties, EntityType } from '../model/entity';
import type { SourceFormat } from '../model/source';

/**
 * Everything a briefing needs, as plain data: the composer (`renderBriefingHtml`)
 * turns it into one HTML document and reads nothing else, so the same model
 * prints the same PDF in Electron and in tests. Build it from store records
 * with `briefingModelFromRecords`, or by hand.
 *
 * Text fields are plain text, never HTML: the composer escapes all of them.
 */
export interface BriefingModel {
  /** Title page, PDF metadata title and the running footer. */
  title: string;
  subtitle?: string;
  author?: string;
  /** The date as it should read on the title page ("12 May 2024"); the composer does not format it. */
  date: string;
  /** A short paragraph under the title (the case summary); omitted when empty. */
  summary?: string;
  /** The handling caveat on the title page and on every page's header, e.g. "CONFIDENTIAL — DRAFT". Empty for none. */
  handling: string;
  pageSize: BriefingPageSize;
  /** The body: one chapter per note, in this order. */
  notes: BriefingNote[];
  /**
   * The case's sources. Endnotes take a citation's source title from here
   * (falling back to the title the citation stored); the source appendix
   * lists them all.
   */
  sources: BriefingSource[];
  /**
   * The case's entities, all of them, whichever the appendix shows: mentions
   * are styled by type from here, and when `redact` is on every protected
   * entity's name and aliases are blacked out wherever they occur.
   */
  entities: BriefingEntity[];
  /** Dated events for the timeline appendix, in any order (the composer sorts them by date). */
  timeline: BriefingEvent[];
  appendices: BriefingAppendices;
  /** Replace each protected entity's name and aliases by a black bar everywhere in the document. */
  redact: boolean;
  /**
   * 1-based page on which each table-of-contents entry starts, keyed by the
   * entry's anchor id. The PDF service fills it after a first printing; without
   * it the contents page shows placeholders of the same width.
   */
  pageNumbers?: Readonly<Record<string, number>>;
}

export type BriefingPageSize = 'A4' | 'Letter';

export interface BriefingNote {
  id: string;
  title: string;
  /** The note's TipTap document (the `noteExtensions()` schema, plus tables). */
  content: JSONContent;
  /**
   * What checking each of the note's citations against its source found, by
   * citation id (renderer/db/citations.ts `checkCitation`). An endnote reads
   * as a sound citation only when its check says `verified`; a failed check,
   * or none at all, prints it marked UNVERIFIED with the problem, and the
   * export dialog counts them before printing.
   */
  citationChecks?: BriefingCitationCheck[];
}

export interface BriefingCitationCheck {
  citationId: string;
  /** The source is in the case, is the same file (sha256) and holds the quoted words at the cited range. */
  verified: boolean;
  /** Why it is not verified, in words ("The source has changed since this passage was quoted."). */
  problem?: string;
}

export interface BriefingSource {
  id: string;
  title: string;
  /** Hex sha256 of the original file: the source's fingerprint. */
  sha256: string;
  /** Epoch milliseconds; printed as a UTC date. */
  importedAt: number;
  format?: SourceFormat;
  fileName?: string;
}

export interface BriefingEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  /** Source protection: redacted when the briefing's `redact` is on, and never listed in an appendix then. */
  protected: boolean;
  properties?: EntityProperties;
}

export interface BriefingEvent {
  /** ISO 8601, possibly partial ("2023-03-29", "2022-08", "2023"). */
  date: string;
  /** Optional end of a range, same form as `date`. */
  endDate?: string;
  title: string;
  description?: string;
  /** The entities the event is about; an event about a protected entity is left out when redacting. */
  entityIds?: string[];
}

export interface BriefingAppendices {
  /** Entities grouped by type: none, those mentioned in the body, or all of the case's. */
  entities: false | 'mentioned' | 'all';
  timeline: boolean;
  sources: boolean;
}
