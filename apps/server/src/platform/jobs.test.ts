import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeat } from './jobs.js';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.restoreAllMocks();
});

describe('repeated jobs', () => {
  it('run at once and then again; a failing round is logged and the next one still runs', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let rounds = 0;
    stops.push(
      repeat('flaky', 20, async () => {
        rounds++;
        if (rounds === 1) throw new Error('database away');
      }),
    );
    await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(3));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('[job flaky] failed'), 'database away');
  });

  it('never start a round while the last one is still running', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    stops.push(
      repeat('slow', 5, async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 40));
        running--;
        rounds++;
      }),
    );
    await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(2));
    expect(most).toBe(1);
  });
});
