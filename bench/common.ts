// What the load benchmarks share: the database they make and drop, the Youshe server they start as
// production would, and the CPU accounting that says who used the machine during a run.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/client.js';

export const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The server's pool, as in production (openDatabase's default), for every server a bench starts. */
export const POOL_SIZE = 10;

export const log = (...args: unknown[]) => console.log('[bench]', ...args);
export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: any[] }>;

export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function urlOf(name: string) {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Youshe itself (buildApp, the whole plugin stack) on PostgreSQL, configured as in production behind a proxy. */
export async function youshe(url: string) {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: POOL_SIZE });
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const { app } = await buildApp({ config, database, webRoot: null, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Busy and total jiffies of the whole machine, from /proc/stat (Linux); null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by every PostgreSQL process on this machine (Linux); null elsewhere. */
function postgresCpuS(): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        const fields = stat.slice(close + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        /* gone meanwhile */
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

export interface CpuShares {
  /** Cores used by this process (the server under test runs in it). */
  serverCores: number;
  postgresCores: number | null;
  /** Cores of the whole machine that were busy, whoever used them. */
  machineBusy: number | null;
}

/** Starts counting CPU; the function returned gives each one's share over `durationS` seconds. */
export function cpuWindow(): (durationS: number) => CpuShares {
  const own = process.cpuUsage();
  const ticks = machineTicks();
  const pgBefore = postgresCpuS();
  return (durationS) => {
    const cpu = process.cpuUsage(own);
    const after = machineTicks();
    const pgAfter = postgresCpuS();
    return {
      serverCores: (cpu.user + cpu.system) / 1e6 / durationS,
      postgresCores: pgBefore !== null && pgAfter !== null ? (pgAfter - pgBefore) / durationS : null,
      machineBusy: ticks && after ? ((after.busy - ticks.busy) / (after.total - ticks.total)) * cpus().length : null,
    };
  };
}

export function describeCpu(c: CpuShares, loadGeneratorCores: number) {
  return (
    `cpu: server process ${c.serverCores.toFixed(2)} cores, load generator ${loadGeneratorCores.toFixed(2)} cores` +
    (c.postgresCores === null ? '' : `, PostgreSQL ${c.postgresCores.toFixed(2)} cores`) +
    (c.machineBusy === null ? '' : `, whole machine ${c.machineBusy.toFixed(2)} of ${cpus().length} cores busy`)
  );
}
