import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import { EntityMention, type EntityMentionAttrs, type EntityMentionSuggestion } from '../../../shared/editor/entity-mention';
import { ENTITY_TYPE_LABELS } from '../../../shared/model';
import type { StoredEntity } from '../../db/database';

export interface MentionSuggestionDeps {
  suggest: (query: string) => Promise<StoredEntity[]>;
  /**
   * Offered when nothing matches: open the new-entity form with this name.
   * `range` is where the typed `@name` is, so the new entity's mention can
   * replace it once saved.
   */
  createEntity: (name: string, range: { from: number; to: number }) => void;
}

type Props = SuggestionProps<StoredEntity, EntityMentionAttrs>;

/**
 * The entity mention node plus its `@` suggestion popup. The popup is plain
 * DOM (a listbox the plugin positions with `mount`), not React: it lives
 * outside the editor's React tree and must open instantly.
 */
export function entityMentionWithSuggestion(deps: MentionSuggestionDeps) {
  const suggestion: EntityMentionSuggestion<StoredEntity> = {
    allowSpaces: true,
    items: ({ query }) => deps.suggest(query),
    render: () => createMenu(deps),
  };
  return EntityMention.configure({ suggestion: suggestion as EntityMentionSuggestion });
}

function createMenu(deps: MentionSuggestionDeps): ReturnType<NonNullable<SuggestionOptions['render']>> {
  const element = document.createElement('div');
  element.className = 'mention-menu';
  element.setAttribute('role', 'listbox');
  element.setAttribute('aria-label', 'Entities');
  let props: Props | null = null;
  let active = 0;
  let unmount: (() => void) | null = null;

  /** The Create… item: the form opens with the typed name; the `@name` stays until the entity is saved. */
  const offerCreate = () => {
    const name = props?.query.trim();
    if (!props || !name) return;
    deps.createEntity(name, { from: props.range.from, to: props.range.to });
  };

  const choose = (index: number) => {
    const entity = props?.items[index];
    if (entity && props) props.command({ entityId: entity.id, label: entity.name, entityType: entity.type });
  };

  /** The typed name, when it is not already an entity's name: the last option offers to create it. */
  const createName = (): string | null => {
    const name = props?.query.trim();
    if (!props || !name) return null;
    const folded = name.toLocaleLowerCase();
    return props.items.some((e) => e.name.toLocaleLowerCase() === folded) ? null : name;
  };
  /** Entities first, then Create…: ↑/↓ go through all of them, Enter picks the active one. */
  const optionCount = () => (props?.items.length ?? 0) + (createName() ? 1 : 0);

  const draw = () => {
    if (!props) return;
    element.replaceChildren();
    if (props.items.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'mention-empty';
      empty.textContent = props.query.trim() ? `No entity matches “${props.query}”.` : 'No entities in this case yet.';
      element.append(empty);
    }
    props.items.forEach((entity, index) => {
      const option = document.createElement('button');
      option.type = 'button';
      option.tabIndex = -1;
      option.className = `mention-option${index === active ? ' is-active' : ''}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(index === active));
      option.dataset.entityId = entity.id;
      const dot = document.createElement('span');
      dot.className = `type-dot entity-${entity.type.toLowerCase()}`;
      const name = document.createElement('span');
      name.className = 'mention-name';
      name.textContent = entity.name;
      const type = document.createElement('span');
      type.className = 'mention-type';
      type.textContent = ENTITY_TYPE_LABELS[entity.type].singular;
      option.append(dot, name, type);
      // mousedown, not click: keep the editor's selection where the @ is.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(index);
      });
      element.append(option);
    });
    const name = createName();
    if (name) {
      const isActive = active === props.items.length;
      const create = document.createElement('button');
      create.type = 'button';
      create.tabIndex = -1;
      create.className = `mention-create${isActive ? ' is-active' : ''}`;
      create.setAttribute('role', 'option');
      create.setAttribute('aria-selected', String(isActive));
      create.textContent = `Create “${name}”…`;
      create.addEventListener('mousedown', (e) => {
        e.preventDefault();
        offerCreate();
      });
      element.append(create);
    }
  };

  return {
    onStart(next: Props) {
      props = next;
      active = 0;
      draw();
      unmount = next.mount(element);
    },
    onUpdate(next: Props) {
      if (next.query !== props?.query) active = 0;
      props = next;
      active = Math.min(active, Math.max(0, optionCount() - 1));
      draw();
    },
    onKeyDown({ event }) {
      if (!props) return false;
      const count = optionCount();
      if (event.key === 'ArrowDown' && count) {
        active = (active + 1) % count;
        draw();
        return true;
      }
      if (event.key === 'ArrowUp' && count) {
        active = (active - 1 + count) % count;
        draw();
        return true;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && count) {
        if (active < props.items.length) choose(active);
        else offerCreate();
        return true;
      }
      return event.key === 'Escape';
    },
    onExit() {
      unmount?.();
      unmount = null;
      props = null;
    },
  };
}
