import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphQuery } from '../../../renderer/features/graph/graph-data';
import { loadGraphSlice } from '../../../renderer/features/graph/load-graph';
import { exportFileName } from '../../../renderer/features/graph/graph-export-name';
import { SEED_CASE, seededDatabase } from '../timeline/seeded';

const YUANCHENG = 'ent-yuancheng-group';
const query = (more: Partial<GraphQuery> = {}): GraphQuery => ({ focusId: YUANCHENG, depth: 1, expanded: new Set(), types: new Set(), ...more });

async function everything() {
  const db = await seededDatabase();
  const [entities, relations] = await Promise.all([
    db.entities.where('[caseId+type]').between([SEED_CASE, Dexie.minKey], [SEED_CASE, Dexie.maxKey]).toArray(),
    db.relations.where('caseId').equals(SEED_CASE).toArray(),
  ]);
  return { db, entities, relations };
}

describe('the graph around an entity', () => {
  it('draws Yuancheng Group and its neighbours, one step out', async () => {
    const { entities, relations } = await everything();
    const graph = buildGraph(entities, relations, query());
    const names = graph.nodes.map((n) => n.name);
    expect(graph.nodes[0]).toMatchObject({ id: YUANCHENG, hop: 0 });
    expect(names).toEqual(expect.arrayContaining(['Wuhan', 'Fentanyl products', 'Chinese pharmaceutical companies']));
    expect(graph.nodes).toHaveLength(7);
    expect(graph.nodes.slice(1).every((n) => n.hop === 1)).toBe(true);
    const located = graph.edges.find((e) => e.relationType === 'located_in' && e.source === YUANCHENG)!;
    expect(located).toMatchObject({ label: 'located in', target: 'ent-wuhan' });
    // Every edge joins two drawn nodes.
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('filters by type without walking through hidden types, and keeps the focus', async () => {
    const { entities, relations } = await everything();
    const graph = buildGraph(entities, relations, query({ types: new Set(['Place']) }));
    expect(graph.nodes.map((n) => n.name)).toEqual(['Yuancheng Group', 'Wuhan']);
    expect(graph.edges).toHaveLength(1);
  });

  it('expands a neighbour to its own neighbours, and a deeper walk reaches further', async () => {
    const { entities, relations } = await everything();
    const one = buildGraph(entities, relations, query());
    const expanded = buildGraph(entities, relations, query({ expanded: new Set(['ent-wuhan']) }));
    const added = expanded.nodes.filter((n) => !one.nodes.some((m) => m.id === n.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((n) => n.hop === 2)).toBe(true);
    const two = buildGraph(entities, relations, query({ depth: 2 }));
    expect(two.nodes.length).toBeGreaterThan(expanded.nodes.length - 1);
  });

  it('caps a huge neighbourhood and says so', async () => {
    const { entities, relations } = await everything();
    const graph = buildGraph(entities, relations, query({ focusId: 'sub-fentanyl', depth: 3, maxNodes: 20 }));
    expect(graph.nodes).toHaveLength(20);
    expect(graph.truncated).toBe(true);
  });

  it('draws the whole case without a focus', async () => {
    const { entities, relations } = await everything();
    const graph = buildGraph(entities, relations, query({ focusId: null }));
    expect(graph.nodes).toHaveLength(entities.length);
    expect(graph.edges).toHaveLength(relations.filter((r) => r.fromId !== r.toId).length);
  });

  it('reads through the indexes exactly what the graph needs', async () => {
    const { db, entities, relations } = await everything();
    const queries = [
      query(),
      query({ depth: 2 }),
      query({ expanded: new Set(['ent-wuhan']) }),
      query({ depth: 2, types: new Set(['Person', 'Event']) }),
      query({ focusId: 'ent-nancy-pelosi', depth: 3 }),
    ];
    for (const q of queries) {
      const slice = await loadGraphSlice(db, SEED_CASE, q);
      if (slice.kind !== 'slice') throw new Error('expected a slice');
      expect(buildGraph(slice.entities, slice.relations, q)).toEqual(buildGraph(entities, relations, q));
    }
    const whole = await loadGraphSlice(db, SEED_CASE, { focusId: null, depth: 1, expanded: new Set() });
    expect(whole.kind === 'slice' && whole.entities.length).toBe(entities.length);
  });
});

describe('export file names', () => {
  it('are plain, whatever the entity is called', () => {
    expect(exportFileName('Yuancheng Group', 'svg')).toBe('yuancheng-group-graph.svg');
    expect(exportFileName('Société Générale / “Paris”', 'png')).toBe('societe-generale-paris-graph.png');
    expect(exportFileName('***', 'png')).toBe('case-graph.png');
  });
});
