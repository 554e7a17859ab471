/**
 * The plain text of a sanitized source HTML, and where each piece of it sits
 * in the DOM. Main computes a source's `text` with it (on jsdom); the reader
 * runs the same walk on the rendered DOM to turn a text range (a mention, a
 * citation) back into a DOM Range. One walk, so the two can never disagree.
 *
 * Rules: block elements are separated by a blank line ("\n\n"), <br> is a
 * newline, table cells in a row are separated by a tab, a space at the start
 * of a block or after another space is skipped, a space at the end of a
 * block is dropped. Text is otherwise taken verbatim (sanitizeHtml has
 * already collapsed whitespace).
 */
export interface TextSegment {
  /** The DOM text node. */
  node: Text;
  /** Offset in `node.data` where this segment starts. */
  nodeOffset: number;
  /** Offset in the extracted text where it starts. */
  textOffset: number;
  length: number;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const CELLS = new Set(['TD', 'TH']);

export function walkHtmlText(root: Node): { text: string; segments: TextSegment[] } {
  // Pieces are collected and joined once: reading the end of a growing
  // string (endsWith, slice) after each += makes V8 flatten it every time,
  // which turns a long document into quadratic work.
  const parts: string[] = [];
  let length = 0;
  let last = ''; // the last character written, '' at the start
  const segments: TextSegment[] = [];
  let pending: '' | '\n\n' | '\t' = '';
  let inPre = 0;

  const write = (piece: string) => {
    if (!piece) return;
    parts.push(piece);
    length += piece.length;
    last = piece[piece.length - 1]!;
  };
  const dropTrailingSpace = () => {
    if (last !== ' ') return;
    const tail = parts[parts.length - 1]!.slice(0, -1);
    // Never leave an empty piece behind: the last piece always ends with `last`.
    if (tail) parts[parts.length - 1] = tail;
    else parts.pop();
    length -= 1;
    const seg = segments[segments.length - 1];
    if (seg) {
      seg.length -= 1;
      if (seg.length === 0) segments.pop();
    }
    last = parts.length ? parts[parts.length - 1]!.slice(-1) : '';
  };
  const due = (separator: '\n\n' | '\t') => {
    if (separator === '\n\n' || pending !== '\n\n') pending = separator;
  };

  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      let from = 0;
      if (!inPre && data.startsWith(' ') && (pending || length === 0 || last === ' ' || last === '\n')) from = 1;
      if (from >= data.length) return;
      if (pending && length > 0) {
        dropTrailingSpace();
        write(pending);
      }
      pending = '';
      segments.push({ node: node as Text, nodeOffset: from, textOffset: length, length: data.length - from });
      write(from ? data.slice(from) : data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName;
    if (name === 'BR') {
      dropTrailingSpace();
      if (length > 0 || pending) {
        if (pending && length > 0) write(pending);
        pending = '';
        write('\n');
      }
      return;
    }
    const isBlock = BLOCKS.has(name);
    const isCell = CELLS.has(name);
    if (isBlock) due('\n\n');
    else if (isCell && length > 0 && last !== '\n') due('\t');
    if (name === 'PRE') inPre += 1;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (name === 'PRE') inPre -= 1;
    if (isBlock) {
      dropTrailingSpace();
      due('\n\n');
    }
  };
  visit(root);
  dropTrailingSpace();
  return { text: parts.join(''), segments };
}

/** The plain text `walkHtmlText` gives. */
export const htmlText = (root: Node): string => walkHtmlText(root).text;

/**
 * Where text offset `offset` falls in the DOM: the text node and the offset
 * inside it. An offset inside a separator resolves to the start of the next
 * segment. Returns null past the end.
 */
export function locateOffset(segments: readonly TextSegment[], offset: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (offset < s.textOffset) hi = mid - 1;
    else if (offset > s.textOffset + s.length) lo = mid + 1;
    else return { node: s.node, offset: s.nodeOffset + (offset - s.textOffset) };
  }
  const next = segments[lo];
  return next ? { node: next.node, offset: next.nodeOffset } : null;
}

/**
 * The text offset of a DOM point (a selection's end, a click), the inverse
 * of `locateOffset`. A point inside an element resolves to the nearest text
 * segment at or after it (or the end of the one before). Null when the point
 * is outside every segment's reach (e.g. in chrome around the document).
 */
export function offsetOfPoint(segments: readonly TextSegment[], node: Node, offset: number): number | null {
  let textNode: Node | null = node;
  let within = offset;
  if (node.nodeType !== 3) {
    // An element point sits between children: take the first text at or after it.
    const child = node.childNodes[offset] ?? null;
    textNode = child ? firstTextIn(child) ?? nextText(child) : nextText(node, true);
    within = 0;
    if (!textNode) return segments.length ? segments[segments.length - 1]!.textOffset + segments[segments.length - 1]!.length : null;
  }
  for (const s of segments) {
    if (s.node !== textNode) continue;
    if (within < s.nodeOffset) return s.textOffset;
    if (within <= s.nodeOffset + s.length) return s.textOffset + (within - s.nodeOffset);
  }
  // A text node the walk skipped (a dropped space): the next segment after it.
  const position = segments.findIndex((s) => textNode!.compareDocumentPosition(s.node) & 4 /* FOLLOWING */);
  return position === -1 ? null : segments[position]!.textOffset;
}

function firstTextIn(node: Node): Node | null {
  if (node.nodeType === 3) return node;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const found = firstTextIn(c);
    if (found) return found;
  }
  return null;
}

function nextText(node: Node, skipChildren = false): Node | null {
  let current: Node | null = node;
  if (!skipChildren) {
    const inside = firstTextIn(node);
    if (inside && inside !== node) return inside;
  }
  while (current) {
    for (let sibling = current.nextSibling; sibling; sibling = sibling.nextSibling) {
      const found = firstTextIn(sibling);
      if (found) return found;
    }
    current = current.parentNode;
  }
  return null;
}
