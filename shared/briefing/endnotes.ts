import type { CitationAttrs } from '../editor/citation';
import { escapeText } from './escape';
import type { BriefingSource } from './model';
import type { Redactor } from './redact';
import { textHtml } from './text-html';

export interface Endnote {
  number: number;
  citation: CitationAttrs;
}

/**
 * Numbers citations in the order the body first cites them. Citing the same
 * passage again (the same citation id, or the same source range) reuses its
 * number, as a printed book would.
 */
export function createEndnoteNumbering(): { number(citation: CitationAttrs): number; list(): Endnote[] } {
  const byKey = new Map<string, Endnote>();
  return {
    number(citation) {
      const key = citation.citationId || `${citation.sourceId}:${citation.start}:${citation.end}`;
      let note = byKey.get(key);
      if (!note) {
        note = { number: byKey.size + 1, citation };
        byKey.set(key, note);
      }
      return note.number;
    },
    list: () => [...byKey.values()],
  };
}

/**
 * The endnotes' list items: source title, page, the quoted passage and the
 * fingerprint the passage was quoted from, enough for a reader to find and
 * verify it. A source re-imported since (another sha256) says so.
 */
export function endnoteItemsHtml(endnotes: readonly Endnote[], sources: readonly BriefingSource[], redactor: Redactor): string {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return endnotes
    .map(({ number, citation }) => {
      const source = sourceById.get(citation.sourceId);
      const title = source?.title || citation.sourceTitle.trim() || 'Untitled source';
      const page = citation.page ? `, p.&nbsp;${citation.page}` : '';
      const quote = citation.quote.trim() ? ` <q class="endnote-quote">${textHtml(redactor, citation.quote.trim())}</q>` : '';
      const sha = citation.sourceSha256 || source?.sha256 || '';
      const fingerprint = sha ? ` <span class="fingerprint">SHA-256 <code>${escapeText(sha)}</code></span>` : '';
      const changed =
        source && citation.sourceSha256 && source.sha256 && source.sha256 !== citation.sourceSha256
          ? ` <span class="fingerprint-changed">The source has been re-imported since; it now reads <code>${escapeText(source.sha256)}</code>.</span>`
          : '';
      return `<li id="endnote-${number}" value="${number}"><cite class="endnote-source">${textHtml(redactor, title)}</cite>${page}.${quote}${fingerprint}${changed}</li>`;
    })
    .join('\n');
}
