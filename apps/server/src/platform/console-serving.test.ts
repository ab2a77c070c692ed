import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { freshDatabase, testConfig } from '../test/harness.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';

let app: FastifyInstance;
let database: Database;
const webRoot = mkdtempSync(path.join(tmpdir(), 'youshe-web-'));

beforeAll(async () => {
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>邮社共建</title>');
  writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  database = await freshDatabase();
  ({ app } = await buildApp({ config: testConfig(), database, webRoot }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('serves the console, its client-side routes, and assets added after start', async () => {
  expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('邮社共建');
  const route = await app.inject({ method: 'GET', url: '/orgs/some/deep/link' });
  expect(route.statusCode).toBe(200);
  expect(route.body).toContain('邮社共建');
  expect(route.headers['cache-control']).toBe('no-cache');
  writeFileSync(path.join(webRoot, 'assets', 'later-def456.js'), 'console.log(2)');
  const later = await app.inject({ method: 'GET', url: '/assets/later-def456.js' });
  expect(later.body).toBe('console.log(2)');
  expect(later.headers['cache-control']).toContain('immutable');
});

it('answers unknown API paths with a JSON 404, never the console page', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
  expect(res.statusCode).toBe(404);
  expect(res.json().code).toBe('not_found');
});
