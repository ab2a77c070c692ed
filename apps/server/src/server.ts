import { eq } from 'drizzle-orm';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
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
import { ensureRollups, flushRollups } from './modules/reports/rollups.js';
import { createDelivery } from './platform/notify-delivery.js';

const started = Date.now();
const config = loadConfig();
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

const HOUR = 3_600_000;
repeat('housekeeping', HOUR, () => sweepExpired(database.db));
repeat('agreement reminders', 12 * HOUR, () => remindEndingAgreements(database.db, services.crypto, services.notifier));
repeat('care: missed visits and escalation', 5 * 60_000, () => runCareJobs(services.careAlerts));
repeat('booking reminders', 5 * 60_000, () => services.counter.remindDue());
await ensureRollups(database.db);
// Every instance flushes, so that dashboard reads seldom find work waiting; an advisory lock keeps flushes apart.
repeat('rollup flush', 15_000, () => flushRollups(database.db), { now: false });
// Every instance runs the delivery job; claims with SKIP LOCKED keep them from sending a message twice.
const stopDelivery = createDelivery(database.db, services.crypto, { ...config.notify, demo: config.demo }).start();
await app.listen({ port: config.port, host: config.host });
const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(
  `\nYoushe 邮社共建 is running at http://${shown}:${config.port}  (database: ${database.kind}, ready in ${Date.now() - started} ms)`,
);
if (demoShown) {
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(14)} ${a.role.padEnd(18)} ${a.org}`);
}

async function shutdown() {
  stopDelivery();
  await app.close();
  await database.close();
  release();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
