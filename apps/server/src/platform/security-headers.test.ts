import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { securityHeaders } from './security-headers.js';

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], upgradeInsecureRequests: null } },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: true,
};

/** The headers helmet itself puts on a real response from a real server. */
async function helmetOnARealResponse(): Promise<IncomingHttpHeaders> {
  const middleware = helmet(options);
  const server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return Object.fromEntries(res.headers);
  } finally {
    server.close();
  }
}

describe('precomputed security headers', () => {
  it('are exactly the headers helmet sets on a real response', async () => {
    const real = await helmetOnARealResponse();
    const ours = securityHeaders(options);
    expect(Object.keys(ours).length).toBeGreaterThan(8);
    for (const [name, value] of Object.entries(ours)) expect(real[name], name).toBe(value);
    // Nothing helmet sets is missing (the rest of the real answer is Node's own: date, length…).
    const nodeOwn = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-type']);
    expect(Object.keys(real).filter((h) => !nodeOwn.has(h) && !(h in ours))).toEqual([]);
  });

  it('refuses a directive that would change per request, rather than freeze it', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => `'nonce-${Math.random()}'`] } } }),
    ).toThrow(/per request/);
  });
});

describe('the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives JSON answers (errors and unknown paths too) the JSON set, and everything else helmet’s', async () => {
    for (const url of ['/api/health', '/api/me', '/api/no-such-thing']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
