import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, worked out once. Helmet is a middleware that builds
 * its headers (the CSP string above all) on every call, and @fastify/helmet even builds a new
 * helmet per request; with static options the answer never changes, and on the check-in path that
 * rebuilding cost a tenth of the server's CPU. So helmet stays the source of the values, and we
 * only remember what it said.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  // A directive given as a function (a nonce, say) is worked out per request: remembering it would freeze it.
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((v) => typeof v === 'function' || (Array.isArray(v) && v.some((x) => typeof x === 'function')))) {
    throw new Error('a CSP directive that changes per request cannot be precomputed');
  }
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let called = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously: security headers cannot be precomputed');
  return headers;
}

/**
 * What a JSON answer needs, after OWASP's advice for REST services: it is never rendered as a page,
 * so a CSP that forbids everything (and framing), no sniffing, no referrer, same-origin reads. Half of
 * helmet's dozen headers, on the answers that the busiest routes (check-in, booking) give by the thousand.
 */
export function apiHeaders(hsts: string | undefined): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}

/**
 * Sets the precomputed security headers on every answer: the JSON set on JSON, helmet's full set on
 * everything else (the console's pages and files, PDFs, pictures, the API's documentation).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions) {
  const documents = securityHeaders(options);
  const json = apiHeaders(documents['strict-transport-security']);
  app.addHook('onSend', (_req, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    reply.headers(typeof type === 'string' && type.startsWith('application/json') ? json : documents);
    done(null, payload);
  });
}
