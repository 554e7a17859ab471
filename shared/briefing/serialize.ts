import type { DOMOutputSpec, Fragment, Mark, Node as PMNode } from '@tiptap/pm/model';
import { escapeAttr, escapeText } from './escape';

/**
 * A ProseMirror document as an HTML string, from the schema's own `toDOM`
 * specs (TipTap's `renderHTML`), so the briefing prints notes with the node
 * definitions the editor uses. It is `@tiptap/html`'s job done without a DOM:
 * the same code runs in the renderer, in main and in tests, and what it
 * escapes and which attributes it keeps is decided here, not by a DOM
 * implementation.
 */

export interface ElementRewrite {
  tag: string;
  attrs: Record<string, string>;
}

export interface SerializeHooks {
  /**
   * Called for each node's outermost element before attributes are
   * filtered; may rename the tag or add attributes (the composer shifts
   * heading levels and gives headings their anchor ids here).
   */
  element?: (node: PMNode, element: ElementRewrite) => ElementRewrite;
  /** Whether an href may be printed; failing ones are dropped (the link's text stays). */
  allowHref: (href: string) => boolean;
}

/**
 * Attributes that survive, whatever a node's `renderHTML` adds. Everything
 * else goes: `data-*` (mentions and citations carry ids, labels, quotes),
 * `title`, `style`, `target`, event handlers. The briefing needs none of
 * them, and a protected name must not ride along in one.
 */
const KEPT_ATTRIBUTES = new Set(['class', 'href', 'id', 'colspan', 'rowspan', 'start', 'rel']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr', 'col']);
const TAG_NAME = /^[a-z][a-z0-9]*$/;

export function serializeDocument(doc: PMNode, hooks: SerializeHooks): string {
  return serializeFragment(doc.content, hooks);
}

function serializeFragment(fragment: Fragment, hooks: SerializeHooks): string {
  let html = '';
  // Marks stay open across adjacent nodes that share them, as ProseMirror's
  // DOMSerializer does: "<strong>a <em>b</em></strong>", not one <strong> per node.
  const open: { mark: Mark; close: string }[] = [];
  fragment.forEach((child) => {
    let keep = 0;
    while (keep < open.length && keep < child.marks.length && open[keep]!.mark.eq(child.marks[keep]!)) keep++;
    while (open.length > keep) html += open.pop()!.close;
    for (const mark of child.marks.slice(keep)) {
      const [before, after] = markTags(mark, hooks);
      html += before;
      open.push({ mark, close: after });
    }
    html += serializeNode(child, hooks);
  });
  while (open.length) html += open.pop()!.close;
  return html;
}

function serializeNode(node: PMNode, hooks: SerializeHooks): string {
  if (node.isText) return escapeText(node.text ?? '');
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) return serializeFragment(node.content, hooks);
  return renderSpec(toDOM(node), () => serializeFragment(node.content, hooks), hooks, node);
}

const HOLE = '\u0000';

/** A mark's opening and closing tags, around an empty hole. */
function markTags(mark: Mark, hooks: SerializeHooks): [string, string] {
  const toDOM = mark.type.spec.toDOM;
  if (!toDOM) return ['', ''];
  const html = renderSpec(toDOM(mark, true), () => HOLE, hooks);
  const at = html.indexOf(HOLE);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at + HOLE.length)];
}

function renderSpec(spec: DOMOutputSpec, content: () => string, hooks: SerializeHooks, node?: PMNode): string {
  if (typeof spec === 'string') return escapeText(spec);
  if (!Array.isArray(spec)) throw new Error('The briefing serializer renders only array specs (no DOM nodes)');
  const [rawTag, ...rest] = spec as readonly unknown[];
  const second = rest[0];
  const hasAttrs = second !== null && typeof second === 'object' && !Array.isArray(second);
  const children = hasAttrs ? rest.slice(1) : rest;
  let element: ElementRewrite = { tag: String(rawTag), attrs: hasAttrs ? stringAttrs(second as Record<string, unknown>) : {} };
  if (node && hooks.element) element = hooks.element(node, element);
  if (!TAG_NAME.test(element.tag)) throw new Error(`Unexpected tag in a note: ${element.tag}`);

  const attrs = Object.entries(element.attrs)
    .filter(([name, value]) => KEPT_ATTRIBUTES.has(name) && (name !== 'href' || hooks.allowHref(value)))
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  if (VOID_TAGS.has(element.tag)) return `<${element.tag}${attrs}>`;
  const inner = children.map((c) => (c === 0 ? content() : renderSpec(c as DOMOutputSpec, content, hooks))).join('');
  return `<${element.tag}${attrs}>${inner}</${element.tag}>`;
}

function stringAttrs(attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined && value !== false) out[name] = String(value);
  return out;
}
