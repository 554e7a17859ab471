import { describe, expect, it } from 'vitest';
import { editedFields, importedFacts, sourceAsShown, sourceFacts, sourceTitle, statedDay } from '../../../shared/model/source-facts';
import { sourceSchema } from '../../../shared/model/source';
import { cleanTag, distinctTags, hasTag, withTag, withoutTag } from '../../../shared/model/tags';

const docx = { title: 'Shipping memo', metadata: { author: 'J. Ruiz', created: '2019-03-04T09:30:00.000Z', date: '2019-03-04T09:30:00.000Z' } };

describe('source facts: the file states, the user corrects', () => {
  it('reads what the file stated, whatever the format called it', () => {
    expect(importedFacts(docx)).toEqual({ title: 'Shipping memo', author: 'J. Ruiz', date: '2019-03-04T09:30:00.000Z', url: '', notes: '' });
    expect(importedFacts({ title: 'Re: tip', metadata: { from: 'Ana <ana@example.org>', date: '2020-01-02T03:04:05.000Z' } })).toMatchObject({ author: 'Ana <ana@example.org>', date: '2020-01-02T03:04:05.000Z' });
    expect(importedFacts({ title: 'Page', metadata: { url: 'https://example.org/a', published: '2021-05' } })).toMatchObject({ url: 'https://example.org/a', date: '2021-05' });
  });

  it('an edit wins, an emptied field is a deliberate none, and the imported value is still there to revert to', () => {
    const edited = { ...docx, edits: { title: 'Ruiz memo on shipping', author: '', notes: 'From the port source.' } };
    expect(sourceFacts(edited)).toEqual({ title: 'Ruiz memo on shipping', author: '', date: '2019-03-04T09:30:00.000Z', url: '', notes: 'From the port source.' });
    expect(importedFacts(edited).author).toBe('J. Ruiz');
    expect(editedFields(edited)).toEqual(['title', 'author', 'notes']);
    expect(sourceTitle(edited)).toBe('Ruiz memo on shipping');
    // A title is never shown empty.
    expect(sourceTitle({ ...docx, edits: { title: '  ' } })).toBe('Shipping memo');
  });

  it('exports see the edited facts in the keys they print, without losing what the file said', () => {
    const shown = sourceAsShown({ ...docx, id: 's1', edits: { title: 'Ruiz memo', date: '2019-02', url: 'https://example.org/memo', author: '' } });
    expect(shown.title).toBe('Ruiz memo');
    expect(shown.metadata).toEqual({ created: '2019-03-04T09:30:00.000Z', date: '2019-02', url: 'https://example.org/memo' });
    expect(sourceAsShown(docx)).toBe(docx);
  });

  it('a stated date gives the day it falls on, for sorting and filters', () => {
    expect(statedDay('2019-03-04T09:30:00.000Z')).toBe('2019-03-04');
    expect(statedDay('2021-05')).toBe('2021-05');
    expect(statedDay('Tue, 3 Mar 2020 10:00:00 +0000')).toBe('2020-03-03');
    expect(statedDay('sometime in spring')).toBe('');
    expect(statedDay('')).toBe('');
  });

  it('the model takes edits, tags and deletion, and refuses an edited date that is not ISO', () => {
    const base = { id: 's', caseId: 'c', title: 't', format: 'pdf', sha256: 'a'.repeat(64), size: 1, metadata: {}, importedAt: 1 };
    expect(sourceSchema.safeParse({ ...base, edits: { date: '2019-02-30' }, tags: ['port'], deletedAt: 5 }).success).toBe(true);
    expect(sourceSchema.safeParse({ ...base, edits: { date: '' } }).success).toBe(true);
    expect(sourceSchema.safeParse({ ...base, edits: { date: 'March 2019' } }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...base, tags: [''] }).success).toBe(false);
  });
});

describe('tags', () => {
  it('are cleaned as typed, and compared without case or accents', () => {
    expect(cleanTag('  #Port   of  Manzanillo ')).toBe('Port of Manzanillo');
    expect(cleanTag('   ')).toBe('');
    expect(withTag(['Shipping'], 'shipping')).toEqual(['Shipping']);
    expect(withTag(['Shipping'], 'Méxíco')).toEqual(['Shipping', 'Méxíco']);
    expect(withTag(undefined, '  ')).toEqual([]);
    expect(withoutTag(['Shipping', 'Mexico'], 'SHIPPING')).toEqual(['Mexico']);
    expect(hasTag(['Méxíco'], 'mexico')).toBe(true);
    expect(distinctTags([['port', 'Mexico'], undefined, ['Port', 'arrivals']])).toEqual(['arrivals', 'Mexico', 'port']);
  });
});
