/**
 * The briefing redacts with the one redactor every export shares
 * (shared/redaction/redactor.ts): the composer passes every string it prints
 * through it before anything becomes HTML, so a protected name never reaches
 * the HTML at all, not as text, attribute, title or outline.
 */
export { createRedactor, NO_REDACTION, REDACTED_LABEL, type Redactor, type TextRun } from '../redaction/redactor';
