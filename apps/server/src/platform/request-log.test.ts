import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { freshDatabase, testConfig } from '../test/harness.js';

/** The app as production builds it (JSON logs), its log lines kept here. */
async function loggingApp(database: Database, logLevel: 'debug' | 'info') {
  const lines: Record<string, unknown>[] = [];
  const { app } = await buildApp({
    config: { ...testConfig(), logLevel },
    database,
    webRoot: null,
    logger: true,
    logStream: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  await app.ready();
  return { app, lines };
}

describe('request log lines', () => {
  let database: Database;
  afterAll(() => database?.close());

  it('name the route and never the URL: no code, token or search term reaches the logs', async () => {
    database = await freshDatabase();
    const { app, lines } = await loggingApp(database, 'debug');
    try {
      const code = 'Zq8RkT3mWx5NbV7cYp2L';
      expect((await app.inject({ method: 'GET', url: `/api/public/signups/${code}` })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/people?q=13800138000' })).statusCode).toBe(401);

      const requests = lines.filter((l) => l.msg === 'request');
      expect(requests.map((l) => [l.method, l.route, l.status])).toEqual([
        ['GET', '/api/public/signups/:code', 404],
        ['GET', '/api/people', 401],
      ]);
      expect(requests.every((l) => typeof l.ms === 'number')).toBe(true);
      const everything = lines.map((l) => JSON.stringify(l)).join('\n');
      expect(everything).not.toContain(code);
      expect(everything).not.toContain('13800138000');
    } finally {
      await app.close();
    }
  });

  it('are not written at the default level', async () => {
    const { app, lines } = await loggingApp(database, 'info');
    try {
      expect((await app.inject({ method: 'GET', url: '/api/public/signups/Zq8RkT3mWx5NbV7cYp2L' })).statusCode).toBe(404);
      expect(lines.filter((l) => l.msg === 'request' || l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
