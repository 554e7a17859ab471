import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';
import { cancelledError, ImportError, isImportError } from '../errors';
import { simplifyPage } from '../html/simplified';
import type { FormatParser, ParsedDocument } from '../types';
import { inflateGuarded, inspectZip, looksLikeZip, repackStored, type ZipEntry } from '../zip-guard';
import { commentsHtml, readComments } from './comments';

/**
 * DOCX → sanitized semantic HTML (headings, lists, tables, links, bold,
 * italics, underline) with mammoth, then the document's comments (author,
 * date, the text they mark: comments.ts) in a section of their own, plus the
 * core properties (docProps/core.xml) as metadata.
 *
 * The archive goes through the zip guard first; mammoth (which unzips with
 * JSZip) only ever sees a re-packed, uncompressed copy of the XML parts we
 * inflated and verified ourselves. Images are dropped (never inlined as
 * data: URLs) and external files are never read.
 */
export const parseDocx: FormatParser = async ({ bytes, fileName, limits, signal, onProgress }) => {
  const cancelled = () => cancelledError(fileName);
  if (signal?.aborted) throw cancelled();
  if (bytes.length === 0) throw new ImportError('empty', `${fileName}: the file is empty`);
  if (isCompoundFile(bytes)) throw compoundFileError(bytes, fileName);
  if (!looksLikeZip(bytes)) throw notADocx(fileName);

  const entries = inspectZip(bytes, limits, fileName);
  if (!entries.some((entry) => entry.name === 'word/document.xml' || entry.name === '[Content_Types].xml')) throw notADocx(fileName);
  // mammoth reads only XML parts (document, styles, numbering, notes, comments, relationships);
  // images would be read only by an image converter, and ours never reads them.
  const parts = inflateGuarded(bytes, entries, limits, fileName, { include: isXmlPart, signal });
  onProgress?.(0.3);
  if (signal?.aborted) throw cancelled();

  let rawHtml: string;
  try {
    const repacked = repackStored(parts);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        // mammoth drops underlining by default; in a contract or a letter it can be the point.
        styleMap: ['u => u'],
        transformDocument: tidyDocument,
        // tidyDocument removes images; should one slip through (in a note), an <img> without src, which the sanitizer drops.
        convertImage: mammoth.images.imgElement(async () => ({}) as { src: string }),
      },
    );
    rawHtml = result.value;
  } catch (error) {
    if (isImportError(error)) throw error;
    throw new ImportError('corrupt', `${fileName}: the Word document is damaged and could not be read`, { cause: error });
  }
  onProgress?.(0.8);
  if (signal?.aborted) throw cancelled();

  const window = domWindow();
  const comments = readComments(parts.get('word/comments.xml'), parts.get('word/document.xml'), window);
  const converted = rawHtml + commentsHtml(comments);
  let html: string;
  let text: string;
  let heading: string | undefined;
  let simplified: string | undefined;
  if (converted.length > SIMPLIFY_ABOVE_CHARS) {
    // A long document: DOMPurify and the text walk in jsdom would take minutes; one streaming pass keeps its
    // headings and paragraphs (html/simplified.ts: inert, already sanitized, same text contract).
    const page = simplifyPage(converted);
    ({ html, text } = page);
    heading = page.firstHeading;
    simplified = `This document is long (${(converted.length / 1024 / 1024).toFixed(1)} MB as HTML), so its layout was simplified: its text is kept as headings and paragraphs, without links, lists, tables or emphasis.`;
  } else {
    html = sanitizeHtml(converted, window as unknown as WindowLike);
    const body = parseBody(html, window);
    text = htmlText(body);
    heading = firstHeading(body);
  }

  const metadata = readCoreProperties(parts.get('docProps/core.xml'), window);
  if (comments.length) metadata.comments = String(comments.length);
  if (simplified) metadata.simplified = simplified;
  const title = metadata.title ?? heading;
  onProgress?.(1);
  const parsed: ParsedDocument = { text, html, metadata };
  if (title) parsed.title = title;
  return parsed;
};

/** The parts of mammoth's document model tidyDocument touches. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
}

/**
 * Tidies mammoth's document model before it becomes HTML (cheaper than
 * re-parsing the HTML):
 * - images go: they would be dropped by the sanitizer anyway, but there the
 *   text on either side stays two text nodes and "a <img> b" keeps two spaces;
 * - mammoth wraps every table cell's content in <p>; a cell holding a single
 *   plain paragraph loses it, so a row's text reads "cell<TAB>cell" rather
 *   than one blank-line-separated paragraph per cell.
 */
