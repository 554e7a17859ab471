import type { Editor } from '@tiptap/core';
import { insertMention } from '../../../shared/editor/entity-mention';
import type { EntityType } from '../../../shared/model';

/** Where the user typed `@name` when they chose "Create…", and what it read then. */
export interface TypedMention {
  from: number;
  to: number;
  typed: string;
}

export function typedMentionAt(editor: Editor, range: { from: number; to: number }): TypedMention {
  return { ...range, typed: editor.state.doc.textBetween(range.from, range.to) };
}

/**
 * Once the entity offered by "Create…" is saved, its mention takes the place
 * of the `@name` the user typed: at the same place if the text is still
 * there, else at the nearest place it reads the same (the note may have been
 * edited meanwhile). If it is nowhere, or the editor is gone, the note keeps
 * its text: nothing is lost, and false is returned.
 */
export function replaceTypedMention(editor: Editor, at: TypedMention, entity: { id: string; name: string; type: EntityType }): boolean {
  if (editor.isDestroyed || !at.typed) return false;
  const { doc } = editor.state;
  let from = -1;
  if (at.to <= doc.content.size && doc.textBetween(at.from, at.to) === at.typed) from = at.from;
  else {
    let best = Infinity;
    doc.descendants((node, pos) => {
      if (!node.isText) return true;
      const text = node.text ?? '';
      for (let i = text.indexOf(at.typed); i >= 0; i = text.indexOf(at.typed, i + 1)) {
        const distance = Math.abs(pos + i - at.from);
        if (distance < best) [best, from] = [distance, pos + i];
      }
      return false;
    });
  }
  if (from < 0) return false;
  insertMention(editor, { from, to: from + at.typed.length }, { entityId: entity.id, label: entity.name, entityType: entity.type });
  return true;
}
