import { Readability } from '@mozilla/readability';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DOMWindow } from 'jsdom';
import { htmlText } from '../../../../shared/sources/html-text';
import { sanitizeHtml } from '../../../../shared/sources/sanitize';
import { ImportError } from '../errors';
import { decodeDeclared, decodeText, encodingMetadata, type EncodingSource } from '../text/decode';
import type { FormatParser, ParsedDocument } from '../types';
import { simplifyPage, visibleMarkupSize } from './simplified';

/**
 * jsdom, loaded when a page is first read in full: it takes a second or two
 * to load, which a large page read by the simplified path never pays.
 */
let jsdomModule: typeof import('jsdom') | undefined;
function jsdom(): typeof import('jsdom') {
  // import.meta.url is empty if this is bundled as CommonJS; resolve from the working directory then.
  const from: string | undefined = import.meta.url;
  jsdomModule ??= createRequire(from || join(process.cwd(), 'index.js'))('jsdom') as typeof import('jsdom');
  return jsdomModule;
}

/**
 * Pages with more visible markup than this (scripts, styles, inline SVG and
 * comments not counted) are read by the simplified path (simplified.ts):
 * jsdom, Readability and DOMPurify would take minutes over them.
 */
export const SIMPLIFY_ABOVE_CHARS = 1024 * 1024;

/**
 * Saved web pages (.html, .htm): the bytes are decoded (BOM, then
 * <meta charset>, then UTF-8, then Windows-1252), parsed by jsdom with
 * scripts off and no resource loading, and the main content is taken as
 * Firefox's reader view takes it (Mozilla Readability), falling back to the
 * whole <body>. Links are made absolute against the page's address first,
 * so they survive sanitizing.
 */
export const parseHtml: FormatParser = async ({ bytes, fileName, signal, onProgress, encoding: chosen }) => {
  throwIfCancelled(signal, fileName);
  const { html, encoding, source } = decodeHtml(bytes, fileName, undefined, chosen);
  return parseWebPage({ html, fileName, encoding, encodingSource: source, signal, onProgress });
};

export interface WebPage {
  /** The page's markup, already decoded. */
  html: string;
  fileName: string;
  /** Name of the encoding the markup was decoded from, kept as metadata. */
  encoding: string;
  /** How that encoding was settled (see decodeText), kept as metadata when it was not certain. */
  encodingSource?: EncodingSource;
  /** Where the page was loaded from, if the container says (MHTML's Content-Location). */
  location?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Read the page by the simplified path above this much visible markup. Default SIMPLIFY_ABOVE_CHARS. */
  simplifyAbove?: number;
}

/**
 * The pipeline shared by HTML and MHTML: metadata from the full page, links
 * made absolute, main content by Readability (else the body), sanitized, and
 * the plain text computed from the sanitized HTML exactly as the reader will.
 */
export function parseWebPage(page: WebPage): ParsedDocument {
  const { fileName, signal, onProgress } = page;
  throwIfCancelled(signal, fileName);
  // Where the page was loaded from: the container's word, else the comment browsers write when saving.
  const location = httpUrl(page.location) ?? savedFromUrl(page.html);
  const size = visibleMarkupSize(page.html);
  if (size > (page.simplifyAbove ?? SIMPLIFY_ABOVE_CHARS)) return simplifiedWebPage(page, location, size);
  const { JSDOM, VirtualConsole } = jsdom();
  const { window } = new JSDOM(page.html, {
    contentType: 'text/html',
    // Untrusted pages make jsdom complain (bad CSS…); nobody needs to read that.
    virtualConsole: new VirtualConsole(),
    // Only the string, for document.baseURI (Readability resolves against it). No scripts, no resources.
    ...(location ? { url: location } : {}),
  });
  try {
    const doc = window.document;
    onProgress?.(0.2);
    const meta = readMeta(doc);
    // What the page states, read before Readability rewrites the document.
    const statedTitle = oneLine(meta.get('og:title')) || oneLine(doc.title);
    const statedDate = firstOf(meta, DATE_KEYS) ?? articleTime(doc);
    const canonical = httpUrl(canonicalHref(doc), location);
    const url = canonical ?? httpUrl(meta.get('og:url'), location) ?? location;
    // Relative links are relative to the page's own address (or its <base>), which the canonical URL stands in for when unknown.
    const pageBase = location ?? url;
    const base = httpUrl(doc.querySelector('base[href]')?.getAttribute('href') ?? undefined, pageBase) ?? pageBase;
    absolutizeLinks(doc, base);

    throwIfCancelled(signal, fileName);
    // Readability rewrites the document it reads, so keep the body for the fallback (cheaper than cloning the document).
    const bodyHtml = doc.body?.innerHTML ?? '';
    const bodyWords = countWords(visibleText(doc.body));
    const article = readArticle(doc);
    onProgress?.(0.7);
    throwIfCancelled(signal, fileName);

    let content = article?.content ? sanitizeForReader(article.content, window) : undefined;
    // A few lines out of a long page are a box Readability mistook for the article (a newsletter sign-up, a print
    // footer): the whole page, sanitized, loses less.
    const articleWords = content ? countWords(content.text) : 0;
    if (!content?.text || (articleWords < SMALL_ARTICLE_WORDS && articleWords < bodyWords * SMALL_ARTICLE_SHARE)) content = sanitizeForReader(bodyHtml, window);
    if (!content.text) throw new ImportError('empty', `${fileName}: there is no readable text in this page.`);

    const title = statedTitle || oneLine(article?.title);
    const author = firstOf(meta, AUTHOR_KEYS) ?? byline(article?.byline);
    const date = statedDate ?? (oneLine(article?.publishedTime) || undefined);
    const siteName = oneLine(meta.get('og:site_name')) || oneLine(article?.siteName);
    const description = oneLine(meta.get('og:description')) || oneLine(meta.get('description'));
    const metadata: Record<string, string> = encodingMetadata({ encoding: page.encoding, source: page.encodingSource ?? 'valid-utf-8' });
    if (url) metadata.url = url;
    if (author) metadata.author = author;
    if (date) metadata.date = date;
    if (siteName) metadata.siteName = siteName;
    if (description) metadata.description = description;
    onProgress?.(1);
    return { ...(title ? { title } : {}), text: content.text, html: content.html, metadata };
  } finally {
    window.close();
  }
}

