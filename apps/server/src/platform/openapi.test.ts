import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('publishes an OpenAPI 3 document generated from the schemas', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(doc.openapi).toMatch(/^3\./);
  const login = doc.paths['/api/auth/login'].post;
  expect(login.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
  const create = doc.paths['/api/people'].post.requestBody.content['application/json'].schema;
  expect(create.properties.phone).toBeDefined();
  expect(create.additionalProperties).toBe(false);
  for (const path of [
    '/api/orgs',
    '/api/orgs/{id}',
    '/api/places',
    '/api/people/{id}/reveal',
    '/api/audit',
    '/api/accounts',
    '/api/me',
    '/api/health',
  ]) {
    expect(doc.paths[path], path).toBeDefined();
  }
});

it('serves a readable API reference page', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/html');
  expect(res.body).toContain('swagger');
});
