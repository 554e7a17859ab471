import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type cytoscape from 'cytoscape';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, type Entity, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { casebook, logError } from '../../bridge';
import { FilterChips, type ChipOption } from '../explore/FilterChips';
import { EntityFilter } from '../explore/EntityFilter';
import { buildGraph } from './graph-data';
import { loadGraphSlice } from './load-graph';
import { GraphCanvas } from './GraphCanvas';
import { GraphLists } from './GraphLists';
import { EdgeDetails, NodeDetails } from './GraphSelection';
import { graphAsPng, graphAsSvg } from './graph-export';
import { exportFileName } from './graph-export-name';

type Selection = { kind: 'node' | 'edge'; id: string } | null;
const NO_TYPES: ReadonlySet<EntityType> = new Set();

/**
 * Entities and their relations as a network (Cytoscape.js): around one
 * entity, a step or two out, or the whole of a small case. A click opens a
 * node in the inspector or shows an edge's relation and its citations; a
 * double-click shows a node's own neighbours. Exports PNG and SVG.
 */
export function GraphExplorer({ focusId = null }: { focusId?: string | null }) {
  const services = useApp();
  const { db, caseId, nav, toasts } = services;
  const [depth, setDepth] = useState(1);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [types, setTypes] = useState<Set<EntityType>>(() => new Set());
  const [selection, setSelection] = useState<Selection>(null);
  const core = useRef<cytoscape.Core | null>(null);

  const expandedKey = [...expanded].sort().join('|');
  const slice = useLiveQuery(() => loadGraphSlice(db, caseId, { focusId, depth, expanded }), [db, caseId, focusId, depth, expandedKey]);
  useEffect(() => {
    if (slice !== undefined) reportReady('main');
  }, [slice]);

  const entities = useMemo(() => new Map<string, Entity>(slice?.kind === 'slice' ? slice.entities.map((e) => [e.id, e]) : []), [slice]);
  const graph = useMemo(() => (slice?.kind === 'slice' ? buildGraph(slice.entities, slice.relations, { focusId, depth, expanded, types }) : null), [slice, focusId, depth, expanded, types]);
  const typeOptions = useMemo(() => {
    if (slice?.kind !== 'slice') return [];
    const all = buildGraph(slice.entities, slice.relations, { focusId, depth, expanded, types: NO_TYPES });
    return chipOptions(all.nodes.map((n) => n.type));
  }, [slice, focusId, depth, expanded]);

  const focus = focusId ? entities.get(focusId) : undefined;
  const toggleExpand = (id: string) => {
    if (id === focusId) return;
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const selectNode = (id: string) => {
    setSelection({ kind: 'node', id });
    nav.openInspector({ kind: 'entity', entityId: id });
  };
  // Saved like every other export: main's save dialog, written whole or not at all, said in a toast.
  const exportAs = async (format: 'png' | 'svg') => {
    const cy = core.current;
    if (!cy) return;
    try {
      if (!casebook) throw new Error('Exporting needs the Casebook app (no connection to its main process).');
      const blob = format === 'png' ? graphAsPng(cy) : graphAsSvg(cy);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const result = await casebook.exportSaveFile({ format, suggestedName: exportFileName(focus?.name ?? 'case', format), bytes });
      if (!result.ok) throw new Error(result.error.message);
      if (result.value.saved) toasts.show({ tone: 'info', message: `Saved the graph as ${format.toUpperCase()} to ${result.value.path}.` });
    } catch (error) {
      logError(`Exporting the graph as ${format} failed`, error);
      toasts.show({ tone: 'error', message: `Could not export the graph as ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const selectedEdge = selection?.kind === 'edge' && slice?.kind === 'slice' ? slice.relations.find((r) => r.id === selection.id) : undefined;
  const selectedNode = selection?.kind === 'node' ? entities.get(selection.id) : undefined;

  return (
    <div className="graph-view" data-focus-id={focusId ?? ''}>
      <header className="view-header explore-header">
        <div className="explore-title">
          <h1>Graph</h1>
          <div className="graph-export" role="group" aria-label="Export">
            <button type="button" className="subtle" disabled={!graph?.nodes.length} onClick={() => void exportAs('png')}>Export PNG…</button>
            <button type="button" className="subtle" disabled={!graph?.nodes.length} onClick={() => void exportAs('svg')}>Export SVG…</button>
          </div>
        </div>
        <p className="muted">
          {focusId === null ? 'The whole case. ' : ''}Click a node to open it, double-click to show its neighbours; click a line to see the relation and its sources.
        </p>
      </header>
      <div className="explore-filters">
        <div className="graph-focus">
          {focus && <span className="muted">Around</span>}
          <EntityFilter
            value={focus ? { id: focus.id, name: focus.name, type: focus.type } : null}
            onChange={(picked) => nav.openMain(picked ? { kind: 'graph', focusId: picked.id } : { kind: 'graph' })}
            prompt="Start from an entity…"
          />
          {focusId !== null && (
            <label className="graph-depth">
              Steps out
              <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
                <option value={1}>1</option>
                <option value={2}>2</option>
                <option value={3}>3</option>
              </select>
            </label>
          )}
        </div>
        <FilterChips label="Show types" options={typeOptions} selected={types} onChange={setTypes} />
      </div>

      {slice?.kind === 'too-large' && (
        <div className="empty-state">
          <h2>Pick where to start</h2>
          <p>This case has {slice.entityCount.toLocaleString()} entities, too many to draw at once. Start from an entity and expand from there.</p>
        </div>
      )}
      {slice?.kind === 'slice' && focusId !== null && !focus && (
        <div className="empty-state">
          <h2>Entity not found</h2>
          <p>It may have been deleted. Start from another entity, or show the whole case.</p>
        </div>
      )}
      {graph && (focusId === null || focus) && (
        <div className="graph-body">
          <div className="graph-stage">
            <GraphCanvas
              data={graph}
              focusId={focusId}
              expanded={expanded}
              selectedId={selection?.id ?? null}
              coreRef={core}
              events={{
                onNodeTap: selectNode,
                onNodeDoubleTap: toggleExpand,
                onEdgeTap: (id) => setSelection({ kind: 'edge', id }),
                onBackgroundTap: () => setSelection(null),
              }}
            />
            <div className="graph-zoom" role="group" aria-label="Zoom">
              <button type="button" className="subtle" aria-label="Zoom in" onClick={() => core.current?.zoom({ level: core.current.zoom() * 1.25, renderedPosition: centre(core.current) })}>+</button>
              <button type="button" className="subtle" aria-label="Zoom out" onClick={() => core.current?.zoom({ level: core.current.zoom() / 1.25, renderedPosition: centre(core.current) })}>−</button>
              <button type="button" className="subtle" onClick={() => core.current?.fit(undefined, 36)}>Fit</button>
            </div>
            {graph.truncated && <p className="graph-note">Showing the nearest {graph.nodes.length} entities; filter by type to see others.</p>}
            {graph.nodes.length === 1 && <p className="graph-note">No relations {types.size ? 'of these types ' : ''}yet.</p>}
          </div>
          <aside className="graph-side" aria-label="Graph details">
            {selectedEdge && <EdgeDetails relation={selectedEdge} from={entities.get(selectedEdge.fromId)} to={entities.get(selectedEdge.toId)} />}
            {selectedNode && <NodeDetails entity={selectedNode} expanded={expanded.has(selectedNode.id)} isFocus={selectedNode.id === focusId} onToggleExpand={() => toggleExpand(selectedNode.id)} />}
            {!selection && <p className="muted graph-hint">Select a node or a line for details.</p>}
            <GraphLists data={graph} names={entities} selectedId={selection?.id ?? null} onNode={selectNode} onEdge={(id) => setSelection({ kind: 'edge', id })} />
          </aside>
        </div>
      )}
    </div>
  );
}

const centre = (cy: cytoscape.Core) => ({ x: cy.width() / 2, y: cy.height() / 2 });

function chipOptions(nodeTypes: readonly EntityType[]): ChipOption<EntityType>[] {
  const counts = new Map<EntityType, number>();
  for (const t of nodeTypes) counts.set(t, (counts.get(t) ?? 0) + 1);
  return ENTITY_TYPES.filter((t) => counts.has(t)).map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t].plural, count: counts.get(t)!, colourClass: `entity-${t.toLowerCase()}` }));
}
