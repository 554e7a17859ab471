import type { CasebookApi } from '../../../shared/ipc/contract';
import type { ImportedSource, Source } from '../../../shared/model';

/** The formats whose text is decoded from bytes with an encoding the user can change. */
const DECODED_FORMATS: ReadonlySet<Source['format']> = new Set(['text', 'markdown', 'html']);
const EXTENSION: Partial<Record<Source['format'], string>> = { text: 'txt', markdown: 'md', html: 'html' };

/**
 * Whether the user can re-read this source with another encoding: a text,
 * Markdown or web page source that recorded one, and not an attachment (only
 * the file the user imported is kept as an original, not what it contained).
 */
export function canRedecode(source: Source): boolean {
  return DECODED_FORMATS.has(source.format) && !!source.metadata.encoding && source.parentId === undefined;
}

/**
 * Reads the source's kept original again in the isolated importer, with
 * `encoding` instead of the detected one. Nothing is stored: the caller shows
 * what changes and applies it (renderer/db/source-redecode.ts).
 */
export async function rereadWithEncoding(api: CasebookApi | undefined, source: Source, encoding: string): Promise<ImportedSource> {
  if (!api) throw new Error('Reading a file again needs the Casebook app.');
  const original = await api.originalsRead({ sha256: source.sha256 });
  if (!original.ok) throw new Error(original.error.message);
  // The name decides the format, as at import; an old record without one gets one from its format.
  const fileName = source.fileName ?? `${source.title.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 200) || 'source'}.${EXTENSION[source.format] ?? 'txt'}`;
  const requestId = `redecode-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const read = await api.importFile({ requestId, fileName, bytes: new Uint8Array(original.value), encoding });
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}
