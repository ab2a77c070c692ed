import cluster from 'node:cluster';
import { loadConfig } from './config.js';
import { announce, startInstance } from './instance.js';
import { portTakenMessage } from './platform/port-check.js';
import { reportReady, runWorkers, workerRunsJobs } from './platform/workers.js';

const started = Date.now();
const config = loadConfig();
const workers = config.workers ?? 1;
const taken = cluster.isPrimary ? await portTakenMessage(config.host, config.port) : null;
if (taken) {
  // The operator's mistake, not the program's: the message alone, without a stack trace.
  console.error(taken);
  process.exit(1);
}

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
