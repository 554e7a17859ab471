import { useCallback, useEffect } from 'react';
import { COMMANDS, acceleratorsOf, commandById, isCommandId, type CommandId } from '../../shared/commands';
import { chordFor, matchesChord, parseAccelerator } from '../../shared/accelerator';
import { casebook } from '../bridge';
import { reportFailure } from './report-failure';
import { useApp } from './context';
import { useCommandActions } from './commands';
import { commandTargets, readerState } from './command-targets';
import { isConditionMet, type CommandState } from './command-conditions';
import { KEY_PLATFORM } from './key-platform';
import type { Navigation } from './navigation';
import { paneLayout } from './pane-layout';

/** Every key of the table, read once for this platform. */
const BINDINGS = COMMANDS.flatMap((command) =>
  acceleratorsOf(command).map((accelerator) => {
    const chord = chordFor(parseAccelerator(accelerator), KEY_PLATFORM);
    // Keys that type nothing (Ctrl/⌘/Alt chords, F-keys) work inside fields too: F6 leaves the editor.
    const typesNothing = chord.ctrl || chord.meta || chord.alt || /^F\d+$/.test(chord.key.name);
    return { id: command.id, chord, typesNothing };
  }),
);

function commandState(nav: Navigation): CommandState {
  const { main, inspector } = nav.get();
  return { main, inspector, passageSelected: commandTargets.passage() !== null, drawerOpen: paneLayout().drawer.get(), reader: readerState(document.activeElement) };
}

/**
 * The commands' one dispatcher: the page's only app-wide keydown listener
 * and main's `menu:command` event both end here, and the palette runs
 * through the function returned. A command whose `enabledWhen` is not met
 * does nothing, and its key is left to the page (on macOS the menu then
 * sees it, and asks here again).
 */
export function useCommands(): (id: CommandId) => boolean {
  const { nav, toasts } = useApp();
  const actions = useCommandActions();

  const run = useCallback(
    (id: CommandId): boolean => {
      if (!isConditionMet(commandById(id).enabledWhen, commandState(nav))) return false;
      // An action that throws or rejects is logged and said in a toast, never left unhandled.
      const fail = (error: unknown) => reportFailure(toasts, commandById(id).label.replace(/…$/, ''), error);
      try {
        void Promise.resolve(actions[id]()).catch(fail);
      } catch (error) {
        fail(error);
      }
      return true;
    },
    [nav, toasts, actions],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const binding = BINDINGS.find((b) => matchesChord(event, b.chord));
      if (!binding) return;
      // A key that types (or Escape) in a field belongs to the field (Escape closes its own popup first).
      if (!binding.typesNothing && isEditable(event.target)) return;
      if (!run(binding.id)) return;
      // Browser defaults of these keys (print, save page, open file, F7) never apply; Escape stays visible to others.
      if (binding.typesNothing) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  useEffect(() => {
    if (!casebook) return;
    return casebook.onMenuCommand(({ command }) => {
      // Main sends ids from the same table; anything else is ignored, not run.
      if (isCommandId(command)) run(command);
    });
  }, [run]);

  return run;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
