/**
 * The server's clock work (sweeping sessions, scanning for missed visits, flushing rollups, reminders): a task
 * run now and then every `everyMs`. Every task is written to be safe on several instances at once, so each
 * instance simply runs its own. A failure is logged and the next round tries again; the timer never keeps
 * the process alive on its own.
 */
export function repeat(name: string, everyMs: number, task: () => Promise<unknown>, options: { now?: boolean } = {}): () => void {
  let running = false;
  const run = async () => {
    // A slow round is not overtaken by the next one.
    if (running) return;
    running = true;
    try {
      await task();
    } catch (err) {
      console.error(`[job ${name}] failed, will try again in ${Math.round(everyMs / 1000)} s:`, (err as Error).message);
    } finally {
      running = false;
    }
  };
  if (options.now ?? true) void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
