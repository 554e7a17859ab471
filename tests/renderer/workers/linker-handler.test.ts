import { describe, expect, it } from 'vitest';
import { LinkerClient, inProcessPort } from '../../../renderer/workers/linker/client';
import { createLinkerHandler } from '../../../renderer/workers/linker/handler';
import type { LinkerReply } from '../../../renderer/workers/linker/protocol';
import { mixedCorpus } from '../../fixtures/extraction/corpus';

const ENDING = '\n\nThe last drum was signed for by Xiomara Brandvold-Quetzal in Ushuaia.';

describe('the extraction worker', () => {
  it('reads a 5 MB document to its end in slices, reporting progress, and answers a link request in between', async () => {
    const text = mixedCorpus(5 * 1024 * 1024) + ENDING;
    const replies: LinkerReply[] = [];
    const handle = createLinkerHandler((reply) => replies.push(reply));
    handle({ type: 'set-entries', id: 1, version: 1, entries: [{ entityId: 'e1', alias: 'Manzanillo' }] });
    handle({ type: 'extract', id: 2, text });
    // Sent after the extraction started: answered before it ends, not after.
    await expect.poll(() => replies.some((r) => r.type === 'extract-progress'), { timeout: 60_000 }).toBe(true);
    handle({ type: 'link', id: 3, text: 'Ships reached Manzanillo.' });
    await expect.poll(() => replies.find((r) => r.id === 2 && r.type === 'extracted'), { timeout: 120_000 }).toBeDefined();

    const order = replies.map((r) => `${r.id}:${r.type}`);
    expect(order.indexOf('3:linked')).toBeLessThan(order.indexOf('2:extracted'));
    const progress = replies.filter((r): r is Extract<LinkerReply, { type: 'extract-progress' }> => r.type === 'extract-progress');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p, i) => p.total === text.length && (i === 0 || p.done > progress[i - 1]!.done))).toBe(true);

    const extracted = replies.find((r): r is Extract<LinkerReply, { type: 'extracted' }> => r.type === 'extracted')!;
    const person = extracted.candidates.find((c) => c.name === 'Xiomara Brandvold-Quetzal');
    expect(person?.occurrences[0]?.start).toBe(text.lastIndexOf('Xiomara'));
  }, 180_000);

  it('passes progress to the client’s caller and resolves with the candidates', async () => {
    const client = new LinkerClient(inProcessPort(createLinkerHandler));
    const text = mixedCorpus(600 * 1024) + ENDING;
    const seen: number[] = [];
    const candidates = await client.extract(text, (done, total) => {
      expect(total).toBe(text.length);
      seen.push(done);
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(candidates.some((c) => c.name === 'Ushuaia')).toBe(true);
  }, 120_000);

  it('answers an extraction that fails with a typed failure, not a dead worker', async () => {
    const replies: LinkerReply[] = [];
    const handle = createLinkerHandler((reply) => replies.push(reply));
    handle({ type: 'extract', id: 7, text: 42 as unknown as string });
    await expect.poll(() => replies.find((r) => r.id === 7)).toMatchObject({ type: 'failed', message: expect.stringMatching(/text of a document/) });
    handle({ type: 'link', id: 8, text: 'still alive' });
    await expect.poll(() => replies.find((r) => r.id === 8)?.type).toBe('linked');
  });
});
