import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, TEST_DB } from './test/harness.js';
import { freePort } from './test/ports.js';

const key = () => randomBytes(32).toString('base64');

/** The server as `npm start` runs it, with the environment an operator gives it. */
function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Node processes whose parent is `pid`, from /proc: the workers. (Under tsx the primary may also run an esbuild
 * service, which is no worker.)
 */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name === 'node' && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

describe('starting on a port that is taken', () => {
  it('stops at once and says what to do, before touching the database', async () => {
    const port = await freePort();
    const other = http.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'youshe-port-'));
      const server = startServer({ PORT: String(port), DATA_DIR: dataDir, DEMO: 'true' });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`端口 ${port} 已被占用`);
      expect(server.output()).toContain(`port ${port} is in use`);
      // No database was made in the data directory it was given (only the development keys the configuration writes).
      expect(readdirSync(dataDir).filter((f) => f !== 'keys.json')).toEqual([]);
    } finally {
      other.close();
    }
  });
});

describe('several server processes on one machine (WORKERS)', { timeout: 180_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const track = (child: ChildProcess) => cleanups.push(async () => void child.kill('SIGKILL'));

  if (TEST_DB === 'pglite') {
    it('refuses to start several processes on the embedded database, saying why', async () => {
      const server = startServer({ WORKERS: '2', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'youshe-workers-')), PORT: '0' });
      track(server.child);
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('WORKERS above 1 needs PostgreSQL');
    });
    return;
  }

  it('serves one port from two workers, replaces a worker that dies and stops them all on SIGTERM', async () => {
    const target = await emptyPostgresDatabase('youshe_workers');
    cleanups.push(target.drop);
    const port = await freePort();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: target.url,
      ENCRYPTION_KEY: key(),
      BLIND_INDEX_KEY: key(),
      PORT: String(port),
      WORKERS: '2',
    });
    track(server.child);
    await until('the ready line', () => server.output().includes('2 worker processes'), 120_000);
    // Each request on a connection of its own, as a new phone would: a killed worker takes its connections along.
    const health = () =>
      new Promise<number>((resolve, reject) =>
        http
          .get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => resolve(res.resume().statusCode!))
          .on('error', reject),
      );

    const workers = childrenOf(server.child.pid!);
    expect(workers).toHaveLength(2);
    expect(await Promise.all(Array.from({ length: 10 }, health))).toEqual(Array(10).fill(200));

    // A worker killed outright is replaced, and the port answers as before.
    process.kill(workers[0]!, 'SIGKILL');
    const replaced = await until('a new worker', () => {
      const now = childrenOf(server.child.pid!);
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]);
    expect(server.output()).toContain(`worker ${workers[0]} stopped`);
    expect(await Promise.all(Array.from({ length: 10 }, health))).toEqual(Array(10).fill(200));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(childrenOf(server.child.pid!)).toEqual([]);
  });
});
