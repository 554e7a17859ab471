import { useState } from 'react';
import { CANDIDATE_TYPES, ENTITY_TYPES, ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import { acceptSelected, rejectSelected } from './bulk-actions';

/** Candidate types first (what extraction proposes), then the rest. */
export const TYPE_CHOICES: EntityType[] = [...CANDIDATE_TYPES, ...ENTITY_TYPES.filter((t) => !(CANDIDATE_TYPES as readonly string[]).includes(t))];

/**
 * Select all, and what to do with the selection: reject it, or accept it as
 * entities of one type. Both come with Undo.
 */
export function BulkBar({
  selected,
  shown,
  matching,
  allSelected,
  onToggleAll,
  onClear,
}: {
  selected: string[];
  shown: number;
  matching: number;
  allSelected: boolean;
  onToggleAll: () => void;
  onClear: () => void;
}) {
  const services = useApp();
  const [type, setType] = useState<EntityType>('Person');
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<number | undefined>) => {
    setBusy(true);
    try {
      if ((await action()) !== undefined) onClear();
    } finally {
      setBusy(false);
    }
  };
  const none = selected.length === 0 || busy;
  return (
    <div className="review-bulkbar" role="toolbar" aria-label="Selected candidates">
      <label className="review-select-all">
        <input type="checkbox" checked={allSelected} onChange={onToggleAll} disabled={shown === 0} aria-label="Select all" />
        {selected.length > 0 ? `${selected.length} selected` : `Select all ${shown}${matching > shown ? ` shown` : ''}`}
      </label>
      <div className="review-bulk-actions">
        <button type="button" className="subtle danger" disabled={none} onClick={() => void run(() => rejectSelected(services, selected))}>
          Reject selected
        </button>
        <span className="review-accept-as">
          <button type="button" className="subtle" disabled={none} onClick={() => void run(() => acceptSelected(services, selected, type))}>
            Accept as
          </button>
          <select aria-label="Type for accepted candidates" value={type} onChange={(e) => setType(e.target.value as EntityType)}>
            {TYPE_CHOICES.map((t) => (
              <option key={t} value={t}>{ENTITY_TYPE_LABELS[t].plural}</option>
            ))}
          </select>
        </span>
        {selected.length > 0 && (
          <button type="button" className="link-button" onClick={onClear}>Clear selection</button>
        )}
      </div>
    </div>
  );
}
