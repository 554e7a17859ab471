import { formatAccelerator, keyPlatformOf, parseAccelerator } from '../../shared/accelerator';
import { commandById, type CommandId } from '../../shared/commands';

/** The keyboard this page runs with: ⌘ on macOS, Ctrl elsewhere. */
export const KEY_PLATFORM = keyPlatformOf(navigator.platform);

/** A command's key as this keyboard says it (`Ctrl+K`, `⌘K`), or '' if it has none. */
export function shortcutLabel(id: CommandId): string {
  const { accelerator } = commandById(id);
  return accelerator ? formatAccelerator(parseAccelerator(accelerator), KEY_PLATFORM) : '';
}
