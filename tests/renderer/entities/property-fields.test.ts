import { describe, expect, it } from 'vitest';
import { propertiesFromRows, rowsFromProperties, SUGGESTED_PROPERTIES } from '../../../renderer/features/entities/property-fields';
import { loadSeedFiles } from '../../../shared/seed/data';

const ok = (rows: { key: string; value: string }[]) => {
  const result = propertiesFromRows(rows);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
};
const error = (rows: { key: string; value: string }[]) => {
  const result = propertiesFromRows(rows);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
};

describe('propertiesFromRows', () => {
  it('parses amounts as numbers, with or without thousands separators', () => {
    expect(ok([{ key: 'amount', value: '50,600,000' }])).toEqual({ amount: 50_600_000 });
    expect(ok([{ key: 'amount', value: ' 53.4 ' }])).toEqual({ amount: 53.4 });
    expect(ok([{ key: 'amount', value: '0' }])).toEqual({ amount: 0 });
  });

  it('refuses an amount that is not a number, naming the field', () => {
    for (const value of ['about 50', '12abc', 'Infinity', '1,2.3.4']) {
      expect(error([{ key: 'amount', value }]), value).toMatch(/amount.*number/);
    }
  });

  it('accepts full and partial ISO dates', () => {
    expect(ok([
      { key: 'date', value: '2023' },
      { key: 'endDate', value: '2023-05' },
    ])).toEqual({ date: '2023', endDate: '2023-05' });
    expect(ok([{ key: 'date', value: '2023-05-02' }])).toEqual({ date: '2023-05-02' });
  });

  it('refuses dates that are not ISO, naming the field', () => {
    for (const value of ['May 2, 2023', '02/05/2023', '2023-5', '2023-13', '2023-05-32', '23', '2023-05-02T10:00']) {
      expect(error([{ key: 'date', value }]), value).toMatch(/date.*YYYY/);
    }
    expect(error([{ key: 'endDate', value: 'later' }])).toContain('endDate');
  });

  it('refuses calendar dates that do not exist', () => {
    for (const value of ['2023-02-30', '2023-04-31', '2023-02-29']) {
      expect(propertiesFromRows([{ key: 'date', value }]).ok, value).toBe(false);
    }
    expect(ok([{ key: 'date', value: '2024-02-29' }])).toEqual({ date: '2024-02-29' });
  });

  it('skips rows with an empty key or value and trims both', () => {
    expect(ok([
      { key: '', value: 'orphan' },
      { key: 'role', value: '   ' },
      { key: '  kind ', value: '  cartel  ' },
    ])).toEqual({ kind: 'cartel' });
    expect(ok([])).toEqual({});
  });

  it('keeps free-text keys as text', () => {
    expect(ok([{ key: 'unit', value: 'pills' }, { key: 'kind', value: 'hearing' }])).toEqual({ unit: 'pills', kind: 'hearing' });
  });

  it('reports the first bad row, not a later one', () => {
    expect(error([{ key: 'date', value: 'soon' }, { key: 'amount', value: 'many' }])).toContain('date');
  });
});

describe('rowsFromProperties', () => {
  it('offers the type’s suggested keys first, empty when unset', () => {
    expect(rowsFromProperties('Event', {}).map(({ key, value }) => ({ key, value }))).toEqual(SUGGESTED_PROPERTIES.Event.map((key) => ({ key, value: '' })));
  });

  it('merges existing keys after the suggested ones, once each, with values as text', () => {
    const rows = rowsFromProperties('Figure', { unit: 'pills', qualifier: 'more than', amount: 50_600_000, note: null });
    expect(rows.map((r) => r.key)).toEqual(['amount', 'unit', 'measure', 'date', 'endDate', 'qualifier', 'note']);
    expect(rows.find((r) => r.key === 'amount')?.value).toBe('50600000');
    expect(rows.find((r) => r.key === 'measure')?.value).toBe('');
    expect(rows.find((r) => r.key === 'note')?.value).toBe('');
  });

  it('round-trips a Figure through the form', () => {
    const props = { amount: 107_735, unit: 'people', date: '2021-08', endDate: '2022-08' };
    expect(ok(rowsFromProperties('Figure', props))).toEqual(props);
  });

  // Opening the form on a seeded entity and saving it unchanged must not change its properties.
  it('round-trips every seed entity’s properties unchanged, numbers and booleans included', () => {
    const changed = loadSeedFiles()
      .entities.map((e) => {
        const expected = Object.fromEntries(Object.entries(e.properties).filter(([, v]) => v !== null && v !== ''));
        return { id: e.id, expected, actual: ok(rowsFromProperties(e.type, e.properties)) };
      })
      .filter(({ expected, actual }) => JSON.stringify(Object.entries(actual).sort()) !== JSON.stringify(Object.entries(expected).sort()));
    expect(changed.map(({ id, expected, actual }) => ({ id, expected, actual }))).toEqual([]);
  });
});
