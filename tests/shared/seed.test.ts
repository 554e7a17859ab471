import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { noteExtensions } from '../../shared/editor/extensions';
import { ENTITY_TYPES, RELATION_TYPES, type Quote } from '../../shared/model';
import type { SeedCaseFile, SeedEntity, SeedNote, SeedRelation } from '../../shared/seed/schema';

const seedFile = (name: string) => new URL(`../../shared/seed/${name}`, import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(seedFile(name), 'utf8')) as T;

const caseFile = readJson<SeedCaseFile>('case.json');
const entities = readJson<SeedEntity[]>('entities.json');
const relations = readJson<SeedRelation[]>('relations.json');
const notes = readJson<SeedNote[]>('notes.json');
const articleBytes = readFileSync(seedFile(caseFile.source.textFile));
const article = articleBytes.toString('utf8');

/** sha256 of shared/seed/fentanyl-article.txt as received; every offset depends on these exact bytes. */
const ARTICLE_SHA256 = '6d47308b56f452e224c7703567c7bce7a140eac36884db700c9f593140c5338f';

const ISO_PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Names that do not occur in the article as written, each with the reason.
 * Event and Figure names are descriptive labels ("SpecTor: 288 arrests") and
 * are not checked; their aliases are.
 */
const NAME_ALLOWLIST: Record<string, string> = {
  'Sinaloa cartel': 'normalized from “drug cartels in Sinaloa” / “Sinaloa drug trafficking organizations”',
  'Jalisco cartel': 'normalized from “drug cartels in Sinaloa and Jalisco”',
  'U.S. Congress': 'the article writes “Congress”; the country is added for clarity',
  'Central Intelligence Agency': 'the article uses only the acronym “CIA” (kept as alias)',
  'Obama administration': 'the article writes “the Obama, Trump, and Biden administrations”',
  'Trump administration': 'the article writes “the Obama, Trump, and Biden administrations”',
  California: 'the article abbreviates it “Calif.” (kept as alias)',
};
const DESCRIPTIVE_NAME_TYPES = new Set(['Event', 'Figure']);

const STARTER_NOTE_EXCLUDED_ENTITY = 'ent-yuancheng-group';

const quoted = [
  ...entities.map((e) => ({ kind: 'entity', id: e.id, quotes: e.quotes })),
  ...relations.map((r) => ({ kind: 'relation', id: r.id, quotes: r.quotes })),
];
const allQuotes = quoted.flatMap(({ kind, id, quotes }) => quotes.map((q, i) => ({ where: `${kind} ${id} quotes[${i}]`, q })));

