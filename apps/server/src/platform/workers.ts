import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once it serves the port. */
export interface WorkerReady {
  kind: 'youshe:ready';
  readyMs: number;
  demoShown: boolean;
  databaseKind: string;
}

const JOBS_ENV = 'YOUSHE_WORKER_RUNS_JOBS';

/** In a worker: whether this one runs the clock work (the first worker does, and whoever replaces it). */
export const workerRunsJobs = () => process.env[JOBS_ENV] === '1';

/** In a worker: tell the primary this process is serving. */
export function reportReady(ready: Omit<WorkerReady, 'kind'>) {
  process.send?.({ kind: 'youshe:ready', ...ready } satisfies WorkerReady);
}

/**
 * The primary of `count` server processes sharing one port (node:cluster hands each new connection to a
 * worker in turn). One event loop serves at most one core; on a machine with spare cores, more processes
 * serve more phones. The first worker starts alone — it migrates, loads the demo if asked and builds the
 * rollups — and runs the clock work; the others start once it serves. A worker that dies is replaced.
 */
export function runWorkers(count: number, onAllReady: (first: WorkerReady) => void) {
  let stopping = false;
  let first: WorkerReady | null = null;
  let ready = 0;
  const fork = (runsJobs: boolean): Worker => {
    const worker = cluster.fork({ [JOBS_ENV]: runsJobs ? '1' : '0' });
    worker.on('message', (message: WorkerReady) => {
      if (message?.kind !== 'youshe:ready') return;
      ready++;
      if (!first) {
        first = message;
        for (let i = 1; i < count; i++) fork(false);
      }
      if (ready === count) onAllReady(first);
    });
    worker.on('exit', (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      // Before it served, a failure is the configuration's or the database's: starting again would only loop.
      if (ready === 0) process.exit(1);
      setTimeout(() => fork(runsJobs), 1000).unref();
    });
    return worker;
  };
  fork(true);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
