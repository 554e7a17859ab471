import { useEffect, useState } from 'react';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import { createEntity, updateEntity } from '../../db/entities';
import { getInCase } from '../../db/case-scope';
import { logError } from '../../bridge';
import { propertiesFromRows, rowsFromProperties, type PropertyRow } from './property-fields';

/** Create an entity (no `entityId`) or edit one. */
export function EntityForm({
  entityId,
  initialName,
  onCreated,
}: {
  entityId?: string;
  initialName?: string | undefined;
  onCreated?: ((entity: { id: string; name: string; type: EntityType }) => void) | undefined;
}) {
  const { db, caseId, nav, toasts } = useApp();
  const [loaded, setLoaded] = useState(!entityId);
  const [type, setType] = useState<EntityType>('Person');
  const [name, setName] = useState(initialName ?? '');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  const [isProtected, setProtected] = useState(false);
  const [rows, setRows] = useState<PropertyRow[]>(() => rowsFromProperties('Person', {}));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!entityId) return;
    void getInCase(db.entities, caseId, entityId).then((e) => {
      if (!e) return;
      setType(e.type);
      setName(e.name);
      setAliases(e.aliases.join('\n'));
      setDescription(e.description);
      setProtected(e.protected);
      setRows(rowsFromProperties(e.type, e.properties));
      setLoaded(true);
    });
  }, [db, entityId]);

  const changeType = (next: EntityType) => {
    setType(next);
    // Keep what was typed; offer the new type's usual properties beside it.
    setRows((current) => {
      const kept = current.filter((r) => r.value.trim());
      return [...kept, ...rowsFromProperties(next, {}).filter((r) => !kept.some((k) => k.key === r.key))];
    });
  };

  const close = () => nav.openInspector(entityId ? { kind: 'entity', entityId } : { kind: 'closed' });

  const save = async () => {
    const cleanName = name.replace(/\s+/g, ' ').trim();
    if (!cleanName) return setError('An entity needs a name.');
    const properties = propertiesFromRows(rows);
    if (!properties.ok) return setError(properties.error);
    const aliasList = [...new Set(aliases.split('\n').map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a && a !== cleanName))];
    const draft = { type, name: cleanName, aliases: aliasList, description: description.trim(), properties: properties.value, protected: isProtected };
    try {
      const id = entityId ?? (await createEntity(db, caseId, draft));
      if (entityId) await updateEntity(db, entityId, draft);
      toasts.show({ tone: 'info', message: entityId ? `Saved “${cleanName}”.` : `Added “${cleanName}” to the case.` });
      nav.openInspector({ kind: 'entity', entityId: id });
      if (!entityId) onCreated?.({ id, name: cleanName, type });
    } catch (e) {
      logError('Saving an entity failed', e);
      setError('Could not save the entity. Check free disk space and try again.');
    }
  };

  if (!loaded) return <div className="pane-loading">Loading…</div>;
  return (
    <form
      className="entity-form"
      aria-label={entityId ? 'Edit entity' : 'New entity'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
      }}
    >
      <h2>{entityId ? 'Edit entity' : 'New entity'}</h2>
      <label>
        Type
        <select value={type} onChange={(e) => changeType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>{ENTITY_TYPE_LABELS[t].singular}</option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input autoFocus value={name} onChange={(e) => { setName(e.target.value); setError(null); }} required />
      </label>
      <label>
        Aliases <span className="hint">one per line, as sources write them</span>
        <textarea rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <label>
        Description
        <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset className="property-rows">
        <legend>Properties</legend>
        {rows.map((row, i) => (
          <div key={i} className="property-row">
            <input aria-label="Property name" value={row.key} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} />
            <input aria-label={`${row.key || 'Property'} value`} value={row.value} onChange={(e) => { setRows(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r))); setError(null); }} />
            <button type="button" className="icon-button" aria-label="Remove property" onClick={() => setRows(rows.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => setRows([...rows, { key: '', value: '' }])}>Add property</button>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} />
        Protected — redact this entity's names in exports
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">{entityId ? 'Save' : 'Add entity'}</button>
        <button type="button" onClick={close}>Cancel</button>
      </div>
    </form>
  );
}
