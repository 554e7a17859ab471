import { describe, expect, it } from 'vitest';
import { foldText, searchKeysFor } from '../../../shared/linking/normalize';

describe('foldText', () => {
  it('removes diacritics', () => {
    expect(foldText('vis-à-vis')).toBe('vis-a-vis');
    expect(foldText('São Paulo, Ångström, Zürich, Çelik')).toBe('sao paulo, angstrom, zurich, celik');
  });

  it('straightens curly apostrophes and quotes', () => {
    expect(foldText('JCODE’s')).toBe("jcode's");
    expect(foldText('‘single’ “double” „low“')).toBe(`'single' "double" "low"`);
    expect(foldText('The CCP’s Business Model')).toBe(foldText("The CCP's Business Model"));
  });

  it('applies NFKC: full-width letters and ligatures become plain letters', () => {
    expect(foldText('ＤＥＡ')).toBe('dea');
    expect(foldText('ﬁnancial ﬂows')).toBe('financial flows');
    expect(foldText('Ｗｕｈａｎ １２３')).toBe('wuhan 123');
  });

  it('lower-cases, including a dotted capital I', () => {
    expect(foldText('DRUG Enforcement Administration')).toBe('drug enforcement administration');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('makes hyphens, dashes and the minus sign an ASCII hyphen', () => {
    expect(foldText('Vanda Felbab\u2011Brown')).toBe('vanda felbab-brown');
    expect(foldText('Felbab\u2010Brown')).toBe('felbab-brown');
    expect(foldText('2019\u20132021')).toBe('2019-2021');
    expect(foldText('a\u2014b')).toBe('a-b');
    expect(foldText('\u22125')).toBe('-5');
  });

  it('folds differently written forms of one name alike', () => {
    expect(foldText('Vanda Felbab‑Brown')).toBe(foldText('vanda felbab-brown'));
    expect(foldText('Jose\u0301')).toBe(foldText('José'));
  });

  it('is idempotent and keeps ASCII lower case text as it is', () => {
    const samples = ['vis-à-vis', 'JCODE’s', 'ＤＥＡ', 'ﬁ', 'Felbab‑Brown', 'plain text 42'];
    for (const s of samples) expect(foldText(foldText(s))).toBe(foldText(s));
    expect(foldText('plain text 42')).toBe('plain text 42');
  });
});

describe('searchKeysFor', () => {
  it('holds the whole folded name and each of its words', () => {
    expect(searchKeysFor(['Anne Milgram']).sort()).toEqual(['anne', 'anne milgram', 'milgram']);
  });

  it('adds each alias and its words, without duplicates', () => {
    const keys = searchKeysFor(['Anne Milgram', 'Milgram', 'ANNE MILGRAM']);
    expect(keys.sort()).toEqual(['anne', 'anne milgram', 'milgram']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('folds names and aliases the way queries are folded', () => {
    const keys = searchKeysFor(['Vanda Felbab‑Brown', 'JCODE’s team', 'Ｗｕｈａｎ']);
    expect(keys).toContain('vanda felbab-brown');
    expect(keys).toContain('felbab');
    expect(keys).toContain('brown');
    expect(keys).toContain("jcode's team");
    expect(keys).toContain('wuhan');
  });

  it('splits words at punctuation but keeps the whole name as written', () => {
    const keys = searchKeysFor(['U.S. Department of the Treasury']);
    expect(keys).toContain('u.s. department of the treasury');
    expect(keys).toContain('department');
    expect(keys).toContain('treasury');
    expect(keys).toContain('u');
    expect(keys.every((k) => k === k.trim() && k.length > 0)).toBe(true);
  });

  it('trims names and skips empty or blank ones', () => {
    expect(searchKeysFor(['', '   ', '\n'])).toEqual([]);
    expect(searchKeysFor(['  Wuhan  ', ''])).toEqual(['wuhan']);
  });

  it('keeps digits as words', () => {
    expect(searchKeysFor(['SpecTor: 288 arrests'])).toEqual(expect.arrayContaining(['spector: 288 arrests', 'spector', '288', 'arrests']));
  });
});
