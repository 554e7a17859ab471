import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getSchema, type JSONContent } from '@tiptap/core';
import { generateJSON } from '@tiptap/html/server';
import { Node as PMNode, Slice } from '@tiptap/pm/model';
import { noteExtensions } from '../../../shared/editor/extensions';
import type { CitationAttrs } from '../../../shared/editor/citation';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { addImportedSource } from '../../../renderer/db/sources';
import { createEntity } from '../../../renderer/db/entities';
import { checkCitation } from '../../../renderer/db/citations';
import { createReferenceVerifier, type ReferenceVerifier } from '../../../renderer/db/pasted-references';
import { guardSlice, sliceHasReferences } from '../../../renderer/features/editor/guard-slice';
import { draft, freshDatabase } from '../db/fresh-db';

const FORGED_SHA = '0'.repeat(64);
const schema = getSchema(noteExtensions());

/** The seeded case, and a second case with a source and an entity of its own. */
async function twoCases() {
  const db = freshDatabase();
  await ensureSeeded(db);
  const caseId = (await readSeedMarker(db))!.caseId;
  const [source] = await db.sources.where('caseId').equals(caseId).toArray();
  const text = (await db.sourceBodies.get(source!.id))!.text;
  const start = text.indexOf('Yuancheng Group');
  const quote = text.slice(start, start + 40);
  const genuine: CitationAttrs = { citationId: 'cite-genuine', sourceId: source!.id, start, end: start + quote.length, page: null, quote, sourceSha256: source!.sha256, sourceTitle: 'Whatever the paste said' };
  const entity = (await db.entities.where('[caseId+type]').equals([caseId, 'Company']).first())!;

  const otherCase = 'case-other';
  await db.cases.add({ id: otherCase, title: 'Another investigation', summary: '', createdAt: 1, updatedAt: 1 });
  const added = await addImportedSource(db, otherCase, { title: 'Other memo', format: 'text', fileName: 'memo.txt', text: 'A passage only the other case holds.', sha256: 'b'.repeat(64), size: 36, metadata: {} });
  const foreignSource = added.id;
  const foreignEntity = await createEntity(db, otherCase, draft('Someone Else'));
  return { db, caseId, source: source!, genuine, entity, otherCase, foreignSource, foreignEntity };
}

describe('checkCitation: the rule every citation is held to', () => {
  it('passes a genuine citation, and fails a foreign-case, wrong-hash, wrong-range, forged or empty one, saying why', async () => {
    const { db, caseId, genuine, otherCase, foreignSource } = await twoCases();
    expect(await checkCitation(db, genuine, caseId)).toEqual({ status: 'ok' });
    // The same genuine passage, checked as if it were cited from another case.
    expect(await checkCitation(db, genuine, otherCase)).toEqual({ status: 'broken', reason: 'The quoted source belongs to another case.' });
    const foreign = { ...genuine, sourceId: foreignSource, start: 0, end: 9, quote: 'A passage', sourceSha256: 'b'.repeat(64) };
    expect(await checkCitation(db, foreign, otherCase)).toEqual({ status: 'ok' });
    expect(await checkCitation(db, foreign, caseId)).toEqual({ status: 'broken', reason: 'The quoted source belongs to another case.' });
    expect(await checkCitation(db, { ...genuine, sourceSha256: FORGED_SHA }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/changed/) });
    expect(await checkCitation(db, { ...genuine, start: genuine.start + 1, end: genuine.end + 1 }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/no longer at this place/) });
    expect(await checkCitation(db, { ...genuine, quote: 'FABRICATED — the minister took the money' }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/no longer at this place/) });
    expect(await checkCitation(db, { ...genuine, sourceId: 'src-nowhere' }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/no longer in the case/) });
    expect(await checkCitation(db, { ...genuine, start: 0, end: 0, quote: '' }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/quotes nothing/) });
  });
});

describe('createReferenceVerifier: what a pasted node must prove to stay a node', () => {
  it('keeps a genuine citation of this case, with title and page from the store, not from the paste', async () => {
    const { db, caseId, source, genuine } = await twoCases();
    const verifier = createReferenceVerifier(db, caseId);
    expect(await verifier.citation({ ...genuine, page: 99 })).toEqual({ ...genuine, sourceTitle: source.title, page: null });
  });

  it('refuses forged, foreign-case, wrong-hash, wrong-range and fingerprint-less citations', async () => {
    const { db, caseId, genuine, foreignSource } = await twoCases();
    const verifier = createReferenceVerifier(db, caseId);
    const refused: CitationAttrs[] = [
      { ...genuine, quote: 'FABRICATED — the minister took the money', sourceSha256: FORGED_SHA },
      { ...genuine, sourceId: foreignSource, start: 0, end: 9, quote: 'A passage', sourceSha256: 'b'.repeat(64) },
      { ...genuine, sourceSha256: FORGED_SHA },
      { ...genuine, start: genuine.start + 2, end: genuine.end + 2 },
      { ...genuine, sourceSha256: '' },
      { ...genuine, citationId: '' },
      { ...genuine, sourceId: 'src-nowhere' },
    ];
    for (const attrs of refused) expect(await verifier.citation(attrs), JSON.stringify(attrs)).toBeNull();
  });

  it('keeps a mention of an entity of this case, named and typed as the store has it; refuses unknown and foreign ones', async () => {
    const { db, caseId, entity, foreignEntity } = await twoCases();
    const verifier = createReferenceVerifier(db, caseId);
    expect(await verifier.mention({ entityId: entity.id, label: 'Innocent Bystander', entityType: 'Person' })).toEqual({ entityId: entity.id, label: entity.name, entityType: entity.type });
    expect(await verifier.mention({ entityId: foreignEntity, label: 'Someone Else', entityType: 'Person' })).toBeNull();
    expect(await verifier.mention({ entityId: 'ent-invented', label: 'Invented', entityType: 'Person' })).toBeNull();
    expect(await verifier.mention({ entityId: null as unknown as string, label: 'No id', entityType: 'Person' })).toBeNull();
  });
});

