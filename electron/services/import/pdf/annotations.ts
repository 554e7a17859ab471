/**
 * What a page's annotations say, as lines of text: filled form fields,
 * comments, sticky notes, text boxes, stamps and signature appearances.
 * A content-text reader (pdf.js's getTextContent, pdftotext) never sees
 * them, yet on a filled form or a reviewed draft they are what matters.
 *
 * Each line says what it is, so a quote or citation taken from it is never
 * mistaken for the printed page: "[Form field “Name”] Jane Doe",
 * "[Note, deric] check this figure".
 */

/** The fields of pdf.js's annotation data this module reads (getAnnotations()). */
export interface AnnotationData {
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
  fieldValue?: unknown;
  alternativeText?: string;
  contentsObj?: { str?: string };
  richText?: { str?: string };
  titleObj?: { str?: string };
  /** The text of the annotation's appearance (text fields, text boxes, signatures), one string per line. */
  textContent?: string[];
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  exportValue?: string;
  buttonValue?: string;
  options?: { exportValue?: unknown; displayValue?: unknown }[];
  hidden?: boolean;
  /** [x1, y1, x2, y2] in page space (y grows upwards). */
  rect?: number[];
}

/** How each kind of comment is called in its line. */
const KINDS: Record<string, string> = {
  Text: 'Note',
  FreeText: 'Text box',
  Highlight: 'Highlight note',
  Underline: 'Markup note',
  StrikeOut: 'Markup note',
  Squiggly: 'Markup note',
  Stamp: 'Stamp',
  Ink: 'Drawing note',
  Square: 'Shape note',
  Circle: 'Shape note',
  Line: 'Shape note',
  Polygon: 'Shape note',
  PolyLine: 'Shape note',
  Caret: 'Insertion note',
  FileAttachment: 'Attachment note',
  Sound: 'Sound note',
  Redact: 'Redaction note',
};

/** Annotations with nothing to read: links, a comment's pop-up (it repeats the comment), and the like. */
const SKIPPED = new Set(['Link', 'Popup', 'Movie', 'Screen', 'PrinterMark', 'TrapNet', 'Watermark', '3D', 'RichMedia']);

/** A value this long that the page's text already holds is the printed page, not a second copy. */
const MIN_DUPLICATE_LENGTH = 12;
/** One annotation's text is cut here: a field can hold megabytes. */
const MAX_VALUE_LENGTH = 100_000;

const clean = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .slice(0, MAX_VALUE_LENGTH)
        .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, ' ')
        .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
        .replace(/ ?\n[\n ]*/g, '\n')
        .trim()
    : '';

const oneLine = (value: unknown): string => clean(value).replace(/\n/g, ' ');

/** The field's name as people read it: its tooltip (/TU) if it has one, else the last part of its name. */
function fieldLabel(a: AnnotationData): string {
  const label = oneLine(a.alternativeText) || oneLine(a.fieldName?.split('.').pop());
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}

/** What a form field shows as filled in, or '' when it is empty or off. */
function fieldValue(a: AnnotationData): string {
  switch (a.fieldType) {
    case 'Tx':
      return clean(a.fieldValue) || clean(a.textContent?.join('\n'));
    case 'Ch': {
      const chosen = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).map((v) => String(v ?? ''));
      const display = chosen.map((value) => {
        const option = a.options?.find((o) => o.exportValue === value);
        return clean(typeof option?.displayValue === 'string' ? option.displayValue : value);
      });
      return display.filter(Boolean).join(', ');
    }
    case 'Btn': {
      if (a.pushButton) return '';
      const value = typeof a.fieldValue === 'string' ? a.fieldValue : '';
      if (!value || value === 'Off') return '';
      if (a.checkBox) return a.exportValue && value !== a.exportValue ? '' : '☒';
      if (a.radioButton) return value === a.buttonValue ? (/^(?:on|yes)$/i.test(value) ? '◉' : `◉ ${oneLine(value)}`) : '';
      return '';
    }
    case 'Sig':
      return clean(a.textContent?.join('\n'));
    default:
      return clean(a.fieldValue) || clean(a.textContent?.join('\n'));
  }
}

/** Top to bottom, then left to right, as the page is read (pdf.js lists widgets after the other annotations). */
function readingOrder(a: AnnotationData, b: AnnotationData): number {
  const top = (x: AnnotationData) => Math.max(x.rect?.[1] ?? 0, x.rect?.[3] ?? 0);
  const left = (x: AnnotationData) => Math.min(x.rect?.[0] ?? 0, x.rect?.[2] ?? 0);
  return top(b) - top(a) || left(a) - left(b);
}

/**
 * One line per annotation with something to read, in reading order.
 * `pageText` is the page's own text: a long value already printed there
 * (a flattened form that kept its fields) is not repeated.
 */
export function annotationLines(annotations: readonly AnnotationData[], pageText: string): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const add = (line: string, body: string) => {
    if (!body || seen.has(line)) return;
    if (body.length >= MIN_DUPLICATE_LENGTH && pageText.includes(body)) return;
    seen.add(line);
    lines.push(line);
  };
  for (const a of [...annotations].sort(readingOrder)) {
    const subtype = a.subtype ?? '';
    if (SKIPPED.has(subtype) || a.hidden) continue;
    if (subtype === 'Widget') {
      const value = fieldValue(a);
      if (!value) continue;
      const label = fieldLabel(a);
      const kind = a.fieldType === 'Sig' ? 'Signature' : 'Form field';
      add(`[${kind}${label ? ` “${label}”` : ''}] ${value}`, value);
      continue;
    }
    const text = clean(a.contentsObj?.str) || clean(a.richText?.str) || (subtype === 'FreeText' ? clean(a.textContent?.join('\n')) : '');
    if (!text) continue;
    const author = oneLine(a.titleObj?.str);
    add(`[${KINDS[subtype] ?? 'Annotation'}${author ? `, ${author}` : ''}] ${text}`, text);
  }
  return lines;
}
