/**
 * Saves at most once per `delay` ms of quiet, and at once on `flush()`.
 * Never runs two saves at the same time: a change made during a save is
 * saved right after it, so the latest state always wins.
 */
export function createDebouncedSaver<T>(save: (value: T) => Promise<void>, delay: number, onError: (error: unknown) => void) {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) await running;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    running = save(value).catch(onError).finally(() => {
      running = null;
    });
    await running;
  };

  return {
    schedule(value: T) {
      pending = { value };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delay);
    },
    flush: run,
    get dirty() {
      return pending !== null || running !== null;
    },
  };
}
