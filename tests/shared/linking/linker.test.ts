import { describe, expect, it } from 'vitest';
import { createLinker, type LinkerEntry, type LinkMatch } from '../../../shared/linking';
import { foldAlias } from '../../../shared/linking/fold-char';
import { foldText, nameKeysFor } from '../../../shared/linking/normalize';

/** The surfaces found, as `entityId:surface`, in result order. */
function surfaces(entries: LinkerEntry[], text: string): string[] {
  return createLinker(entries).find(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);
}

const one = (alias: string, entityId = 'e'): LinkerEntry[] => [{ entityId, alias }];

describe('createLinker: folding', () => {
  it('ignores case and diacritics, both ways round', () => {
    expect(surfaces(one('Méndez'), 'Mendez, MENDEZ, méndez and Me\u0301ndez')).toEqual(['e:Mendez', 'e:MENDEZ', 'e:méndez', 'e:Me\u0301ndez']);
    expect(surfaces(one('Mendez'), 'Sr. MÉNDEZ')).toEqual(['e:MÉNDEZ']);
  });

  it('applies NFKC: full-width letters and ligatures, with offsets over the original characters', () => {
    expect(surfaces(one('DEA'), 'the ＤＥＡ said')).toEqual(['e:ＤＥＡ']);
    expect(surfaces(one('financial flows'), 'ﬁnancial ﬂows')).toEqual(['e:ﬁnancial ﬂows']);
  });

  it('never matches part of one character: "inancial" is not inside "ﬁnancial"', () => {
    expect(surfaces(one('inancial'), 'ﬁnancial')).toEqual([]);
    expect(surfaces([{ entityId: 'f', alias: 'f' }], 'ﬁ')).toEqual([]);
  });

  it('treats every dash and hyphen alike, and curly quotes as straight', () => {
    const entries = [...one('Vanda Felbab-Brown', 'vfb'), ...one("O'Brien", 'ob')];
    expect(surfaces(entries, 'Vanda Felbab\u2011Brown and vanda felbab–brown met O’Brien')).toEqual(['vfb:Vanda Felbab\u2011Brown', 'vfb:vanda felbab–brown', 'ob:O’Brien']);
  });

  it('matches a run of whitespace, newlines and no-break spaces included, to one space', () => {
    const text = 'The Drug  Enforcement\n\t Administration and Drug\u00a0Enforcement Administration';
    expect(surfaces(one('Drug Enforcement  Administration'), text)).toEqual([
      'e:Drug  Enforcement\n\t Administration',
      'e:Drug\u00a0Enforcement Administration',
    ]);
  });

  it('folds Greek sigma alike wherever it stands', () => {
    expect(surfaces(one('ΟΔΟΣ'), 'οδος, Οδός, ΟΔΟΣ')).toEqual(['e:οδος', 'e:Οδός', 'e:ΟΔΟΣ']);
  });

  it('keys aliases as nameKeysFor does (final sigma aside)', () => {
    const samples = ['  Drug  Enforcement   Administration ', "O'Brien & Co.", 'Vanda Felbab‑Brown', '  Drug\u00a0Enforcement\nAdministration ', 'ＤＥＡ', 'İstanbul', 'São Paulo', 'ﬁnancial ﬂows', 'JCODE’s', '„low“', 'Ångström', '1½ tons', '𝐁𝐨𝐥𝐝 😀', '武汉', '한국', 'ΟΔΟΣ ΣΟΦΟΣ'];
    for (const alias of samples) expect(foldAlias(alias)).toBe(nameKeysFor([alias])[0]!.replace(/ς/g, 'σ'));
  });
});

