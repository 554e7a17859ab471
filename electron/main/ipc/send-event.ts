import type { EventChannel, EventContract } from '../../../shared/ipc/contract';

/** The part of Electron's `WebContents` an event needs (the window's, or an IPC event's `sender`). */
export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * The one way main sends to a renderer: the channel and its payload are typed
 * from `EventContract`, so an event the preload does not forward, or a payload
 * of the wrong shape, does not compile. A page that is already gone gets
 * nothing (Electron would throw): events are notifications, best effort.
 * Nothing else in electron/ may call `.send(` (tests/electron/ipc/send-event.test.ts).
 */
export function sendEvent<E extends EventChannel>(target: EventReceiver, channel: E, payload: EventContract[E]): void {
  if (target.isDestroyed()) return;
  target.send(channel, payload);
}
