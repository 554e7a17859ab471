import type { Page } from 'playwright-core';

/**
 * Reads the app's IndexedDB directly (not through the app's code), so a
 * journey can check what is really on disk.
 */
export function countRecords(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

export function getRecord<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([name, id]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name!, 'readonly').objectStore(name!).get(id!);
          req.onsuccess = () => {
            resolve(req.result as T | undefined);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  );
}

/** Every record of a store, read straight from IndexedDB. */
export function allRecords<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('casebook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
