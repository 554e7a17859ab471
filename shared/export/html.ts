import { generateHTML } from '@tiptap/html/server';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, sourceAsShown, type Entity, type Note, type Source } from '../model';
import { Citation, type CitationAttrs } from '../editor/citation';
import { checkCitationAgainst } from '../editor/citation-check';
import { inlineQuote } from '../sources/quote-text';
import { EntityMention } from '../editor/entity-mention';
import { noteExtensions } from '../editor/extensions';
import { citationsOf, citedSourceIds, mentionedEntityIds } from '../editor/document';
import type { CaseSnapshot } from './case-snapshot';
import { EXPORT_CSS } from './html-style';
import { escapeHtml } from './html-text';
import { anchorsFor } from './slug';

/**
 * A note, or a whole case, as one self-contained HTML file: inline CSS, no
 * script, nothing fetched (a CSP meta tag forbids it even if something
 * slipped through), every string escaped. Note bodies are rendered with the
 * editor's own schema through `@tiptap/html/server`, so this module runs in
 * Node only (main or tests), never in the renderer. Mentions link to the
 * entity's entry; citations are numbered endnotes under each note, naming
 * the source, page, quoted words and the source's sha256.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

export interface HtmlExportOptions {
  now?: Date;
}

export function caseToHtml(snapshot: CaseSnapshot, options: HtmlExportOptions = {}): string {
  const notes = snapshot.notes.filter((n) => !n.deletedAt).sort((a, b) => b.updatedAt - a.updatedAt);
  const ctx = contextFor(snapshot, snapshot.entities);
  const noteAnchors = anchorsFor(notes, 'note', (n) => n.title);
  const toc = notes.map((n) => `<li><a href="#${noteAnchors.get(n.id)}">${escapeHtml(n.title || 'Untitled note')}</a></li>`).join('');
  const body = [
    `<h1>${escapeHtml(snapshot.case.title)}</h1>`,
    snapshot.case.summary.trim() ? `<p class="summary">${escapeHtml(snapshot.case.summary)}</p>` : '',
    notes.length ? `<nav><h2>Notes</h2><ol>${toc}</ol></nav>` : '',
    ...notes.map((n) => renderNote(n, noteAnchors.get(n.id)!, ctx)),
    entitiesSection(snapshot.entities, ctx),
    sourcesSection(ctx.listedSources, ctx),
  ].join('\n');
  return page(snapshot.case.title, body, options);
}

/** One note, with the entities it mentions and the sources it cites after it. */
export function noteToHtml(note: Note, snapshot: CaseSnapshot, options: HtmlExportOptions = {}): string {
  const mentioned = mentionedEntityIds(note.content);
  const cited = citedSourceIds(note.content);
  const ctx = contextFor(snapshot, snapshot.entities.filter((e) => mentioned.has(e.id)));
  const body = [
    renderNote(note, 'note', ctx, 1),
    entitiesSection(ctx.entities, ctx),
    sourcesSection(ctx.listedSources.filter((s) => cited.has(s.id)), ctx),
  ].join('\n');
  return page(note.title || 'Untitled note', body, options);
}

interface RenderContext {
  entities: Entity[];
  entityAnchors: Map<string, string>;
  /** Every source as the user edited it (`sourceAsShown`), those in the Trash included, for citations to be checked against. */
  sources: Map<string, Source>;
  /** The sources the page lists: not those in the Trash (citations of them read UNVERIFIED). */
  listedSources: Source[];
  sourceAnchors: Map<string, string>;
  caseId: string;
  sourceTexts: Map<string, string>;
}

function contextFor(snapshot: CaseSnapshot, entities: Entity[]): RenderContext {
  const shown = snapshot.sources.map(sourceAsShown);
  const listedSources = shown.filter((s) => s.deletedAt === undefined);
  return {
    entities,
    entityAnchors: anchorsFor(entities, 'entity', (e) => e.name),
    sources: new Map(shown.map((s) => [s.id, s])),
    listedSources,
    sourceAnchors: anchorsFor(listedSources, 'source', (s) => s.title),
    caseId: snapshot.case.id,
    sourceTexts: new Map(snapshot.sourceBodies.map((b) => [b.sourceId, b.text])),
  };
}

