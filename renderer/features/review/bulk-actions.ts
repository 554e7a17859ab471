import { ENTITY_TYPE_LABELS, type CandidateType, type EntityType } from '../../../shared/model';
import type { AppServices } from '../../app/context';
import { acceptCandidates, rejectCandidates, rejectCandidatesWhere, undoAcceptCandidates, unrejectCandidates, type QueueFilter } from '../../db/candidates';
import { reportFailure } from '../../app/report-failure';

/**
 * The review queue's bulk actions, each one transaction with an Undo in its
 * toast. They resolve to how many rows they changed, or undefined on failure
 * (already said in an error toast).
 */

const names = (n: number) => `${n} name${n === 1 ? '' : 's'}`;

async function attempt<T>(services: AppServices, what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    reportFailure(services.toasts, what, error);
    return undefined;
  }
}

function offerUndoOfRejection(services: AppServices, ids: string[], message: string): void {
  const { db, caseId, toasts } = services;
  toasts.show({
    tone: 'info',
    message,
    action: {
      label: 'Undo',
      run: () =>
        void unrejectCandidates(db, caseId, ids).then(
          () => toasts.show({ tone: 'info', message: `${names(ids.length)} back in the review queue.` }),
          (error: unknown) => reportFailure(toasts, 'Undoing the rejection', error),
        ),
    },
  });
}

export async function rejectSelected(services: AppServices, ids: readonly string[]): Promise<number | undefined> {
  const rejected = await attempt(services, 'Rejecting', () => rejectCandidates(services.db, services.caseId, ids));
  if (rejected === undefined) return undefined;
  offerUndoOfRejection(services, rejected, `Rejected ${names(rejected.length)} for this case.`);
  return rejected.length;
}

/** "Reject all 12 from “Field report”", "Reject all 30 places". */
export async function rejectAllMatching(services: AppServices, filter: QueueFilter, label: string): Promise<number | undefined> {
  const rejected = await attempt(services, 'Rejecting', () => rejectCandidatesWhere(services.db, services.caseId, filter));
  if (rejected === undefined) return undefined;
  offerUndoOfRejection(services, rejected, `Rejected ${names(rejected.length)} ${label}.`);
  return rejected.length;
}

export async function acceptSelected(services: AppServices, ids: readonly string[], type: EntityType): Promise<number | undefined> {
  const { db, caseId, toasts } = services;
  const accepted = await attempt(services, 'Accepting', () => acceptCandidates(db, caseId, ids, type));
  if (accepted === undefined) return undefined;
  const label = ENTITY_TYPE_LABELS[type];
  const count = accepted.entityIds.length;
  toasts.show({
    tone: 'info',
    message: `Added ${count} ${(count === 1 ? label.singular : label.plural).toLowerCase()}; linking them across the case.`,
    action: {
      label: 'Undo',
      run: () =>
        void undoAcceptCandidates(db, accepted).then(
          () => toasts.show({ tone: 'info', message: `${names(accepted.candidates.length)} back in the review queue.` }),
          (error: unknown) => reportFailure(toasts, 'Undoing the accept', error),
        ),
    },
  });
  return count;
}

export type { CandidateType };