function walk(node: JSONContent, visit: (node: JSONContent) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

describe('seed article', () => {
  it('is byte-for-byte the article the offsets were computed against', () => {
    expect(createHash('sha256').update(articleBytes).digest('hex')).toBe(ARTICLE_SHA256);
  });

  it('is described by case.json', () => {
    expect(caseFile.case.id).toBe('case-fentanyl');
    expect(caseFile.case.title).toBe('Sample case: fentanyl precursor trafficking');
    expect(caseFile.case.summary.trim()).not.toBe('');
    expect(caseFile.source.id).toBe('src-article');
    expect(caseFile.source.format).toBe('text');
    expect(caseFile.source.textFile).toBe('fentanyl-article.txt');
    expect(caseFile.source.metadata.publisher).toBe('The Epoch Times');
    expect(article.startsWith(`${caseFile.source.title}\n`)).toBe(true);
  });
});

describe('seed quotes', () => {
  it('has at least 30 quotes', () => {
    expect(allQuotes.length).toBeGreaterThanOrEqual(30);
  });

  it('every quote equals article.slice(start, end)', () => {
    const failures = allQuotes
      .filter(({ q }) => article.slice(q.start, q.end) !== q.quote)
      .map(({ where, q }) => `${where}: [${q.start}, ${q.end}) is ${JSON.stringify(article.slice(q.start, q.end))}, expected ${JSON.stringify(q.quote)}`);
    expect(failures).toEqual([]);
  });

  it('every quote object has only quote/start/end (+ occurrence) and integer offsets', () => {
    const failures = allQuotes
      .filter(({ q }) => {
        const keys = Object.keys(q).filter((k) => k !== 'occurrence');
        return (
          keys.join(',') !== 'quote,start,end' ||
          !Number.isInteger(q.start) ||
          !Number.isInteger(q.end) ||
          q.quote.length === 0
        );
      })
      .map(({ where, q }) => `${where}: ${JSON.stringify(q)}`);
    expect(failures).toEqual([]);
  });

  it('every quote sits at the occurrence scripts/seed-offsets.mjs would pick', () => {
    const nth = (q: Quote & { occurrence?: number }) => {
      let at = -1;
      for (let n = 0; n < (q.occurrence ?? 1); n++) at = article.indexOf(q.quote, at + 1);
      return at;
    };
    const failures = allQuotes
      .filter(({ q }) => nth(q) !== q.start)
      .map(({ where, q }) => `${where}: start ${q.start}, expected ${nth(q)}`);
    expect(failures).toEqual([]);
  });
});

describe('seed entities', () => {
  it('has at least 45 entities', () => {
    expect(entities.length).toBeGreaterThanOrEqual(45);
  });

  it('every entity has a known type, a name, a description and at least one quote', () => {
    const failures = entities.flatMap((e) => {
      const problems: string[] = [];
      if (!(ENTITY_TYPES as readonly string[]).includes(e.type)) problems.push(`unknown type ${e.type}`);
      if (e.name.trim() === '') problems.push('empty name');
      if (e.description.trim() === '') problems.push('empty description');
      if (e.quotes.length === 0) problems.push('no quotes');
      if (!Array.isArray(e.aliases)) problems.push('aliases is not an array');
      return problems.map((p) => `${e.id}: ${p}`);
    });
    expect(failures).toEqual([]);
  });

  it('ids are unique across entities and relations', () => {
    const ids = [...entities.map((e) => e.id), ...relations.map((r) => r.id)];
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('every Event has a (possibly partial) ISO 8601 date', () => {
    const failures = entities
      .filter((e) => e.type === 'Event')
      .filter((e) => typeof e.properties.date !== 'string' || !ISO_PARTIAL_DATE.test(e.properties.date))
      .map((e) => `${e.id}: date ${JSON.stringify(e.properties.date)}`);
    expect(failures).toEqual([]);
  });

  it('every Figure has a numeric amount and a string unit', () => {
    const failures = entities
      .filter((e) => e.type === 'Figure')
      .filter(
        (e) =>
          typeof e.properties.amount !== 'number' ||
          !Number.isFinite(e.properties.amount) ||
          typeof e.properties.unit !== 'string' ||
          e.properties.unit === '',
      )
      .map((e) => `${e.id}: amount ${JSON.stringify(e.properties.amount)}, unit ${JSON.stringify(e.properties.unit)}`);
    expect(failures).toEqual([]);
  });

  it('every date and endDate property, on any entity, is ISO 8601', () => {
    const failures = entities.flatMap((e) =>
      (['date', 'endDate'] as const)
        .filter((key) => key in e.properties)
        .filter((key) => typeof e.properties[key] !== 'string' || !ISO_PARTIAL_DATE.test(String(e.properties[key])))
        .map((key) => `${e.id}: ${key} ${JSON.stringify(e.properties[key])}`),
    );
    expect(failures).toEqual([]);
  });

  it('every name occurs in the article (case-insensitively) or is allowlisted with a reason', () => {
    const haystack = article.toLowerCase();
    const failures = entities
      .filter((e) => !DESCRIPTIVE_NAME_TYPES.has(e.type))
      .filter((e) => !haystack.includes(e.name.toLowerCase()) && !(e.name in NAME_ALLOWLIST))
      .map((e) => `${e.id}: ${JSON.stringify(e.name)}`);
    expect(failures).toEqual([]);
  });

  it('the name allowlist has no stale entries', () => {
    const names = new Set(entities.map((e) => e.name));
    const stale = Object.keys(NAME_ALLOWLIST).filter(
      (name) => !names.has(name) || article.toLowerCase().includes(name.toLowerCase()),
    );
    expect(stale).toEqual([]);
  });

  it('every alias occurs verbatim in the article, as the article writes it', () => {
    const failures = entities.flatMap((e) =>
      e.aliases.filter((alias) => !article.includes(alias)).map((alias) => `${e.id}: ${JSON.stringify(alias)}`),
    );
    expect(failures).toEqual([]);
  });
});

describe('seed relations', () => {
  const entityIds = new Set(entities.map((e) => e.id));

  it('every relation has a known type, existing endpoints and at least one quote', () => {
    const failures = relations.flatMap((r) => {
      const problems: string[] = [];
      if (!Object.hasOwn(RELATION_TYPES, r.type)) problems.push(`unknown type ${r.type}`);
      if (!entityIds.has(r.from)) problems.push(`unknown from ${r.from}`);
      if (!entityIds.has(r.to)) problems.push(`unknown to ${r.to}`);
      if (r.from === r.to) problems.push('relates an entity to itself');
      if (r.quotes.length === 0) problems.push('no quotes');
      if (r.date !== undefined && !ISO_PARTIAL_DATE.test(r.date)) problems.push(`date ${JSON.stringify(r.date)}`);
      return problems.map((p) => `${r.id}: ${p}`);
    });
    expect(failures).toEqual([]);
  });

  it('no two relations state the same link twice', () => {
    const keys = relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('seed notes', () => {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const schema = getSchema(noteExtensions());

  it('every note is a valid document in the note schema', () => {
    for (const note of notes) {
      expect(note.content.type, note.id).toBe('doc');
      expect(() => schema.nodeFromJSON(note.content).check(), note.id).not.toThrow();
    }
  });

  it('every entityMention references an existing entity with its type', () => {
    const failures: string[] = [];
    for (const note of notes) {
      walk(note.content, (node) => {
        if (node.type !== 'entityMention') return;
        const { entityId, entityType, label } = (node.attrs ?? {}) as Record<string, unknown>;
        const entity = byId.get(String(entityId));
        if (!entity) failures.push(`${note.id}: unknown entity ${String(entityId)}`);
        else if (entity.type !== entityType) failures.push(`${note.id}: ${entity.id} is ${entity.type}, mention says ${String(entityType)}`);
        if (typeof label !== 'string' || label === '') failures.push(`${note.id}: mention of ${String(entityId)} has no label`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('the starter note does not mention Yuancheng Group (a test journey adds it)', () => {
    const starter = notes.find((n) => n.id === 'note-briefing-draft');
    expect(starter).toBeDefined();
    const mentioned: string[] = [];
    let text = '';
    walk(starter!.content, (node) => {
      if (node.type === 'entityMention') mentioned.push(String(node.attrs?.entityId));
      if (node.type === 'text') text += `${node.text ?? ''} `;
    });
    expect(mentioned).not.toContain(STARTER_NOTE_EXCLUDED_ENTITY);
    expect(mentioned.length).toBeGreaterThan(0);
    expect(text.toLowerCase()).not.toContain('yuancheng');
  });
});
