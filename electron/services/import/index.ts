import { createHash } from 'node:crypto';
import type { ImportedSource } from '../../../shared/model/imported-source';
import type { SourceFormat } from '../../../shared/model/source';
import { detectFormat } from './detect';
import { cancelledError, ImportError, isImportError } from './errors';
import { readFileToImport, tooLargeError as tooLarge } from './read-file';
import { DEFAULT_LIMITS, type FormatParser, type ImportLimits, type ParsedDocument } from './types';

export { ImportError, isImportError } from './errors';
export { DEFAULT_LIMITS, type ImportLimits } from './types';

export interface ImportOptions {
  limits?: Partial<ImportLimits>;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Decode the file's text with this encoding (a label the user chose) instead of the detected one. Not passed on to attachments. */
  encoding?: string;
}

/**
 * Parsers load on first use: the import process handles one file, and jsdom
 * alone takes seconds to load, which a PDF or a text file should not pay.
 */
const PARSERS: Record<string, { format: SourceFormat; load: () => Promise<FormatParser> }> = {
  pdf: { format: 'pdf', load: () => import('./pdf').then((m) => m.parsePdf) },
  docx: { format: 'docx', load: () => import('./docx').then((m) => m.parseDocx) },
  html: { format: 'html', load: () => import('./html').then((m) => m.parseHtml) },
  mhtml: { format: 'html', load: () => import('./html/mhtml').then((m) => m.parseMhtml) },
  markdown: { format: 'markdown', load: () => import('./markdown').then((m) => m.parseMarkdown) },
  text: { format: 'text', load: () => import('./text').then((m) => m.parseText) },
  email: { format: 'email', load: () => import('./email').then((m) => m.parseEmail) },
  image: { format: 'image', load: () => import('./image').then((m) => m.parseImage) },
};

/** Attachments inside attachments are followed this deep, no further. */
const MAX_NESTING = 2;

/**
 * Imports one file from disk: checks it exists and is within the size limit
 * before reading it, then parses it (see importBytes). Rejects only with an
 * ImportError whose message names the file.
 */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedSource> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { bytes, fileName } = await readFileToImport(path, limits.maxBytes);
  return importBytes(bytes, fileName, options);
}

/** Imports a file's bytes (a file main read, a dropped file, an attachment). */
export async function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}, depth = 0): Promise<ImportedSource> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxBytes) throw tooLarge(fileName, bytes.byteLength, limits.maxBytes);
  if (bytes.byteLength === 0) throw new ImportError('empty', `${fileName}: the file is empty.`);
  if (options.signal?.aborted) throw cancelledError(fileName);

  const detected = detectFormat(bytes, fileName);
  if (detected.kind === 'unsupported') throw new ImportError('unsupported', `${fileName}: ${detected.reason}`);
  const { format, load } = PARSERS[detected.kind]!;

  let parsed: ParsedDocument;
  try {
    const parse = await load();
    parsed = await parse({
      bytes,
      fileName,
      limits,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.encoding && depth === 0 ? { encoding: options.encoding } : {}),
    });
  } catch (error) {
    if (isImportError(error)) throw error;
    // The parser's own words go to the log (detail), not into the message.
    throw new ImportError('corrupt', `${fileName}: the file is damaged or not really ${format === 'image' ? 'a PNG, JPEG or TIFF picture' : format.toUpperCase()}.`, { cause: error });
  }
  const children: ImportedSource[] = [];
  const skipped: string[] = [];
  if (depth < MAX_NESTING) {
    for (const attachment of parsed.attachments ?? []) {
      try {
        const { encoding: _chosen, ...forAttachments } = options;
        children.push(await importBytes(attachment.bytes, attachment.fileName, forAttachments, depth + 1));
      } catch (error) {
        if (isImportError(error) && error.code === 'cancelled') throw error;
        skipped.push(`${attachment.fileName} (${isImportError(error) ? error.code : 'failed'})`);
      }
    }
  }

  // An email may be only its attachments; anything else needs text of its own.
  if (!parsed.text.trim() && children.length === 0) throw new ImportError('empty', `${fileName}: there is no text in it to import.`);

  return {
    title: parsed.title?.trim() || fileName.replace(/\.[^.]+$/, ''),
    format,
    fileName,
    text: parsed.text,
    ...(parsed.html ? { html: parsed.html } : {}),
    ...(parsed.pages ? { pages: parsed.pages } : {}),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.byteLength,
    metadata: { ...parsed.metadata, ...(skipped.length ? { skippedAttachments: skipped.join(', ') } : {}) },
    ...(children.length ? { children } : {}),
  };
}