/**
 * A large page in one streaming pass (simplified.ts): its text as headings
 * and paragraphs, the same metadata as the full reading, and a note in the
 * metadata (`simplified`), shown with the source, that says what was left
 * out and why.
 */
function simplifiedWebPage(page: WebPage, location: string | undefined, size: number): ParsedDocument {
  const { fileName, signal, onProgress } = page;
  const read = simplifyPage(page.html);
  throwIfCancelled(signal, fileName);
  onProgress?.(0.9);
  if (!read.text) throw new ImportError('empty', `${fileName}: there is no readable text in this page.`);
  const { meta } = read;
  const canonical = httpUrl(read.canonical, location);
  const url = canonical ?? httpUrl(meta.get('og:url'), location) ?? location;
  const title = oneLine(meta.get('og:title')) || oneLine(read.title) || oneLine(read.firstHeading);
  const author = firstOf(meta, AUTHOR_KEYS);
  const date = firstOf(meta, DATE_KEYS) ?? (read.articleTime || undefined);
  const siteName = oneLine(meta.get('og:site_name'));
  const description = oneLine(meta.get('og:description')) || oneLine(meta.get('description'));
  const metadata: Record<string, string> = encodingMetadata({ encoding: page.encoding, source: page.encodingSource ?? 'valid-utf-8' });
  if (url) metadata.url = url;
  if (author) metadata.author = author;
  if (date) metadata.date = date;
  if (siteName) metadata.siteName = siteName;
  if (description) metadata.description = description;
  metadata.simplified = `This page is large (${(size / 1024 / 1024).toFixed(1)} MB of markup), so its layout was simplified: its text is kept as headings and paragraphs, without links, lists, tables or emphasis, and with the whole page rather than only the article.`;
  onProgress?.(1);
  return { ...(title ? { title } : {}), text: read.text, html: read.html, metadata };
}

/**
 * Sanitizes untrusted HTML for the reader and gives its plain text. The text
 * is computed from the sanitized string parsed again, as the reader will
 * parse it, never from the DOM the sanitizer built. The two can differ, and
 * then sanitizeHtml's output is not its own fixed point either: it unwraps
 * removed elements and can leave a tree the parser would not build (a <div>
 * inside a <p>, a newline right after <pre>), or two text nodes (either side
 * of a removed <script>) whose whitespace it collapsed separately but which
 * merge when parsed. So the result is sanitized again while it is not
 * stable (once is almost always enough), and sanitizing it again in the
 * renderer changes nothing. `body` is the re-parsed HTML the text was taken
 * from.
 */
export function sanitizeForReader(dirty: string, window: DOMWindow): { html: string; text: string; body: HTMLElement } {
  let html = sanitizeHtml(dirty, window);
  let body = parseBody(html, window);
  for (let pass = 0; pass < 3 && !isStable(html, body); pass++) {
    html = sanitizeHtml(html, window);
    body = parseBody(html, window);
  }
  return { html, text: htmlText(body), body };
}

/**
 * The body of `html` parsed as a document. Not `body.innerHTML = html`:
 * jsdom's fragment parsing is quadratic in the number of top-level nodes
 * (a 850 KB Markdown file: 110 s against 1.5 s this way). In the "in body"
 * insertion mode both parse the same.
 */
function parseBody(html: string, window: DOMWindow): HTMLElement {
  return new window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

/**
 * Whether sanitizing `html` again would change nothing, without paying for
 * a sanitize pass: on HTML that already went through sanitizeHtml, DOMPurify
 * removes nothing more, so only two things can change: the parse (it must
 * serialize back to the same string) and whitespace normalization (no
 * whitespace but single spaces outside <pre> and <code>). The tests check
 * the fixed point with sanitizeHtml itself.
 */
function isStable(html: string, body: HTMLElement): boolean {
  if (body.innerHTML !== html) return false;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (/[\t\n\f\r]| {2}/.test((child as Text).data)) return false;
      } else if (child.nodeType === 1 && child.nodeName !== 'PRE' && child.nodeName !== 'CODE' && !walk(child)) {
        return false;
      }
    }
    return true;
  };
  return walk(body);
}

