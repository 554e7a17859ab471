import type { Entity } from '../../../shared/model';
import type { GraphData } from './graph-data';

/**
 * What the canvas shows, as lists a screen reader (or a keyboard) can walk:
 * every node and every relation, each doing what a click on the canvas does.
 */
export function GraphLists({ data, names, selectedId, onNode, onEdge }: { data: GraphData; names: Map<string, Entity>; selectedId: string | null; onNode: (id: string) => void; onEdge: (id: string) => void }) {
  const name = (id: string) => names.get(id)?.name ?? '(deleted entity)';
  return (
    <div className="graph-lists">
      <details open>
        <summary>
          Entities <span className="count">{data.nodes.length}</span>
        </summary>
        <ul className="graph-list" aria-label="Entities in the graph">
          {data.nodes.map((n) => (
            <li key={n.id} data-node-id={n.id} data-hop={n.hop} className={n.id === selectedId ? 'is-selected' : undefined}>
              <button type="button" className={`graph-list-item entity-${n.type.toLowerCase()}`} onClick={() => onNode(n.id)}>
                <span className="type-dot" aria-hidden="true" />
                <span className="graph-list-name">{n.name}</span>
                <span className="count" title="Relations in view">{n.degree}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>
          Relations <span className="count">{data.edges.length}</span>
        </summary>
        <ul className="graph-list" aria-label="Relations in the graph">
          {data.edges.map((e) => (
            <li key={e.id} data-edge-id={e.id} className={e.id === selectedId ? 'is-selected' : undefined}>
              <button type="button" className="graph-list-item" onClick={() => onEdge(e.id)}>
                <span className="graph-list-name">
                  {name(e.source)} <span className="relation-verb">{e.label}</span> {name(e.target)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
