import type { Case, Entity, Mention, Note, Relation, SourceWithBody } from '../model';
import { noteTextAndMentions } from '../editor/document';
import type { SeedCaseFile, SeedEntity, SeedNote, SeedRelation } from './schema';

export interface SeedData {
  caseFile: SeedCaseFile;
  entities: SeedEntity[];
  relations: SeedRelation[];
  notes: SeedNote[];
  /** The article's text, byte for byte as shipped. */
  article: string;
  /** Hex sha256 of the article's UTF-8 bytes. */
  articleSha256: string;
}

export interface SeedRecords {
  case: Case;
  source: SourceWithBody;
  entities: Entity[];
  relations: Relation[];
  notes: Note[];
  mentions: Mention[];
}

/**
 * Turns the seed files into store records. Pure: the renderer writes the
 * result to Dexie on first run, and tests check it in Node. Every quote
 * becomes a confirmed mention of its entity in the article, so the inspector
 * can show the passages the seed was built from.
 */
export function buildSeedRecords(data: SeedData, now: number): SeedRecords {
  const caseId = data.caseFile.case.id;
  const sourceId = data.caseFile.source.id;
  const byteLength = new TextEncoder().encode(data.article).length;

  const source: SourceWithBody = {
    id: sourceId,
    caseId,
    title: data.caseFile.source.title,
    format: data.caseFile.source.format,
    text: data.article,
    sha256: data.articleSha256,
    size: byteLength,
    metadata: data.caseFile.source.metadata,
    importedAt: now,
  };

  const entities: Entity[] = data.entities.map((e) => ({
    id: e.id,
    caseId,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    properties: e.properties,
    protected: false,
    quotes: e.quotes.map((q) => ({ ...q, sourceId })),
    createdAt: now,
    updatedAt: now,
  }));

  const relations: Relation[] = data.relations.map((r) => ({
    id: r.id,
    caseId,
    type: r.type,
    fromId: r.from,
    toId: r.to,
    ...(r.date ? { date: r.date } : {}),
    ...(r.description ? { description: r.description } : {}),
    quotes: r.quotes.map((q) => ({ ...q, sourceId })),
    createdAt: now,
  }));

  const mentions: Mention[] = [];
  for (const entity of data.entities) {
    const seen = new Set<string>();
    for (const q of entity.quotes) {
      const key = `${q.start}:${q.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push({
        id: `mention-${entity.id}-${sourceId}-${q.start}`,
        caseId,
        entityId: entity.id,
        targetKind: 'source',
        targetId: sourceId,
        start: q.start,
        end: q.end,
        snippet: q.quote,
        status: 'confirmed',
      });
    }
  }

  const notes: Note[] = data.notes.map((n, i) => {
    const { text, mentions: found } = noteTextAndMentions({ id: n.id, caseId }, n.content);
    mentions.push(...found);
    // Later notes in the file are older, so the first one opens first.
    return { id: n.id, caseId, title: n.title, content: n.content, text, createdAt: now - i, updatedAt: now - i };
  });

  return {
    case: { ...data.caseFile.case, createdAt: now, updatedAt: now, sample: true },
    source,
    entities,
    relations,
    notes,
    mentions,
  };
}
