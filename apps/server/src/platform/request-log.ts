import type { FastifyInstance } from 'fastify';

/**
 * One line per answered request, at debug level: method, the route's pattern, status and milliseconds —
 * never the URL. Public links carry their bearer codes and tokens in the path (a family page's token opens
 * a person's visit reports), and searches carry names and phone numbers in the query string; Fastify's own
 * request lines would write both to wherever the logs go. At the default level (info) nothing is added per
 * request: the proxy in front keeps access logs, and a busy route pays no log write.
 */
export function registerRequestLog(app: FastifyInstance) {
  // Pino's; the silent logger Fastify uses when logging is off has none.
  const enabled = (app.log as { isLevelEnabled?(level: string): boolean }).isLevelEnabled?.('debug') ?? false;
  if (!enabled) return;
  app.addHook('onResponse', (req, reply, done) => {
    req.log.debug(
      { method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
    done();
  });
}
