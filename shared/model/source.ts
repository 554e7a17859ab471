export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'docx' | 'html' | 'email';

/**
 * A source as listed: everything but the document itself, so lists, the
 * library and backlinks never read a document's text. The text and HTML live
 * in `SourceBody`, one row per source, read only by what needs them (the
 * reader, the linker, citations, export).
 */
export interface Source {
  id: string;
  caseId: string;
  title: string;
  format: SourceFormat;
  /** Character ranges of pages in the body's text, for paged formats. */
  pages?: { start: number; end: number }[];
  sha256: string;
  size: number;
  metadata: Record<string, string>;
  importedAt: number;
  /** The file's name as it was imported. */
  fileName?: string;
  /** The source this one was found in (an email's attachment). */
  parentId?: string;
  /** When extraction last proposed candidates from it; unset until it has. */
  extractedAt?: number;
}

export interface SourceBody {
  sourceId: string;
  caseId: string;
  /** Plain text: what quotes, mentions and citations address by offset. */
  text: string;
  /** Sanitized HTML where the source has structure. */
  html?: string;
}

/** A source with its document, as the seed and the reader handle it. */
export type SourceWithBody = Source & Pick<SourceBody, 'text' | 'html'>;

/** 1-based page holding `offset`, or null for sources without pages. */
export function pageAt(pages: Source['pages'], offset: number): number | null {
  if (!pages?.length) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
