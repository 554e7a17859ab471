import { Node, mergeAttributes } from '@tiptap/core';
import { ENTITY_TYPES, type EntityType } from '../model/entity';

export interface EntityMentionAttrs {
  entityId: string;
  label: string;
  entityType: EntityType;
}

const isEntityType = (value: string | null): value is EntityType =>
  value !== null && (ENTITY_TYPES as readonly string[]).includes(value);

/**
 * An inline, atomic reference to an entity, written the way TipTap's own
 * Mention is: attributes round-trip through `data-*`, and it renders with
 * `renderHTML` (no React node view) so long notes stay fast and the same
 * definition renders in Node for export. The suggestion UI is added by the
 * renderer (`renderer/features/editor`), not here.
 */
export const EntityMention = Node.create({
  name: 'entityMention',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      entityId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-entity-id'),
        renderHTML: (attrs) => ({ 'data-entity-id': attrs.entityId }),
      },
      label: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-label') ?? el.textContent ?? '',
        renderHTML: (attrs) => ({ 'data-label': attrs.label }),
      },
      entityType: {
        default: 'Organization',
        parseHTML: (el) => {
          const value = el.getAttribute('data-entity-type');
          return isEntityType(value) ? value : 'Organization';
        },
        renderHTML: (attrs) => ({ 'data-entity-type': attrs.entityType }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-entity-mention]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
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
});
