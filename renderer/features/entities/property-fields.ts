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

/** Keys whose values are numbers even when a user adds them by hand. */
const NUMERIC = new Set(['amount', 'amountMax', 'count']);
const DATE = new Set(['date', 'endDate']);
const ISO_PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface PropertyRow {
  key: string;
  value: string;
  /** The stored value's type, so an edit round-trips numbers and flags unchanged; new rows are text. */
  kind?: 'string' | 'number' | 'boolean';
}

const kindOf = (key: string, value: PropertyValue | undefined): NonNullable<PropertyRow['kind']> =>
  typeof value === 'number' || (value === undefined && NUMERIC.has(key)) ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';

/** A real calendar date in ISO form, possibly partial: 2023, 2023-02, 2023-02-28. */
export function isIsoPartialDate(value: string): boolean {
  if (!ISO_PARTIAL.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export function rowsFromProperties(type: EntityType, properties: EntityProperties): PropertyRow[] {
  const keys = [...new Set([...SUGGESTED_PROPERTIES[type], ...Object.keys(properties)])];
  return keys.map((key) => ({
    key,
    value: properties[key] === null || properties[key] === undefined ? '' : String(properties[key]),
    kind: kindOf(key, properties[key]),
  }));
}

/** Turns form rows into typed properties, or says which row is wrong and why. */
export function propertiesFromRows(rows: PropertyRow[]): { ok: true; value: EntityProperties } | { ok: false; error: string } {
  const out: EntityProperties = {};
  for (const { key, value, kind } of rows) {
    const k = key.trim();
    const v = value.trim();
    if (!k || !v) continue;
    let parsed: PropertyValue = v;
    if (kind === 'number' || NUMERIC.has(k)) {
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n)) return { ok: false, error: `“${k}” must be a number, e.g. 50600000.` };
      parsed = n;
    } else if (kind === 'boolean') {
      if (v !== 'true' && v !== 'false') return { ok: false, error: `“${k}” must be true or false.` };
      parsed = v === 'true';
    }
    if (DATE.has(k) && !isIsoPartialDate(v)) {
      return { ok: false, error: `“${k}” must be a date as YYYY, YYYY-MM or YYYY-MM-DD.` };
    }
    out[k] = parsed;
  }
  return { ok: true, value: out };
}
