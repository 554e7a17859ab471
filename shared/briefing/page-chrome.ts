import { cssText, escapeText } from './escape';
import type { BriefingModel } from './model';
import { REDACTED_LABEL, type Redactor } from './redact';

/**
 * The running header and footer, as Chromium's printToPDF templates
 * (`displayHeaderFooter`), which fill `.pageNumber` and `.totalPages`.
 * Templates are separate little documents: they see no stylesheet, so every
 * style is inline, and they get model text only through the redactor, like
 * the page body.
 */
export interface PageChrome {
  headerTemplate: string;
  footerTemplate: string;
}

const SANS = `'Noto Sans SC', 'Source Serif 4', 'Helvetica Neue', Arial, sans-serif`;
// Chromium draws templates at a zoom of its own; these sizes print at about 7.5pt.
const BASE = `font-family: ${SANS}; font-size: 7.5pt; color: #4a5563; width: 100%; margin: 0 1.1in; display: flex; justify-content: space-between; align-items: baseline; -webkit-print-color-adjust: exact; print-color-adjust: exact;`;
const BAR = `display: inline-block; width: 4.6em; background: #000; color: #000; line-height: 1;`;

function chromeText(redactor: Redactor, text: string): string {
  return redactor
    .split(text)
    .map((run) => (run.redacted ? `<span style="${BAR}">${REDACTED_LABEL}</span>` : escapeText(run.text)))
    .join('');
}

/**
 * `fontCss` is inlined into each template: a template does not see the
 * page's own @font-face rules, and without its own it would print in
 * whatever sans the system has.
 */
export function pageChrome(model: BriefingModel, redactor: Redactor, fontCss = ''): PageChrome {
  const handling = model.handling.trim();
  const title = model.title.trim() || 'Untitled briefing';
  const style = fontCss ? `<style>${cssText(fontCss)}</style>` : '';
  return {
    headerTemplate:
      style +
      `<div style="${BASE}">` +
      `<span style="font-weight: 700; letter-spacing: 0.08em; color: #7a1f1f;">${chromeText(redactor, handling)}</span>` +
      `<span style="max-width: 60%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;">${chromeText(redactor, title)}</span>` +
      `</div>`,
    footerTemplate:
      style +
      `<div style="${BASE}">` +
      `<span style="font-weight: 600; letter-spacing: 0.08em;">${chromeText(redactor, handling)}</span>` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
      `</div>`,
  };
}
