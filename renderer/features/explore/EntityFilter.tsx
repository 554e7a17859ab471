import { useState } from 'react';
import type { EntityType } from '../../../shared/model';
import { EntityPicker } from '../entities/EntityPicker';

export interface PickedEntity {
  id: string;
  name: string;
  type: EntityType;
}

/** "Only about this entity": a button that opens the entity picker, then the chosen entity as a removable chip. */
export function EntityFilter({ value, onChange, prompt = 'Filter by entity…' }: { value: PickedEntity | null; onChange: (next: PickedEntity | null) => void; prompt?: string }) {
  const [picking, setPicking] = useState(false);
  if (value) {
    return (
      <span className={`entity-filter-chip entity-${value.type.toLowerCase()}`} data-entity-id={value.id}>
        <span className="type-dot" aria-hidden="true" />
        {value.name}
        <button type="button" className="icon-button small" aria-label={`Remove filter ${value.name}`} onClick={() => onChange(null)}>×</button>
      </span>
    );
  }
  if (!picking) {
    return (
      <button type="button" className="subtle" onClick={() => setPicking(true)}>
        {prompt}
      </button>
    );
  }
  return (
    <div className="entity-filter-picker">
      <EntityPicker
        label="Entity…"
        onCancel={() => setPicking(false)}
        onPick={(entity) => {
          setPicking(false);
          onChange({ id: entity.id, name: entity.name, type: entity.type });
        }}
      />
    </div>
  );
}
