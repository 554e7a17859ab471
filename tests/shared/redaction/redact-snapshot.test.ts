import { beforeAll, describe, expect, it } from 'vitest';
import { caseSnapshotSchema, countSnapshot, type CaseSnapshot } from '../../../shared/export/case-snapshot';
import { checkRedacted, hasLegibleName, RedactionLeakError } from '../../../shared/redaction/legible';
import { redactSnapshot } from '../../../shared/redaction/redact-snapshot';
import { redactText } from '../../../shared/redaction/redact-text';
import { createRedactor, REDACTION_MARKER } from '../../../shared/redaction/redactor';
import { PROTECTED_ID, protectedCase } from './protected-case';

let original: CaseSnapshot;
let redacted: CaseSnapshot;

beforeAll(async () => {
  original = await protectedCase();
  redacted = redactSnapshot(original);
});

describe('redactSnapshot', () => {
  it('gives a valid snapshot with the same rows in the same order, and leaves the original alone', () => {
    expect(caseSnapshotSchema.safeParse(redacted).success).toBe(true);
    expect(countSnapshot(redacted)).toEqual(countSnapshot(original));
    expect(redacted.notes.map((n) => n.createdAt)).toEqual(original.notes.map((n) => n.createdAt));
    expect(original.entities.find((e) => e.id === PROTECTED_ID)!.name).toBe('Anne Milgram');
  });

  it('keeps a protected entity as a placeholder with nothing that names her, under an opaque id every reference follows', () => {
    const index = original.entities.findIndex((e) => e.id === PROTECTED_ID);
    const placeholder = redacted.entities[index]!;
    expect(placeholder).toMatchObject({ type: 'Person', name: REDACTION_MARKER, aliases: [], description: '', properties: {}, protected: true, quotes: [] });
    expect(placeholder.id).toMatch(/^redacted-\d+$/);
    const worksAt = redacted.relations.filter((r) => r.fromId === placeholder.id || r.toId === placeholder.id);
    expect(worksAt.length).toBe(original.relations.filter((r) => r.fromId === PROTECTED_ID || r.toId === PROTECTED_ID).length);
    expect(redacted.mentions.filter((m) => m.entityId === placeholder.id).length).toBe(original.mentions.filter((m) => m.entityId === PROTECTED_ID).length);
    const chips = JSON.stringify(redacted.notes.map((n) => n.content));
    expect(chips).toContain(`"entityId":"${placeholder.id}"`);
    expect(chips).not.toContain(PROTECTED_ID);
  });

  it('keeps ids that name no one, and the references between them', () => {
    const yuancheng = original.entities.find((e) => e.name.startsWith('Yuancheng'))!;
    expect(redacted.entities.some((e) => e.id === yuancheng.id && e.name === yuancheng.name)).toBe(true);
    expect(redacted.case.id).toBe(original.case.id);
    expect(redacted.citations.find((c) => c.noteId === 'note-interview')!.id).toBe('note-interview:cite-interview');
  });

  it('moves every offset so it still addresses the same words in the redacted text', () => {
    const article = redacted.sourceBodies.find((b) => b.sourceId === 'src-article')!.text;
    const citation = redacted.citations.find((c) => c.noteId === 'note-interview')!;
    expect(article.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(citation.quote).toBe(`DEA official ${REDACTION_MARKER} said drug cartels in Sinaloa and Jalisco`);
    const node = JSON.stringify(redacted.notes.find((n) => n.id === 'note-interview')!.content);
    expect(node).toContain(`"start":${citation.start},"end":${citation.end}`);
    // Every quote of every entity and relation, and every source mention, still reads as its text.
    for (const q of [...redacted.entities, ...redacted.relations].flatMap((r) => r.quotes).filter((q) => q.sourceId === 'src-article')) expect(article.slice(q.start, q.end)).toBe(q.quote);
    const note = redacted.notes.find((n) => n.id === 'note-interview')!;
    const mention = redacted.mentions.find((m) => m.targetId === 'note-interview')!;
    expect(note.text.slice(mention.start, mention.end)).toBe(REDACTION_MARKER);
  });

  it('drops source HTML and redacts texts, titles, file names and metadata', () => {
    const memo = redacted.sources.find((s) => s.format === 'html')!;
    expect(memo).toMatchObject({ title: `Memo on ${REDACTION_MARKER}`, fileName: `${REDACTION_MARKER}-memo.html`, metadata: { author: 'A. Reporter', subject: `Call with ${REDACTION_MARKER}` } });
    expect(memo.edits).toEqual({ title: `${REDACTION_MARKER} call memo`, notes: `Ask ${REDACTION_MARKER} again.`, date: '2023-04' });
    expect(memo.tags).toEqual([REDACTION_MARKER, 'calls']);
    expect(redacted.notes.find((n) => n.id === 'note-interview')!.tags).toEqual([REDACTION_MARKER, 'interviews']);
    const body = redacted.sourceBodies.find((b) => b.sourceId === memo.id)!;
    expect(body.html).toBeUndefined();
    expect(body.text).toBe(`Memo\n\nSecond page names ${REDACTION_MARKER}`);
    // Its pages still end where the text does.
    expect(memo.pages!.at(-1)!.end).toBe(body.text.length);
  });

  it('turns a candidate naming her into a placeholder, id and key included', () => {
    const index = original.candidates.findIndex((c) => c.name === 'Milgram Foundation');
    const candidate = redacted.candidates[index]!;
    expect(candidate.name).toBe(REDACTION_MARKER);
    expect(candidate.key).toMatch(/^redacted-\d+$/);
    expect(candidate.id).toBe(`${redacted.case.id}:${candidate.key}`);
    expect(candidate.sightings[0]!.snippet).toBe(`the ${REDACTION_MARKER} Foundation`);
    expect(redacted.candidates.find((c) => c.name === 'Jane Doe')).toBeDefined();
  });

  it('returns a case with nothing protected as it is', () => {
    const open = { ...original, entities: original.entities.map((e) => ({ ...e, protected: false })) };
    expect(redactSnapshot(open)).toBe(open);
  });
});

describe('redactText', () => {
  const redactor = createRedactor([{ id: 'x', name: 'Zoë Ålund', aliases: ['Nightjar'], protected: true }], true);

  it('replaces names by a marker of fixed width and maps offsets around it', () => {
    const text = 'Ask ZOE ALUND, then nightjar.';
    const { text: out, at } = redactText(redactor, text);
    expect(out).toBe(`Ask ${REDACTION_MARKER}, then ${REDACTION_MARKER}.`);
    expect(at(0, 'start')).toBe(0);
    // Inside a name: a start goes to the marker's start, an end to its end.
    expect(out.slice(at(6, 'start'), at(9, 'end'))).toBe(REDACTION_MARKER);
    expect(out.slice(at(text.indexOf('then'), 'start'), at(text.indexOf('then') + 4, 'end'))).toBe('then');
    expect(at(text.length, 'end')).toBe(out.length);
  });
});

describe('hasLegibleName', () => {
  const redactor = createRedactor([{ id: 'x', name: 'Zoë Ålund', aliases: ['Nightjar'], protected: true }], true);

  it('sees a name through HTML entities, markup and Markdown escapes', () => {
    expect(hasLegibleName(redactor, '<p>Night<b>jar</b></p>')).toBe(true);
    expect(hasLegibleName(redactor, 'Zo&#235; &#197;lund')).toBe(true);
    expect(hasLegibleName(redactor, 'Zo&#xEB; Ålund')).toBe(true);
    expect(hasLegibleName(redactor, 'Zoe Ålund\\!')).toBe(true);
    expect(hasLegibleName(redactor, `<p>${REDACTION_MARKER} met us</p>`)).toBe(false);
  });

  it('makes checkRedacted refuse the file', () => {
    const entities = [{ id: 'x', name: 'Nightjar', aliases: [], protected: true }];
    expect(() => checkRedacted(entities, ['fine', 'nightjar said'], 'CSV export')).toThrow(RedactionLeakError);
    expect(() => checkRedacted(entities, ['fine'], 'CSV export')).not.toThrow();
  });
});
