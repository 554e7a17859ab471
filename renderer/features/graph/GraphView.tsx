import { lazy, Suspense } from 'react';

/** Cytoscape is about 400 kB: it loads the first time a graph is opened, so it never slows the app's start. */
const GraphExplorer = lazy(() => import('./GraphExplorer').then((m) => ({ default: m.GraphExplorer })));

/** The relationship graph (see GraphExplorer), around `focusId` or of the whole case. */
export function GraphView({ focusId = null }: { focusId?: string | null }) {
  return (
    <Suspense fallback={<div className="pane-loading">Loading the graph…</div>}>
      <GraphExplorer focusId={focusId} />
    </Suspense>
  );
}
