import { Suspense, lazy, useEffect } from 'react';
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
  const { main } = useNavigationState(services.nav);
  const overlay = useOverlay();
  const runCommand = useCommands();
  useDeletedCaseUndo(services);

  useEffect(() => {
    rememberView(services.db, services.caseId, main).catch((e) => logError('Remembering the open note failed', e));
  }, [services, main]);

  return (
    <div className="layout">
      <ErrorBoundary what="the sidebar" className="sidebar">
        <Sidebar />
      </ErrorBoundary>
      <main className="main-pane">
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
      <Inspector />
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
      <BackupNoticeBar />
      <ToastHost />
      <DropZone />
    </div>
  );
}

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
