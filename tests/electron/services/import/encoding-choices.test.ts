import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodingName } from '../../../../electron/services/import/text/encoding-names';
import { parseText } from '../../../../electron/services/import/text';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/types';
import { ENCODING_CHOICES } from '../../../../shared/sources/encodings';

/**
 * The renderer's list of encodings a user may pick (shared/sources/encodings.ts)
 * against the importer: each is a name main accepts, that the importer records
 * unchanged in `metadata.encoding` (so the picker shows the source's own
 * encoding as selected), and that decodes text written in it.
 */
describe('the encodings a user can choose', () => {
  it.each(ENCODING_CHOICES.map((c) => [c.name]))('%s is decoded and recorded under its own name', async (name) => {
    expect(encodingName(name)).toBe(name);
    // ASCII reads the same in every byte encoding listed (ISO-2022-JP, which iconv-lite cannot write, included).
    const sample = name.startsWith('utf') ? 'Grüße, Привет, 東京' : 'Invoice 42, paid in cash';
    const bytes = new Uint8Array(name.startsWith('utf') ? iconv.encode(sample, name) : Buffer.from(sample, 'ascii'));
    const parsed = await parseText({ bytes, fileName: 'a.txt', limits: DEFAULT_LIMITS, encoding: name });
    expect(parsed.metadata).toMatchObject({ encoding: name, encodingSource: 'chosen' });
    expect(parsed.text).toBe(sample);
  });

  it('has no name twice', () => {
    expect(new Set(ENCODING_CHOICES.map((c) => c.name)).size).toBe(ENCODING_CHOICES.length);
  });
});
