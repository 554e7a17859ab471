import { REDACTION_MARKER, type Range, type Redactor } from './redactor';

/** Redacted text, and where an offset into the original lands in it. */
export interface RedactedText {
  text: string;
  /**
   * The offset in the redacted text of `offset` in the original. An offset
   * inside a hidden name lands on the marker's start (for a range's `start`)
   * or its end (for a range's `end`), so a range around a name still covers
   * its marker and never cuts it.
   */
  at(offset: number, edge: 'start' | 'end'): number;
}

const UNCHANGED = (text: string): RedactedText => ({ text, at: (offset) => offset });

/**
 * `text` with each protected name replaced by the fixed-width marker. The
 * marker is not as long as the name (see `REDACTION_MARKER`), so offsets into
 * the text move: `at` carries the mentions, citations, quotes and pages that
 * address this text over to the redacted one.
 */
export function redactText(redactor: Redactor, text: string): RedactedText {
  const ranges = redactor.find(text);
  if (ranges.length === 0) return UNCHANGED(text);
  let out = '';
  let from = 0;
  for (const r of ranges) {
    out += text.slice(from, r.start) + REDACTION_MARKER;
    from = r.end;
  }
  out += text.slice(from);
  return { text: out, at: (offset, edge) => moved(ranges, offset, edge) };
}

function moved(ranges: readonly Range[], offset: number, edge: 'start' | 'end'): number {
  let shift = 0;
  for (const r of ranges) {
    if (offset <= r.start) break;
    if (offset < r.end) return r.start + shift + (edge === 'end' ? REDACTION_MARKER.length : 0);
    shift += REDACTION_MARKER.length - (r.end - r.start);
  }
  return offset + shift;
}
