import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { briefingCitationCheck, briefingModelFromRecords, type BriefingChoices } from '../../../shared/briefing';
import { checkCitationAgainst } from '../../../shared/editor/citation-check';
import { extractText } from '../../../shared/editor/document';
import type { BriefingModel } from '../../../shared/briefing/model';
import type { Entity, Note } from '../../../shared/model';
import { loadSeedFiles } from '../../../shared/seed/data';
import { buildSeedRecords, type SeedRecords } from '../../../shared/seed/records';

/**
 * The seeded case as a briefing, plus one field note written for these tests
 * with what the seed's note lacks: citations of real article passages, a wide
 * table, links, an ordered list, Chinese text, and protected names in every
 * shape (mention node, plain text, split across formatting, in a URL, in a
 * quote). John A. Cassara ("Cassara") and Wang Wenbin (汪文斌) are protected.
 */

export const NOW = Date.UTC(2024, 4, 1, 9, 30);
export const PROTECTED_IDS = ['ent-john-cassara', 'ent-wang-wenbin'];
export const WANG_CHINESE = '汪文斌';

function seedRecords(): SeedRecords {
  const files = loadSeedFiles();
  // From the repo root, not this file: the benchmarks bundle this fixture to another depth (dist/bench/).
  const bytes = readFileSync(join(process.cwd(), 'shared', 'seed', files.caseFile.source.textFile));
  return buildSeedRecords({ ...files, article: bytes.toString('utf8'), articleSha256: createHash('sha256').update(bytes).digest('hex') }, NOW);
}

const text = (value: string, marks?: string[]): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const mention = (entityId: string, label: string, entityType: string): JSONContent => ({ type: 'entityMention', attrs: { entityId, label, entityType } });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const link = (value: string, href: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href } }] });
const cell = (type: 'tableCell' | 'tableHeader', value: string): JSONContent => ({ type, content: [para(text(value))] });

function citation(records: SeedRecords, id: string, start: number, end: number, page: number | null): JSONContent {
  const { source } = records;
  return {
    type: 'citation',
    attrs: { citationId: id, sourceId: source.id, start, end, page, quote: source.text.slice(start, end), sourceSha256: source.sha256, sourceTitle: source.title },
  };
}

/** A quoted passage, found in the article so its offsets are true. */
function passage(records: SeedRecords, quote: string): [number, number] {
  const start = records.source.text.indexOf(quote);
  if (start < 0) throw new Error(`Passage not in the article: ${quote}`);
  return [start, start + quote.length];
}

export const FIELD_NOTE_TITLE = 'Field notes: the Wuhan supplier (武汉)';

