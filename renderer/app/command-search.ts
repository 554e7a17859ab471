import { COMMANDS, type Command } from '../../shared/commands';

/** Lower case without accents, so “resume” finds “Résumé”. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The palette's list for what was typed: every word typed must begin a word
 * of the command's label or keywords. Commands whose label begins with the
 * query come first, then those found by their label, then by a keyword;
 * table order otherwise. An empty query lists them all.
 */
export function findCommands(query: string, commands: readonly Command[] = listedCommands()): Command[] {
  const typed = words(query);
  if (typed.length === 0) return [...commands];
  const ranked: { command: Command; rank: number; order: number }[] = [];
  commands.forEach((command, order) => {
    const label = words(command.label);
    const all = [...label, ...(command.keywords ?? []).flatMap(words)];
    if (!typed.every((t) => all.some((w) => w.startsWith(t)))) return;
    const byLabel = typed.every((t) => label.some((w) => w.startsWith(t)));
    const rank = fold(command.label).startsWith(typed.join(' ')) ? 0 : byLabel ? 1 : 2;
    ranked.push({ command, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.command);
}

/** The commands the palette offers: all but the palette's own. */
export function listedCommands(): Command[] {
  return (COMMANDS as readonly Command[]).filter((c) => c.inPalette !== false);
}
