/**
 * Lets a command open the case switcher (File → New case…, Switch case…):
 * the switcher registers itself while mounted. A tiny module-level channel,
 * like the command targets, because the switcher's state is its own.
 */
type Opener = (mode: 'list' | 'new') => void;

let opener: Opener | null = null;

export const caseSwitcher = {
  open(mode: 'list' | 'new'): void {
    opener?.(mode);
  },
  register(open: Opener): () => void {
    opener = open;
    return () => {
      if (opener === open) opener = null;
    };
  },
};
