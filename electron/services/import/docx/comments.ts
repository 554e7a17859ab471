import type { JSDOM } from 'jsdom';

/**
 * Word comments (word/comments.xml): who wrote each, when, what it says,
 * and the text of the document it is anchored to (between its
 * commentRangeStart and commentRangeEnd in word/document.xml). mammoth
 * reads comments only as footnote-like references, without the anchored
 * text; a reviewer's remark on a passage is worth keeping whole.
 */
export interface WordComment {
  id: string;
  author: string;
  /** ISO date, if the comment has one. */
  date?: string;
  text: string;
  /** The document text the comment marks, if it marks a range. */
  anchor: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** comments.xml is a few kilobytes; a huge one is not read. */
const MAX_COMMENTS_XML = 16 * 1024 * 1024;
/** One comment's anchored text is cut here. */
const MAX_ANCHOR = 2000;

const decoder = new TextDecoder('utf-8');

/** The text of a run of WordprocessingML elements: w:t, with tabs and breaks as whitespace. */
function runText(element: Element): string {
  let out = '';
  for (const node of Array.from(element.getElementsByTagNameNS(W, '*'))) {
    if (node.localName === 't') out += node.textContent ?? '';
    else if (node.localName === 'tab') out += '\t';
    else if (node.localName === 'br' || node.localName === 'cr') out += '\n';
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, named: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : XML_ENTITIES[named.toLowerCase()]!,
  );

/**
 * The text between each comment's range start and end in document.xml, by
 * comment id. Read from the XML text itself, not a DOM: document.xml can be
 * tens of megabytes, and only the slices between the markers are needed.
 */
export function anchoredTexts(documentXml: string): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const start of documentXml.matchAll(/<w:commentRangeStart\b[^>]*\bw:id="([^"]+)"[^>]*\/>/g)) {
    const id = start[1]!;
    const from = start.index + start[0].length;
    const end = new RegExp(`<w:commentRangeEnd\\b[^>]*\\bw:id="${id.replace(/[^\w-]/g, '')}"[^>]*/>`).exec(documentXml.slice(from));
    if (!end) continue;
    const slice = documentXml.slice(from, from + end.index);
    let text = '';
    for (const piece of slice.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
      if (piece[1] !== undefined) text += unescapeXml(piece[1]);
      else text += piece[0] === '<w:tab/>' ? '\t' : '\n';
      if (text.length > MAX_ANCHOR) break;
    }
    anchors.set(id, text.replace(/\s+/g, ' ').trim().slice(0, MAX_ANCHOR));
  }
  return anchors;
}

/** The document's comments in their order in comments.xml, with their anchored text. */
export function readComments(commentsXml: Uint8Array | undefined, documentXml: Uint8Array | undefined, window: JSDOM['window']): WordComment[] {
  if (!commentsXml || commentsXml.length > MAX_COMMENTS_XML) return [];
  // jsdom's XML parser refuses external entities and does not expand internal ones.
  const doc = new window.DOMParser().parseFromString(decoder.decode(commentsXml), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return [];
  const anchors = documentXml ? anchoredTexts(decoder.decode(documentXml)) : new Map<string, string>();
  const comments: WordComment[] = [];
  for (const element of Array.from(doc.getElementsByTagNameNS(W, 'comment'))) {
    const id = element.getAttributeNS(W, 'id') ?? '';
    const paragraphs = Array.from(element.getElementsByTagNameNS(W, 'p')).map((p) => runText(p).replace(/[ \t]+/g, ' ').trim());
    const text = paragraphs.filter(Boolean).join('\n');
    if (!text) continue;
    const date = element.getAttributeNS(W, 'date') ?? '';
    const time = Date.parse(date);
    comments.push({
      id,
      author: (element.getAttributeNS(W, 'author') ?? '').replace(/\s+/g, ' ').trim(),
      ...(Number.isNaN(time) ? {} : { date: new Date(time).toISOString() }),
      text,
      anchor: anchors.get(id) ?? '',
    });
  }
  return comments;
}

const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The comments as a section after the document: one paragraph each, marked
 * like the PDF importer's annotations: "[Comment, Jane Roe, 2024-03-04, on
 * “the harbour contract”] Check this date against the ledger."
 */
export function commentsHtml(comments: readonly WordComment[]): string {
  if (comments.length === 0) return '';
  const items = comments.map((comment) => {
    const label = ['Comment', comment.author, comment.date?.slice(0, 10), comment.anchor ? `on “${comment.anchor}”` : ''].filter(Boolean).join(', ');
    const [first, ...more] = comment.text.split('\n');
    return `<p>[${escapeHtml(label)}] ${escapeHtml(first!)}</p>${more.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}`;
  });
  return `<section><h2>Comments</h2>${items.join('')}</section>`;
}
