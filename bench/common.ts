// What the load benchmarks share: the database they make and drop, the Youshe server they start as
// production would, and the CPU accounting that says who used the machine during a run.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { freePort } from '../apps/server/src/test/ports.js';

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

/** A server under load: where it listens, and its process when it runs in one of its own. */
export interface Server {
  base: string;
  pid?: number;
  close(): Promise<void>;
}

/**
 * Server processes Youshe runs with in the benches (its WORKERS setting): one unless BENCH_WORKERS says. On
 * this 2-core machine a second process gained nothing: the cores are already busy, and each process's
 * batches are half as large, so PostgreSQL does more per check-in.
 */
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

/** The Node flags `npm start` gives the server (the root package.json's start script), for servers started as it does. */
export const SERVER_NODE_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(HERE, '../package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)apps\/server\/dist\/server\.js/.exec(start);
  if (!flags) throw new Error(`the start script does not start apps/server/dist/server.js: ${start}`);
  return flags[1]!.split(' ').filter(Boolean);
})();

/**
 * Youshe itself as production runs it: the server started as `npm start` starts it (the whole plugin stack,
 * WORKERS processes sharing the port), on PostgreSQL, behind a proxy. Its CPU is counted over its processes.
 */
export async function youshe(url: string, workers = WORKERS): Promise<Server> {
  const port = await freePort();
  // BENCH_PROFILE_DIR=/some/dir: each server process writes a CPU profile there when it stops.
  // BENCH_NODE_FLAGS="--max-semi-space-size=64": Node flags to try on the server (e.g. the heap's sizes).
  const profile = [
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
  ];
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...profile, '--import', 'tsx', path.join(HERE, '../apps/server/src/server.ts')],
    {
      cwd: path.join(HERE, '../apps/server'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
        TRUST_PROXY: 'true',
        // Production's level; its lines show only with BENCH_LOG_LEVEL (=error: what went wrong when answers are not 200).
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        WORKERS: String(workers),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      if (process.env.BENCH_LOG_LEVEL) process.stderr.write(c);
      out += c.toString();
      if (out.includes('is running at')) resolve();
    });
    void exited.then((code) => reject(new Error(`the Youshe server exited with ${code} before it served:\n${out}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
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

interface ProcessTicks {
  pid: number;
  ppid: number;
  name: string;
  /** User and system CPU so far, its reaped children's included, in seconds. */
  cpuS: number;
}

/** Every process on this machine with the CPU it has used so far (Linux); null elsewhere. */
function processes(): ProcessTicks[] | null {
  try {
    const found: ProcessTicks[] = [];
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const fields = stat.slice(close + 2).split(' ');
        found.push({
          pid: Number(pid),
          ppid: Number(fields[1]),
          name: stat.slice(stat.indexOf('(') + 1, close),
          // Its own time, and that of children it has reaped: a connection or worker that ends
          // during a run takes its time along into its parent's count, not out of the sum.
          cpuS: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100,
        });
      } catch {
        /* gone meanwhile */
      }
    }
    return found;
  } catch {
    return null;
  }
}

/** CPU seconds of every PostgreSQL process, and of the process `root` and its descendants. */
function cpuSoFar(root: number | undefined) {
  const all = processes();
  if (!all) return null;
  const postgres = all.filter((p) => p.name === 'postgres').reduce((sum, p) => sum + p.cpuS, 0);
  if (root === undefined) return { postgres, server: null };
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return { postgres, server: all.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.cpuS, 0) };
}

export interface CpuShares {
  /** Cores used by the server under test: its own processes, or this one when it runs in here. */
  serverCores: number;
  postgresCores: number | null;
  /** Cores of the whole machine that were busy, whoever used them. */
  machineBusy: number | null;
}

/** Starts counting CPU; the function returned gives each one's share over `durationS` seconds. */
export function cpuWindow(serverPid?: number): (durationS: number) => CpuShares {
  const own = process.cpuUsage();
  const ticks = machineTicks();
  const before = cpuSoFar(serverPid);
  return (durationS) => {
    const cpu = process.cpuUsage(own);
    const after = machineTicks();
    const now = cpuSoFar(serverPid);
    const server = before?.server != null && now?.server != null ? now.server - before.server : (cpu.user + cpu.system) / 1e6;
    return {
      serverCores: server / durationS,
      postgresCores: before && now ? (now.postgres - before.postgres) / durationS : null,
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
  options: { dir: string; connections: number; rate?: number; capture?: string; serverPid?: number | undefined },
): Promise<LoadFigures> {
  const file = path.join(options.dir, `requests-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(requests));
  const cpu = cpuWindow(options.serverPid);
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

/**
 * The ceiling of any server here: one route that reads and parses the request's JSON and answers `answer`,
 * touching no database — on Fastify (`fastify`, the stack every Youshe route runs on) or on Node's own
 * `http` module with no framework at all (`http`). Measured in the same run as the others, it says how
 * much room this machine leaves: no server can answer faster than one that does nothing.
 */
/** The two empty servers, with the names the benches print them under. */
export const EMPTY_SERVERS = [
  { kind: 'fastify', label: 'empty Fastify route' },
  { kind: 'http', label: 'empty node:http server' },
] as const;

/** The ceiling in a bench's last JSON line: each empty server's best rate, and its ratio over the bare server's. */
export function ceilingFigures(best: { fastify: number; http: number }, barePerS: number) {
  const tenth = (n: number) => Math.round(n * 10) / 10;
  const hundredth = (n: number) => Math.round(n * 100) / 100;
  return {
    empty_fastify_per_s: tenth(best.fastify),
    empty_http_per_s: tenth(best.http),
    // The most any Fastify app, and any Node server, could reach over the bare server on this machine that day.
    empty_fastify_ratio: hundredth(best.fastify / barePerS),
    empty_http_ratio: hundredth(best.http / barePerS),
  };
}

export async function emptyServer(kind: 'fastify' | 'http', route: string, answer: object): Promise<Server> {
  const body = JSON.stringify(answer);
  if (kind === 'fastify') {
    const app = Fastify({ logger: false });
    app.post(route, async () => answer);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
  }
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      JSON.parse(text);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
