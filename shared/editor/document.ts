import type { JSONContent } from '@tiptap/core';
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
 * use. Blocks are separated by a blank line, as `editor.getText()` does.
 */
export function extractText(doc: JSONContent): { text: string; mentions: MentionInText[] } {
  let text = '';
  const mentions: MentionInText[] = [];

  const walk = (node: JSONContent) => {
    if (node.type === 'text') {
      text += node.text ?? '';
      return;
    }
    if (node.type === 'entityMention') {
      const attrs = node.attrs as EntityMentionAttrs;
      const start = text.length;
      text += attrs.label;
      mentions.push({ ...attrs, start, end: text.length });
      return;
    }
    if (node.type === 'hardBreak') {
      text += '\n';
      return;
    }
    const children = node.content ?? [];
    const childrenAreBlocks = children.some((c) => c.type !== 'text' && !isInline(c));
    children.forEach((child, i) => {
      if (i > 0 && childrenAreBlocks && text.length > 0 && !text.endsWith(BLOCK_SEPARATOR)) {
        text += BLOCK_SEPARATOR;
      }
      walk(child);
    });
  };
  walk(doc);
  return { text, mentions };
}

function isInline(node: JSONContent): boolean {
  return node.type === 'text' || node.type === 'entityMention' || node.type === 'hardBreak';
}

export const emptyDocument = (): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph' }] });
