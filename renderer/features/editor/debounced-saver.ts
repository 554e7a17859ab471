/** `pending`: changed but not yet written; `saving`: being written. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface SaverOptions<T> {
  save: (value: T) => Promise<void>;
  delay: number;
  onState: (state: SaveState) => void;
  onError: (error: unknown) => void;
}

/**
 * Saves at most once per `delay` ms of quiet, and at once on `flush()`.
 * Never runs two saves at the same time: a change made during a save is
 * saved right after it, so the latest state always wins. A failed save keeps
 * the value pending, so the next change or flush retries it.
 */
export function createDebouncedSaver<T>({ save, delay, onState, onError }: SaverOptions<T>) {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  /** Saves until nothing is pending or a save fails; returns when the newest value is on disk. */
  const run = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (;;) {
      if (running) {
        await running;
        continue;
      }
      if (!pending) return;
      const current = pending;
      pending = null;
      let failed = false;
      onState('saving');
      const attempt = save(current.value).then(
        () => onState(pending ? 'pending' : 'saved'),
        (error: unknown) => {
          failed = true;
          pending ??= current;
          onState('error');
          onError(error);
        },
      );
      running = attempt.finally(() => {
        running = null;
      });
      await running;
      if (failed) return;
    }
  };

  return {
    schedule(value: T) {
      pending = { value };
      onState('pending');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delay);
    },
    flush: run,
  };
}
