import type { SourceFormat } from './source';

/** Why a file could not be imported; stable, so the UI and tests can rely on it. */
export const IMPORT_ERROR_CODES = ['unsupported', 'corrupt', 'encrypted', 'too-large', 'timeout', 'empty', 'unreadable', 'cancelled'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The largest file one import accepts, in bytes (main's limit; the renderer checks drops against it too). */
export const MAX_SOURCE_BYTES = 200 * 1024 * 1024;

/** A character range of the plain text; for paged formats, one per page. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * What the import service hands the renderer for one file. `text` is what
 * mentions and citations address by offset; `html`, where the format has
 * structure, is sanitized and its text (by shared/sources/html-text.ts) is
 * exactly `text`.
 */
export interface ImportedSource {
  title: string;
  format: SourceFormat;
  fileName: string;
  text: string;
  html?: string;
  pages?: TextRange[];
  /** Hex sha256 of the original file's bytes. */
  sha256: string;
  /** Bytes of the original file. */
  size: number;
  /** What the file states: author, date, url, subject, from, to… */
  metadata: Record<string, string>;
  /** Attachments of supported formats (email), imported as linked child sources. */
  children?: ImportedSource[];
}