describe('createLinker: word boundaries', () => {
  it('finds "DEA" as a word, never inside "IDEA" or "DEAs"', () => {
    expect(surfaces(one('DEA'), 'IDEA, DEAs, DEA, (DEA), DEA. -DEA- DEA1 DEA')).toEqual(['e:DEA', 'e:DEA', 'e:DEA', 'e:DEA', 'e:DEA']);
  });

  it('finds possessives', () => {
    expect(surfaces(one('DEA'), "the DEA's agents and the DEA’s report")).toEqual(['e:DEA', 'e:DEA']);
  });

  it('needs no boundary next to an alias edge that is punctuation', () => {
    expect(surfaces(one('U.S.'), 'the U.S. and U.S.A., not BU.S.')).toEqual(['e:U.S.', 'e:U.S.']);
    expect(surfaces(one('$53.4 million'), 'paid $53.4 million, US$53.4 million, $53.4 millions')).toEqual(['e:$53.4 million', 'e:$53.4 million']);
  });

  it('looks through combining marks on either side', () => {
    // "e" + combining acute before the alias is still a letter; a mark after the alias belongs to it.
    expect(surfaces(one('DEA'), 'e\u0301DEA')).toEqual([]);
    expect(surfaces(one('Mende'), 'Mende\u0301 Mende\u0301z')).toEqual(['e:Mende\u0301']);
  });

  it('does not ask for spaces around names in scripts written without them', () => {
    expect(surfaces(one('武汉'), '在武汉市的实验室')).toEqual(['e:武汉']);
  });
});

describe('createLinker: overlaps and shared aliases', () => {
  it('prefers the longest match at the leftmost start', () => {
    const entries = [...one('Sinaloa', 'place'), ...one('Sinaloa cartel', 'cartel')];
    expect(surfaces(entries, 'The Sinaloa Cartel operates in Sinaloa.')).toEqual(['cartel:Sinaloa Cartel', 'place:Sinaloa']);
  });

  it('prefers the leftmost match over a longer one starting later', () => {
    const entries = [...one('New York', 'ny'), ...one('York Times Company', 'nyt')];
    expect(surfaces(entries, 'New York Times Company')).toEqual(['ny:New York']);
  });

  it('falls back to a shorter alias when the longer one fails its boundary', () => {
    const entries = [...one('Sinaloa', 'place'), ...one('Sinaloa cartel', 'cartel'), ...one('cartels', 'cartels')];
    expect(surfaces(entries, 'Sinaloa cartels')).toEqual(['place:Sinaloa', 'cartels:cartels']);
  });

  it('returns one match per entity when entities share an alias, in entity order', () => {
    const entries = [...one('Chapo', 'father'), ...one('El Chapo', 'father'), ...one('chapo', 'son'), ...one('Chapo', 'father')];
    const matches = createLinker(entries).find('Chapo said');
    expect(matches).toEqual([
      { entityId: 'father', start: 0, end: 5 },
      { entityId: 'son', start: 0, end: 5 },
    ]);
  });

  it('returns results sorted by start', () => {
    const entries = ['a b', 'b c', 'c', 'a', 'd e f', 'e'].map((alias, i) => ({ entityId: `e${i}`, alias }));
    const matches = createLinker(entries).find('a b c d e f e c a b');
    const starts = matches.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(matches.map((m) => m.entityId)).toEqual(['e0', 'e2', 'e4', 'e5', 'e2', 'e0']);
  });
});

