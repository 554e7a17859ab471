import type { JSONContent } from '@tiptap/core';
import { entitiesAppendixHtml, sourcesAppendixHtml, timelineAppendixHtml } from './appendices';
import type { CitationAttrs } from '../editor/citation';
import { checkOf, citationChecksOf } from './citation-checks';
import { createEndnoteNumbering, endnoteItemsHtml } from './endnotes';
import { cssText, escapeAttr, escapeText } from './escape';
import type { BriefingModel } from './model';
import { pageChrome, type PageChrome } from './page-chrome';
import { printCss } from './print-css';
import { createRedactor } from './redact';
import { renderNote } from './render-note';
import { textHtml } from './text-html';
import { titlePageHtml } from './title-page';
import { tocDigitPalettes, tocHtml, type TocEntry } from './toc';
import { mentionedEntityIds } from '../editor/document';

export interface ComposeOptions {
  /**
   * `@font-face` rules for the families in `BRIEFING_FONT_FAMILIES`, with
   * their files inlined as `data:` URLs (the PDF service builds them from the
   * bundled @fontsource packages). The composer stays pure and never loads
   * anything itself; the document's CSP allows fonts from `data:` only.
   */
  fontCss?: string;
  /** The same for the running header and footer, which do not see the page's fonts; keep it small (it is inlined twice). */
  chromeFontCss?: string;
}

export interface ComposedBriefing {
  /** One self-contained HTML document: no scripts, no external resources. */
  html: string;
  /** Contents entries in order; the PDF service numbers them by `anchorId`. */
  toc: TocEntry[];
  /** Running header and footer templates for printToPDF. */
  chrome: PageChrome;
  /** The same briefing with other fonts, without composing it again (the fonts depend on the text it holds). */
  withFonts(options: ComposeOptions): ComposedBriefing;
}

/**
 * Nothing may leave the printing window or run in it, even if a note held
 * something the composer missed: no scripts, no network, no frames.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/**
 * The briefing as HTML: title page, contents, one chapter per note, endnotes
 * for the citations, then the appendices the model asks for. Pure: the same
 * model gives the same document, and nothing of a protected name reaches it
 * when redacting (every model string passes the redactor first).
 */
export function composeBriefing(model: BriefingModel, options: ComposeOptions = {}): ComposedBriefing {
  const redactor = createRedactor(model.entities, model.redact);
  const numbering = createEndnoteNumbering();
  const entityTypes = new Map(model.entities.map((e) => [e.id, e.type]));
  const toc: TocEntry[] = [];
  const chapters: string[] = [];

  model.notes.forEach((note, i) => {
    const id = `ch-${i + 1}`;
    const checks = citationChecksOf(note);
    const endnoteNumber = (citation: CitationAttrs) => numbering.number(citation, checkOf(checks, citation.citationId));
    const rendered = renderNote(note.content, id, { redactor, endnoteNumber, entityTypes });
    const title = textHtml(redactor, note.title.trim() || 'Untitled note');
    toc.push({ anchorId: id, html: title, depth: 0 });
    const topLevel = Math.min(...rendered.headings.map((h) => h.level));
    for (const h of rendered.headings) if (h.html && h.level - topLevel < 2) toc.push({ anchorId: h.anchorId, html: h.html, depth: 1 + h.level - topLevel });
    chapters.push(`<article class="chapter note">\n<h1 id="${id}">${title}</h1>\n<div class="note-body">${rendered.html}</div>\n</article>`);
  });

  const endnotes = numbering.list();
  if (endnotes.length > 0) {
    toc.push({ anchorId: 'endnotes', html: 'Endnotes', depth: 0 });
    chapters.push(
      `<section class="chapter endnotes">\n<h1 id="endnotes">Endnotes</h1>\n` +
        `<ol class="endnote-list">\n${endnoteItemsHtml(endnotes, model.sources, redactor)}\n</ol>\n</section>`,
    );
  }

  const appendices: { id: string; name: string; intro: string; body: () => string }[] = [];
  if (model.appendices.entities) {
    const scope = model.appendices.entities;
    const mentioned = mentionedInAny(model.notes.map((n) => n.content));
    const listed = scope === 'all' ? model.entities : model.entities.filter((e) => mentioned.has(e.id));
    appendices.push({
      id: 'appendix-entities',
      name: 'Entities',
      intro: scope === 'all' ? 'The people, organisations, places and events of the case, by type.' : 'The people, organisations, places and events this briefing mentions, by type.',
      body: () => entitiesAppendixHtml(listed, redactor),
    });
  }
  if (model.appendices.timeline) {
    appendices.push({ id: 'appendix-timeline', name: 'Timeline', intro: 'Dated events of the case, oldest first.', body: () => timelineAppendixHtml(model.timeline, redactor) });
  }
  if (model.appendices.sources) {
    const cited = new Map<string, number>();
    // Only citations that checked out count as citing a source.
    for (const { citation, check } of endnotes) if (check.verified) cited.set(citation.sourceId, (cited.get(citation.sourceId) ?? 0) + 1);
    appendices.push({
      id: 'appendix-sources',
      name: 'Sources',
      intro: 'Each source as imported, with its SHA-256 fingerprint: a copy whose fingerprint matches is the very file quoted here.',
      body: () => sourcesAppendixHtml(model.sources, cited, redactor),
    });
  }
  appendices.forEach((a, i) => {
    const heading = `Appendix ${String.fromCharCode(65 + i)}. ${a.name}`;
    toc.push({ anchorId: a.id, html: escapeText(heading), depth: 0 });
    chapters.push(`<section class="chapter appendix">\n<h1 id="${a.id}">${escapeText(heading)}</h1>\n<p class="appendix-intro">${escapeText(a.intro)}</p>\n${a.body()}\n</section>`);
  });

  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(CONTENT_SECURITY_POLICY)}">`,
    `<title>${escapeText(redactor.plain(model.title.trim() || 'Untitled briefing'))}</title>`,
  ].join('\n');
  const body = [
    `<style>${printCss(model.pageSize)}</style>`,
    '</head>',
    '<body class="briefing">',
    titlePageHtml(model, redactor),
    `<nav class="toc">\n<h1 id="contents">Contents</h1>\n${model.pageNumbers ? '' : `${tocDigitPalettes()}\n`}${tocHtml(toc, model.pageNumbers)}\n</nav>`,
    ...chapters,
    '</body>',
    '</html>',
  ].join('\n');
  const assemble = (fonts: ComposeOptions): ComposedBriefing => ({
    html: `${head}\n<style>${cssText(fonts.fontCss)}</style>\n${body}`,
    toc,
    chrome: pageChrome(model, redactor, fonts.chromeFontCss),
    withFonts: assemble,
  });
  return assemble(options);
}

function mentionedInAny(docs: readonly JSONContent[]): Set<string> {
  return new Set(docs.flatMap((doc) => [...mentionedEntityIds(doc)]));
}
