import { Suspense, lazy, useEffect, type CSSProperties } from 'react';
import { AppContext, useApp, type AppServices } from './context';
import { useNavigationState } from './navigation';
import { rememberView } from './ui-state';
import { reportReady } from './readiness';
import { useDeletedCaseUndo } from './deleted-case';
import { Sidebar } from './Sidebar';
import { NoteView } from '../features/notes/NoteView';
import { SourceReader } from '../features/sources/SourceReader';
import { SourceLibrary } from '../features/sources/SourceLibrary';
import { ReviewQueue } from '../features/review/ReviewQueue';
import { useOverlay } from '../features/export/use-overlay';
import { SearchPalette } from '../features/search/SearchPalette';
import { TimelineView } from '../features/timeline/TimelineView';
import { GraphView } from '../features/graph/GraphView';
import { TrashView } from '../features/trash/TrashView';
import { DropZone } from '../features/sources/import/DropZone';
import { Inspector } from '../features/entities/Inspector';
import { ToastHost } from './ToastHost';
import { useCommands } from './use-commands';
import { CommandPalette } from './CommandPalette';
import { shortcutLabel } from './key-platform';
import { logError } from '../bridge';
import { ErrorBoundary } from './ErrorBoundary';
import type { MainView } from './navigation';
import { BackupNoticeBar } from '../features/backup/BackupNoticeBar';
import { OpenLinkDialog } from '../features/sources/OpenLinkDialog';
import { inspectorMode, paneLayout, useNarrowLayout } from './pane-layout';
import { usePreference } from './preferences';
import { PaneRail, PaneResizer } from './PaneControls';
import { focusRegion } from './pane-focus';

// The export dialog carries the briefing composer and every export format:
// loaded when first opened, not with the app.
const ExportDialog = lazy(() => import('../features/export/ExportDialog').then((m) => ({ default: m.ExportDialog })));

export function App({ services }: { services: AppServices }) {
  return (
    <AppContext.Provider value={services}>
      <Shell />
    </AppContext.Provider>
  );
}

function Shell() {
  const services = useApp();
  const { main, inspector } = useNavigationState(services.nav);
  const overlay = useOverlay();
  const runCommand = useCommands();
  useDeletedCaseUndo(services);
  const panes = paneLayout();
  const layout = usePreference(panes.layout);
  const drawerOpen = usePreference(panes.drawer);
  const narrow = useNarrowLayout(panes);
  const mode = inspectorMode(layout, narrow, drawerOpen);

  useEffect(() => {
    rememberView(services.db, services.caseId, main).catch((e) => logError('Remembering the open note failed', e));
  }, [services, main]);
  // Opening an entity brings a collapsed inspector (or a narrow window's drawer) out; closing it takes the drawer away.
  useEffect(() => {
    if (inspector.kind === 'closed') panes.inspectorClosed();
    else panes.revealInspector();
  }, [inspector, panes]);

  const style = { '--sidebar-width': `${layout.sidebarWidth}px`, '--inspector-width': `${layout.inspectorWidth}px` } as CSSProperties;
  return (
    <div className="layout" data-sidebar={layout.sidebarCollapsed ? 'rail' : 'shown'} data-inspector={mode} style={style}>
      <a
        className="skip-link"
        href="#main-pane"
        onClick={(e) => {
          e.preventDefault();
          focusRegion('main');
        }}
      >
        Skip to the {main.kind === 'source' ? 'document' : main.kind === 'note' ? 'editor' : 'main view'}
      </a>
      <div className="pane sidebar-pane">
        {layout.sidebarCollapsed && <PaneRail pane="sidebar" run={() => runCommand('toggle-sidebar')} />}
        <ErrorBoundary what="the sidebar" className="sidebar">
          <Sidebar run={runCommand} />
        </ErrorBoundary>
        {!layout.sidebarCollapsed && <PaneResizer pane="sidebar" width={layout.sidebarWidth} panes={panes} />}
      </div>
      <main id="main-pane" className="main-pane" tabIndex={-1} aria-label={VIEW_LABELS[main.kind]}>
        {/* One boundary per view, fresh for each note or source opened: one bad record never blanks the app. */}
        <ErrorBoundary key={viewKey(main)} what={VIEW_NAMES[main.kind]}>
          {main.kind === 'note' && <NoteView key={main.noteId} noteId={main.noteId} focus={main.focus} find={main.find} />}
          {main.kind === 'source' && <SourceReader sourceId={main.sourceId} highlight={main.highlight} />}
          {main.kind === 'library' && <SourceLibrary />}
          {main.kind === 'review' && <ReviewQueue />}
          {main.kind === 'timeline' && <TimelineView />}
          {main.kind === 'graph' && <GraphView key={main.focusId ?? ''} focusId={main.focusId ?? null} />}
          {main.kind === 'trash' && <TrashView />}
          {main.kind === 'none' && <EmptyMain />}
        </ErrorBoundary>
      </main>
      <div className="pane inspector-pane">
        {mode === 'rail' && <PaneRail pane="inspector" run={() => runCommand('toggle-inspector')} />}
        {mode !== 'rail' && <PaneResizer pane="inspector" width={layout.inspectorWidth} panes={panes} />}
        <Inspector mode={mode} run={runCommand} />
      </div>
      {overlay === 'export' && (
        <ErrorBoundary what="the export dialog" className="view-error-floating" onClose={() => services.nav.openOverlay(undefined)}>
          <Suspense fallback={null}>
            <ExportDialog />
          </Suspense>
        </ErrorBoundary>
      )}
      {overlay === 'search' && (
        <ErrorBoundary what="search" className="view-error-floating" onClose={() => services.nav.openOverlay(undefined)}>
          <SearchPalette />
        </ErrorBoundary>
      )}
      {overlay === 'commands' && (
        <ErrorBoundary what="the command palette" className="view-error-floating" onClose={() => services.nav.openOverlay(undefined)}>
          <CommandPalette run={runCommand} />
        </ErrorBoundary>
      )}
      <OpenLinkDialog />
      {/* Notices and toasts share the bottom-right corner, below dialogs and pickers. */}
      <div className="corner-stack">
        <BackupNoticeBar />
        <ToastHost />
      </div>
      <DropZone />
    </div>
  );
}

/** The main landmark's name: what the middle pane shows. */
const VIEW_LABELS: Record<MainView['kind'], string> = {
  none: 'Main view',
  note: 'Note',
  source: 'Source',
  library: 'Source library',
  review: 'Review queue',
  timeline: 'Timeline',
  graph: 'Graph',
  trash: 'Trash',
};

const VIEW_NAMES: Record<MainView['kind'], string> = {
  none: 'this view',
  note: 'this note',
  source: 'this source',
  library: 'the source library',
  review: 'the review queue',
  timeline: 'the timeline',
  graph: 'the graph',
  trash: 'the Trash',
};

/** Which record a view shows: a boundary keyed by it starts clean when the user opens another. */
function viewKey(main: MainView): string {
  if (main.kind === 'note') return `note:${main.noteId}`;
  if (main.kind === 'source') return `source:${main.sourceId}`;
  if (main.kind === 'graph') return `graph:${main.focusId ?? ''}`;
  return main.kind;
}

function EmptyMain() {
  useEffect(() => reportReady('main'), []);
  return (
    <div className="empty-state">
      <h2>No note open</h2>
      <p>Pick a note or a source in the sidebar, or press {shortcutLabel('new-note')} to start a new note.</p>
    </div>
  );
}
