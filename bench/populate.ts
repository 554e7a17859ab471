import type { Page } from 'playwright-core';
import { ENTITY_TYPES } from '../shared/model';
import { foldText, nameKeysFor, searchKeysFor } from '../shared/linking/normalize';

const WORDS = ['precursor', 'shipment', 'broker', 'cartel', 'customs', 'invoice', 'warehouse', 'chemical', 'courier', 'port', 'vessel', 'account', 'transfer', 'supplier', 'laboratory', 'tablet', 'powder', 'seizure', 'hearing', 'sanction'];
const FIRST = ['Ana', 'Li', 'Carlos', 'Wei', 'Maria', 'John', 'Chen', 'Luis', 'Sofia', 'Hao', 'Elena', 'Jorge'];
const LAST = ['Garcia', 'Zhang', 'Lopez', 'Wang', 'Martinez', 'Liu', 'Hernandez', 'Smith', 'Huang', 'Torres'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

/**
 * Fills a case with `notes` notes and `entities` entities, written straight
 * to IndexedDB in chunks of 1,000 rows (records shaped as the app stores
 * them, with the case's entity counters kept as the app keeps them), so the
 * benchmark measures the app's start, not its write path.
 */
export async function populate(page: Page, caseId: string, counts: { notes: number; entities: number }): Promise<{ id: string; name: string; type: (typeof ENTITY_TYPES)[number] }[]> {
  const now = Date.now();
  const entities = Array.from({ length: counts.entities }, (_, i) => {
    const type = pick(ENTITY_TYPES, i);
    const name = type === 'Person' ? `${pick(FIRST, i)} ${pick(LAST, i * 7)} ${i}` : `${pick(WORDS, i)} ${pick(WORDS, i * 3)} ${type.toLowerCase()} ${i}`;
    const aliases = i % 3 === 0 ? [`${name.split(' ')[0]} ${i}`] : [];
    return {
      id: `bench-ent-${i}`, caseId, type, name, aliases, description: `Synthetic ${type} number ${i} for the startup benchmark.`,
      properties: {}, protected: false, quotes: [], createdAt: now, updatedAt: now, nameKeys: nameKeysFor([name, ...aliases]), searchKeys: searchKeysFor([name, ...aliases]), sortName: foldText(name),
    };
  });
  const notes = Array.from({ length: counts.notes }, (_, i) => {
    const entity = entities[i % entities.length]!;
    const body = Array.from({ length: 40 }, (_, w) => pick(WORDS, i + w * 5)).join(' ');
    return {
      id: `bench-note-${i}`, caseId, title: `Working note ${i}: ${pick(WORDS, i)}`,
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${body} ` }, { type: 'entityMention', attrs: { entityId: entity.id, label: entity.name, entityType: entity.type } }] }] },
      text: `${body} ${entity.name}`, createdAt: now - i * 60_000, updatedAt: now - i * 60_000 - 1,
    };
  });
  const stats = await page.evaluate(
    (id) =>
      new Promise<{ caseId: string; entityCounts: Record<string, number> }>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('caseStats').objectStore('caseStats').get(id);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result ?? { caseId: id, entityCounts: {} });
          };
        };
      }),
    caseId,
  );
  for (const e of entities) stats.entityCounts[e.type] = (stats.entityCounts[e.type] ?? 0) + 1;
  for (const [store, rows] of [['entities', entities], ['notes', notes], ['caseStats', [stats]]] as const) {
    for (let i = 0; i < rows.length; i += 1000) {
      await page.evaluate(
        ([name, chunk]) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('casebook');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(name, 'readwrite');
              for (const row of chunk) tx.objectStore(name).put(row);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        [store, rows.slice(i, i + 1000) as unknown[]] as const,
      );
    }
  }
  return entities;
}
