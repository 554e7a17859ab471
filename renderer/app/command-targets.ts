/**
 * What a command acts on that only a mounted component knows: the passage
 * selected in the reader, which its selection menu offers while it is up.
 * The command's one action (commands.ts) calls whatever is offered now.
 */
export interface PassageTarget {
  quote(): void;
}

let passage: PassageTarget | null = null;
const listeners = new Set<() => void>();

export const commandTargets = {
  passage: (): PassageTarget | null => passage,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Offers the selected passage until the returned function is called (on unmount). */
export function providePassage(target: PassageTarget): () => void {
  passage = target;
  listeners.forEach((l) => l());
  return () => {
    if (passage !== target) return;
    passage = null;
    listeners.forEach((l) => l());
  };
}
