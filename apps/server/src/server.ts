import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { DEMO_PASSWORD, isDemoLoaded, seedDemo } from './demo/seed.js';
import { startHousekeeping } from './platform/housekeeping.js';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase(config.database);
await migrate(database);

const { app, services } = await buildApp({ config, database, logger: config.env === 'production' });
let demoAccounts: { login: string; role: string; org: string }[] = [];
if (config.demo) {
  if (!(await isDemoLoaded(database.db))) {
    console.log('首次启动：正在载入演示数据… (loading demo data)');
    await seedDemo(database.db, services.crypto);
  }
  demoAccounts = (await import('./demo/accounts.js')).DEMO_ACCOUNTS;
}

startHousekeeping(database.db);
await app.listen({ port: config.port, host: config.host });
const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`\nYoushe 邮社共建 is running at http://${shown}:${config.port}  (database: ${database.kind}, ready in ${Date.now() - started} ms)`);
if (demoAccounts.length) {
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.login.padEnd(14)} ${a.role.padEnd(18)} ${a.org}`);
}

async function shutdown() {
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
