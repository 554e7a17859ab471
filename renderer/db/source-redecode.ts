import { checkCitationAgainst } from '../../shared/editor/citation-check';
import { snippetAround } from '../../shared/linking/snippet';
import type { ImportedSource, Mention, Source, SourceBody } from '../../shared/model';
import { getInCase, inCase } from './case-scope';
import { removeSightingsOf } from './candidates';
import type { CasebookDexie } from './database';

/**
 * Re-reading a source's kept original with another text encoding (the
 * detector guessed Windows-1252 for a Cyrillic file): the source keeps its id,
 * title edits, tags and notes; its text, HTML and what the file states are
 * replaced in place. What addressed the old text by offset is settled so that
 * nothing silently points at other words:
 * - note citations and relation/entity quotes are left alone: the citation
 *   check compares their quoted words with the new text, so one whose words
 *   changed shows as broken (and mends itself if the user goes back);
 * - a confirmed mention stays where the same words still are, moves to the one
 *   place they now are, or goes (counted, so the user is told);
 * - found mentions and the review queue's sightings go: the linker and
 *   extraction read the new text again (the caller tells them).
 * Everything replaced is returned, so an Undo puts it back exactly.
 */

/** What a re-decode does to what points into the source, for the confirmation and the toast. */
export interface RedecodeImpact {
  /** Note citations that quote words the new text no longer has at their place (they will show as broken). */
  citationsBroken: number;
  /** Confirmed mentions whose words moved: they follow them. */
  mentionsMoved: number;
  /** Confirmed mentions whose words are gone from the new text: removed. */
  mentionsLost: number;
}

/** The source as it was before a re-decode: enough to put it back. */
export interface RedecodeUndo {
  caseId: string;
  sourceId: string;
  sha256: string;
  source: Pick<Source, 'title' | 'metadata' | 'pages'>;
  body: SourceBody;
  mentions: Mention[];
}

/** Why a re-decode was refused, in words for the user. */
export class RedecodeError extends Error {
  override readonly name = 'RedecodeError';
}

interface Plan {
  impact: RedecodeImpact;
  /** Confirmed mentions that stay, at their (possibly new) place. */
  keep: Mention[];
}

/** Where each confirmed mention goes in `text`, and what breaks. Reads only. */
async function plan(db: CasebookDexie, caseId: string, source: Source, oldText: string, text: string): Promise<Plan> {
  const sourceId = source.id;
  const mentions = await db.mentions.where('[targetKind+targetId]').equals(['source', sourceId]).filter(inCase(caseId)).toArray();
  const keep: Mention[] = [];
  let mentionsMoved = 0;
  let mentionsLost = 0;
  for (const mention of mentions.filter((m) => m.status === 'confirmed')) {
    const words = oldText.slice(mention.start, mention.end);
    if (words && text.slice(mention.start, mention.end) === words) {
      keep.push(mention);
      continue;
    }
    // Moved only when the words are in one place: with two, either could be the one the user meant.
    const at = words ? text.indexOf(words) : -1;
    if (at >= 0 && text.indexOf(words, at + 1) < 0) {
      keep.push({ ...mention, start: at, end: at + words.length, snippet: snippetAround(text, at, at + words.length) });
      mentionsMoved++;
    } else mentionsLost++;
  }
  const citations = await db.citations.where('sourceId').equals(sourceId).filter(inCase(caseId)).toArray();
  const against = (t: string) => ({ caseId, sha256: source.sha256, text: t });
  // Only those that hold now and would not after: one already broken is not this change's doing.
  const citationsBroken = citations.filter((c) => checkCitationAgainst(c, against(oldText), caseId).status === 'ok' && checkCitationAgainst(c, against(text), caseId).status === 'broken').length;
  return { impact: { citationsBroken, mentionsMoved, mentionsLost }, keep };
}

