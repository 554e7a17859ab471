import type { JSONContent } from '@tiptap/core';
import type { Entity, Note, Source } from '../model';
import type { CitationAttrs } from '../editor/citation';
import { checkCitationAgainst } from '../editor/citation-check';
import { inlineQuote } from '../sources/quote-text';
import type { EntityMentionAttrs } from '../editor/entity-mention';
import { isAllowedLinkHref } from '../editor/extensions';
import { escapeInline, escapeLineStart, linkDestination, prefixLines } from './markdown-text';
import { NODE_NAMES } from '../editor/document';

/**
 * One note as Markdown (CommonMark with GFM footnotes, strikethrough and
 * tables). Entity mentions become links to the entity's entry, citations
 * numbered footnotes that name the source, the page, the quoted words and
 * the source's sha256, so a reader can check a quote without Casebook.
 * Written by walking the TipTap JSON, so it needs no DOM and runs anywhere.
 */

export interface MarkdownContext {
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  /** Where a mention of the entity links to; undefined leaves the bare name. */
  entityHref: (entityId: string) => string | undefined;
  sourceHref: (sourceId: string) => string | undefined;
  /** The case the note belongs to, and its sources' texts by id: every footnote is checked against them. */
  caseId: string;
  sourceTexts: ReadonlyMap<string, string>;
}

interface Footnotes {
  numbers: Map<string, number>;
  list: CitationAttrs[];
}

export function noteToMarkdown(note: Pick<Note, 'title' | 'content'> & Partial<Pick<Note, 'tags'>>, context: MarkdownContext): string {
  const footnotes: Footnotes = { numbers: new Map(), list: [] };
  const body = renderBlocks(note.content.content ?? [], context, footnotes);
  const parts = [`${frontMatter(note)}# ${escapeInline(note.title.trim() || 'Untitled note')}`];
  if (body) parts.push(body);
  if (footnotes.list.length) parts.push(footnotes.list.map((c, i) => footnoteLine(i + 1, c, context)).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/**
 * YAML front matter for what the note carries beside its text (its tags), as
 * Obsidian and static-site tools read it; nothing when there is nothing.
 * Each tag is a JSON string, which YAML reads as the same string.
 */
function frontMatter(note: Partial<Pick<Note, 'tags'>>): string {
  if (!note.tags?.length) return '';
  return `---\ntags: [${note.tags.map((t) => JSON.stringify(t)).join(', ')}]\n---\n\n`;
}

/** `[^1]: [Title](sources.md#source-x), p. 3 — “quote” (sha256 …)` */
function footnoteLine(n: number, c: CitationAttrs, context: MarkdownContext): string {
  const source = context.sources.get(c.sourceId);
  const title = escapeInline(source?.title ?? (c.sourceTitle.trim() || 'Source'));
  const href = context.sourceHref(c.sourceId);
  let line = `[^${n}]: ${unverifiedMark(c, context)}${href ? `[${title}](${linkDestination(href)})` : title}`;
  if (c.page) line += `, p. ${c.page}`;
  // The quote as people read it (one line, hyphenated line ends joined); the check above used its exact words.
  if (c.quote.trim()) line += ` — “${escapeInline(inlineQuote(c.quote))}”`;
  if (c.sourceSha256) line += ` (sha256 ${escapeInline(c.sourceSha256)})`;
  return line;
}

/** A citation that fails its check against the case's source says so first, never passing as sound. */
function unverifiedMark(c: CitationAttrs, context: MarkdownContext): string {
  const source = context.sources.get(c.sourceId);
  const text = context.sourceTexts.get(c.sourceId);
  const check = checkCitationAgainst(c, source && text !== undefined ? { caseId: source.caseId, sha256: source.sha256, text, deletedAt: source.deletedAt } : undefined, context.caseId);
  return check.status === 'ok' ? '' : `**UNVERIFIED — ${escapeInline(check.reason)}** `;
}

function renderBlocks(blocks: readonly JSONContent[], context: MarkdownContext, footnotes: Footnotes): string {
  return blocks
    .map((block) => renderBlock(block, context, footnotes))
    .filter((text) => text !== '')
    .join('\n\n');
}

function renderBlock(node: JSONContent, context: MarkdownContext, footnotes: Footnotes): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return startOfLines(renderInline(children, context, footnotes));
    case 'heading': {
      // The note's title is the one h1; the note's own headings go one level down.
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + 1);
      const text = renderInline(children, context, footnotes).replace(/\\\n/g, ' ');
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    case 'blockquote': {
      const inner = renderBlocks(children, context, footnotes);
      return inner ? prefixLines(inner, '> ') : '';
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.type === 'orderedList';
      const start = Number(node.attrs?.start) || 1;
      return children
        .map((item, i) => {
          const marker = ordered ? `${start + i}. ` : '- ';
          const inner = renderBlocks(item.content ?? [], context, footnotes) || '';
          return prefixLines(inner, marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'horizontalRule':
      return '---';
    case 'table':
      return renderTable(node, context, footnotes);
    default:
      // A block we do not know: keep its words rather than lose them.
      return children.some((c) => INLINE.has(c.type ?? '')) ? startOfLines(renderInline(children, context, footnotes)) : renderBlocks(children, context, footnotes);
  }
}

const INLINE = new Set<string>(['text', 'hardBreak', NODE_NAMES.entityMention, NODE_NAMES.citation]);

function startOfLines(text: string): string {
  return text.split('\n').map(escapeLineStart).join('\n');
}

/** GFM table: the first row is the header; cells keep their inline text, one line each. */
function renderTable(node: JSONContent, context: MarkdownContext, footnotes: Footnotes): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) =>
      (cell.content ?? [])
        .map((block) => renderInline(block.content ?? [], context, footnotes))
        .join(' ')
        .replace(/\\\n/g, ' ')
        .trim(),
    ),
  );
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length), 1);
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
}

