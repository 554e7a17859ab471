import { strFromU8, unzipSync } from 'fflate';
import { checkRedacted } from '../redaction/legible';
import { redactSnapshot } from '../redaction/redact-snapshot';
import type { CaseSnapshot } from './case-snapshot';
import { entitiesToCsv } from './csv';
import { caseToFtmLines } from './ftm';
import { caseToMarkdownZip, noteToStandaloneMarkdown } from './markdown-case';

/** The formats the renderer makes itself (main saves the bytes); HTML and the backup are made by main. */
export type RendererExportFormat = 'markdown-zip' | 'ftm' | 'csv';

export interface ExportChoice {
  /** Replace every protected entity's names with the marker (shared/redaction/redact-snapshot.ts) before writing. */
  redact: boolean;
}

export interface EncodedExport {
  bytes: Uint8Array<ArrayBuffer>;
  /** For the save dialog: made from the (redacted) case, so a file name never names a protected entity either. */
  suggestedName: string;
}

const EXTENSION: Record<RendererExportFormat, string> = { 'markdown-zip': 'zip', ftm: 'ftm.json', csv: 'csv' };
const WHAT: Record<RendererExportFormat, string> = { 'markdown-zip': 'Markdown export', ftm: 'FtM export', csv: 'CSV export' };

/**
 * A case as Markdown (zip), FtM JSON lines or CSV. With `redact`, the case
 * goes through the one redaction step first, and the finished file is
 * searched for every protected name before it is handed over.
 */
export function encodeCaseExport(format: RendererExportFormat, snapshot: CaseSnapshot, choice: ExportChoice): EncodedExport {
  const exported = choice.redact ? redactSnapshot(snapshot) : snapshot;
  const suggestedName = `${fileSlug(exported.case.title)}${format === 'csv' ? '-entities' : ''}.${EXTENSION[format]}`;
  let bytes: Uint8Array<ArrayBuffer>;
  if (format === 'markdown-zip') bytes = new Uint8Array(caseToMarkdownZip(exported));
  else bytes = new TextEncoder().encode(format === 'ftm' ? caseToFtmLines(exported) : entitiesToCsv(exported.entities));
  if (choice.redact) checkRedacted(snapshot.entities, [suggestedName, ...(format === 'markdown-zip' ? zipTexts(bytes) : [new TextDecoder().decode(bytes)])], WHAT[format]);
  return { bytes, suggestedName };
}

/** One note as a Markdown file, redacted like the case when asked. */
export function encodeNoteMarkdown(snapshot: CaseSnapshot, noteId: string, choice: ExportChoice): EncodedExport | null {
  // The step keeps rows in order (an id naming a protected entity changes, its place does not).
  const index = snapshot.notes.findIndex((n) => n.id === noteId);
  if (index < 0) return null;
  const exported = choice.redact ? redactSnapshot(snapshot) : snapshot;
  const note = exported.notes[index]!;
  const markdown = noteToStandaloneMarkdown(note, exported);
  const suggestedName = `${note.title.trim() || 'Untitled note'}.md`;
  if (choice.redact) checkRedacted(snapshot.entities, [markdown, suggestedName], 'Markdown note');
  return { bytes: new TextEncoder().encode(markdown), suggestedName };
}

/** Every entry of a zip, its path and its text: a name in a file name counts as much as one in a file. */
function zipTexts(bytes: Uint8Array): string[] {
  return Object.entries(unzipSync(bytes)).flatMap(([path, data]) => [path, strFromU8(data)]);
}

/** A case title as the start of a file name. */
export function fileSlug(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
}