function fieldNote(records: SeedRecords): Note {
  const [mStart, mEnd] = passage(records, 'DEA official Anne Milgram said drug cartels in Sinaloa and Jalisco in Mexico and the global networks they operate are killing Americans');
  const [cStart, cEnd] = passage(records, 'This constitutes a dual enforcement standard for drug sales within China and those that have an external impact, Cassara testified.');
  const [yStart, yEnd] = passage(records, 'Yuancheng Group, a chemical company in Wuhan, China, has registered on at least 112 websites and publishes fentanyl advertisements.');
  const columns = ['Date', 'Agency', 'Action', 'Target', 'Quantity', 'Place', 'Source passage'];
  const rows = [
    ['2022', 'DEA', 'Seizure', 'Fake pills', '50.6 million pills', 'United States', 'The DEA seized more than 50.6 million fake prescription pills laced with fentanyl in 2022'],
    ['2023-04-14', 'DOJ', 'Charges', 'Sinaloa-based ring and two Chinese suppliers', 'n/a', 'Washington, D.C.', 'Charges against leaders of a Sinaloa-based transnational drug trafficking ring'],
    ['2023-05-02', 'DEA', 'Operation SpecTor', 'Darknet vendors', '288 arrests; 850 kg drugs', '武汉 and Europe', 'Results announced with JCODE partners across several countries'],
  ];
  const content: JSONContent = {
    type: 'doc',
    content: [
      para(text('Working file for the supplier question. '), text('Unconfirmed', ['bold']), text(' leads are '), text('in italics', ['italic']), text('.')),
      { type: 'heading', attrs: { level: 1 }, content: [text('What the article says')] },
      para(
        mention('ent-anne-milgram', 'Anne Milgram', 'Person'),
        text(' put the cartels at the centre of the crisis.'),
        citation(records, 'cit-milgram', mStart, mEnd, 2),
        text(' The company named in the testimony, '),
        mention('ent-yuancheng-group', 'Yuancheng Group', 'Company'),
        text(', sits in 武汉 (Wuhan).'),
        citation(records, 'cit-yuancheng', yStart, yEnd, 4),
      ),
      {
        type: 'blockquote',
        content: [para(text('This constitutes a dual enforcement standard for drug sales within China and those that have an external impact, Cassara testified.'), citation(records, 'cit-cassara', cStart, cEnd, 4))],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('Who said what')] },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          { type: 'listItem', content: [para(mention('ent-john-cassara', 'John A. Cassara', 'Person'), text(' testified on March 23; our contact knows Cassara personally.'))] },
          { type: 'listItem', content: [para(text('Ministry spokesman Wang '), text('Wenbin', ['bold']), text(' (外交部发言人' + WANG_CHINESE + '说) blamed the sanctions.'))] },
          {
            type: 'listItem',
            content: [
              para(text('Testimony video: '), link('House hearing page', 'https://example.org/hearings/john-cassara-2023'), text('; DEA release: '), link('dea.gov', 'https://www.dea.gov/press-releases'), text('.')),
              { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Ask for the unedited recording.'))] }] },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('Enforcement actions')] },
      { type: 'table', content: [{ type: 'tableRow', content: columns.map((c) => cell('tableHeader', c)) }, ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell('tableCell', c)) }))] },
      para(text('Cited again for the timeline.'), citation(records, 'cit-milgram', mStart, mEnd, 2)),
    ],
  };
  return { id: 'note-field', caseId: records.case.id, title: FIELD_NOTE_TITLE, content, text: '', createdAt: NOW, updatedAt: NOW };
}

export interface SeedBriefing {
  records: SeedRecords;
  model: BriefingModel;
  /** Every name and alias of the protected entities. */
  protectedNames: string[];
}

export function seedBriefing(choices: Partial<BriefingChoices> = {}): SeedBriefing {
  const records = seedRecords();
  const entities: Entity[] = records.entities.map((e) =>
    PROTECTED_IDS.includes(e.id) ? { ...e, protected: true, aliases: e.id === 'ent-wang-wenbin' ? [...e.aliases, WANG_CHINESE] : e.aliases } : e,
  );
  const notes = [...records.notes, fieldNote(records)];
  // Every citation checked against the article, as the export dialog does against the store.
  const { source } = records;
  const citationChecks = new Map(
    notes.map((n) => [n.id, extractText(n.content).citations.map((c) => briefingCitationCheck(c.citationId, checkCitationAgainst(c, source, records.case.id)))]),
  );
  const model = briefingModelFromRecords(
    { case: records.case, notes, sources: [{ ...records.source, fileName: 'fentanyl-article.txt' }], entities, relations: records.relations, citationChecks },
    {
      subtitle: 'Precursor pipeline from China to U.S. communities, 2022–2023',
      author: 'Casebook test desk',
      date: '1 May 2024',
      handling: 'CONFIDENTIAL — DRAFT',
      pageSize: 'A4',
      appendices: { entities: 'mentioned', timeline: true, sources: true },
      redact: false,
      ...choices,
    },
  );
  const protectedNames = entities.filter((e) => e.protected).flatMap((e) => [e.name, ...e.aliases]);
  return { records: { ...records, entities, notes }, model, protectedNames };
}
