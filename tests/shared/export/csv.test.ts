import { describe, expect, it } from 'vitest';
import { seededCase } from './case-fixture';
import { csvCell, entitiesToCsv } from '../../../shared/export/csv';
import type { Entity } from '../../../shared/model';

/** A small RFC 4180 reader, to check the writer's output parses back to what went in. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
    else cell += c;
  }
  return rows;
}

const entity = (more: Partial<Entity>): Entity => ({
  id: 'ent-1', caseId: 'c', type: 'Person', name: 'Name', aliases: [], description: '', properties: {}, protected: false, quotes: [], createdAt: 0, updatedAt: 0, ...more,
});

describe('CSV export of entities', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and neutralizes formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const formula of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1']) expect(csvCell(formula).replace(/^"/, '').startsWith("'")).toBe(true);

    const csv = entitiesToCsv([
      entity({ name: '=cmd|" /C calc"!A0', description: 'line one\r\nline "two", with comma', aliases: ['A, B', '@alias'] }),
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parseCsv(csv);
    expect(header![0]).toBe('id');
    expect(row![2]).toBe(`'=cmd|" /C calc"!A0`);
    expect(row![3]).toBe('A, B; @alias');
    expect(row![4]).toBe('line one\r\nline "two", with comma');
  });

  it('writes one row per seeded entity, each parsing back to as many cells as the header', async () => {
    const { snapshot } = await seededCase();
    const rows = parseCsv(entitiesToCsv(snapshot.entities));
    expect(rows).toHaveLength(snapshot.entities.length + 1);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    const names = new Set(rows.slice(1).map((r) => r[2]!.replace(/^'/, '')));
    for (const e of snapshot.entities) expect(names.has(e.name), e.name).toBe(true);
    // Nothing in a cell starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
