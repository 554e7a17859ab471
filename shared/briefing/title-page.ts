import type { BriefingModel } from './model';
import type { Redactor } from './redact';
import { textHtml } from './text-html';

/** The cover: handling caveat, title, subtitle, summary, then who and when. It has no heading element, so it stays out of the PDF outline. */
export function titlePageHtml(model: BriefingModel, redactor: Redactor): string {
  const line = (cls: string, text: string | undefined) => (text?.trim() ? `<p class="${cls}">${textHtml(redactor, text.trim())}</p>` : '');
  const imprint = [
    model.author?.trim() ? `<dt>Prepared by</dt><dd>${textHtml(redactor, model.author.trim())}</dd>` : '',
    model.date.trim() ? `<dt>Date</dt><dd>${textHtml(redactor, model.date.trim())}</dd>` : '',
  ].join('');
  const notice = redactor.active ? '<p class="redaction-notice">Redacted copy: the names of protected sources and persons are blacked out throughout.</p>' : '';
  return [
    '<section class="title-page">',
    line('handling-mark', model.handling),
    '<div class="title-block">',
    '<p class="kicker">Briefing</p>',
    line('doc-title', model.title || 'Untitled briefing'),
    line('doc-subtitle', model.subtitle),
    '</div>',
    line('doc-summary', model.summary),
    imprint ? `<dl class="imprint">${imprint}</dl>` : '',
    notice,
    '</section>',
  ].join('\n');
}
