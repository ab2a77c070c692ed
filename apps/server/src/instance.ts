import { eq } from 'drizzle-orm';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { accounts } from './db/schema/index.js';
import { DEMO_ACCOUNTS } from './demo/accounts.js';
import { DEMO_PASSWORD, isDemoLoaded, seedDemo } from './demo/seed.js';
import { lockDataDir } from './platform/data-lock.js';
import { sweepExpired } from './platform/housekeeping.js';
import { repeat } from './platform/jobs.js';
import { remindEndingAgreements } from './modules/partnerships/reminders.js';
import { runCareJobs } from './modules/care/care.jobs.js';
import { sealLegacyNames } from './modules/care/contacts.js';
import { ensureRollups, flushRollups } from './modules/reports/rollups.js';
import { createDelivery } from './platform/notify-delivery.js';

export interface Started {
  readyMs: number;
  demoShown: boolean;
  databaseKind: string;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;

/**
 * One server process: migrates (under an advisory lock, so instances may start together), loads the demo on a
 * first start, and serves the port. `jobs` says whether this process also runs the clock work; every job is
 * safe on several instances at once, but several processes on one machine need only one of them doing it.
 */
export async function startInstance(config: Config, options: { jobs: boolean }): Promise<Started> {
  const started = Date.now();
  // The embedded database is one process's at a time: the CLI refuses to open it while we hold it.
  const release = config.database.kind === 'pglite' ? lockDataDir(config.dataDir, 'the Youshe server') : () => undefined;
  const database = await openDatabase(config.database);
  await migrate(database);

  const { app, services } = await buildApp({ config, database, logger: config.env === 'production' });
  if (config.demo && !(await isDemoLoaded(database.db))) {
    console.log('首次启动：正在载入演示数据… (loading demo data)');
    await seedDemo(database.db, services.crypto);
  }
  // Demo sign-ins are shown only where the demo accounts really exist.
  const demoShown =
    config.demo && Boolean(await database.db.query.accounts.findFirst({ where: eq(accounts.login, DEMO_ACCOUNTS[1]!.login) }));

  const stops: (() => void)[] = [];
  if (options.jobs) {
    stops.push(
      repeat('housekeeping', HOUR, () => sweepExpired(database.db)),
      repeat('agreement reminders', 12 * HOUR, () => remindEndingAgreements(database.db, services.crypto, services.notifier)),
      repeat('care: missed visits and escalation', 5 * 60_000, () => runCareJobs(services.careAlerts)),
      repeat('booking reminders', 5 * 60_000, () => services.counter.remindDue()),
    );
    await ensureRollups(database.db);
    const sealed = await sealLegacyNames(database.db, services.crypto);
    if (sealed > 0) console.log(`sealed ${sealed} names of care contacts and consent givers written before names were encrypted`);
    // Flushed often, so that dashboard reads seldom find work waiting; an advisory lock keeps instances' flushes apart.
    stops.push(repeat('rollup flush', 15_000, () => flushRollups(database.db), { now: false }));
    // Several instances may deliver at once: claims with SKIP LOCKED keep them from sending a message twice.
    stops.push(createDelivery(database.db, services.crypto, { ...config.notify, demo: config.demo }).start());
  }
  await app.listen({ port: config.port, host: config.host });
  return {
    readyMs: Date.now() - started,
    demoShown,
    databaseKind: database.kind,
    async stop() {
      for (const stop of stops) stop();
      await app.close();
      await database.close();
      release();
    },
  };
}

/** The lines a newcomer reads after `npm start`. */
export function announce(config: Config, s: { readyMs: number; demoShown: boolean; databaseKind: string; workers: number }) {
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const processes = s.workers > 1 ? `, ${s.workers} worker processes` : '';
  console.log(
    `\nYoushe 邮社共建 is running at http://${shown}:${config.port}  (database: ${s.databaseKind}${processes}, ready in ${s.readyMs} ms)`,
  );
  if (s.demoShown) {
    console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(14)} ${a.role.padEnd(18)} ${a.org}`);
  }
}
