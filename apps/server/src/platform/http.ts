import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './access.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'youshe_session';

export function clientOf(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null };
}

/** The signed-in actor, or a 401 in the caller's language. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie sessions: the cookie is SameSite=Lax, and a browser write must come from
 * our own origin (or a configured one). Browsers always send Origin on cross-site writes; clients
 * that send none (scripts, the CLI) carry no ambient cookie from another site.
 */
export function registerCsrfGuard(app: FastifyInstance, trustedOrigins: string[]) {
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') throw new AppError('csrf_rejected');
    if (!origin) return;
    const own = `${req.protocol}://${req.headers.host}`;
    if (origin !== own && !trustedOrigins.includes(origin)) throw new AppError('csrf_rejected');
  });
}

export function registerSession(app: FastifyInstance, resolve: (token: string, req: FastifyRequest) => Promise<Actor | null>) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    req.actor = await resolve(token, req);
    if (req.actor) req.sessionToken = token;
  });
}
