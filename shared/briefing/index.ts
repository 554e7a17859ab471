import { composeBriefing, type ComposeOptions } from './compose';
import type { BriefingModel } from './model';

/**
 * The briefing composer: a pure function from a briefing model (model.ts) to
 * one self-contained HTML document with its print stylesheet. Main prints it
 * with printToPDF (electron/services/export/briefing-pdf.ts); see
 * docs/briefing-notes.md for the model and the design.
 */
export function renderBriefingHtml(model: BriefingModel, options: ComposeOptions = {}): string {
  return composeBriefing(model, options).html;
}

export { composeBriefing, type ComposeOptions, type ComposedBriefing } from './compose';
export { briefingCitationCheck, briefingModelFromRecords, type BriefingChoices, type BriefingRecords } from './from-records';
export { timelineEvents } from './timeline';
export { unverifiedCitationsByNote, type UnverifiedInNote } from './citation-checks';
export { createRedactor, REDACTED_LABEL, type Redactor } from './redact';
export { BRIEFING_FONT_FAMILIES, PAGE_MARGINS_IN } from './print-css';
export type { PageChrome } from './page-chrome';
export type { TocEntry } from './toc';
export type * from './model';
