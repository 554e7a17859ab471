import { describe, expect, it } from 'vitest';
import { createRpcClient, inProcessPort, serveRpc, type RpcCall, type RpcReply } from '../../../renderer/workers/rpc';
import { createLinkerHandlers } from '../../../renderer/workers/linker/handler';
import type { LinkerMethods } from '../../../renderer/workers/linker/protocol';
import type { Candidate } from '../../../shared/linking/extract';
import { mixedCorpus } from '../../fixtures/extraction/corpus';

const ENDING = '\n\nThe last drum was signed for by Xiomara Brandvold-Quetzal in Ushuaia.';

/** The worker's own code, with every reply and progress message it posts recorded in order. */
function worker() {
  const replies: RpcReply[] = [];
  const serve = serveRpc(createLinkerHandlers(), (reply) => replies.push(reply));
  const call = (call: RpcCall<LinkerMethods>) => void serve(call);
  return { replies, call };
}
const resultOf = (replies: RpcReply[], id: number) => replies.find((r) => r.id === id && 'result' in r) as Extract<RpcReply, { result: unknown }> | undefined;
const progressOf = (replies: RpcReply[], id: number) => replies.filter((r): r is Extract<RpcReply, { progress: unknown }> => r.id === id && 'progress' in r).map((r) => r.progress as { done: number; total: number });

describe('the extraction worker', () => {
  it('reads a 5 MB document to its end in slices, reporting progress, and answers a link call in between', async () => {
    const text = mixedCorpus(5 * 1024 * 1024) + ENDING;
    const { replies, call } = worker();
    call({ id: 1, method: 'setEntries', request: { version: 1, entries: [{ entityId: 'e1', alias: 'Manzanillo' }] } });
    call({ id: 2, method: 'extract', request: { text } });
    // Sent after the extraction started: answered before it ends, not after.
    await expect.poll(() => progressOf(replies, 2).length > 0, { timeout: 60_000 }).toBe(true);
    call({ id: 3, method: 'link', request: { text: 'Ships reached Manzanillo.' } });
    await expect.poll(() => resultOf(replies, 2), { timeout: 120_000 }).toBeDefined();

    const order = replies.filter((r) => 'result' in r).map((r) => r.id);
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(2));
    const progress = progressOf(replies, 2);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p, i) => p.total === text.length && (i === 0 || p.done > progress[i - 1]!.done))).toBe(true);

    const result = resultOf(replies, 2)!.result;
    if (!result.ok) throw new Error(result.error.message);
    const person = (result.value as Candidate[]).find((c) => c.name === 'Xiomara Brandvold-Quetzal');
    expect(person?.occurrences[0]?.start).toBe(text.lastIndexOf('Xiomara'));
  }, 180_000);

  it('passes progress to the caller through the RPC client and resolves with the candidates', async () => {
    const client = createRpcClient(inProcessPort<LinkerMethods>((post) => serveRpc(createLinkerHandlers(), post)));
    const text = mixedCorpus(600 * 1024) + ENDING;
    const seen: number[] = [];
    const result = await client.call('extract', { text }, {
      onProgress: ({ done, total }) => {
        expect(total).toBe(text.length);
        seen.push(done);
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(seen.length).toBeGreaterThan(1);
    expect(result.value.some((c) => c.name === 'Ushuaia')).toBe(true);
  }, 120_000);

  it('answers an extraction that fails with a typed failure, not a dead worker', async () => {
    const { replies, call } = worker();
    call({ id: 7, method: 'extract', request: { text: 42 as unknown as string } });
    await expect.poll(() => resultOf(replies, 7)?.result).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/text of a document/) } });
    call({ id: 8, method: 'link', request: { text: 'still alive' } });
    await expect.poll(() => resultOf(replies, 8)?.result.ok).toBe(true);
  });
});
