import { ENTITY_TYPES, RELATION_TYPES, type Entity, type EntityType, type Relation, type RelationType } from '../../../shared/model';

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  /** Steps from the focus (0 for the focus itself, and for every node of a whole-case graph). */
  hop: number;
  /** Relations drawn to or from it in this graph. */
  degree: number;
}

export interface GraphEdge {
  /** The relation's id. */
  id: string;
  source: string;
  target: string;
  relationType: RelationType;
  /** Reads from source to target: "located in". */
  label: string;
  date?: string;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** More entities were in reach than `maxNodes`: the nearest were kept. */
  truncated: boolean;
}

export interface GraphQuery {
  /** The entity the graph grows from; null draws the whole case. */
  focusId: string | null;
  /** How many steps from the focus are drawn without asking. */
  depth: number;
  /** Nodes whose neighbours the user asked to see, wherever they are. */
  expanded: ReadonlySet<string>;
  /** Entity types drawn; empty draws every type. The focus is drawn whatever its type. */
  types: ReadonlySet<EntityType>;
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 250;

const TYPE_RANK = new Map<EntityType, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/**
 * The nodes and edges to draw. With a focus: a breadth-first walk along
 * relations (both directions) from it, taking a node's neighbours when the
 * node is fewer than `depth` steps out or was expanded, and never walking
 * through a filtered-out type; every relation between two drawn nodes is
 * drawn. Without one: every entity of the allowed types and their relations.
 * Order is stable (steps out, type, name), so a layout over it is too.
 */
export function buildGraph(entities: readonly Entity[], relations: readonly Relation[], query: GraphQuery): GraphData {
  const maxNodes = query.maxNodes ?? DEFAULT_MAX_NODES;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const allowed = (e: Entity) => query.types.size === 0 || query.types.has(e.type);
  const hops = new Map<string, number>();
  let truncated = false;

  if (query.focusId === null) {
    const kept = entities.filter(allowed);
    truncated = kept.length > maxNodes;
    // Too many for one picture: the most connected carry the case.
    const degree = countDegrees(relations);
    const chosen = truncated ? [...kept].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0)).slice(0, maxNodes) : kept;
    for (const e of chosen) hops.set(e.id, 0);
  } else if (byId.has(query.focusId)) {
    // By id, so which neighbours make the cut never depends on storage order.
    const neighbours = adjacency([...relations].sort((a, b) => a.id.localeCompare(b.id)));
    hops.set(query.focusId, 0);
    const queue = [query.focusId];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      const hop = hops.get(id)!;
      if (hop >= query.depth && !query.expanded.has(id)) continue;
      for (const next of neighbours.get(id) ?? []) {
        const entity = byId.get(next);
        if (!entity || hops.has(next) || !allowed(entity)) continue;
        if (hops.size >= maxNodes) {
          truncated = true;
          break;
        }
        hops.set(next, hop + 1);
        queue.push(next);
      }
    }
  }

  const edges: GraphEdge[] = relations
    .filter((r) => r.fromId !== r.toId && hops.has(r.fromId) && hops.has(r.toId))
    .map((r) => ({ id: r.id, source: r.fromId, target: r.toId, relationType: r.type, label: RELATION_TYPES[r.type].forward, ...(r.date ? { date: r.date } : {}) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const degree = countDegrees(edges.map((e) => ({ fromId: e.source, toId: e.target })));
  const nodes: GraphNode[] = [...hops.entries()]
    .map(([id, hop]) => {
      const e = byId.get(id)!;
      return { id, name: e.name, type: e.type, hop, degree: degree.get(id) ?? 0 };
    })
    .sort((a, b) => a.hop - b.hop || TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)! || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { nodes, edges, truncated };
}

function adjacency(relations: readonly Pick<Relation, 'fromId' | 'toId'>[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = map.get(a) ?? [];
    list.push(b);
    map.set(a, list);
  };
  for (const r of relations) {
    link(r.fromId, r.toId);
    link(r.toId, r.fromId);
  }
  return map;
}

function countDegrees(relations: readonly Pick<Relation, 'fromId' | 'toId'>[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.fromId, (degree.get(r.fromId) ?? 0) + 1);
    degree.set(r.toId, (degree.get(r.toId) ?? 0) + 1);
  }
  return degree;
}
