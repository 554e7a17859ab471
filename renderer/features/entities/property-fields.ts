import type { EntityProperties, EntityType, PropertyValue } from '../../../shared/model';

/** The properties the form offers per type; users may add others. */
export const SUGGESTED_PROPERTIES: Record<EntityType, string[]> = {
  Person: ['role', 'nationality'],
  Organization: ['kind', 'country'],
  Company: ['kind', 'country', 'jurisdiction'],
  PublicBody: ['kind', 'country'],
  Place: ['kind', 'country'],
  Event: ['date', 'endDate', 'kind', 'location'],
  Substance: ['kind'],
  Figure: ['amount', 'unit', 'measure', 'date', 'endDate'],
};

const NUMERIC = new Set(['amount']);
const DATE = new Set(['date', 'endDate']);
const ISO_PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface PropertyRow {
  key: string;
  value: string;
}

export function rowsFromProperties(type: EntityType, properties: EntityProperties): PropertyRow[] {
  const keys = [...new Set([...SUGGESTED_PROPERTIES[type], ...Object.keys(properties)])];
  return keys.map((key) => ({ key, value: properties[key] === null || properties[key] === undefined ? '' : String(properties[key]) }));
}

/** Turns form rows into typed properties, or says which row is wrong and why. */
export function propertiesFromRows(rows: PropertyRow[]): { ok: true; value: EntityProperties } | { ok: false; error: string } {
  const out: EntityProperties = {};
  for (const { key, value } of rows) {
    const k = key.trim();
    const v = value.trim();
    if (!k || !v) continue;
    let parsed: PropertyValue = v;
    if (NUMERIC.has(k)) {
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n)) return { ok: false, error: `“${k}” must be a number, e.g. 50600000.` };
      parsed = n;
    }
    if (DATE.has(k) && !ISO_PARTIAL.test(v)) {
      return { ok: false, error: `“${k}” must be a date as YYYY, YYYY-MM or YYYY-MM-DD.` };
    }
    out[k] = parsed;
  }
  return { ok: true, value: out };
}
