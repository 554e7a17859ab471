import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './pdfjs';

// ---------------------------------------------------------------------------
// Metadata

const METADATA_FIELDS = [
  ['title', 'Title', 'dc:title'],
  ['author', 'Author', 'dc:creator'],
  ['subject', 'Subject', 'dc:description'],
  ['keywords', 'Keywords', 'pdf:keywords'],
  ['creator', 'Creator', 'xmp:creatortool'],
  ['producer', 'Producer', 'pdf:producer'],
] as const;

const DATE_FIELDS = [
  ['created', 'CreationDate', 'xmp:createdate'],
  ['modified', 'ModDate', 'xmp:modifydate'],
] as const;

function clean(value: unknown): string {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : typeof value === 'string' ? value : '';
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 2000);
}

/** title, author, subject, keywords, creator, producer, created, modified: from the info dictionary, else from XMP. */
export async function readMetadata(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  const metadata: Record<string, string> = {};
  let info: Record<string, unknown>;
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const result = await doc.getMetadata();
    info = (result.info ?? {}) as Record<string, unknown>;
    xmp = result.metadata as { get(name: string): unknown } | null;
  } catch {
    return metadata; // damaged metadata is no reason to refuse the text
  }
  const fromXmp = (key: string): unknown => {
    try {
      return xmp?.get(key);
    } catch {
      return undefined;
    }
  };
  for (const [key, infoKey, xmpKey] of METADATA_FIELDS) {
    const value = clean(info[infoKey]) || clean(fromXmp(xmpKey));
    if (value) metadata[key] = value;
  }
  const { PDFDateString } = await loadPdfjs();
  for (const [key, infoKey, xmpKey] of DATE_FIELDS) {
    const raw = clean(info[infoKey]);
    const date = raw ? PDFDateString.toDateObject(raw) : null;
    if (date && !Number.isNaN(date.getTime())) {
      metadata[key] = date.toISOString();
      continue;
    }
    const fromXmpValue = clean(fromXmp(xmpKey));
    const xmpDate = fromXmpValue ? new Date(fromXmpValue) : null;
    if (xmpDate && !Number.isNaN(xmpDate.getTime())) metadata[key] = xmpDate.toISOString();
    else if (raw) metadata[key] = raw;
  }
  return metadata;
}
