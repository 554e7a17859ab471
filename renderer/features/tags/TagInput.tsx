import { useId, useState } from 'react';
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
  const add = (raw: string) => {
    const tag = cleanTag(raw);
    setDraft('');
    if (tag && !hasTag(tags, tag)) onChange(withTag(tags, tag));
  };
  const offered = suggestions.filter((s) => !hasTag(tags, s));
  return (
    <div className="tag-input" role="group" aria-label={label}>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-tag={tag}>
          {tag}
          <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} title={`Remove “${tag}”`} onClick={() => onChange(withoutTag(tags, tag))}>
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
            let next = [...tags];
            for (const part of parts.slice(0, -1)) next = withTag(next, part);
            if (next.length !== tags.length) onChange(next);
            setDraft(parts.at(-1)!);
          } else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && tags.length) {
            onChange(tags.slice(0, -1));
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
