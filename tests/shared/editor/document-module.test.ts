import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import {
  citationNode,
  citationsOf,
  citedSourceIds,
  isNodeOf,
  mapNodes,
  mentionedEntityIds,
  mentionNode,
  NODE_NAMES,
  replaceEntity,
  visitNodes,
} from '../../../shared/editor/document';
import { EntityMention } from '../../../shared/editor/entity-mention';
import { noteExtensions } from '../../../shared/editor/extensions';
import type { CitationAttrs } from '../../../shared/editor/citation';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const cite = (citationId: string, sourceId: string): CitationAttrs => ({ citationId, sourceId, start: 0, end: 3, page: null, quote: 'abc', sourceSha256: '', sourceTitle: 'S' });
const doc: JSONContent = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [mentionNode({ entityId: 'e1', label: 'Anne', entityType: 'Person' }), { type: 'text', text: ' and ' }, citationNode(cite('c1', 's1'))] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [mentionNode({ entityId: 'e2', label: 'DEA', entityType: 'PublicBody' }), citationNode(cite('c2', 's2'))] }] }] },
    { type: 'paragraph', content: [mentionNode({ entityId: '', label: 'Gone', entityType: 'Person' })] },
  ],
};

describe('the note document module', () => {
  it('answers what a document mentions and cites, in reading order, detached chips naming nothing', () => {
    expect([...mentionedEntityIds(doc)]).toEqual(['e1', 'e2']);
    expect([...citedSourceIds(doc)]).toEqual(['s1', 's2']);
    expect(citationsOf(doc).map((c) => c.citationId)).toEqual(['c1', 'c2']);
    const types: string[] = [];
    visitNodes(doc, (node) => types.push(node.type ?? ''));
    expect(types.slice(0, 3)).toEqual(['doc', 'paragraph', NODE_NAMES.entityMention]);
  });

  it('replaceEntity moves chips to another entity, only where asked, and shares untouched nodes', () => {
    const moved = replaceEntity(doc, 'e1', { id: 'e9', type: 'Organization' });
    expect([...mentionedEntityIds(moved)]).toEqual(['e9', 'e2']);
    expect(moved.content![1]).toBe(doc.content![1]);
    expect(replaceEntity(doc, 'e1', { id: 'e9', type: 'Person' }, (a) => a.label === 'nobody')).toBe(doc);
    expect(mapNodes(doc, (n) => n)).toBe(doc);
  });

  it('recognises its nodes in JSON and in ProseMirror', () => {
    const schema = getSchema(noteExtensions());
    const pm = schema.nodeFromJSON(doc);
    let found = 0;
    pm.descendants((node) => {
      if (isNodeOf(node, NODE_NAMES.citation)) found += 1;
    });
    expect(found).toBe(2);
    expect(isNodeOf(citationNode(cite('c', 's')), NODE_NAMES.citation)).toBe(true);
    expect(isNodeOf({ type: 'paragraph' }, NODE_NAMES.citation)).toBe(false);
  });

  it('the mention node is configured like TipTap Mention, and a configured one keeps the same schema', () => {
    const configured = EntityMention.configure({ suggestion: { items: () => [] } });
    expect(configured.name).toBe(NODE_NAMES.entityMention);
    const a = getSchema(noteExtensions());
    const b = getSchema(noteExtensions({ entityMention: configured }));
    expect(Object.keys(b.nodes)).toEqual(Object.keys(a.nodes));
    expect(b.nodes[NODE_NAMES.entityMention]!.spec.attrs).toEqual(a.nodes[NODE_NAMES.entityMention]!.spec.attrs);
  });

  it('no code outside shared/editor names a Casebook node by a string', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8');
          for (const name of Object.values(NODE_NAMES)) if (source.includes(`'${name}'`) || source.includes(`"${name}"`)) offenders.push(`${relative(ROOT, path)}: ${name}`);
        }
      }
    };
    for (const top of ['shared', 'renderer', 'electron']) walk(join(ROOT, top));
    expect(offenders.filter((o) => !o.startsWith('shared/editor/'))).toEqual([]);
  });
});
