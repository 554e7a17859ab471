import { RELATION_TYPES, type Entity, type EntityType, type Relation } from '../model';
import type { CaseSnapshot } from './case-snapshot';

/**
 * Entities and relations as FollowTheMoney entities, one JSON object per
 * line ({"id","schema","properties"}; every property a list of strings), the
 * form `ftm` and Aleph import. Our types map to the nearest schema; where the
 * mapping loses something (our Substance and Figure, relations with no FtM
 * counterpart) the `notes` or `summary` says what the record was in Casebook.
 * The mapping table and its reasons are in docs/export-notes.md.
 */

export const FTM_ENTITY_SCHEMA: Record<EntityType, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Company',
  PublicBody: 'PublicBody',
  // FtM's Address is "a location associated with an entity": the only concrete place schema.
  Place: 'Address',
  Event: 'Event',
  // FtM has no substance or commodity; Asset is the concrete Thing that can be produced, supplied and seized.
  Substance: 'Asset',
  // A stated number is an annotation on what it measures: FtM's Note, linked through `entity`.
  Figure: 'Note',
};

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface FtmOptions {
  /** Protected entities (and relations touching them) are left out unless asked for: FtM is for sharing. */
  includeProtected?: boolean;
}

export function caseToFtmLines(snapshot: Pick<CaseSnapshot, 'entities' | 'relations'>, options: FtmOptions = {}): string {
  return toFtm(snapshot, options).map((e) => JSON.stringify(e)).join('\n') + '\n';
}

export function toFtm(snapshot: Pick<CaseSnapshot, 'entities' | 'relations'>, options: FtmOptions = {}): FtmEntity[] {
  const entities = snapshot.entities.filter((e) => options.includeProtected || !e.protected);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const relations = snapshot.relations.filter((r) => byId.has(r.fromId) && byId.has(r.toId));
  return [...entities.map((e) => entityToFtm(e, relations)), ...relations.map((r) => relationToFtm(r, byId.get(r.fromId)!, byId.get(r.toId)!))];
}

/** Property values FtM has a place for, by our property key; the rest go to `notes`. */
const DIRECT_PROPERTIES: Partial<Record<EntityType, Record<string, string>>> = {
  Person: { role: 'position' },
  Event: { date: 'date', endDate: 'endDate' },
};

function entityToFtm(entity: Entity, relations: readonly Relation[]): FtmEntity {
  const schema = FTM_ENTITY_SCHEMA[entity.type];
  const props = new FtmProperties();
  props.add('name', entity.name);
  props.add('alias', ...entity.aliases);
  props.add('description', entity.description);
  if (entity.type === 'Place') props.add('full', entity.name);
  const direct = DIRECT_PROPERTIES[entity.type] ?? {};
  const notes: string[] = [];
  if (entity.type === 'Substance') notes.push('Casebook type: Substance (a drug or chemical). FtM has no schema for substances; exported as Asset.');
  if (entity.type === 'Figure') {
    notes.push('Casebook type: Figure (a number the sources state). Exported as a Note on what it measures.');
    props.add('summary', figureSummary(entity));
    props.add('entity', ...relations.filter((r) => r.type === 'measures' && r.fromId === entity.id).map((r) => r.toId));
  }
  for (const [key, value] of Object.entries(entity.properties)) {
    if (value === null || value === '') continue;
    if (key === 'kind') props.add('keywords', String(value));
    else if (direct[key]) props.add(direct[key]!, String(value));
    else notes.push(`${key}: ${String(value)}`);
  }
  if (entity.type === 'Event' && entity.properties.endDate && entity.properties.date) props.add('startDate', String(entity.properties.date));
  props.add('notes', notes.join('\n'));
  return { id: entity.id, schema, properties: props.toJSON() };
}

/** "more than 50600000 pills (seizure), 2022" */
function figureSummary(entity: Entity): string {
  const p = entity.properties;
  // "hundreds of billions" already says the amount, which is then only a stand-in lower bound.
  const stated = p.approximate && p.qualifier ? null : p.amount;
  const amount = [p.qualifier, stated, p.amountMax !== undefined && p.amountMax !== null ? `to ${p.amountMax}` : null, p.unit].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
  const measure = p.measure ? ` (${p.measure})` : '';
  const date = p.date ? `, ${p.date}` : '';
  return amount ? `${amount}${measure}${date}` : '';
}

const LEGAL_ENTITY = new Set<EntityType>(['Person', 'Organization', 'Company', 'PublicBody']);
const ORGANIZATION = new Set<EntityType>(['Organization', 'Company', 'PublicBody']);

/**
 * A relation as the FtM interval that fits both its meaning and its ends'
 * schemata (Employment needs a Person and an Organization…); anything else
 * is an UnknownLink whose `role` carries our wording ("supplies").
 */
function relationToFtm(relation: Relation, from: Entity, to: Entity): FtmEntity {
  const props = new FtmProperties();
  const role = RELATION_TYPES[relation.type].forward;
  let schema = 'UnknownLink';
  switch (relation.type) {
    case 'works_for':
    case 'formerly_worked_for':
      if (from.type === 'Person' && ORGANIZATION.has(to.type)) {
        schema = 'Employment';
        props.add('employee', from.id);
        props.add('employer', to.id);
        if (relation.type === 'formerly_worked_for') props.add('status', 'former');
      }
      break;
    case 'leads':
      if (LEGAL_ENTITY.has(from.type) && ORGANIZATION.has(to.type)) {
        schema = 'Directorship';
        props.add('director', from.id);
        props.add('organization', to.id);
        props.add('role', role);
      }
      break;
    case 'part_of':
      if (LEGAL_ENTITY.has(from.type) && ORGANIZATION.has(to.type)) {
        schema = 'Membership';
        props.add('member', from.id);
        props.add('organization', to.id);
      }
      break;
    case 'controls':
      if (LEGAL_ENTITY.has(from.type) && (to.type === 'Company' || to.type === 'Substance')) {
        schema = 'Ownership';
        props.add('owner', from.id);
        props.add('asset', to.id);
        props.add('role', role);
      }
      break;
    case 'sanctioned':
      // FtM's Sanction names its authority as text; the id of who sanctioned stays in the summary.
      schema = 'Sanction';
      props.add('entity', to.id);
      props.add('authority', from.name);
      break;
  }
  if (schema === 'UnknownLink') {
    props.add('subject', from.id);
    props.add('object', to.id);
    props.add('role', role);
  }
  props.add('date', relation.date ?? '');
  props.add('description', relation.description ?? '');
  props.add('summary', `${from.name} ${role} ${to.name}`);
  return { id: relation.id, schema, properties: props.toJSON() };
}

/** FtM properties: lists of non-empty strings, each value once. */
class FtmProperties {
  private readonly values = new Map<string, string[]>();
  add(name: string, ...values: string[]): void {
    for (const raw of values) {
      const value = raw.trim();
      if (!value) continue;
      const list = this.values.get(name) ?? [];
      if (!list.includes(value)) list.push(value);
      this.values.set(name, list);
    }
  }
  toJSON(): Record<string, string[]> {
    return Object.fromEntries(this.values);
  }
}
