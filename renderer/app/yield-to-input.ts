/**
 * Ends the current task and resumes in a new one, so input events queued
 * meanwhile (a keystroke) are handled first. `scheduler.yield()` where the
 * browser has it (it resumes ahead of other queued tasks, but after input);
 * a zero-delay timeout elsewhere (Node, in tests).
 */
export function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
