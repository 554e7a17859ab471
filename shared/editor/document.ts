import type { JSONContent } from '@tiptap/core';
import type { Mention } from '../model/mention';
import { snippetAround } from '../linking/snippet';
import type { EntityMentionAttrs } from './entity-mention';

export interface MentionInText extends EntityMentionAttrs {
  /** Offsets into `documentText(doc)`. */
  start: number;
  end: number;
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Plain text of a note and the offsets of its entity mentions in it, in one
 * walk, so stored mentions address the same text that search and snippets
 * use. Blocks are separated by one blank line whatever their nesting (as
 * ProseMirror's `textBetween` with a "\n\n" separator); empty blocks, such as
 * the trailing paragraph, add nothing.
 */
export function extractText(doc: JSONContent): { text: string; mentions: MentionInText[] } {
  let text = '';
  let separatorDue = false;
  const mentions: MentionInText[] = [];

  const append = (piece: string) => {
    if (separatorDue && text.length > 0) text += BLOCK_SEPARATOR;
    separatorDue = false;
    text += piece;
  };

  const walk = (node: JSONContent) => {
    if (node.type === 'text') return append(node.text ?? '');
    if (node.type === 'hardBreak') return append('\n');
    if (node.type === 'entityMention') {
      const attrs = node.attrs as EntityMentionAttrs;
      append('');
      const start = text.length;
      text += attrs.label;
      mentions.push({ ...attrs, start, end: text.length });
      return;
    }
    const children = node.content ?? [];
    const childrenAreBlocks = children.some((c) => !isInline(c));
    for (const child of children) {
      if (childrenAreBlocks) separatorDue = true;
      walk(child);
    }
  };
  walk(doc);
  return { text, mentions };
}

function isInline(node: JSONContent): boolean {
  return node.type === 'text' || node.type === 'entityMention' || node.type === 'hardBreak';
}

export const emptyDocument = (): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/**
 * A note's plain text and one confirmed mention row per entity-mention node,
 * with offsets into that text and a snippet around it: what the store keeps
 * for a note, whether it was just typed or comes from the seed.
 */
export function noteTextAndMentions(note: { id: string; caseId: string }, content: JSONContent): { text: string; mentions: Mention[] } {
  const { text, mentions } = extractText(content);
  return {
    text,
    mentions: mentions.map((m, i) => ({
      id: `mention-${note.id}-${i}`,
      caseId: note.caseId,
      entityId: m.entityId,
      targetKind: 'note',
      targetId: note.id,
      start: m.start,
      end: m.end,
      snippet: snippetAround(text, m.start, m.end),
      status: 'confirmed',
    })),
  };
}
