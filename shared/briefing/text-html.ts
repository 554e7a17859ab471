import { escapeText } from './escape';
import { REDACTED_LABEL, type Redactor } from './redact';

/**
 * A black bar of fixed width: the same for every name, so its length does not
 * hint at the name it hides. The print stylesheet draws it.
 */
export const REDACTION_BAR_HTML = `<span class="redacted">${REDACTED_LABEL}</span>`;

/** Plain text as HTML, protected names already replaced by bars. The composer's only way to print model text. */
export function textHtml(redactor: Redactor, text: string): string {
  return redactor
    .split(text)
    .map((run) => (run.redacted ? REDACTION_BAR_HTML : escapeText(run.text)))
    .join('');
}
