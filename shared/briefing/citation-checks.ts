import type { EndnoteCheck } from './endnotes';
import type { BriefingModel, BriefingNote } from './model';
import { citationsOf } from '../editor/document';

/** Said of a citation the model carries no check for: unchecked is not verified. */
export const UNCHECKED_PROBLEM = 'It was not checked against its source.';

/**
 * A note's checks by citation id. Should an id carry two checks (the same id
 * on different words), the failed one wins: nothing unverified passes as
 * verified.
 */
export function citationChecksOf(note: BriefingNote): Map<string, EndnoteCheck> {
  const checks = new Map<string, EndnoteCheck>();
  for (const c of note.citationChecks ?? []) {
    const known = checks.get(c.citationId);
    if (known && !known.verified) continue;
    checks.set(c.citationId, c.verified ? { verified: true } : { verified: false, problem: c.problem || 'It failed its check against the source.' });
  }
  return checks;
}

/** The check a citation prints with: its note's, or "unchecked" when the note has none for it. */
export function checkOf(checks: ReadonlyMap<string, EndnoteCheck>, citationId: unknown): EndnoteCheck {
  return (typeof citationId === 'string' && checks.get(citationId)) || { verified: false, problem: UNCHECKED_PROBLEM };
}

export interface UnverifiedInNote {
  noteId: string;
  title: string;
  /** Citation nodes of the note whose endnote will read UNVERIFIED. */
  count: number;
}

/** The notes of a briefing that hold unverified citations, in order, with how many: what the export dialog warns about. */
export function unverifiedCitationsByNote(model: Pick<BriefingModel, 'notes'>): UnverifiedInNote[] {
  return model.notes.flatMap((note) => {
    const checks = citationChecksOf(note);
    const count = citationsOf(note.content).filter((c) => !checkOf(checks, c.citationId).verified).length;
    return count > 0 ? [{ noteId: note.id, title: note.title, count }] : [];
  });
}
