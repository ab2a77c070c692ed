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
  // A callback hook, not an async one: it runs on every request and mostly has nothing to do.
  app.addHook('onRequest', (req, _reply, done) => {
    if (!UNSAFE.has(req.method)) return done();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') return done(new AppError('csrf_rejected'));
    if (!origin) return done();
    const own = `${req.protocol}://${req.headers.host}`;
    if (origin !== own && !trustedOrigins.includes(origin)) return done(new AppError('csrf_rejected'));
    done();
  });
}

export function registerSession(app: FastifyInstance, resolve: (token: string, req: FastifyRequest) => Promise<Actor | null>) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', (req, _reply, done) => {
    // Most public requests carry no session: settle those without a promise.
    if (!req.url.startsWith('/api/')) return done();
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return done();
    resolve(token, req).then((actor) => {
      req.actor = actor;
      if (actor) req.sessionToken = token;
      done();
    }, done);
  });
}
