import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import type { Services } from '../composition.js';

/** Which engine this test run uses: vitest projects set TEST_DB to pglite or postgres. */
export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export function testConfig(): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'pglite', dataDir: null },
    dataDir: '/tmp/youshe-test',
    filesDir: mkdtempSync(path.join(tmpdir(), 'youshe-files-')),
    encryptionKey: randomBytes(32),
    blindIndexKey: randomBytes(32),
    trustedOrigins: [],
    trustProxy: false,
    redisUrl: undefined,
    logLevel: 'silent',
    demo: false,
    secureCookies: false,
  };
}

/**
 * A new, empty PostgreSQL database on TEST_DATABASE_URL's server, for a test that starts a server or the CLI
 * on it as an operator would; `drop` removes it, whoever is still connected.
 */
export async function emptyPostgresDatabase(prefix = 'youshe_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is needed for TEST_DB=postgres');
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** A fresh, migrated database of the engine under test: in memory for PGlite, a new database on PostgreSQL. */
export async function freshDatabase(): Promise<Database> {
  if (TEST_DB === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database);
    return database;
  }
  const target = await emptyPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 5 });
  await migrate(database);
  const close = database.close;
  database.close = async () => {
    await close();
    await target.drop();
  };
  return database;
}

/**
 * Runs `test` on a fresh database of the engine under test migrated up to, not including, the migration file
 * `before`: for a data migration's test, which writes rows as the older versions did and then migrates.
 */
export async function withDatabaseBefore(before: string, test: (legacy: Database) => Promise<void>) {
  const target = TEST_DB === 'postgres' ? await emptyPostgresDatabase() : null;
  const legacy = await openDatabase(target ? { kind: 'postgres', url: target.url, poolSize: 2 } : { kind: 'pglite', dataDir: null });
  try {
    await migrate(legacy, { before });
    await test(legacy);
  } finally {
    await legacy.close();
    await target?.drop();
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await freshDatabase();
  const config = testConfig();
  const { app, services } = await buildApp({ config, database, webRoot: null });
  await app.ready();
  return {
    app,
    database,
    services,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: keeps the session cookie like a browser would. */
export async function signIn(app: FastifyInstance, login: string, password: string) {
  // Each simulated person signs in from their own address, as people do; rate limits are per address.
  const remoteAddress = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'youshe_session')!;
  const headers = { cookie: `youshe_session=${cookie.value}` };
  return {
    cookie: headers.cookie,
    inject: (opts: InjectOptions) => app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } }),
  };
}

export type Client = Awaited<ReturnType<typeof signIn>>;

/** Signs several accounts in at once; the result lines up with the logins given. */
export async function signInAll<const T extends readonly string[]>(
  app: FastifyInstance,
  logins: T,
  password: string,
): Promise<{ [K in keyof T]: Client }> {
  return (await Promise.all(logins.map((l) => signIn(app, l, password)))) as { [K in keyof T]: Client };
}
