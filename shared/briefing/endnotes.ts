import type { CitationAttrs } from '../editor/citation';
import { UNCHECKED_PROBLEM } from './citation-checks';
import { escapeText } from './escape';
import type { BriefingSource } from './model';
import type { Redactor } from './redact';
import { textHtml } from './text-html';
import { inlineQuote } from '../sources/quote-text';

/** What the endnote may claim: `verified` only when the citation's check against its source passed. */
export interface EndnoteCheck {
  verified: boolean;
  problem?: string;
}

export interface Endnote {
  number: number;
  citation: CitationAttrs;
  check: EndnoteCheck;
}

/**
 * Numbers citations in the order the body first cites them. Citing the same
 * passage again (the same citation id with the same source range, fingerprint
 * and quote, or the same range without an id) reuses its number, as a
 * printed book would; an id reused for other words gets a number of its own,
 * so no citation hides behind another's endnote. An endnote is verified only
 * if every citation sharing it was.
 */
export function createEndnoteNumbering(): { number(citation: CitationAttrs, check: EndnoteCheck): number; list(): Endnote[] } {
  const byKey = new Map<string, Endnote>();
  return {
    number(citation, check) {
      const key = [citation.citationId, citation.sourceId, citation.start, citation.end, citation.sourceSha256, citation.quote].join('\u0000');
      let note = byKey.get(key);
      if (!note) {
        note = { number: byKey.size + 1, citation, check };
        byKey.set(key, note);
      } else if (note.check.verified && !check.verified) {
        note.check = check;
      }
      return note.number;
    },
    list: () => [...byKey.values()],
  };
}

/**
 * The endnotes' list items: source title, page, the quoted passage and the
 * fingerprint the passage was quoted from, enough for a reader to find and
 * verify it. A source re-imported since (another sha256) says so. A citation
 * that failed its check opens with "UNVERIFIED" and the problem, in plain
 * sight, before the words it claims to quote.
 */
export function endnoteItemsHtml(endnotes: readonly Endnote[], sources: readonly BriefingSource[], redactor: Redactor): string {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return endnotes
    .map(({ number, citation, check }) => {
      const source = sourceById.get(citation.sourceId);
      const title = source?.title || citation.sourceTitle.trim() || 'Untitled source';
      const page = citation.page ? `, p.&nbsp;${escapeText(String(citation.page))}` : '';
      // The quote as people read it: one line, hyphenated line ends joined (the check used its exact words).
      const quote = citation.quote.trim() ? ` <q class="endnote-quote">${textHtml(redactor, inlineQuote(citation.quote))}</q>` : '';
      const sha = citation.sourceSha256 || source?.sha256 || '';
      const fingerprint = sha ? ` <span class="fingerprint">SHA-256 <code>${escapeText(sha)}</code></span>` : '';
      const changed =
        source && citation.sourceSha256 && source.sha256 && source.sha256 !== citation.sourceSha256
          ? ` <span class="fingerprint-changed">The source has been re-imported since; it now reads <code>${escapeText(source.sha256)}</code>.</span>`
          : '';
      const unverified = check.verified ? '' : `<strong class="endnote-unverified">UNVERIFIED — ${textHtml(redactor, check.problem || UNCHECKED_PROBLEM)}</strong> `;
      const itemClass = check.verified ? '' : ' class="unverified"';
      return `<li id="endnote-${number}" value="${number}"${itemClass}>${unverified}<cite class="endnote-source">${textHtml(redactor, title)}</cite>${page}.${quote}${fingerprint}${changed}</li>`;
    })
    .join('\n');
}
