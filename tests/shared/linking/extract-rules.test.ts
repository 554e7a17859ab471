import { describe, expect, it } from 'vitest';
import { type Candidate, candidateScore, extractCandidates } from '../../../shared/linking/extract';
import { foldText } from '../../../shared/linking/normalize';

/**
 * The extractor's rules (issue #14), each on a short text written for it:
 * names that matter are found, noise is not proposed.
 */

const keyOf = (name: string) => foldText(name).replace(/\s+/g, ' ').trim();
const find = (candidates: readonly Candidate[], name: string) => candidates.find((c) => c.key === keyOf(name));
const names = (candidates: readonly Candidate[]) => candidates.map((c) => c.name);
const written = (text: string, candidate: Candidate | undefined) => candidate?.occurrences.map((o) => text.slice(o.start, o.end)) ?? [];

describe('organisations named with a company word', () => {
  it('finds multi-word names that end in Biotech, Trading, Bank, Group, Ltd, Co.', () => {
    const text = [
      'The invoices were issued by Hubei Amarvel Biotech and paid to Golden Lotus Trading in two instalments.',
      'Both payments cleared through Pacific Meridian Bank after a review by the Sunrise Harbour Group.',
      'A third supplier, Delta Ridge Chemical Co. of Tianjin, shipped the rest with Marlow Freight Ltd.',
    ].join(' ');
    const found = extractCandidates(text);
    for (const name of ['Hubei Amarvel Biotech', 'Golden Lotus Trading', 'Pacific Meridian Bank', 'Sunrise Harbour Group', 'Delta Ridge Chemical Co.', 'Marlow Freight Ltd.']) {
      expect(find(found, name)?.type, name).toBe('Organization');
    }
  });

  it('merges a company written with and without its legal form', () => {
    const text = 'Hubei Amarvel Biotech sold the drums. The buyer paid Hubei Amarvel Biotech Co., Ltd. in cash.';
    const found = extractCandidates(text);
    expect(find(found, 'Hubei Amarvel Biotech')?.occurrences).toHaveLength(2);
    expect(found.filter((c) => c.key.startsWith('hubei amarvel'))).toHaveLength(1);
  });

  it('does not take a plural of a company word, or an industry, for a name', () => {
    const found = extractCandidates('Several Chinese Pharmaceutical Companies were named, and Shell Companies too.\n\nChinese Pharmaceutical Companies: A Link in the Chain\n\nMexican Shipping was slow.');
    expect(names(found).filter((n) => /Companies|Pharmaceutical|Shipping/.test(n))).toEqual([]);
  });
});

describe('places after "port of", "in", "to" and "from"', () => {
  it('finds places no word list knows from the words before them', () => {
    const text = [
      'The freighter sailed from Busan to Manzanillo, where the containers were unloaded.',
      'Workers at the port of Topolobampo said a second ship had come from Qinzhou.',
      'The cargo was then taken by rail to Lázaro Cárdenas, and a broker in Ensenada paid for it.',
    ].join(' ');
    const found = extractCandidates(text);
    for (const name of ['Busan', 'Manzanillo', 'Topolobampo', 'Qinzhou', 'Lázaro Cárdenas', 'Ensenada']) {
      expect(find(found, name)?.type, name).toBe('Place');
    }
  });

  it('does not make a person a place because of "to" or "from"', () => {
    const found = extractCandidates('The invoice went to Wen Jiahui, and a reply came from Tomasz Wielgosz the next day.');
    expect(find(found, 'Wen Jiahui')?.type).toBe('Person');
    expect(find(found, 'Tomasz Wielgosz')?.type).toBe('Person');
    // One mention reads as a place ("paid to"), one as a person: a two-word name is a person's.
    const ledger = extractCandidates('The shipment was paid to Amara Okafor in cash, and later Amara Okafor confirmed it.');
    expect(find(ledger, 'Amara Okafor')?.type).toBe('Person');
  });

  it('types every occurrence of a place as the one name', () => {
    const text = 'Ships reached Manzanillo on Monday. Manzanillo handles most of the traffic. Officials in Manzanillo said so.';
    const manzanillo = find(extractCandidates(text), 'Manzanillo');
    expect(manzanillo?.type).toBe('Place');
    expect(written(text, manzanillo)).toEqual(['Manzanillo', 'Manzanillo', 'Manzanillo']);
  });
});