/**
 * Decodes an HTML file: the user's choice if there is one; else a BOM
 * decides; else bytes that are valid UTF-8 are UTF-8, whatever a <meta>
 * says (pages re-saved as UTF-8 keep their old charset declaration, as Readability's `qq`
 * test page does); else the charset the page declares (the MIME part's, or
 * a <meta> in its first 16 KB); else the detector's guess (decodeText). As
 * browsers do, a declared UTF-16 without a BOM is not believed.
 */
export function decodeHtml(bytes: Uint8Array, fileName: string, declaredCharset?: string, chosen?: string): { html: string; encoding: string; source: EncodingSource } {
  const decoded = decodeText(bytes, fileName, chosen);
  if (decoded.source !== 'detected' || decoded.encoding.startsWith('utf-')) return { html: decoded.text, encoding: decoded.encoding, source: decoded.source };
  const label = declaredCharset ?? metaCharset(bytes);
  const declared = label && !/^\s*(?:utf|ucs)-?(?:8|16|32)/i.test(label) ? decodeDeclared(bytes, fileName, label) : undefined;
  const result = declared ?? decoded;
  return { html: result.text, encoding: result.encoding, source: result.source };
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16 * 1024)).toString('latin1');
  // Both <meta charset="…"> and <meta http-equiv="Content-Type" content="text/html; charset=…">.
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:+-]+)/i.exec(head)?.[1];
}

/** IE, and Chrome's "Webpage, HTML only", write `<!-- saved from url=(0042)https://… -->`; the number is the URL's length. */
function savedFromUrl(html: string): string | undefined {
  const match = /<!--\s*saved from url=\((\d+)\)(\S+)/i.exec(html.slice(0, 64 * 1024));
  if (!match) return undefined;
  const length = Number(match[1]);
  const raw = length > 0 && length <= match[2]!.length ? match[2]!.slice(0, length) : match[2]!;
  return httpUrl(raw.replace(/-->$/, ''));
}

const WEB_PROTOCOLS = new Set(['http:', 'https:']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An absolute http(s) URL from `raw` (resolved against `base`), or undefined. */
function httpUrl(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw?.trim()) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return WEB_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every link made absolute against `base`, or stripped of its href if it is
 * not http(s)/mailto then (javascript:, data:, file:, relative with no known
 * base). In-page anchors stay. The sanitizer would drop relative hrefs.
 */
function absolutizeLinks(doc: Document, base: string | undefined): void {
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    const raw = link.getAttribute('href')!.trim();
    if (raw.startsWith('#')) continue;
    let resolved: URL | undefined;
    try {
      resolved = new URL(raw, base);
    } catch {
      resolved = undefined;
    }
    if (resolved && LINK_PROTOCOLS.has(resolved.protocol)) link.setAttribute('href', resolved.href);
    else link.removeAttribute('href');
  }
}

type Article = ReturnType<Readability['parse']>;

/** An "article" this short (in words)… */
const SMALL_ARTICLE_WORDS = 100;
/** …and this small a share of the page's words is not the page's article. */
const SMALL_ARTICLE_SHARE = 0.1;

const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** The text a reader of the page would see: text nodes, but not those of scripts, styles and templates. */
function visibleText(root: Element | null): string {
  if (!root) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child as Text).data);
      else if (child.nodeType === 1 && !/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(child.nodeName)) walk(child);
    }
  };
  walk(root);
  return parts.join(' ');
}

/**
 * Readability's main content (it rewrites `doc`), with its default options
 * (a lower `charThreshold` made it settle for a newsletter box on pages
 * whose article it finds with the default); a failure means no article, not
 * a failed import.
 */
function readArticle(doc: Document): Article {
  try {
    return new Readability(doc).parse();
  } catch {
    return null;
  }
}

/** <meta> content by lower-cased property, name or itemprop; the first one wins. */
function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  for (const element of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = element.getAttribute('content')!.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  return meta;
}

function canonicalHref(doc: Document): string | undefined {
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    if (link.getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical')) return link.getAttribute('href')!;
  }
  return undefined;
}

const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator'];
const DATE_KEYS = ['article:published_time', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'datepublished', 'pubdate', 'publishdate'];

function firstOf(meta: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = oneLine(meta.get(key));
    if (value) return value;
  }
  return undefined;
}

/** The first <time datetime> inside the article (or <main>): the page's own dateline. */
function articleTime(doc: Document): string | undefined {
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('main time[datetime]');
  return oneLine(time?.getAttribute('datetime')) || undefined;
}

/** Readability's byline is the page's text ("By Jane Doe"). */
function byline(raw: string | null | undefined): string | undefined {
  return oneLine(raw?.replace(/^\s*by\s+/i, '')) || undefined;
}

const oneLine = (value: string | null | undefined): string => value?.replace(/\s+/g, ' ').trim() ?? '';

export function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw new ImportError('cancelled', `${fileName}: import cancelled.`);
}
