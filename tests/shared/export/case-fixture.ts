import type { CasebookDexie } from '../../../renderer/db/database';
import { freshDatabase } from '../../renderer/db/fresh-db';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { appendQuoteToNote } from '../../../renderer/db/notes';
import { addImportedSource } from '../../../renderer/db/sources';
import { readCaseSnapshot } from '../../../renderer/db/snapshot';
import { sha256Hex } from '../../../shared/export/sha256';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';

export interface SeededCase {
  db: CasebookDexie;
  caseId: string;
  snapshot: CaseSnapshot;
  /** sha256 → original bytes, for every source of the case. */
  originals: Map<string, Uint8Array>;
}

/**
 * The seeded case, plus what the seed lacks so every table is exercised:
 * a quoted passage (a citation node and its row), an imported HTML source
 * with pages and an attachment, a candidate and a deleted note.
 */
export async function seededCase(): Promise<SeededCase> {
  const db = freshDatabase();
  await ensureSeeded(db, () => 1_700_000_000_000);
  const caseId = (await readSeedMarker(db))!.caseId;
  const originals = new Map<string, Uint8Array>();

  const [article] = await db.sources.where('caseId').equals(caseId).toArray();
  const articleBody = (await db.sourceBodies.get(article!.id))!;
  originals.set(article!.sha256, new TextEncoder().encode(articleBody.text));

  const entity = (await db.entities.where('[caseId+type]').equals([caseId, 'Person']).first())!;
  const quote = entity.quotes[0]!;
  const note = (await db.notes.where('caseId').equals(caseId).first()) ?? (await db.notes.toCollection().first())!;
  await appendQuoteToNote(db, note.id, {
    citationId: 'cite-fixture-1',
    sourceId: quote.sourceId,
    start: quote.start,
    end: quote.end,
    page: 3,
    quote: quote.quote,
    sourceSha256: article!.sha256,
    sourceTitle: article!.title,
  });

  const html = '<p>Memo</p><p>Second page</p>';
  const memo = new TextEncoder().encode('<html><body>' + html + '</body></html>');
  const attachment = new TextEncoder().encode('attached, "quoted", =1+1');
  const memoSha = await sha256Hex(memo);
  const attachmentSha = await sha256Hex(attachment);
  originals.set(memoSha, memo);
  originals.set(attachmentSha, attachment);
  await addImportedSource(db, caseId, {
    title: 'Memo <b>draft</b>',
    format: 'html',
    fileName: 'memo.html',
    text: 'Memo\n\nSecond page',
    html,
    pages: [{ start: 0, end: 4 }, { start: 6, end: 17 }],
    sha256: memoSha,
    size: memo.length,
    metadata: { author: 'A. Reporter' },
    children: [{ title: 'notes.txt', format: 'text', fileName: 'notes.txt', text: 'attached, "quoted", =1+1', sha256: attachmentSha, size: attachment.length, metadata: {} }],
  }, 1_700_000_000_500);

  await db.candidates.add({
    id: `${caseId}:jane doe`,
    caseId,
    key: 'jane doe',
    name: 'Jane Doe',
    type: 'Person',
    status: 'pending',
    sightings: [{ sourceId: article!.id, count: 2, start: 0, end: 8, snippet: 'Jane Doe said' }],
    count: 2,
    updatedAt: 1_700_000_000_900,
  });
  await db.notes.add({ id: 'note-deleted', caseId, title: 'Gone', content: { type: 'doc', content: [{ type: 'paragraph' }] }, text: '', createdAt: 1, updatedAt: 2, deletedAt: 3 });

  return { db, caseId, snapshot: (await readCaseSnapshot(db, caseId))!, originals };
}
