import { readFileSync } from 'node:fs';
import type { Entity } from '../../../shared/model/entity';
import type { Note } from '../../../shared/model/note';
import type { SourceWithBody } from '../../../shared/model/source';
import { createSearchIndex, type SearchIndex } from '../../../shared/search/index';
import { loadSeedFiles } from '../../../shared/seed/data';

/** The seed article as a source, the seed entities, and three notes with known words. */
export const article = readFileSync(new URL('../../../shared/seed/fentanyl-article.txt', import.meta.url), 'utf8');

export const articleSource: SourceWithBody = {
  id: 'src-article',
  caseId: 'case',
  title: 'US Efforts to Crack Down on Fentanyl Trafficking',
  format: 'html',
  text: article,
  sha256: '',
  size: article.length,
  metadata: {},
  importedAt: Date.UTC(2023, 4, 10),
};

export const seedEntities: Entity[] = loadSeedFiles().entities.map((e) => ({
  ...e,
  caseId: 'case',
  protected: false,
  quotes: [],
  createdAt: 0,
  updatedAt: 0,
}));

export const note = (id: string, title: string, text: string, updatedAt = Date.UTC(2023, 0, 15)): Note => ({
  id,
  caseId: 'case',
  title,
  content: { type: 'doc' },
  text,
  createdAt: updatedAt,
  updatedAt,
});

export const notes: Note[] = [
  note('note-wuhan', 'Follow up on Wuhan suppliers', 'Ask the customs contact about precursor shipments leaving Wuhan in 2022.', Date.UTC(2022, 10, 3)),
  note('note-cartels', 'Cartel money laundering', 'Chinese money laundering networks move cash for the Sinaloa cartel. Not about heroin.', Date.UTC(2023, 5, 20)),
  note('note-heroin', 'Heroin comparison', 'Fentanyl is fifty times more potent than heroin, per the DEA.', Date.UTC(2023, 7, 1)),
];

export function seededIndex(): SearchIndex {
  const index = createSearchIndex();
  index.add({ kind: 'source', source: articleSource });
  for (const entity of seedEntities) index.add({ kind: 'entity', entity });
  for (const n of notes) index.add({ kind: 'note', note: n });
  return index;
}
