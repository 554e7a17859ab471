import { describe, expect, it } from 'vitest';
import { createRpcClient, inProcessPort, serveRpc, SUPERSEDED, valueOf, type RpcCall, type RpcHandlers, type RpcPort, type RpcReply } from '../../../renderer/workers/rpc';

/** A small worker: answers at once, later, by failing, and in steps that a newer call can supersede. */
interface ToyMethods {
  double: { request: { n: number }; response: number };
  slowEcho: { request: { text: string; release: Promise<void> }; response: string };
  explode: { request: { why: string }; response: never };
  count: { request: { steps: number }; response: number };
}

function toyHandlers(): RpcHandlers<ToyMethods> {
  return {
    double: ({ n }) => n * 2,
    slowEcho: async ({ text, release }) => {
      await release;
      return text;
    },
    explode: ({ why }) => {
      throw new Error(why);
    },
    count: async ({ steps }, call) => {
      for (let i = 0; i < steps; i++) {
        await Promise.resolve();
        if (call.superseded()) return SUPERSEDED;
      }
      return steps;
    },
  };
}

/** The client over the worker's code, with what crossed the port recorded. */
function setup() {
  const calls: RpcCall<ToyMethods>[] = [];
  const replies: RpcReply[] = [];
  let terminated = false;
  const inner = inProcessPort<ToyMethods>((post) => serveRpc(toyHandlers(), post));
  const port: RpcPort<ToyMethods> = {
    post: (call) => (calls.push(call), inner.post(call)),
    onReply: (listener) => inner.onReply((reply) => (replies.push(reply), listener(reply))),
    terminate: () => void (terminated = true),
  };
  return { client: createRpcClient(port), calls, replies, terminated: () => terminated };
}

describe('worker RPC', () => {
  it('numbers each call and hands each reply to its own caller, in whatever order the worker answers', async () => {
    const { client, calls, replies } = setup();
    let release!: () => void;
    const slow = client.call('slowEcho', { text: 'slow', release: new Promise<void>((r) => (release = r)) });
    const fast = client.call('double', { n: 21 });
    expect(await fast).toEqual({ ok: true, value: 42 });
    release();
    expect(await slow).toEqual({ ok: true, value: 'slow' });
    expect(calls.map(({ id, method }) => [id, method])).toEqual([[1, 'slowEcho'], [2, 'double']]);
    expect(replies.map((r) => r.id)).toEqual([2, 1]);
  });

  it('answers a handler that throws with a typed failure, and the worker keeps answering', async () => {
    const { client } = setup();
    expect(await client.call('explode', { why: 'no automaton' })).toEqual({ ok: false, error: { code: 'failed', message: 'no automaton' } });
    expect(await client.call('double', { n: 2 })).toEqual({ ok: true, value: 4 });
  });

  it('answers a call of a method the worker does not have with a failure, not silence', async () => {
    const replies: RpcReply[] = [];
    const serve = serveRpc(toyHandlers(), (reply) => replies.push(reply));
    await serve({ id: 7, method: 'toString', request: {} } as never);
    await serve({ id: 8, method: '__proto__', request: {} } as never);
    expect(replies).toEqual([
      { id: 7, result: { ok: false, error: { code: 'failed', message: 'This worker has no method toString.' } } },
      { id: 8, result: { ok: false, error: { code: 'failed', message: 'This worker has no method __proto__.' } } },
    ]);
  });

  it('lets a newer call of a method supersede older ones still running, and only of that method', async () => {
    const { client } = setup();
    const [first, second, other, last] = await Promise.all([
      client.call('count', { steps: 5 }),
      client.call('count', { steps: 5 }),
      client.call('double', { n: 1 }),
      client.call('count', { steps: 3 }),
    ]);
    expect(first).toEqual({ ok: false, error: { code: 'superseded', message: 'count was superseded by a newer call.' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(other).toEqual({ ok: true, value: 2 });
    expect(last).toEqual({ ok: true, value: 3 });
    // A call that finished before the next one came is never superseded after the fact.
    expect(await client.call('count', { steps: 1 })).toEqual({ ok: true, value: 1 });
  });

  it('answers open and later calls `stopped` once disposed, and ends the worker', async () => {
    const { client, terminated } = setup();
    const open = client.call('slowEcho', { text: 'never', release: new Promise<void>(() => undefined) });
    client.dispose();
    expect(terminated()).toBe(true);
    expect(await open).toEqual({ ok: false, error: { code: 'stopped', message: 'The worker stopped.' } });
    expect(await client.call('double', { n: 1 })).toMatchObject({ ok: false, error: { code: 'stopped' } });
  });

  it('valueOf gives the value, or throws the error with its code', async () => {
    const { client } = setup();
    expect(valueOf(await client.call('double', { n: 5 }))).toBe(10);
    const failed = await client.call('explode', { why: 'boom' });
    expect(() => valueOf(failed)).toThrow(expect.objectContaining({ message: 'boom', code: 'failed' }));
  });

  it('is typed from the method map: an unknown method or a wrong request does not compile', () => {
    const { client } = setup();
    // @ts-expect-error not a method of this worker
    void client.call('triple', { n: 1 });
    // @ts-expect-error double takes { n: number }
    void client.call('double', { n: '1' });
    const answer: Promise<{ ok: true; value: number } | { ok: false; error: { code: string } }> = client.call('double', { n: 1 });
    void answer;
    client.dispose();
  });
});
