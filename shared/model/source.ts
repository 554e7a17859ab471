export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'docx' | 'html' | 'email';

export interface Source {
  id: string;
  caseId: string;
  title: string;
  format: SourceFormat;
  /** Plain text: what quotes, mentions and citations address by offset. */
  text: string;
  /** Sanitized HTML where the source has structure. */
  html?: string;
  /** Character ranges of pages, for paged formats. */
  pages?: { start: number; end: number }[];
  sha256: string;
  size: number;
  metadata: Record<string, string>;
  importedAt: number;
  /** The file's name as it was imported. */
  fileName?: string;
  /** The source this one was found in (an email's attachment). */
  parentId?: string;
}
