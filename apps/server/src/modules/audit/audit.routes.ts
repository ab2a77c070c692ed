import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuerySchema, auditPageSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(audit: AuditService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first, within the caller’s scope',
          querystring: auditListQuerySchema,
          response: { 200: auditPageSchema },
        },
      },
      (req) => audit.list(actorOf(req), req.query),
    );
  };
}