describe('a name seen once, in a heading or a list item', () => {
  it('is found in a markdown heading and in list items', () => {
    const text = [
      '## Golden Lotus Trading',
      '',
      'The consignee is registered to a secretarial firm.',
      '',
      'Key people:',
      '- Wen Jiahui, sales director',
      '- Zhou Minghao (shareholder)',
      '* Qingdao Haichen Logistics, which booked the freight',
      '1. Port of Topolobampo',
    ].join('\n');
    const found = extractCandidates(text);
    expect(find(found, 'Golden Lotus Trading')?.type).toBe('Organization');
    expect(find(found, 'Wen Jiahui')?.type).toBe('Person');
    expect(find(found, 'Zhou Minghao')?.type).toBe('Person');
    expect(find(found, 'Qingdao Haichen Logistics')?.type).toBe('Organization');
    expect(find(found, 'Port of Topolobampo')?.type).toBe('Place');
  });

  it('finds the company in a title-case heading without the words after it', () => {
    const found = extractCandidates('Golden Lotus Trading Expands Its Fleet\n\nThe company bought two ships.');
    expect(find(found, 'Golden Lotus Trading')?.type).toBe('Organization');
    expect(names(found).some((n) => /Expands|Fleet/.test(n))).toBe(false);
  });

  it('still proposes nothing from a title-case heading of ordinary words', () => {
    expect(extractCandidates('Shipping Routes And Their Risks Explained\n\nThe report follows.')).toEqual([]);
  });
});

describe('all-caps words', () => {
  it('proposes acronyms used as names', () => {
    const text = 'The DEA and the Joint Criminal Opioid Darknet Enforcement (JCODE) team met. Agents of the DEA and JCODE left.';
    const found = extractCandidates(text);
    expect(find(found, 'DEA')?.type).toBe('Organization');
    expect(find(found, 'JCODE')?.type).toBe('Organization');
  });

  it('drops normative words, labels and shouted words of the language', () => {
    const text = 'Implementations MUST NOT send it. Clients SHOULD retry, and MAY stop; servers SHALL log it. It is REQUIRED. NOTE: AND THE REST.';
    expect(extractCandidates(text)).toEqual([]);
  });

  it('drops format and protocol names', () => {
    const text = 'Each MIME part is XML or JSON; a PDF or HTML attachment is converted, and plain text is US-ASCII per RFC 2045 over HTTP.';
    expect(extractCandidates(text)).toEqual([]);
  });

  it('drops all-caps words seen mostly in code, mail headers or markup', () => {
    const text = [
      'The parser reads headers first.',
      '',
      '    X-ZEBRA-Version: 2.0',
      '    ZEBRA-Mode: strict; QUOKKA=1',
      '    if (part.type === "ZEBRA") { return readZebra(part); }',
      '    <QUOKKA id="x"/>',
      '',
      'The ZEBRA setting is read once; the DEA was not involved.',
    ].join('\n');
    const found = extractCandidates(text);
    expect(find(found, 'ZEBRA')).toBeUndefined();
    expect(find(found, 'QUOKKA')).toBeUndefined();
    expect(find(found, 'DEA')?.type).toBe('Organization');
  });
});

describe('a sentence-initial imperative', () => {
  it('is not part of the name after it', () => {
    const text = [
      'Check Pacific Meridian Bank for further transfers.',
      'Ask Golden Lotus Trading whether it has been designated.',
      'Contact Wen Jiahui before Friday.',
    ].join('\n');
    const found = extractCandidates(text);
    expect(find(found, 'Pacific Meridian Bank')?.type).toBe('Organization');
    expect(find(found, 'Golden Lotus Trading')?.type).toBe('Organization');
    expect(find(found, 'Wen Jiahui')?.type).toBe('Person');
    expect(names(found).some((n) => /^(Check|Ask|Contact)\b/.test(n))).toBe(false);
  });

  it('keeps an adjective that opens a company name at the start of a sentence', () => {
    const found = extractCandidates('Golden Lotus Trading shipped the drums.');
    expect(find(found, 'Golden Lotus Trading')?.type).toBe('Organization');
  });
});

describe('evidence and score', () => {
  it('counts the mentions capitalised mid-sentence', () => {
    const text = 'Manzanillo was busy. Ships reached Manzanillo daily, and the port of Manzanillo grew.';
    expect(find(extractCandidates(text), 'Manzanillo')?.evidence).toEqual({ mentions: 3, midSentence: 2 });
  });

  it('ranks a name written mid-sentence above one seen more often only in headings and sentence starts', () => {
    const text = [
      'Qingdao Haichen Logistics booked the freight.',
      'Qingdao Haichen Logistics paid the port.',
      'Qingdao Haichen Logistics denied it.',
      'A reply came from Wen Jiahui.',
    ].join(' ');
    const found = extractCandidates(text);
    expect(find(found, 'Qingdao Haichen Logistics')?.evidence.midSentence).toBe(0);
    expect(names(found).indexOf('Wen Jiahui')).toBeLessThan(names(found).indexOf('Qingdao Haichen Logistics'));
  });

  it('scores more of each kind of evidence higher', () => {
    const base = { mentions: 3, midSentence: 2, sources: 1 };
    expect(candidateScore({ ...base, mentions: 6 })).toBeGreaterThan(candidateScore(base));
    expect(candidateScore({ ...base, midSentence: 3 })).toBeGreaterThan(candidateScore(base));
    expect(candidateScore({ ...base, sources: 2 })).toBeGreaterThan(candidateScore(base));
    // Never capitalised mid-sentence: below any name that was, however often it was seen.
    expect(candidateScore({ mentions: 50, midSentence: 0, sources: 3 })).toBeLessThan(candidateScore({ mentions: 1, midSentence: 1, sources: 1 }));
  });
});