async function liveSource(db: CasebookDexie, caseId: string, sourceId: string): Promise<{ source: Source; body: SourceBody }> {
  const source = await getInCase(db.sources, caseId, sourceId);
  const body = await getInCase(db.sourceBodies, caseId, sourceId);
  if (!source || !body || source.deletedAt !== undefined) throw new RedecodeError('This source is no longer in the case.');
  return { source, body };
}

/** The re-read file must be the source's own, in the same format: anything else is not a re-decode. */
function checkSame(source: Source, imported: ImportedSource): void {
  if (imported.sha256 !== source.sha256 || imported.format !== source.format) throw new RedecodeError('The file read again is not this source’s original; nothing was changed.');
}

/** What re-decoding would do, without writing anything (for the confirmation). */
export async function redecodeImpact(db: CasebookDexie, caseId: string, sourceId: string, imported: ImportedSource): Promise<RedecodeImpact> {
  const { source, body } = await liveSource(db, caseId, sourceId);
  checkSame(source, imported);
  return (await plan(db, caseId, source, body.text, imported.text)).impact;
}

/**
 * Replaces the source's text, HTML, pages and stated facts with `imported`
 * (its own original read with another encoding), in one transaction.
 */
export async function applyRedecode(db: CasebookDexie, caseId: string, sourceId: string, imported: ImportedSource): Promise<{ impact: RedecodeImpact; undo: RedecodeUndo }> {
  return db.transaction('rw', [db.sources, db.sourceBodies, db.mentions, db.citations, db.candidates], async () => {
    const { source, body } = await liveSource(db, caseId, sourceId);
    checkSame(source, imported);
    const { impact, keep } = await plan(db, caseId, source, body.text, imported.text);
    const mentions = await db.mentions.where('[targetKind+targetId]').equals(['source', sourceId]).filter(inCase(caseId)).toArray();
    const undo: RedecodeUndo = {
      caseId,
      sourceId,
      sha256: source.sha256,
      source: { title: source.title, metadata: source.metadata, ...(source.pages ? { pages: source.pages } : {}) },
      body,
      mentions,
    };
    await db.mentions.bulkDelete(mentions.map((m) => m.id));
    await db.mentions.bulkAdd(keep);
    await removeSightingsOf(db, caseId, [sourceId]);
    await db.sourceBodies.put({ sourceId, caseId, text: imported.text, ...(imported.html ? { html: imported.html } : {}) });
    await writeSourceFacts(db, sourceId, { title: imported.title, metadata: imported.metadata, pages: imported.pages });
    return { impact, undo };
  });
}

/** Puts a re-decoded source back as it was (Undo), if it is still the same file in the case. */
export async function undoRedecode(db: CasebookDexie, undo: RedecodeUndo): Promise<void> {
  await db.transaction('rw', [db.sources, db.sourceBodies, db.mentions, db.candidates], async () => {
    const { source } = await liveSource(db, undo.caseId, undo.sourceId);
    if (source.sha256 !== undo.sha256) throw new RedecodeError('This source has changed since; nothing was undone.');
    const now = await db.mentions.where('[targetKind+targetId]').equals(['source', undo.sourceId]).filter(inCase(undo.caseId)).toArray();
    await db.mentions.bulkDelete(now.map((m) => m.id));
    await db.mentions.bulkPut(undo.mentions);
    await removeSightingsOf(db, undo.caseId, [undo.sourceId]);
    await db.sourceBodies.put(undo.body);
    await writeSourceFacts(db, undo.sourceId, undo.source);
  });
}

/** Through `modify`, so an absent `pages` is removed, and the search index's hook sees the row change. */
async function writeSourceFacts(db: CasebookDexie, sourceId: string, facts: Pick<Source, 'title' | 'metadata' | 'pages'>): Promise<void> {
  await db.sources
    .where('id')
    .equals(sourceId)
    .modify((row) => {
      row.title = facts.title;
      row.metadata = facts.metadata;
      if (facts.pages) row.pages = facts.pages;
      else delete row.pages;
      // Extraction reads it again.
      delete row.extractedAt;
    });
}
