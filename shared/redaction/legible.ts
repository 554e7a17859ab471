import { createRedactor, type NamedEntity, type Redactor } from './redactor';

/**
 * Whether a protected name can still be read in a finished export (HTML,
 * Markdown, CSV, JSON lines): the last check before a redacted file is
 * saved, as the PDF's is (briefing-pdf.ts reads the printed pages back). It
 * catches what the redaction step would have missed, say a field added to
 * the case later that no one taught it about. The output is searched as
 * written, with HTML entities decoded, with tags removed (a name split by
 * markup reads whole in a browser) and with Markdown's backslash escapes
 * removed, so an escape cannot hide a name from the check.
 */
export function hasLegibleName(redactor: Redactor, output: string): boolean {
  if (!redactor.active || !output) return false;
  const forms = new Set([output, decodeEntities(output), decodeEntities(output.replace(/<[^>]*>/g, '')), output.replace(/\\(?=[\p{P}\p{S}])/gu, '')]);
  for (const form of forms) if (redactor.find(form).length > 0) return true;
  return false;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A redacted export in which a protected name could still be read: refused, never saved. */
export class RedactionLeakError extends Error {
  constructor(what: string) {
    super(`A protected name is still legible in the ${what}; nothing was saved.`);
    this.name = 'RedactionLeakError';
  }
}

/** Throws `RedactionLeakError` when any of `outputs` still shows a protected name of the case's (unredacted) `entities`. */
export function checkRedacted(entities: readonly NamedEntity[], outputs: readonly string[], what: string): void {
  const redactor = createRedactor(entities, true);
  if (outputs.some((output) => hasLegibleName(redactor, output))) throw new RedactionLeakError(what);
}