interface MarkSpec {
  key: string;
  open: string;
  close: string;
}

function markSpec(mark: { type: string; attrs?: Record<string, unknown> }): MarkSpec | undefined {
  switch (mark.type) {
    case 'bold':
      return { key: 'bold', open: '**', close: '**' };
    case 'italic':
      return { key: 'italic', open: '*', close: '*' };
    case 'strike':
      return { key: 'strike', open: '~~', close: '~~' };
    case 'underline':
      return { key: 'underline', open: '<u>', close: '</u>' };
    case 'link': {
      const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
      // Links that are not http(s)/mailto keep their text and lose the link.
      return isAllowedLinkHref(href) ? { key: `link:${href}`, open: '[', close: `](${linkDestination(href)})` } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Inline nodes with their marks. Marks stay open across neighbours that
 * share them ("**a *b***", not "**a****b**"), and whitespace at a mark's
 * edge goes outside it, where CommonMark needs it for the emphasis to count.
 */
function renderInline(nodes: readonly JSONContent[], context: MarkdownContext, footnotes: Footnotes): string {
  let out = '';
  let pendingSpace = '';
  const open: MarkSpec[] = [];

  const closeTo = (keep: number) => {
    while (open.length > keep) out += open.pop()!.close;
  };

  for (const node of nodes) {
    const { text, lead, trail } = inlineContent(node, context, footnotes);
    if (!text) {
      pendingSpace += lead + trail;
      continue;
    }
    // Mentions and citations are links or references of their own: no link mark around them.
    const specs = (node.marks ?? [])
      .map(markSpec)
      .filter((s): s is MarkSpec => !!s && !(s.key.startsWith('link:') && node.type !== 'text'));
    let keep = 0;
    while (keep < open.length && keep < specs.length && open[keep]!.key === specs[keep]!.key) keep++;
    closeTo(keep);
    out += pendingSpace + lead;
    for (const spec of specs.slice(keep)) {
      out += spec.open;
      open.push(spec);
    }
    out += text;
    pendingSpace = trail;
  }
  closeTo(0);
  return out + pendingSpace.replace(/\s+$/, '');
}

/** A node's Markdown, with its leading and trailing whitespace apart so marks can sit inside it. */
function inlineContent(node: JSONContent, context: MarkdownContext, footnotes: Footnotes): { text: string; lead: string; trail: string } {
  switch (node.type) {
    case 'text': {
      const raw = (node.text ?? '').replace(/\s*\n\s*/g, ' ');
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
      return { lead: match[1] ? ' ' : '', text: escapeInline(match[2]!), trail: match[3] ? ' ' : '' };
    }
    case 'hardBreak':
      return { lead: '', text: '\\\n', trail: '' };
    case NODE_NAMES.entityMention: {
      const attrs = node.attrs as Partial<EntityMentionAttrs> | undefined;
      const entityId = attrs?.entityId ?? '';
      const label = escapeInline(attrs?.label || context.entities.get(entityId)?.name || 'unknown entity');
      const href = entityId ? context.entityHref(entityId) : undefined;
      return { lead: '', text: href ? `[${label}](${linkDestination(href)})` : label, trail: '' };
    }
    case NODE_NAMES.citation: {
      const attrs = node.attrs as CitationAttrs;
      const key = attrs.citationId || `${attrs.sourceId}:${attrs.start}:${attrs.end}`;
      let n = footnotes.numbers.get(key);
      if (n === undefined) {
        footnotes.list.push(attrs);
        footnotes.numbers.set(key, (n = footnotes.list.length));
      }
      return { lead: '', text: `[^${n}]`, trail: '' };
    }
    default:
      return { lead: '', text: renderInline(node.content ?? [], context, footnotes), trail: '' };
  }
}
