import type { CommandId } from '../../../shared/commands';
import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';
import type { InspectorMode } from '../../app/pane-layout';
import { PaneToggle } from '../../app/PaneControls';
import { EntityDetails } from './EntityDetails';
import { EntityForm } from './EntityForm';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { SourceDetails } from '../sources/SourceDetails';

/**
 * The right pane: an entity, or the form to create or edit one; a source's
 * details or its edit form. A column in a wide window, a drawer over the main
 * pane in a narrow one; its bar's button hides it (the table's
 * toggle-inspector, Ctrl/⌘+Alt+\).
 */
export function Inspector({ mode, run }: { mode: InspectorMode; run: (id: CommandId) => boolean }) {
  const { nav } = useApp();
  const { inspector } = useNavigationState(nav);
  return (
    <aside id="inspector" className="inspector" aria-label="Inspector" data-mode={mode} tabIndex={-1}>
      <div className="pane-bar">
        <span className="pane-bar-title" aria-hidden="true">Inspector</span>
        <PaneToggle pane="inspector" shown={mode !== 'rail'} label={mode === 'drawer' ? 'Close the inspector' : undefined} run={() => run('toggle-inspector')} />
      </div>
      {inspector.kind === 'closed' && (
        <div className="empty-state small">
          <h2>Nothing selected</h2>
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
