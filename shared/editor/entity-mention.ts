import { Node, mergeAttributes } from '@tiptap/core';
import type { Editor, Range } from '@tiptap/core';
import Suggestion, { type SuggestionOptions } from '@tiptap/suggestion';
import { PluginKey } from '@tiptap/pm/state';
import { ENTITY_TYPES, type EntityType } from '../model/entity';
import { enumAttr, stringAttr } from './attributes';
import { NODE_NAMES } from './node-names';

export interface EntityMentionAttrs {
  entityId: string;
  label: string;
  entityType: EntityType;
}

/** What the `@` popup offers: anything, as long as choosing it gives the node's attributes. */
export type EntityMentionSuggestion<Item = unknown> = Omit<SuggestionOptions<Item, EntityMentionAttrs>, 'editor'>;

export interface EntityMentionOptions {
  HTMLAttributes: Record<string, unknown>;
  /**
   * The `@` suggestion: which items to offer and how to show them (the
   * renderer's popup). Null, as in Node, for the schema alone. Choosing an
   * item inserts this node and a space unless the options say otherwise.
   */
  suggestion: EntityMentionSuggestion | null;
}

/**
 * Inserts the mention over the typed `@query`, swallowing a space the user
 * already typed after it, then adds one.
 */
export function insertMention(editor: Editor, range: Range, attrs: EntityMentionAttrs, nodeName: string = NODE_NAMES.entityMention): void {
  const { doc } = editor.view.state;
  const after = doc.textBetween(range.to, Math.min(range.to + 1, doc.content.size));
  const to = after === ' ' ? range.to + 1 : range.to;
  editor
    .chain()
    .focus()
    .insertContentAt({ from: range.from, to }, [
      { type: nodeName, attrs },
      { type: 'text', text: ' ' },
    ])
    .run();
}

/**
 * An inline, atomic reference to an entity, written the way TipTap's own
 * Mention is: configured with `EntityMention.configure({ suggestion })`,
 * attributes round-trip through `data-*`, and it renders with `renderHTML`
 * (no React node view) so long notes stay fast and the same definition
 * renders in Node for export. The suggestion's items and popup come from the
 * renderer (`renderer/features/editor`); the schema is the same either way.
 */
export const EntityMention = Node.create<EntityMentionOptions>({
  name: NODE_NAMES.entityMention,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {}, suggestion: null };
  },

  addAttributes() {
    return {
      entityId: stringAttr('entityId', 'entity-id', null),
      label: stringAttr('label', 'label', '', true),
      entityType: enumAttr('entityType', 'entity-type', ENTITY_TYPES, 'Organization'),
    };
  },

  parseHTML() {
    return [{ tag: `span[data-entity-mention]` }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        'data-entity-mention': '',
        class: `entity-mention entity-${String(node.attrs.entityType).toLowerCase()}`,
      }),
      String(node.attrs.label),
    ];
  },

  // Plain text carries the bare name: search and backlink snippets read naturally.
  renderText({ node }) {
    return String(node.attrs.label);
  },

  addProseMirrorPlugins() {
    const suggestion = this.options.suggestion;
    if (!suggestion) return [];
    const name = this.name;
    return [
      Suggestion<unknown, EntityMentionAttrs>({
        pluginKey: new PluginKey(`${name}Suggestion`),
        char: '@',
        command: ({ editor, range, props }) => insertMention(editor, range, props, name),
        ...suggestion,
        editor: this.editor,
      }),
    ];
  },
});
