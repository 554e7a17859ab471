import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Command, CommandId } from '../../shared/commands';
import { useApp } from './context';
import { useNavigationState } from './navigation';
import { commandTargets, readerState } from './command-targets';
import { UNMET_CONDITION, isConditionMet } from './command-conditions';
import { findCommands } from './command-search';
import { shortcutLabel } from './key-platform';

const optionId = (id: CommandId) => `command-option-${id}`;

/**
 * Ctrl/⌘+Shift+P: every command of the table, found by typing, with its key.
 * ↑/↓ move, Enter or a click runs, Escape closes; focus stays in the field
 * (the list is its `aria-activedescendant`) and goes back where it was when
 * the palette closes. A command that cannot run now is greyed, says why,
 * and does nothing.
 */
export function CommandPalette({ run }: { run: (id: CommandId) => boolean }) {
  const { nav } = useApp();
  const { main, inspector } = useNavigationState(nav);
  const passage = useSyncExternalStore(commandTargets.subscribe, commandTargets.passage);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<CommandId | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Where focus was before the palette took it (captured on the first render, before the field is focused).
  const [returnTo] = useState(() => document.activeElement);
  useEffect(() => input.current?.focus(), []);

  const listed = useMemo(() => findCommands(query), [query]);
  // The reader's commands are judged by where focus was before the palette took it.
  const state = { main, inspector, passageSelected: passage !== null, reader: readerState(returnTo) };
  const canRun = (command: Command) => isConditionMet(command.enabledWhen, state);
  // The highlighted command: the one the user moved to, else the first that can run.
  const active = listed.find((c) => c.id === activeId) ?? listed.find(canRun) ?? listed[0];

  useEffect(() => {
    if (active) document.getElementById(optionId(active.id))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const close = () => {
    nav.openOverlay(undefined);
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  };
  const choose = (command: Command | undefined) => {
    if (!command || !canRun(command)) return;
    close();
    run(command.id);
  };
  const move = (by: number) => {
    if (listed.length === 0) return;
    const at = active ? listed.indexOf(active) : -1;
    setActiveId(listed[(at + by + listed.length) % listed.length]!.id);
  };

  return (
    <div className="overlay command-overlay" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={input}
          className="command-input"
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls="command-list"
          aria-activedescendant={active ? optionId(active.id) : undefined}
          aria-label="Type a command"
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveId(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') {
              e.preventDefault();
              move(1);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              move(-1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(active);
            }
            // The field is the dialog's one control: Tab stays in it rather than reach the page behind.
            else if (e.key === 'Tab') e.preventDefault();
          }}
        />
        <ul id="command-list" className="command-list" role="listbox" aria-label="Commands">
          {listed.map((command) => {
            const enabled = canRun(command);
            const keys = shortcutLabel(command.id);
            return (
              <li
                key={command.id}
                id={optionId(command.id)}
                role="option"
                aria-selected={command === active}
                aria-disabled={!enabled}
                className={enabled ? 'command-option' : 'command-option is-disabled'}
                onMouseMove={() => command !== active && setActiveId(command.id)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(command)}
              >
                <span className="command-label">{command.label}</span>
                {!enabled && command.enabledWhen !== 'always' && <span className="command-why">{UNMET_CONDITION[command.enabledWhen]}</span>}
                {keys && <kbd className="command-keys">{keys}</kbd>}
              </li>
            );
          })}
        </ul>
        {listed.length === 0 && (
          <p className="command-empty" role="status">
            No command matches “{query}”.
          </p>
        )}
      </div>
    </div>
  );
}
