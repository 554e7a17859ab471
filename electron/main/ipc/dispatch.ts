import { fail, type Result } from '../../../shared/ipc/result';
import { CONTRACT, type Channel, type Contract, type EventChannel, type EventContract } from '../../../shared/ipc/contract';
import { isTrustedSender } from './sender';

export type Emit = <E extends EventChannel>(channel: E, payload: EventContract[E]) => void;

export interface CallContext {
  /** URL of the frame that sent the message (`event.senderFrame.url`). */
  senderUrl: string | undefined;
  /** Sends an event back to the page that called (progress of a long request): `sendEvent` to the caller in the app. */
  emit?: Emit;
}

export type Handler<C extends Channel> = (
  payload: Contract[C]['request'],
  context: CallContext,
) => Promise<Result<Contract[C]['response']>> | Result<Contract[C]['response']>;

/** The compiler refuses a contract entry without a handler. */
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, payload: unknown, context: CallContext) => Promise<Result<unknown>>;

/**
 * The one road into main: sender check, then payload validation, then the
 * handler; any throw becomes a typed failure. Electron's ipcMain and the test
 * harness both call this, so the checks the tests exercise are the app's.
 */
export function createDispatch(
  handlers: Handlers,
  options: { trustedOrigins: readonly string[]; onError?: (channel: string, error: unknown) => void },
): Dispatch {
  return async (channel, payload, context) => {
    if (!isTrustedSender(context.senderUrl, options.trustedOrigins)) {
      return fail('untrusted-sender', `Refused ${channel}: the sender is not part of Casebook.`);
    }
    if (!Object.hasOwn(handlers, channel)) {
      return fail('unknown-channel', `There is no channel called ${channel}.`);
    }
    const key = channel as Channel;
    // safeParse reports schema failures but lets the validator's own throws
    // through (a getter or Proxy that throws, a stack overflow on a deeply
    // nested value): those are malformed payloads too, not crashes.
    let parsed: ReturnType<(typeof CONTRACT)[Channel]['request']['safeParse']>;
    try {
      parsed = CONTRACT[key].request.safeParse(payload);
    } catch (error) {
      options.onError?.(channel, error);
      return fail('invalid-payload', `Invalid request for ${channel}: it could not be read (${error instanceof RangeError ? 'nested too deeply' : 'malformed'}).`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return fail('invalid-payload', `Invalid request for ${channel}${where}: ${issue?.message ?? 'malformed'}.`);
    }
    try {
      const handler = handlers[key] as Handler<Channel>;
      return await handler(parsed.data as never, context);
    } catch (error) {
      options.onError?.(channel, error);
      return fail('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
