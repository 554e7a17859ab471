import type { JSONContent } from '@tiptap/core';
import type { EntityProperties, EntityType, Quote, RelationType, SourceFormat } from '../model';

/**
 * The seed files' shapes. All quotes address the seed article
 * (`fentanyl-article.txt`) by UTF-16 offsets: `article.slice(start, end) === quote`.
 */
export interface SeedCaseFile {
  case: { id: string; title: string; summary: string };
  source: {
    id: string;
    title: string;
    format: SourceFormat;
    /** File name beside this file holding the source text, byte for byte. */
    textFile: string;
    metadata: Record<string, string>;
  };
}

export interface SeedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  properties: EntityProperties;
  quotes: Quote[];
}

export interface SeedRelation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  date?: string;
  description?: string;
  quotes: Quote[];
}

export interface SeedNote {
  id: string;
  title: string;
  /** A TipTap document; entity mentions are `entityMention` nodes. */
  content: JSONContent;
}
