import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/services/import/errors';
import { decodeText } from '../../../../electron/services/import/text/decode';
import { parseText } from '../../../../electron/services/import/text';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/types';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (data: Uint8Array, fileName = 'notes.txt') => parseText({ bytes: data, fileName, limits: DEFAULT_LIMITS });

/** UTF-16 code units of `text` after a BOM, in either byte order. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2 + (order === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 + i * 2 + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Zoë – 北京 😀'))).toEqual({ text: 'Zoë – 北京 😀', encoding: 'utf-8', source: 'valid-utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('café')]))).toEqual({ text: 'café', encoding: 'utf-8', source: 'bom' });
  });

  it('reads UTF-16LE and UTF-16BE by their BOM, and strips it', () => {
    const text = 'Größe “quoted” 😀';
    expect(decodeText(utf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le', source: 'bom' });
    expect(decodeText(utf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be', source: 'bom' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8: curly quotes, é, €, dashes', () => {
    // “Café” — 5 € (as Notepad saves it in "ANSI")
    const decoded = decodeText(bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x97, 0x20, 0x35, 0x20, 0x80));
    expect(decoded).toEqual({ text: '“Café” — 5 €', encoding: 'windows-1252', source: 'detected' });
  });

  it('normalizes CRLF and lone CR to LF', () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n\r\nfour')).text).toBe('one\ntwo\nthree\n\nfour');
    expect(decodeText(utf16('a\r\nb', 'le')).text).toBe('a\nb');
  });

  it('refuses binary: NUL bytes, or many control characters', () => {
    const exe = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00);
    expect(() => decodeText(exe, 'setup.txt')).toThrow(/^setup\.txt: this looks like a binary file, not text\.$/);
    expect(() => decodeText(utf8('x\x01\x02\x03\x04\x05\x06yz'), 'data.txt')).toThrow(ImportError);
    expect(() => decodeText(utf16('a\0b', 'le'), 'wide.txt')).toThrow(ImportError);
  });

  it('accepts text with the odd control character (DOS end-of-file mark, ANSI colors, form feeds)', () => {
    expect(decodeText(utf8('Report\fPage 2\n\x1b[31mred\x1b[0m\n\x1a')).encoding).toBe('utf-8');
  });

  it('accepts UTF-8 full of C1 controls: Windows-1252 text once converted as if it were Latin-1', () => {
    expect(decodeText(utf8('\u0093quoted\u0094 \u0096 dash')).text).toBe('\u0093quoted\u0094 \u0096 dash');
  });

  it('recognizes UTF-16 without a BOM by its NUL bytes, in either byte order', () => {
    const text = 'No BOM here: Größe, “quoted”, 10 €.\nSecond line.';
    expect(decodeText(utf16(text, 'le').subarray(2))).toEqual({ text, encoding: 'utf-16le', source: 'detected' });
    expect(decodeText(utf16(text, 'be').subarray(2))).toEqual({ text, encoding: 'utf-16be', source: 'detected' });
    // Binary with NUL bytes in the same places is still binary.
    expect(() => decodeText(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0xb8, 0x00), 'setup.txt')).toThrow(/binary/);
  });
});

/**
 * Legacy encodings as real files hold them: a few sentences of a language,
 * saved in its usual code page (what chardet's test corpus holds, encoded
 * here with iconv-lite so the expected text is known).
 */
const LEGACY: [encoding: string, text: string][] = [
  ['windows-1251', 'Журналисты получили документы о сделке. Деньги ушли через Кипр в банк, который принадлежит брату министра; компания отказалась от комментариев.'],
  ['koi8-r', 'Журналисты получили документы о сделке. Деньги ушли через Кипр в банк, который принадлежит брату министра; компания отказалась от комментариев.'],
  ['iso-8859-7', 'Οι δημοσιογράφοι έλαβαν τα έγγραφα της συμφωνίας. Τα χρήματα πέρασαν από την Κύπρο σε τράπεζα που ανήκει στον αδελφό του υπουργού.'],
  ['windows-1250', 'Dziennikarze otrzymali dokumenty dotyczące umowy. Pieniądze przeszły przez Cypr do banku należącego do brata ministra; spółka odmówiła komentarza.'],
  ['shift_jis', '記者たちは契約に関する文書を入手した。資金はキプロスを経由して大臣の兄が所有する銀行に送られた。会社はコメントを拒否した。'],
  ['gb18030', '记者获得了有关该交易的文件。资金经由塞浦路斯流入部长兄弟拥有的银行，公司拒绝置评。'],
  ['windows-1252', 'Les journalistes ont obtenu les documents de l’accord. L’argent est passé par Chypre vers une banque détenue par le frère du ministre — « aucun commentaire ».'],
];

