import cluster from 'node:cluster';
import { loadConfig } from './config.js';
import { announce, startInstance } from './instance.js';
import { ensurePortFree } from './platform/port-check.js';
import { reportReady, runWorkers, workerRunsJobs } from './platform/workers.js';

const started = Date.now();
const config = loadConfig();
const workers = config.workers ?? 1;
if (cluster.isPrimary) await ensurePortFree(config.host, config.port);

if (workers > 1 && cluster.isPrimary) {
  runWorkers(workers, (first) => announce(config, { ...first, readyMs: Date.now() - started, workers }));
} else {
  const instance = await startInstance(config, { jobs: cluster.isPrimary || workerRunsJobs() });
  if (cluster.isPrimary) announce(config, { ...instance, workers: 1 });
  else reportReady({ readyMs: instance.readyMs, demoShown: instance.demoShown, databaseKind: instance.databaseKind });

  let stopping = false;
  const shutdown = async () => {
    // A terminal's Ctrl-C reaches the workers and their primary, which passes it on: stop once.
    if (stopping) return;
    stopping = true;
    await instance.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
