import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { loadSeedFiles } from '../../../shared/seed/data';
import { buildSeedRecords, type SeedData } from '../../../shared/seed/records';

const files = loadSeedFiles();
const bytes = readFileSync(new URL(`../../../shared/seed/${files.caseFile.source.textFile}`, import.meta.url));
const article = bytes.toString('utf8');
const data: SeedData = { ...files, article, articleSha256: createHash('sha256').update(bytes).digest('hex') };
const NOW = 1_700_000_000_000;
const records = buildSeedRecords(data, NOW);
const caseId = files.caseFile.case.id;
const sourceId = files.caseFile.source.id;

function mentionNodes(node: JSONContent): JSONContent[] {
  return [...(node.type === 'entityMention' ? [node] : []), ...(node.content ?? []).flatMap(mentionNodes)];
}

describe('buildSeedRecords', () => {
  it('makes one case from case.json, stamped with now and marked as the sample', () => {
    expect(records.case).toEqual({ ...files.caseFile.case, createdAt: NOW, updatedAt: NOW, sample: true });
  });

  it('makes one source holding the article with its sha256 and its size in bytes', () => {
    const { source } = records;
    expect(source).toMatchObject({ id: sourceId, caseId, title: files.caseFile.source.title, format: 'text', importedAt: NOW });
    expect(source.text).toBe(article);
    expect(source.sha256).toBe(createHash('sha256').update(source.text, 'utf8').digest('hex'));
    expect(source.size).toBe(bytes.length);
    // The article has curly quotes and dashes: bytes and UTF-16 units differ.
    expect(source.size).toBeGreaterThan(article.length);
    expect(source.metadata).toEqual(files.caseFile.source.metadata);
  });

  it('keeps every entity and relation, each in the case, stamped with now', () => {
    expect(records.entities.map((e) => e.id)).toEqual(files.entities.map((e) => e.id));
    expect(records.relations.map((r) => r.id)).toEqual(files.relations.map((r) => r.id));
    for (const e of records.entities) expect(e).toMatchObject({ caseId, protected: false, createdAt: NOW, updatedAt: NOW });
    for (const r of records.relations) expect(r).toMatchObject({ caseId, createdAt: NOW });
  });

  it('maps relation endpoints and keeps optional fields only when present', () => {
    const byId = new Map(files.relations.map((r) => [r.id, r]));
    for (const r of records.relations) {
      const seed = byId.get(r.id)!;
      expect([r.fromId, r.toId]).toEqual([seed.from, seed.to]);
      expect('date' in r).toBe(seed.date !== undefined);
      expect('description' in r).toBe(seed.description !== undefined);
    }
  });

  it('ties every quote to the source, and every quote still equals its article slice', () => {
    const quotes = [...records.entities.flatMap((e) => e.quotes), ...records.relations.flatMap((r) => r.quotes)];
    expect(quotes.length).toBe(
      files.entities.reduce((n, e) => n + e.quotes.length, 0) + files.relations.reduce((n, r) => n + r.quotes.length, 0),
    );
    for (const q of quotes) {
      expect(q.sourceId).toBe(sourceId);
      expect(article.slice(q.start, q.end)).toBe(q.quote);
    }
  });

  it('makes one confirmed source mention per distinct quote range of each entity', () => {
    const sourceMentions = records.mentions.filter((m) => m.targetKind === 'source');
    const expected = files.entities.flatMap((e) => [...new Set(e.quotes.map((q) => `${e.id}@${q.start}:${q.end}`))]);
    expect(sourceMentions.map((m) => `${m.entityId}@${m.start}:${m.end}`).sort()).toEqual(expected.sort());
    for (const m of sourceMentions) {
      expect(m).toMatchObject({ caseId, targetId: sourceId, status: 'confirmed' });
      expect(m.snippet).toBe(article.slice(m.start, m.end));
    }
  });

  it('gives every record a unique id', () => {
    for (const list of [records.entities, records.relations, records.notes, records.mentions]) {
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('derives each note’s mentions from its entityMention nodes, addressing the note’s text', () => {
    expect(records.notes.length).toBe(files.notes.length);
    for (const note of records.notes) {
      const nodes = mentionNodes(note.content);
      expect(nodes.length).toBeGreaterThan(0);
      const found = records.mentions.filter((m) => m.targetKind === 'note' && m.targetId === note.id);
      expect(found.map((m) => m.entityId)).toEqual(nodes.map((n) => n.attrs?.entityId));
      found.forEach((m, i) => {
        expect(note.text.slice(m.start, m.end)).toBe(nodes[i]?.attrs?.label);
        expect(m.snippet).toContain(nodes[i]?.attrs?.label);
        expect(m).toMatchObject({ caseId, status: 'confirmed' });
      });
      // Every entity a note names is one the seed defines.
      const ids = new Set(records.entities.map((e) => e.id));
      for (const m of found) expect(ids.has(m.entityId), m.entityId).toBe(true);
    }
  });

  it('keeps the starter note’s content and gives it plain text without markup', () => {
    const [first] = records.notes;
    expect(first?.content).toEqual(files.notes[0]?.content);
    expect(first?.title).toBe(files.notes[0]?.title);
    expect(first?.caseId).toBe(caseId);
    expect(first?.text.startsWith('Status: draft, single source')).toBe(true);
    expect(first?.text).not.toMatch(/[<>{}]/);
  });

  it('stamps notes so the first one in the file is the newest', () => {
    records.notes.forEach((n, i) => expect(n).toMatchObject({ createdAt: NOW - i, updatedAt: NOW - i }));
  });

  it('is pure: the same input and now give the same records', () => {
    expect(buildSeedRecords(data, NOW)).toEqual(records);
    expect(buildSeedRecords(data, NOW + 5).case.createdAt).toBe(NOW + 5);
  });
});