function page(title: string, body: string, options: HtmlExportOptions): string {
  const generated = (options.now ?? new Date()).toISOString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Casebook">
<title>${escapeHtml(title)}</title>
<style>${EXPORT_CSS.replace(/</g, '')}</style>
</head>
<body>
<main>
${body}
<footer><p class="sha">Exported from Casebook, ${generated}</p></footer>
</main>
</body>
</html>
`;
}

/** The note's title is an h`titleLevel`; its own headings (h1–h3) move down below it. */
function renderNote(note: Note, anchor: string, ctx: RenderContext, titleLevel: 1 | 2 = 2): string {
  const citations: CitationAttrs[] = [];
  const numbers = new Map<string, number>();
  for (const attrs of citationsOf(note.content)) {
    const key = citationKey(attrs);
    if (!numbers.has(key)) {
      citations.push(attrs);
      numbers.set(key, citations.length);
    }
  }
  const refId = (n: number) => `${anchor}-cite-${n}`;
  const extensions = noteExtensions({
    entityMention: EntityMention.extend({
      // Only what the reader needs: no data-* attributes (ids, labels) ride along.
      renderHTML({ node }) {
        const anchorId = ctx.entityAnchors.get(String(node.attrs.entityId));
        const className = `entity-mention entity-${String(node.attrs.entityType).toLowerCase().replace(/[^a-z]/g, '')}`;
        return anchorId ? ['a', { class: className, href: `#${anchorId}` }, String(node.attrs.label)] : ['span', { class: className }, String(node.attrs.label)];
      },
    }),
    citation: Citation.extend({
      renderHTML({ node }) {
        const n = numbers.get(citationKey(node.attrs as CitationAttrs)) ?? 0;
        return ['sup', { class: 'cite', id: `${refId(n)}-ref` }, ['a', { href: `#${refId(n)}` }, `[${n}]`]];
      },
    }),
  });
  const html = renderBody(note, extensions).replace(/<(\/?)h([1-5])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + titleLevel}`);
  const endnotes = citations.length
    ? `<section class="endnotes"><h${titleLevel + 1}>Sources cited</h${titleLevel + 1}><ol>${citations.map((c, i) => endnote(c, refId(i + 1), ctx)).join('')}</ol></section>`
    : '';
  return `<article id="${anchor}"><h${titleLevel}>${escapeHtml(note.title || 'Untitled note')}</h${titleLevel}>\n${html}\n${endnotes}</article>`;
}

/** A document the schema refuses (say, from a hand-made backup) still exports: as its plain text. */
function renderBody(note: Note, extensions: ReturnType<typeof noteExtensions>): string {
  try {
    return generateHTML(note.content, extensions);
  } catch {
    return note.text ? `<p style="white-space: pre-wrap">${escapeHtml(note.text)}</p>` : '';
  }
}

function endnote(c: CitationAttrs, id: string, ctx: RenderContext): string {
  const source = ctx.sources.get(c.sourceId);
  const title = escapeHtml(source?.title ?? (c.sourceTitle.trim() || 'Source'));
  const anchor = ctx.sourceAnchors.get(c.sourceId);
  let html = anchor ? `<a href="#${anchor}">${title}</a>` : title;
  if (c.page) html += `, p. ${Number(c.page)}`;
  // The quote as people read it (one line, hyphenated line ends joined); the check below uses its exact words.
  if (c.quote.trim()) html += ` — “${escapeHtml(inlineQuote(c.quote))}”`;
  if (c.sourceSha256) html += ` <span class="sha">sha256 ${escapeHtml(c.sourceSha256)}</span>`;
  // A citation that fails its check against the case's source says so first, never passing as sound.
  const text = ctx.sourceTexts.get(c.sourceId);
  const check = checkCitationAgainst(c, source && text !== undefined ? { caseId: source.caseId, sha256: source.sha256, text, deletedAt: source.deletedAt } : undefined, ctx.caseId);
  if (check.status === 'broken') html = `<strong class="unverified">UNVERIFIED — ${escapeHtml(check.reason)}</strong> ${html}`;
  return `<li id="${id}">${html} <a href="#${id}-ref" aria-label="Back to the text">↩</a></li>`;
}

function entitiesSection(entities: readonly Entity[], ctx: RenderContext): string {
  if (!entities.length) return '';
  const parts = ['<section id="entities"><h2>Entities</h2>'];
  for (const type of ENTITY_TYPES) {
    const ofType = entities.filter((e) => e.type === type).sort((a, b) => a.name.localeCompare(b.name));
    if (!ofType.length) continue;
    parts.push(`<h3>${escapeHtml(ENTITY_TYPE_LABELS[type].plural)}</h3>`);
    for (const e of ofType) {
      const props = Object.entries(e.properties).filter(([, v]) => v !== null && v !== '');
      parts.push(
        `<div class="entity" id="${ctx.entityAnchors.get(e.id)}"><h4>${escapeHtml(e.name)}${e.protected ? ' <span class="protected">protected</span>' : ''}</h4>`,
        e.aliases.length ? `<p>Also known as: ${e.aliases.map(escapeHtml).join('; ')}</p>` : '',
        e.description.trim() ? `<p>${escapeHtml(e.description)}</p>` : '',
        props.length ? `<dl class="props">${props.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`).join('')}</dl>` : '',
        '</div>',
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function sourcesSection(sources: readonly Source[], ctx: RenderContext): string {
  if (!sources.length) return '';
  const items = [...sources]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((s) => {
      const facts: [string, string][] = [...(s.tags?.length ? ([['tags', s.tags.join(', ')]] as [string, string][]) : []), ...Object.entries(s.metadata)];
      const meta = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
      return `<li id="${ctx.sourceAnchors.get(s.id)}"><strong>${escapeHtml(s.title)}</strong> (${escapeHtml(s.format)}${s.fileName ? `, ${escapeHtml(s.fileName)}` : ''}) <span class="sha">sha256 ${escapeHtml(s.sha256)}</span>${meta ? `<dl class="props">${meta}</dl>` : ''}</li>`;
    })
    .join('');
  return `<section id="sources"><h2>Sources</h2><ol>${items}</ol></section>`;
}

const citationKey = (c: CitationAttrs) => c.citationId || `${c.sourceId}:${c.start}:${c.end}`;