describe('createLinker: offsets', () => {
  it('counts UTF-16 units of astral characters and marks before the match', () => {
    const text = '😀🇲🇽 e\u0301\u0301 𝐁 — Felbab-Brown 😀 DEA';
    const matches = createLinker([...one('Felbab-Brown', 'fb'), ...one('DEA', 'dea'), ...one('b', 'b')]).find(text);
    expect(matches.map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`)).toEqual(['b:𝐁', 'fb:Felbab-Brown', 'dea:DEA']);
    expect(matches[1]!.start).toBe(text.indexOf('Felbab'));
    expect(matches[2]!.end).toBe(text.length);
  });

  it('matches aliases that contain astral characters', () => {
    expect(surfaces(one('🔥 Squad'), 'the 🔥  squad, 🔥squad')).toEqual(['e:🔥  squad']);
  });
});

describe('createLinker: degenerate input', () => {
  it('returns nothing for empty text or no entries', () => {
    expect(createLinker(one('DEA')).find('')).toEqual([]);
    expect(createLinker([]).find('DEA')).toEqual([]);
    expect(createLinker([]).size).toBe(0);
  });

  it('ignores empty, blank and fold-to-nothing aliases, and repeats', () => {
    const linker = createLinker([
      { entityId: 'a', alias: '' },
      { entityId: 'a', alias: '  \n ' },
      { entityId: 'a', alias: '\u0301\u0308' },
      { entityId: 'a', alias: 'DEA' },
      { entityId: 'a', alias: 'dea' },
      { entityId: 'a', alias: ' DEA ' },
    ]);
    expect(linker.size).toBe(1);
    expect(linker.find('DEA')).toEqual([{ entityId: 'a', start: 0, end: 3 }]);
  });

  it('survives unpaired surrogates', () => {
    expect(surfaces(one('DEA'), '\uD800DEA\uDC00 DEA\uD83D')).toEqual(['e:DEA', 'e:DEA']);
  });

  it('can be asked many times, with texts it has not seen the characters of', () => {
    const linker = createLinker(one('Wuhan'));
    expect(linker.find('wuhan')).toHaveLength(1);
    expect(linker.find('Ｗｕｈａｎ, Wuhán, ВУХАНЬ')).toHaveLength(2);
    expect(linker.find('wuhan')).toHaveLength(1);
  });
});

describe('createLinker: scale', () => {
  it('builds 100,000 aliases and finds a sample of them exactly', () => {
    const random = prng(99);
    const syllables = ['ka', 'lo', 'mi', 'ra', 'zu', 'ten', 'bor', 'vik', 'sal', 'dre', 'ni', 'os', 'qu', 'ber', 'ha', 'yo'];
    const word = () => {
      const n = 2 + (random() % 3);
      let w = '';
      for (let i = 0; i < n; i++) w += syllables[random() % syllables.length];
      return w[0]!.toUpperCase() + w.slice(1);
    };
    const aliases = new Set<string>();
    while (aliases.size < 100_000) aliases.add(random() % 5 === 0 ? `${word()} ${word()} ${word()}` : `${word()} ${word()}`);
    const list = [...aliases];
    const linker = createLinker(list.map((alias, i) => ({ entityId: `e${i}`, alias })));
    expect(linker.size).toBe(100_000);

    const sample = Array.from({ length: 300 }, (_, i) => (i * 7919) % list.length);
    const text = sample.map((i) => `Report: ${list[i]!.toUpperCase()} met officials.`).join('\n');
    const found = linker.find(text);
    expect(found.map((m) => m.entityId)).toEqual(sample.map((i) => `e${i}`));
    for (const m of found) expect(foldText(text.slice(m.start, m.end))).toBe(foldText(list[Number(m.entityId.slice(1))]!));
  }, 120_000);

  it('handles thousands of distinct characters (states × alphabet beyond 2^31)', () => {
    const random = prng(7);
    const han = () => String.fromCharCode(0x4e00 + (random() % 6000));
    const aliases = new Set<string>();
    while (aliases.size < 100_000) aliases.add(Array.from({ length: 6 }, han).join(''));
    const list = [...aliases];
    const linker = createLinker(list.map((alias, i) => ({ entityId: `e${i}`, alias })));
    expect(linker.stats.states * linker.stats.alphabet).toBeGreaterThan(2 ** 31);
    const sample = Array.from({ length: 200 }, (_, i) => (i * 4099) % list.length);
    const text = sample.map((i) => `据报道，${list[i]}。`).join('');
    expect(linker.find(text).map((m) => m.entityId)).toEqual(sample.map((i) => `e${i}`));
  }, 120_000);
});

describe('createLinker: against a naive reference', () => {
  const TEXT_CHARS = ['a', 'b', 'A', 'B', 'é', 'e\u0301', 'e', ' ', '  ', '\n', '\u00a0', '-', '\u2011', '.', "'", '’', 'ﬁ', 'f', 'i', '😀', 'Σ', 'σ', 'ς', '\u0301', '1', '½'];
  const ALIAS_CHARS = ['a', 'b', 'e', 'é', 'f', 'i', '-', '.', ' ', 'fi', 'σ', 'Σ', '😀', "'", '1', 'B'];

  for (const denseBudgetBytes of [undefined, 0]) {
    it(`agrees on random texts and aliases (${denseBudgetBytes === 0 ? 'sparse' : 'dense'} transitions)`, () => {
      const random = prng(denseBudgetBytes === 0 ? 2 : 1);
      const pick = <T>(items: readonly T[]) => items[random() % items.length]!;
      let total = 0;
      for (let round = 0; round < 2500; round++) {
        const entries: LinkerEntry[] = Array.from({ length: 1 + (random() % 6) }, () => ({
          entityId: pick(['x', 'y', 'z']),
          alias: Array.from({ length: 1 + (random() % 3) }, () => pick(ALIAS_CHARS)).join(''),
        }));
        const text = Array.from({ length: random() % 40 }, () => pick(TEXT_CHARS)).join('');
        const actual = createLinker(entries, { denseBudgetBytes }).find(text);
        const expected = referenceFind(entries, text);
        expect(byStartThenEntity(actual), JSON.stringify({ entries, text })).toEqual(byStartThenEntity(expected));
        total += expected.length;
      }
      expect(total).toBeGreaterThan(1000); // not a vacuous agreement on nothing
    });
  }
});

function byStartThenEntity(matches: LinkMatch[]): LinkMatch[] {
  return [...matches].sort((a, b) => a.start - b.start || a.end - b.end || a.entityId.localeCompare(b.entityId));
}

/** Deterministic 32-bit random integers (mulberry32). */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * The linker's semantics written the slow, obvious way: fold the text code
 * point by code point with foldText, collapse whitespace, find every alias
 * key with indexOf, filter, then pick leftmost-longest by sorting.
 */
function referenceFind(entries: readonly LinkerEntry[], text: string): LinkMatch[] {
  const foldOne = (char: string) => foldText(char).replace(/ς/g, 'σ');
  const owners = new Map<string, string[]>();
  for (const { entityId, alias } of entries) {
    const key = foldText(alias).replace(/ς/g, 'σ').replace(/\s+/g, ' ').trim();
    if (!key) continue;
    const list = owners.get(key) ?? [];
    if (!list.includes(entityId)) list.push(entityId);
    owners.set(key, list);
  }

  interface Unit { value: string; start: number; end: number; first: boolean; last: boolean }
  const units: Unit[] = [];
  const chars: { start: number; end: number; folded: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    chars.push({ start: i, end: i + char.length, folded: foldOne(char) });
    i += char.length;
  }
  for (const char of chars) {
    const folded = [...char.folded].flatMap((c) => c.split(''));
    folded.forEach((value, j) => {
      const unit = /\s/.test(value) ? ' ' : value;
      if (unit === ' ' && units.at(-1)?.value === ' ') return;
      units.push({ value: unit, start: char.start, end: char.end, first: j === 0, last: j === folded.length - 1 });
    });
  }
  const folded = units.map((u) => u.value).join('');
  const joins = (cp: number | undefined) => cp !== undefined && /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp)) && !/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(String.fromCodePoint(cp));
  const codePointBefore = (s: string, at: number) => (at === 0 ? undefined : [...s.slice(0, at)].at(-1)!.codePointAt(0));
  const extendOverMarks = (end: number) => {
    let e = end;
    for (const char of chars) if (char.start === e && char.folded === '') e = char.end;
    return e;
  };

  const candidates: { start: number; end: number; key: string }[] = [];
  for (const key of owners.keys()) {
    for (let p = folded.indexOf(key); p !== -1; p = folded.indexOf(key, p + 1)) {
      const first = units[p]!;
      const last = units[p + key.length - 1]!;
      if (!first.first || !last.last) continue;
      if (joins(key.codePointAt(0)) && joins(codePointBefore(folded, p))) continue;
      if (joins(codePointBefore(key, key.length)) && joins(folded.codePointAt(p + key.length))) continue;
      candidates.push({ start: first.start, end: extendOverMarks(last.end), key });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: LinkMatch[] = [];
  let taken: { start: number; end: number } | undefined;
  for (const c of candidates) {
    const sameSpan = taken && c.start === taken.start && c.end === taken.end;
    if (taken && !sameSpan && c.start < taken.end) continue;
    taken = c;
    for (const entityId of owners.get(c.key)!) result.push({ entityId, start: c.start, end: c.end });
  }
  return result;
}
