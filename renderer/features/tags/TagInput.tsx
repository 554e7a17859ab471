import { useId, useRef, useState } from 'react';
import { cleanTag, hasTag, withTag, withoutTag } from '../../../shared/model';

/**
 * Tags as chips with an input to add more: Enter or a comma adds what was
 * typed, × (or Backspace in the empty input) removes one. Suggestions are the
 * case's other tags, offered by the browser as the user types. `onChange`
 * gets the whole new list.
 */
export function TagInput({
  tags,
  onChange,
  suggestions = [],
  label,
  onFocus,
}: {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions?: readonly string[];
  label: string;
  /** When the user starts typing a tag: a chance to load the suggestions only then. */
  onFocus?: () => void;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  // The list as last changed here: a save takes a moment to come back as
  // `tags`, and a tag added meanwhile (a pasted "a, b" then Enter) must build
  // on the list that includes the first, not on the one still shown.
  const latest = useRef({ shown: tags.join('\n'), tags: [...tags] });
  if (latest.current.shown !== tags.join('\n')) latest.current = { shown: tags.join('\n'), tags: [...tags] };
  const emit = (next: string[]) => {
    latest.current = { ...latest.current, tags: next };
    onChange(next);
  };
  const add = (raw: string) => {
    const tag = cleanTag(raw);
    setDraft('');
    const current = latest.current.tags;
    if (tag && !hasTag(current, tag)) emit(withTag(current, tag));
  };
  const offered = suggestions.filter((s) => !hasTag(tags, s));
  return (
    <div className="tag-input" role="group" aria-label={label}>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-tag={tag}>
          {tag}
          <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} title={`Remove “${tag}”`} onClick={() => emit(withoutTag(latest.current.tags, tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        aria-label={`Add a tag (${label})`}
        placeholder={tags.length ? 'Add tag…' : 'Add a tag…'}
        value={draft}
        list={offered.length ? listId : undefined}
        onChange={(e) => {
          const value = e.target.value;
          // A comma ends a tag, as in most tag fields.
          if (value.includes(',')) {
            const parts = value.split(',');
            const current = latest.current.tags;
            let next = [...current];
            for (const part of parts.slice(0, -1)) next = withTag(next, part);
            if (next.length !== current.length) emit(next);
            setDraft(parts.at(-1)!);
          } else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && latest.current.tags.length) {
            emit(latest.current.tags.slice(0, -1));
          } else if (e.key === 'Escape' && draft) {
            e.stopPropagation();
            setDraft('');
          }
        }}
        onFocus={onFocus}
        onBlur={() => draft.trim() && add(draft)}
      />
      {offered.length > 0 && (
        <datalist id={listId}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
