import type { JSONContent } from '@tiptap/core';
import { citationNode, mentionNode } from '../shared/editor/document';
import type { EntityType } from '../shared/model';

/**
 * The typing benchmark's note: 50,000 words in 500 paragraphs (a heading
 * every 25), 2,000 entity mentions and 200 citations of real passages of the
 * seeded article, built the same way for the app and for the bare editor.
 */

export const BIG_NOTE = { words: 50_000, mentions: 2_000, citations: 200, paragraphs: 500 } as const;

const WORDS = (
  'the shipment cleared customs at the port after the broker filed an invoice that listed the precursor as a cleaning agent ' +
  'investigators traced the payment through three accounts and a courier who moved the powder by road to a warehouse near the border'
).split(' ');

export interface BigNoteEntity {
  id: string;
  name: string;
  type: EntityType;
}

export interface CitedSource {
  id: string;
  title: string;
  sha256: string;
  text: string;
}

export function bigNoteContent(entities: readonly BigNoteEntity[], source: CitedSource): JSONContent {
  const mentionsPer = BIG_NOTE.mentions / BIG_NOTE.paragraphs;
  // Mention labels are about three words each: the runs between them make up the rest.
  const wordsPerRun = Math.round((BIG_NOTE.words - 3 * BIG_NOTE.mentions) / BIG_NOTE.mentions);
  let word = 0;
  let mention = 0;
  let citation = 0;
  const blocks: JSONContent[] = [];
  for (let p = 0; p < BIG_NOTE.paragraphs; p++) {
    if (p % 25 === 0) blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${p / 25 + 1}` }] });
    const content: JSONContent[] = [];
    // Words in runs, a mention after each run, so chips sit among the text as they do in real notes.
    for (let r = 0; r < mentionsPer; r++) {
      const text = Array.from({ length: wordsPerRun }, () => WORDS[word++ % WORDS.length]).join(' ');
      content.push({ type: 'text', text: `${r === 0 ? '' : ' '}${text} ` });
      const e = entities[mention++ % entities.length]!;
      content.push(mentionNode({ entityId: e.id, label: e.name, entityType: e.type }));
    }
    content.push({ type: 'text', text: '.' });
    // Spread evenly: a citation in every paragraph where the running count steps up.
    if (Math.floor(((p + 1) * BIG_NOTE.citations) / BIG_NOTE.paragraphs) > Math.floor((p * BIG_NOTE.citations) / BIG_NOTE.paragraphs)) {
      const start = (citation * 997) % Math.max(1, source.text.length - 200);
      const end = start + 80;
      content.push({ type: 'text', text: ' ' });
      content.push(
        citationNode({ citationId: `bench-cite-${citation++}`, sourceId: source.id, start, end, page: null, quote: source.text.slice(start, end), sourceSha256: source.sha256, sourceTitle: source.title }),
      );
    }
    blocks.push({ type: 'paragraph', content });
  }
  blocks.push({ type: 'paragraph' });
  return { type: 'doc', content: blocks };
}
