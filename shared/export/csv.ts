import { ENTITY_TYPE_LABELS, type Entity } from '../model';

/**
 * Entities as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled), ready for a
 * spreadsheet. A cell that starts with = + - @ (or a tab or carriage return)
 * is prefixed with a single quote, so a spreadsheet shows it as text instead
 * of running it as a formula (CSV injection). A UTF-8 byte order mark is
 * left to the caller: Excel wants one, other tools choke on it.
 */

export const ENTITY_CSV_COLUMNS = ['id', 'type', 'name', 'aliases', 'description', 'properties', 'protected', 'quotes', 'created', 'updated'] as const;

export function entitiesToCsv(entities: readonly Entity[]): string {
  const rows: string[][] = [[...ENTITY_CSV_COLUMNS]];
  for (const e of entities) {
    rows.push([
      e.id,
      ENTITY_TYPE_LABELS[e.type].singular,
      e.name,
      e.aliases.join('; '),
      e.description,
      Object.entries(e.properties)
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; '),
      e.protected ? 'yes' : 'no',
      String(e.quotes.length),
      new Date(e.createdAt).toISOString(),
      new Date(e.updatedAt).toISOString(),
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
