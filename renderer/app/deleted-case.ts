import { useEffect } from 'react';
import type { CasebookDexie } from '../db/database';
import { restoreCase } from '../db/cases';
import type { AppServices } from './context';
import { openCase } from './ui-state';

const KEY = 'deleted-case';

interface DeletedCase {
  caseId: string;
  title: string;
}

/** Deleting the open case reloads the window into another; this carries its Undo across the reload. */
export function rememberDeletedCase(db: CasebookDexie, deleted: DeletedCase): Promise<unknown> {
  return db.meta.put({ key: KEY, value: deleted });
}

/** Once, after that reload: "Deleted “…”." with Undo (the case is also in the Trash). */
export function useDeletedCaseUndo(services: AppServices): void {
  const { db, toasts } = services;
  useEffect(() => {
    // No cancellation: the toasts live outside React, and only one run can find the record.
    void db.transaction('rw', db.meta, async () => {
      const found = (await db.meta.get(KEY))?.value as DeletedCase | undefined;
      if (found) await db.meta.delete(KEY);
      return found;
    }).then((found) => {
      if (!found) return;
      toasts.show({
        tone: 'info',
        message: `Deleted the case “${found.title}”. It is in the Trash.`,
        action: {
          label: 'Undo',
          run: () => void restoreCase(db, found.caseId).then(() => openCase(db, found.caseId)),
        },
      });
    });
  }, [db, toasts]);
}
