import type { Source, SourceBody, TextRange } from './source';

/** Why a file could not be imported; stable, so the UI and tests can rely on it. */
export const IMPORT_ERROR_CODES = ['unsupported', 'corrupt', 'encrypted', 'too-large', 'timeout', 'empty', 'unreadable', 'cancelled'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The largest file one import accepts, in bytes (main's limit; the renderer checks drops against it too). */
export const MAX_SOURCE_BYTES = 200 * 1024 * 1024;

export type { TextRange };

/**
 * What the import service hands the renderer for one file. `text` is what
 * mentions and citations address by offset; `html`, where the format has
 * structure, is sanitized and its text (by shared/sources/html-text.ts) is
 * exactly `text`.
 */
export interface ImportedSource extends Pick<Source, 'title' | 'format' | 'pages' | 'sha256' | 'size' | 'metadata'>, Pick<SourceBody, 'text' | 'html'> {
  fileName: string;
  /** Attachments of supported formats (email), imported as linked child sources. */
  children?: ImportedSource[];
}