/** A slice the way a paste of this HTML arrives: parsed by the note schema, open at the paragraph. */
function pastedSlice(html: string): Slice {
  const doc = PMNode.fromJSON(schema, generateJSON(html, noteExtensions()) as JSONContent);
  return doc.slice(1, doc.content.size - 1);
}

const nodesOf = (slice: Slice) => {
  const found: { type: string; attrs?: Record<string, unknown>; text?: string; marks?: string[] }[] = [];
  slice.content.descendants((node) => {
    if (node.isText) found.push({ type: 'text', text: node.text!, marks: node.marks.map((m) => m.type.name) });
    else if (node.isInline) found.push({ type: node.type.name, attrs: node.attrs });
    return true;
  });
  return found;
};

describe('guardSlice: the pasted slice as it may enter a note', () => {
  it('the note schema alone turns forged HTML into citation and mention nodes (the hole the guard closes)', () => {
    const slice = pastedSlice(
      `<p>See <cite data-citation data-citation-id="x" data-source-id="src-1" data-start="0" data-end="10" data-quote="FABRICATED" data-sha256="${FORGED_SHA}" data-source-title="Ministry leak">[Ministry leak]</cite> and <span data-entity-mention data-entity-id="ent-x" data-label="The Minister" data-entity-type="Person">@The Minister</span>.</p>`,
    );
    expect(sliceHasReferences(slice)).toBe(true);
    expect(nodesOf(slice).map((n) => n.type)).toEqual(['text', 'citation', 'text', 'entityMention', 'text']);
  });

  it('pastes forged and foreign nodes as the text they showed, keeping marks, and keeps genuine ones rebuilt from the store', async () => {
    const { db, caseId, source, genuine, entity, foreignEntity } = await twoCases();
    const cite = (a: CitationAttrs) =>
      `<cite data-citation data-citation-id="${a.citationId}" data-source-id="${a.sourceId}" data-start="${a.start}" data-end="${a.end}" data-quote="${a.quote}" data-sha256="${a.sourceSha256}" data-source-title="${a.sourceTitle}"></cite>`;
    const slice = pastedSlice(
      `<p><strong>Forged ${cite({ ...genuine, citationId: 'f', quote: 'FABRICATED', sourceSha256: FORGED_SHA, sourceTitle: 'Ministry leak' })}</strong> ` +
        `genuine ${cite(genuine)} ` +
        `<span data-entity-mention data-entity-id="${entity.id}" data-label="Wrong name" data-entity-type="Person"></span> ` +
        `<span data-entity-mention data-entity-id="${foreignEntity}" data-label="Someone Else" data-entity-type="Person"></span></p>`,
    );
    const guarded = await guardSlice(slice, createReferenceVerifier(db, caseId));
    expect(guarded.openStart).toBe(slice.openStart);
    expect(guarded.openEnd).toBe(slice.openEnd);
    expect(nodesOf(guarded)).toEqual([
      // The forged citation became its label, inside the bold it was pasted in, joined to its neighbour.
      { type: 'text', text: 'Forged [Ministry leak]', marks: ['bold'] },
      { type: 'text', text: ' genuine ', marks: [] },
      { type: 'citation', attrs: { ...genuine, sourceTitle: source.title, page: null } },
      { type: 'text', text: ' ', marks: [] },
      { type: 'entityMention', attrs: { entityId: entity.id, label: entity.name, entityType: entity.type } },
      { type: 'text', text: ' Someone Else', marks: [] },
    ]);
  });

  it('turns every reference into text when the verifier fails or answers nothing', async () => {
    const failing: ReferenceVerifier = { citation: () => Promise.reject(new Error('store closed')), mention: async () => null };
    const slice = pastedSlice('<p><cite data-citation data-citation-id="c" data-source-id="s" data-quote="q" data-sha256="x" data-source-title="T" data-page="4"></cite><span data-entity-mention data-entity-id="e" data-label="" data-entity-type="Person"></span></p>');
    const guarded = await guardSlice(slice, failing);
    expect(sliceHasReferences(guarded)).toBe(false);
    // An empty label leaves nothing behind.
    expect(nodesOf(guarded)).toEqual([{ type: 'text', text: '[T, p. 4]', marks: [] }]);
  });

  it('leaves a slice without references as it was', async () => {
    const slice = pastedSlice('<p>Plain <em>words</em></p>');
    expect(sliceHasReferences(slice)).toBe(false);
    expect(await guardSlice(slice, { citation: async () => null, mention: async () => null })).toBe(slice);
  });
});
