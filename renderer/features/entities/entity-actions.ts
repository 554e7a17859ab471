import type { AppServices } from '../../app/context';
import { deleteEntity, restoreEntity } from '../../db/delete-entity';
import { mergeEntities, undoMerge } from '../../db/merge';
import { reportFailure } from '../../app/report-failure';

const failed = (services: AppServices, what: string) => (error: unknown) => reportFailure(services.toasts, what, error);

/** Merges `mergedId` into `keptId`, with an Undo that puts both back as they were. */
export async function mergeWithUndo(services: AppServices, keptId: string, mergedId: string): Promise<void> {
  const { db, toasts, nav } = services;
  try {
    const undo = await mergeEntities(db, keptId, mergedId);
    nav.openInspector({ kind: 'entity', entityId: keptId });
    toasts.show({
      tone: 'info',
      message: `Merged “${undo.merged.name}” into “${undo.kept.name}”.`,
      action: { label: 'Undo', run: () => void undoMerge(db, undo).then(() => toasts.show({ tone: 'info', message: `“${undo.merged.name}” is separate again.` }), failed(services, 'Undoing the merge')) },
    });
  } catch (error) {
    failed(services, 'Merging')(error);
  }
}

/** Deletes an entity, with an Undo that restores it with its mentions and relations. */
export async function deleteWithUndo(services: AppServices, entityId: string): Promise<void> {
  const { db, toasts, nav } = services;
  try {
    const deleted = await deleteEntity(db, entityId);
    nav.openInspector({ kind: 'closed' });
    toasts.show({
      tone: 'info',
      message: `Deleted “${deleted.entity.name}”.`,
      action: {
        label: 'Undo',
        run: () =>
          void restoreEntity(db, deleted).then(() => nav.openInspector({ kind: 'entity', entityId }), failed(services, 'Restoring the entity')),
      },
    });
  } catch (error) {
    failed(services, 'Deleting')(error);
  }
}
