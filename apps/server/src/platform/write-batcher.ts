/**
 * Group commit in the process: writes that arrive together share one statement and one commit.
 *
 * Each item goes to a lane (items whose writes touch the same rows must share one); a lane runs one
 * batch at a time. An idle lane waits up to `maxWaitMs` for company, then runs what it has; while a
 * batch runs, newcomers queue and go together as soon as it finishes. So a lone request waits at
 * most `maxWaitMs`, and under load the batches grow by themselves with no timer at all.
 *
 * The batcher only shares round trips: whatever must hold across processes (a check-in counted
 * once) is still settled by the statement in the database.
 */
export interface WriteBatcherOptions<I, O> {
  /** Runs one batch; returns one outcome per item, in order: a value, or an Error for that item alone. */
  run(items: I[]): Promise<(O | Error)[]>;
  /** Items with the same key go to the same lane. */
  keyOf?(item: I): string;
  lanes?: number;
  maxItems?: number;
  /** How long an idle lane waits for more items; 0 takes what arrived in the same turn of the event loop. */
  maxWaitMs?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

interface Lane<I, O> {
  queue: Pending<I, O>[];
  running: boolean;
  timer: NodeJS.Timeout | NodeJS.Immediate | null;
}

export function createWriteBatcher<I, O>(options: WriteBatcherOptions<I, O>) {
  const maxItems = options.maxItems ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 0;
  const lanes: Lane<I, O>[] = Array.from({ length: Math.max(1, options.lanes ?? 1) }, () => ({
    queue: [],
    running: false,
    timer: null,
  }));

  function laneOf(item: I): Lane<I, O> {
    if (lanes.length === 1 || !options.keyOf) return lanes[0]!;
    const key = options.keyOf(item);
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return lanes[(h >>> 0) % lanes.length]!;
  }

  function cancelTimer(lane: Lane<I, O>) {
    if (lane.timer === null) return;
    if (maxWaitMs > 0) clearTimeout(lane.timer as NodeJS.Timeout);
    else clearImmediate(lane.timer as NodeJS.Immediate);
    lane.timer = null;
  }

  function flush(lane: Lane<I, O>) {
    cancelTimer(lane);
    if (lane.running || lane.queue.length === 0) return;
    const batch = lane.queue.splice(0, maxItems);
    lane.running = true;
    let outcomes: Promise<(O | Error)[]>;
    try {
      outcomes = options.run(batch.map((p) => p.item));
    } catch (err) {
      outcomes = Promise.reject(err);
    }
    outcomes
      .then(
        (results) => {
          batch.forEach((p, i) => {
            const r = results[i];
            if (r instanceof Error) p.reject(r);
            else if (r === undefined) p.reject(new Error('write batch returned no outcome for an item'));
            else p.resolve(r);
          });
        },
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => {
        lane.running = false;
        // Whoever queued meanwhile has waited already: go at once.
        flush(lane);
      });
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        const lane = laneOf(item);
        lane.queue.push({ item, resolve, reject });
        if (lane.running) return;
        if (lane.queue.length >= maxItems) return flush(lane);
        if (lane.timer === null) {
          lane.timer = maxWaitMs > 0 ? setTimeout(() => flush(lane), maxWaitMs) : setImmediate(() => flush(lane));
        }
      });
    },
  };
}

export type WriteBatcher<I, O> = ReturnType<typeof createWriteBatcher<I, O>>;
