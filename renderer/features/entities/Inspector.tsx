import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';
import { EntityDetails } from './EntityDetails';
import { EntityForm } from './EntityForm';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { SourceDetails } from '../sources/SourceDetails';

/** The right pane: an entity, or the form to create or edit one; a source's details. */
export function Inspector() {
  const { nav } = useApp();
  const { inspector } = useNavigationState(nav);
  return (
    <aside className="inspector" aria-label="Inspector">
      {inspector.kind === 'closed' && (
        <div className="empty-state small">
          <h2>Inspector</h2>
          <p>Click an entity in a note or in the sidebar to see what the case knows about it: aliases, relations, and every passage that names it.</p>
        </div>
      )}
      <ErrorBoundary
        key={inspector.kind === 'closed' || inspector.kind === 'new-entity' ? inspector.kind : inspector.kind === 'source' ? `source:${inspector.sourceId}` : `${inspector.kind}:${inspector.entityId}`}
        what={inspector.kind === 'source' ? 'this source' : 'this entity'}
        className="small"
      >
        {inspector.kind === 'entity' && <EntityDetails key={inspector.entityId} entityId={inspector.entityId} />}
        {inspector.kind === 'edit-entity' && <EntityForm key={`edit-${inspector.entityId}`} entityId={inspector.entityId} />}
        {inspector.kind === 'source' && <SourceDetails key={`${inspector.sourceId}:${inspector.editing ? 'edit' : 'view'}`} sourceId={inspector.sourceId} editing={inspector.editing === true} />}
        {inspector.kind === 'new-entity' && <EntityForm key={`new-${inspector.name ?? ''}`} initialName={inspector.name} onCreated={inspector.onCreated} />}
      </ErrorBoundary>
    </aside>
  );
}
