// What the load benchmarks share: the database they make and drop, the Youshe server they start as
// production would, and the CPU accounting that says who used the machine during a run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/client.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
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

/** One request of a load run: path, JSON body, the phone's address, an Idempotency-Key or ''. */
export interface LoadRequest {
  p: string;
  b: string;
  ip: string;
  k: string;
}

/** What load.ts measured (see there), with each one's share of the machine meanwhile. */
export interface LoadFigures extends CpuShares {
  total: number;
  errors: number;
  durationS: number;
  p50: number;
  p99: number;
  max: number;
  cpuS: number;
  statuses: number[];
  /** Per request, what `capture` found in its 200 answer ('' when nothing). */
  captured: string[];
}

/**
 * Sends `requests` from `connections` phones through the load generator (a process of its own, so that it
 * does not share the server's event loop), at `rate` per second or as fast as answers come (0).
 */
export async function runLoad(
  base: string,
  requests: LoadRequest[],
  options: { dir: string; connections: number; rate?: number; capture?: string },
): Promise<LoadFigures> {
  const file = path.join(options.dir, `requests-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(requests));
  const cpu = cpuWindow();
  const args = [String(options.connections), String(options.rate ?? 0), ...(options.capture ? [options.capture] : [])];
  try {
    const figures = await new Promise<Omit<LoadFigures, keyof CpuShares>>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'load.ts'), base, file, ...args], {
        cwd: HERE,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the load generator exited with ${code}`))));
    });
    return { ...figures, ...cpu(figures.durationS) };
  } finally {
    rmSync(file, { force: true });
  }
}
