import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '@youshe/shared';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createServices, type Services } from './composition.js';
import { registerErrorHandler, requestLocale, send } from './platform/errors.js';
import { clientOf, registerCsrfGuard, registerSession } from './platform/http.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgsRoutes } from './modules/orgs/orgs.routes.js';
import { placesRoutes } from './modules/places/places.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { publicActivityRoutes } from './modules/activities/public.routes.js';
import { partnershipsRoutes } from './modules/partnerships/partnerships.routes.js';
import { agreementFileRoutes } from './modules/partnerships/agreement-file.routes.js';
import { photosRoutes } from './modules/activities/photos.routes.js';
import { listsRoutes } from './modules/lists/lists.routes.js';
import { projectProofRoutes } from './modules/lists/project-proof.routes.js';
import { zonesRoutes } from './modules/zones/zones.routes.js';
import { quizRoutes } from './modules/activities/quiz.routes.js';
import { careRoutes } from './modules/care/care.routes.js';
import { visitPhotoRoutes } from './modules/care/visit-photo.routes.js';
import { quotesRoutes } from './modules/activities/quotes.routes.js';
import { bookingsRoutes } from './modules/bookings/bookings.routes.js';
import { MAX_PHOTO_BYTES } from './modules/activities/photos.service.js';
import { outboxRoutes } from './modules/outbox/outbox.routes.js';
import { volunteersRoutes } from './modules/volunteers/volunteers.routes.js';
import { wristbandsRoutes } from './modules/wristbands/wristbands.routes.js';
import { stationsRoutes } from './modules/stations/stations.routes.js';
import { outcomesRoutes } from './modules/outcomes/outcomes.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { pressRoutes } from './modules/reports/press.routes.js';
import { VERSION } from './version.js';
import { registerRequestLog } from './platform/request-log.js';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Built console to serve at /; omitted in API-only tests. */
  webRoot?: string | null;
  /** JSON log lines (production), on standard output unless `logStream` takes them (tests). */
  logger?: boolean;
  logStream?: { write(line: string): void };
}

export function defaultWebRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '../../web/dist'), path.resolve(here, '../web/dist')]) {
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, database } = options;
  const services = createServices(database, config);
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    // Fastify's own request lines carry the URL, codes and search terms included: registerRequestLog instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRequestLog(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip,
    // Only a refused request says how long to wait; the rest go out without three extra headers.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode }),
  });
  registerCsrfGuard(app, config.trustedOrigins);
  registerSession(app, (token, req) => services.auth.resolveActor(token, clientOf(req)));

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Youshe 邮社共建 API',
        version: VERSION,
        description: 'Sign in with POST /api/auth/login; the session cookie authenticates every other call.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Liveness and database kind', response: { 200: healthResponseSchema } } },
    async () => {
      await database.withConnection((q) => q('select 1'));
      return { status: 'ok' as const, db: database.kind, version: VERSION };
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(services.auth, config.secureCookies));
  await app.register(orgsRoutes(services.orgs));
  await app.register(placesRoutes(services.places));
  await app.register(peopleRoutes(services.people));
  await app.register(auditRoutes(services.audit));
  await app.register(accountsRoutes(services.accounts));
  await app.register(activitiesRoutes(services.activities, services.signups, services.orgs, services.quotes));
  await app.register(publicActivityRoutes(services.signups, services.activities));
  await app.register(partnershipsRoutes(services.partnerships, services.meetings));
  await app.register(listsRoutes(services.needs, services.projects));
  await app.register(zonesRoutes(services.zones));
  await app.register(quizRoutes(services.quiz));
  await app.register(careRoutes(services));
  await app.register(quotesRoutes(services.quotes));
  await app.register(bookingsRoutes(services.bookings, services.campaigns, services.counter));
  await app.register(outboxRoutes(services.outbox, config.demo));
  await app.register(volunteersRoutes(services.teams, services.hours));
  await app.register(wristbandsRoutes(services.wristbands, services.finder));
  await app.register(stationsRoutes(services.stations, services.serviceLog));
  await app.register(outcomesRoutes(services.outcomes));
  await app.register(reportsRoutes(database.db, services.dashboard, services.reports));
  await app.register(pressRoutes(services.press));
  // Uploads in a scope of their own: the multipart plugin hooks every request of its scope (a
  // listener per response), which the JSON routes, the check-in above all, need not pay for.
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5, fieldSize: 1000 } });
    await uploads.register(agreementFileRoutes(services.agreementFiles));
    await uploads.register(photosRoutes(services.photos));
    await uploads.register(projectProofRoutes(services.projectProof));
    await uploads.register(visitPhotoRoutes(services.careVisitPhotos));
  });

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Files are looked up per request, so a rebuilt console is served without a restart.
      wildcard: true,
      index: ['index.html'],
      setHeaders(res, filePath) {
        // Built assets carry a content hash in their names: cache them for good; always revalidate the page itself.
        res.header('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the console: any GET that is neither the API nor a file gets index.html.
    if (webRoot && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return send(reply, requestLocale(req), 'not_found');
  });
  return { app, services };
}
