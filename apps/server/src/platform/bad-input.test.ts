/**
 * Sweeps every route in the OpenAPI document with bad input: malformed JSON, wrong types, over-long
 * strings, unknown fields, bad ids, SQL and script fragments. None may produce a 5xx, every refusal
 * carries {code, message} in the caller's language, and nothing outside the request changes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test/harness.js';
import { makeTwoCities, TEST_PASSWORD } from '../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let admin: Awaited<ReturnType<typeof signIn>>;
type Op = { method: string; path: string; body?: { properties?: Record<string, { type?: string; maxLength?: number }> }; query: string[] };
let ops: Op[];

const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
const FRAGMENTS = ["'); drop table orgs; --", '<script>alert(1)</script>', '" OR 1=1 --', '${7*7}{{7*7}}'];

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  admin = await signIn(t.app, w.admin.login, TEST_PASSWORD);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  ops = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const query = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name);
      ops.push({ method: method.toUpperCase(), path, body, query });
    }
  }
});
afterAll(() => t.close());

const url = (op: Op, id: string) => op.path.replace(/\{[^}]+\}/g, id);
const snapshot = async () => {
  const res = await t.database.db.execute(
    sql`select (select count(*)::int from orgs) o, (select count(*)::int from persons) p, (select count(*)::int from places) pl, (select count(*)::int from accounts) a`,
  );
  return (res as unknown as { rows: unknown[] }).rows;
};

function expectRefusal(res: { statusCode: number; json(): any }, where: string) {
  expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, where).toBeLessThan(500);
  const body = res.json();
  expect(typeof body.code, where).toBe('string');
  expect(body.message, where).toMatch(/[\u4e00-\u9fff]/);
}

describe('bad input on every route', () => {
  it('finds the routes to sweep', () => {
    expect(ops.length).toBeGreaterThan(20);
  });

  it('answers 401 without a session on every non-public route', async () => {
    for (const op of ops.filter((o) => !PUBLIC.has(`${o.method} ${o.path}`) && !o.path.startsWith('/api/public/'))) {
      const res = await t.app.inject({ method: op.method as 'GET', url: url(op, w.czBranch.id), payload: op.body ? {} : undefined });
      expect([400, 401], `${op.method} ${op.path}`).toContain(res.statusCode);
      if (res.statusCode === 401) expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('refuses malformed ids, malformed JSON, unknown fields, wrong types and over-long strings', async () => {
    const before = await snapshot();
    for (const op of ops) {
      const where = `${op.method} ${op.path}`;
      if (op.path.includes('{')) {
        for (const id of ['not-a-uuid', "1' or '1'='1", '../../etc/passwd']) {
          expectRefusal(
            await admin.inject({ method: op.method as 'GET', url: url(op, encodeURIComponent(id)), payload: op.body ? {} : undefined }),
            `${where} id=${id}`,
          );
        }
      }
      const target = url(op, w.czBranch.id);
      for (const q of op.query) {
        expectRefusal(await admin.inject({ method: op.method as 'GET', url: `${target}?${q}=${'x'.repeat(5000)}` }), `${where} ?${q}=long`);
      }
      if (op.query.length)
        expectRefusal(await admin.inject({ method: op.method as 'GET', url: `${target}?unknownParam=1` }), `${where} unknown param`);
      if (!op.body) continue;
      expectRefusal(
        await admin.inject({
          method: op.method as 'POST',
          url: target,
          headers: { 'content-type': 'application/json' },
          payload: '{"name": "unterminated',
        }),
        `${where} malformed json`,
      );
      expectRefusal(await admin.inject({ method: op.method as 'POST', url: target, payload: [1, 2, 3] }), `${where} array body`);
      expectRefusal(
        await admin.inject({ method: op.method as 'POST', url: target, payload: { unknownField: 'x' } }),
        `${where} unknown field`,
      );
      for (const [name, prop] of Object.entries(op.body.properties ?? {})) {
        expectRefusal(
          await admin.inject({ method: op.method as 'POST', url: target, payload: { [name]: { nested: true } } }),
          `${where} ${name} object`,
        );
        if (prop.maxLength) {
          expectRefusal(
            await admin.inject({ method: op.method as 'POST', url: target, payload: { [name]: 'x'.repeat(prop.maxLength + 1) } }),
            `${where} ${name} too long`,
          );
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores SQL and script fragments as plain text, never executing them', async () => {
    for (const fragment of FRAGMENTS) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/orgs',
        payload: { parentId: w.changzhou.id, kind: 'branch', name: fragment },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe(fragment);
      const search = await admin.inject({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent(fragment)}` });
      expect(search.json().items.map((o: { name: string }) => o.name)).toEqual([fragment]);
      const people = await admin.inject({ method: 'GET', url: `/api/people?q=${encodeURIComponent(fragment.slice(0, 32))}` });
      expect(people.statusCode).toBe(200);
    }
    // A LIKE wildcard typed by a user matches itself only.
    expect((await admin.inject({ method: 'GET', url: '/api/orgs?q=%25' })).json().items).toEqual([]);
    expect((await admin.inject({ method: 'GET', url: `/api/orgs/${w.changzhou.id}` })).json().childCount).toBe(1 + FRAGMENTS.length);
  });

  it('answers in the caller language', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { parentId: w.changzhou.id, kind: 'nope', name: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Some fields are not valid; please check the marked fields');
    expect(
      res
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['kind', 'name']);
    expect(res.json().details.find((d: { path: string }) => d.path === 'name').message).toBe('Must not be empty');
  });
});
