import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from './write-batcher.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('write batcher', () => {
  it('runs what arrives together as one batch, and what arrives meanwhile as the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const b = createWriteBatcher<number, number>({
      async run(items) {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return items.map((i) => i * 10);
      },
    });
    const first = [1, 2, 3].map((i) => b.submit(i));
    await tick();
    // The first batch is still running: these wait, then go together.
    const second = [4, 5].map((i) => b.submit(i));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('fails one item alone, or the whole batch when the batch fails', async () => {
    const b = createWriteBatcher<number, number>({
      async run(items) {
        if (items.includes(0)) throw new Error('database down');
        return items.map((i) => (i < 0 ? new Error(`bad ${i}`) : i));
      },
    });
    const [ok, bad] = await Promise.allSettled([b.submit(1), b.submit(-1)]);
    expect(ok).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'bad -1' } });
    await tick();
    const all = await Promise.allSettled([b.submit(0), b.submit(2)]);
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // And the batcher goes on afterwards.
    expect(await b.submit(3)).toBe(3);
  });

  it('caps a batch and keeps the same key in one lane', async () => {
    const batches: string[][] = [];
    const b = createWriteBatcher<string, string>({
      keyOf: (s) => s[0]!,
      lanes: 4,
      maxItems: 2,
      async run(items) {
        batches.push(items);
        return items;
      },
    });
    await Promise.all(['a1', 'a2', 'a3', 'b1'].map((s) => b.submit(s)));
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(batches.flat().sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
    // The a's run one batch after another, in order.
    expect(batches.flat().filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  });
});