describe('decodeText: legacy encodings, detected', () => {
  it.each(LEGACY)('reads %s text as such, and says it guessed', (encoding, text) => {
    const decoded = decodeText(new Uint8Array(iconv.encode(text, encoding)));
    expect(decoded).toEqual({ text, encoding, source: 'detected' });
  });

  it('reads GB2312 text (a subset of GB18030)', () => {
    const text = '记者获得了有关该交易的文件。资金经由塞浦路斯流入部长兄弟拥有的银行。';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb2312')))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('believes the encoding an XML file declares', () => {
    const xml = '<?xml version="1.0" encoding="koi8-r"?>\n<title>Новости</title>';
    expect(decodeText(new Uint8Array(iconv.encode(xml, 'koi8-r')))).toEqual({ text: xml, encoding: 'koi8-r', source: 'declared' });
  });

  it('decodes with the encoding the user chose, whatever the guess', () => {
    const [, text] = LEGACY[0]!;
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1251'));
    expect(decodeText(bytes, 'memo.txt', 'windows-1251')).toEqual({ text, encoding: 'windows-1251', source: 'chosen' });
    // A wrong choice is the user's to make: the text is what that encoding gives.
    expect(decodeText(bytes, 'memo.txt', 'cp1252')).toMatchObject({ encoding: 'windows-1252', source: 'chosen', text: expect.stringMatching(/^Æóðíàëèñòû/) });
    expect(() => decodeText(bytes, 'memo.txt', 'klingon-8')).toThrow(/^memo\.txt: "klingon-8" is not a text encoding Casebook knows\.$/);
  });

  it('recognizes UTF-32 without a BOM', () => {
    const text = 'Wide text: Größe 😀';
    const le = new Uint8Array([...text].flatMap((c) => { const p = c.codePointAt(0)!; return [p & 0xff, (p >> 8) & 0xff, p >> 16, 0]; }));
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-32le', source: 'detected' });
  });
});

describe('parseText', () => {
  it('keeps the text as decoded, trims only trailing whitespace, and takes a short first line as title', async () => {
    const parsed = await parse(utf8('\n\n  Interview notes, 3 May  \r\n\r\n  Indented line\t\nLast line\n\n  \n'));
    expect(parsed).toEqual({
      title: 'Interview notes, 3 May',
      text: '\n\n  Interview notes, 3 May  \n\n  Indented line\t\nLast line',
      metadata: { encoding: 'utf-8' },
    });
    expect(parsed.html).toBeUndefined();
  });

  it('has no title when the first line is a paragraph', async () => {
    const parsed = await parse(utf8(`${'word '.repeat(40)}\nsecond line`));
    expect(parsed.title).toBeUndefined();
  });

  it('records the encoding, and that it was guessed, for the library to show', async () => {
    const parsed = await parse(new Uint8Array(iconv.encode(LEGACY[0]![1], 'windows-1251')), 'memo.txt');
    expect(parsed.text).toBe(LEGACY[0]![1]);
    expect(parsed.metadata).toEqual({ encoding: 'windows-1251', encodingSource: 'detected' });
    const chosen = await parseText({ bytes: new Uint8Array(iconv.encode('Привет', 'koi8-r')), fileName: 'a.txt', limits: DEFAULT_LIMITS, encoding: 'koi8-r' });
    expect(chosen).toMatchObject({ text: 'Привет', metadata: { encoding: 'koi8-r', encodingSource: 'chosen' } });
  });

  it('reports the encoding it detected', async () => {
    expect((await parse(bytes(0x93, 0x68, 0x69, 0x94))).metadata).toEqual({ encoding: 'windows-1252', encodingSource: 'detected' });
  });

  it('rejects a binary file with a message that names it', async () => {
    const error = await rejection(parse(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00), 'program.txt'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('program.txt: this looks like a binary file, not text.');
  });

  it('rejects a file with nothing but whitespace as empty', async () => {
    expect((await rejection(parse(utf8(' \n\t\r\n')))).code).toBe('empty');
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(parseText({ bytes: utf8('text'), fileName: 'a.txt', limits: DEFAULT_LIMITS, signal: controller.signal }));
    expect(error.code).toBe('cancelled');
  });

  it('parses a 50 MB file quickly and keeps every character', async () => {
    const line = 'Line of a large log — café, naïve, 100 € paid.\r\n';
    const lineBytes = Buffer.from(line, 'utf8');
    const count = Math.floor((50 * 1024 * 1024) / lineBytes.length);
    const data = Buffer.alloc(count * lineBytes.length, lineBytes);

    const started = performance.now();
    const parsed = await parse(data, 'big.txt');
    const elapsed = performance.now() - started;

    // Every CRLF became LF; the last newline is trailing whitespace.
    expect(parsed.text.length).toBe(count * (line.length - 1) - 1);
    expect(parsed.text.startsWith('Line of a large log — café, naïve, 100 € paid.\nLine of')).toBe(true);
    expect(parsed.title).toBe('Line of a large log — café, naïve, 100 € paid.');
    expect(parsed.metadata.encoding).toBe('utf-8');
    expect(elapsed).toBeLessThan(15_000);
  }, 60_000);
});
