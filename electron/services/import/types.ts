import { MAX_SOURCE_BYTES, type TextRange } from '../../../shared/model/imported-source';

/** Limits every parser honours; the dispatcher enforces size, the runner enforces time. */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total inflated size of a zip-based file (DOCX), in bytes. */
  maxInflatedBytes: number;
  /** Most entries a zip-based file may hold. */
  maxZipEntries: number;
  /**
   * Longest a file may go without its progress moving, in ms, before it is
   * taken for hung and stopped (enforced by the isolated runner). A parser
   * reports progress at least every page or chunk.
   */
  timeoutMs: number;
  /** Longest one file may take in all, progress or not, in ms: a scanned book read by OCR takes minutes, never hours. */
  maxDurationMs: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: MAX_SOURCE_BYTES,
  maxInflatedBytes: 500 * 1024 * 1024,
  maxZipEntries: 10_000,
  timeoutMs: 120_000,
  maxDurationMs: 60 * 60_000,
};

/** What a format module hands back; the dispatcher adds sha256, size, format and a fallback title. */
export interface ParsedDocument {
  title?: string;
  text: string;
  /** Sanitized HTML whose text (shared/sources/html-text.ts) equals `text`. */
  html?: string;
  pages?: TextRange[];
  metadata: Record<string, string>;
  /** Files found inside (email attachments), imported by the dispatcher if their format is supported. */
  attachments?: { fileName: string; bytes: Uint8Array }[];
}

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  limits: ImportLimits;
  /** Parsers check it between pages or chunks and stop with ImportError('cancelled'). */
  signal?: AbortSignal;
  /** 0..1 as the parse advances, for the progress bar. */
  onProgress?: (fraction: number) => void;
  /**
   * The text encoding to decode with (a label the user chose), instead of
   * the detected one. Formats whose text is not in a byte encoding of their
   * own (PDF, DOCX) ignore it.
   */
  encoding?: string;
}

export type FormatParser = (input: ParseInput) => Promise<ParsedDocument>;
