import { describe, expect, it } from 'vitest';
import { seededCase } from './case-fixture';
import { caseToFtmLines } from '../../../shared/export/ftm';

/**
 * Properties each schema we emit accepts, from FollowTheMoney's schema files
 * (followthemoney/schema/*.yaml: Thing, Interval, Interest and the schemata
 * themselves), so a line Aleph would refuse fails here.
 */
const THING = ['name', 'summary', 'description', 'country', 'alias', 'previousName', 'weakAlias', 'sourceUrl', 'keywords', 'topics', 'address', 'addressEntity', 'program', 'notes', 'proof', 'createdAt', 'modifiedAt', 'retrievedAt'];
const INTERVAL = ['startDate', 'endDate', 'date', 'summary', 'description', 'recordId', 'sourceUrl', 'publisher', 'publisherUrl', 'modifiedAt', 'retrievedAt'];
const INTEREST = [...INTERVAL, 'role', 'status'];
const SCHEMATA: Record<string, string[]> = {
  Person: [...THING, 'position', 'nationality', 'birthDate'],
  Organization: THING,
  Company: THING,
  PublicBody: THING,
  Address: [...THING, 'full', 'city', 'region', 'state', 'street', 'postalCode'],
  Event: [...THING, ...INTERVAL, 'location', 'organizer', 'involved', 'important'],
  Asset: [...THING, 'amount', 'currency'],
  Note: [...THING, 'entity'],
  Employment: [...INTEREST, 'employer', 'employee'],
  Directorship: [...INTEREST, 'director', 'organization', 'secretary'],
  Membership: [...INTEREST, 'member', 'organization'],
  Ownership: [...INTEREST, 'owner', 'asset', 'percentage'],
  Sanction: [...INTERVAL, 'entity', 'authority', 'program', 'status', 'reason', 'country'],
  UnknownLink: [...INTEREST, 'subject', 'object'],
};
const ENTITY_REFS = ['employer', 'employee', 'director', 'organization', 'member', 'owner', 'asset', 'entity', 'subject', 'object'];

describe('FollowTheMoney export', () => {
  it('writes one valid FtM entity per line for every entity and relation of the seed', async () => {
    const { snapshot } = await seededCase();
    const text = caseToFtmLines(snapshot);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, unknown> });
    expect(lines).toHaveLength(snapshot.entities.length + snapshot.relations.length);
    const ids = new Set(lines.map((l) => l.id));
    expect(ids.size).toBe(lines.length);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['id', 'properties', 'schema']);
      const allowed = SCHEMATA[line.schema];
      expect(allowed, line.schema).toBeDefined();
      for (const [name, values] of Object.entries(line.properties)) {
        expect(allowed, `${line.schema}.${name}`).toContain(name);
        expect(Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
        if (ENTITY_REFS.includes(name)) for (const v of values as string[]) expect(ids.has(v), `${line.id} ${name} → ${v}`).toBe(true);
      }
    }
    const schemaOf = (type: string) => new Set(lines.filter((l) => snapshot.entities.find((e) => e.id === l.id)?.type === type).map((l) => l.schema));
    expect(schemaOf('Place')).toEqual(new Set(['Address']));
    expect(schemaOf('Substance')).toEqual(new Set(['Asset']));
    expect(schemaOf('Figure')).toEqual(new Set(['Note']));
    const used = new Set(lines.map((l) => l.schema));
    for (const s of ['Employment', 'Membership', 'Directorship', 'UnknownLink', 'Sanction']) expect(used.has(s), s).toBe(true);
    // Substances and figures say what they were.
    const figure = lines.find((l) => l.schema === 'Note')!;
    expect(String(figure.properties.notes)).toMatch(/Casebook type: Figure/);
  });

  it('leaves protected entities and their relations out unless asked', async () => {
    const { snapshot } = await seededCase();
    const secret = snapshot.relations[0]!.fromId;
    const entities = snapshot.entities.map((e) => (e.id === secret ? { ...e, protected: true } : e));
    const text = caseToFtmLines({ entities, relations: snapshot.relations });
    expect(text).not.toContain(`"${secret}"`);
    expect(caseToFtmLines({ entities, relations: snapshot.relations }, { includeProtected: true })).toContain(`"${secret}"`);
  });
});