function tidyDocument<T>(element: T): T {
  const walk = (node: MammothElement) => {
    if (!node.children) return;
    node.children = node.children.filter((child) => child.type !== 'image');
    for (const child of node.children) walk(child);
    const only = node.children[0];
    if (node.type === 'tableCell' && node.children.length === 1 && only?.type === 'paragraph' && !only.numbering && !/heading|title/i.test(`${only.styleName ?? ''} ${only.styleId ?? ''}`)) {
      node.children = only.children ?? [];
    }
  };
  walk(element as MammothElement);
  return element;
}

/**
 * The <body> of `html` parsed as a whole document. Not `element.innerHTML =`:
 * jsdom's fragment parsing is quadratic (a 1.5 MB document takes ~20 s that
 * way, ~2 s this way). A DOMParser document has no browsing context, so
 * nothing in it runs or loads.
 */
export function parseBody(html: string, window: JSDOM['window']): HTMLElement {
  return new window.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html').body;
}

/** mammoth's HTML longer than this is read by the simplified path (as large web pages are: see html/index.ts). */
export const SIMPLIFY_ABOVE_CHARS = 1024 * 1024;

const isXmlPart = (entry: ZipEntry): boolean => /\.(?:xml|rels)$/i.test(entry.name);

const notADocx = (fileName: string) =>
  new ImportError('corrupt', `${fileName}: not a valid Word document — the file is damaged or is not really a .docx`);

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file (CFB): legacy Office files, and OOXML files encrypted with a password. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

const utf16Name = (name: string) => Buffer.from(name, 'utf16le');

/**
 * A compound file named .docx: encrypted OOXML stores an "EncryptedPackage"
 * stream; a legacy Word file renamed .docx has a "WordDocument" stream
 * instead. Directory entry names are UTF-16LE, so a byte search finds them.
 */
function compoundFileError(bytes: Uint8Array, fileName: string): ImportError {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encrypted = buffer.includes(utf16Name('EncryptedPackage'));
  if (!encrypted && buffer.includes(utf16Name('WordDocument'))) {
    return new ImportError('unsupported', `${fileName}: this is a Word 97–2003 .doc file, which is not supported; open it in Word and save as .docx`);
  }
  return new ImportError('encrypted', `${fileName}: password-protected Word document — remove the password and import again`);
}

let sharedWindow: JSDOM['window'] | undefined;
/** One jsdom window for sanitizing and XML parsing; it never loads resources or runs scripts. */
function domWindow(): JSDOM['window'] {
  sharedWindow ??= new JSDOM('').window;
  return sharedWindow;
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
};
/** core.xml is a few hundred bytes; a huge one is not parsed. */
const MAX_CORE_XML = 1024 * 1024;

/**
 * Title, author, subject, dates and last editor from docProps/core.xml.
 * jsdom's XML parser refuses external entities and does not expand
 * internal ones, so a hostile DTD cannot read files or blow up.
 */
export function readCoreProperties(xml: Uint8Array | undefined, window: JSDOM['window'] = domWindow()): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (!xml || xml.length > MAX_CORE_XML) return metadata;
  const doc = new window.DOMParser().parseFromString(new TextDecoder('utf-8').decode(xml), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return metadata;
  const read = (ns: string, name: string): string | undefined => {
    const value = doc.getElementsByTagNameNS(ns, name)[0]?.textContent?.replace(/\s+/g, ' ').trim();
    return value ? value : undefined;
  };
  const iso = (value: string | undefined): string | undefined => {
    if (!value) return undefined;
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  };
  const fields: [string, string | undefined][] = [
    ['title', read(NS.dc, 'title')],
    ['author', read(NS.dc, 'creator')],
    ['subject', read(NS.dc, 'subject')],
    ['description', read(NS.dc, 'description')],
    ['keywords', read(NS.cp, 'keywords')],
    ['lastModifiedBy', read(NS.cp, 'lastModifiedBy')],
    ['created', iso(read(NS.dcterms, 'created'))],
    ['modified', iso(read(NS.dcterms, 'modified'))],
  ];
  for (const [key, value] of fields) if (value) metadata[key] = value;
  // The date the library shows: when the document was written.
  const date = metadata.created ?? metadata.modified;
  if (date) metadata.date = date;
  return metadata;
}

function firstHeading(body: HTMLElement): string | undefined {
  const heading = body.querySelector('h1, h2, h3, h4, h5, h6');
  const text = heading?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
