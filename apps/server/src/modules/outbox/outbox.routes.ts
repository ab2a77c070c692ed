import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, outboxMessageSchema, outboxPageSchema, outboxQuerySchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { OutboxService } from './outbox.service.js';

/** `demo` tells the page that held messages are what would have been sent, not a fault. */
export function outboxRoutes(outbox: OutboxService, demo: boolean) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notify'];
    r.get(
      '/api/outbox',
      {
        schema: {
          tags,
          summary: 'Outgoing messages of one’s subtree (recipients masked) and how their delivery went',
          querystring: outboxQuerySchema,
          response: { 200: outboxPageSchema },
        },
      },
      async (req) => ({ ...(await outbox.list(actorOf(req), req.query)), demo }),
    );
    r.post(
      '/api/outbox/:id/retry',
      { schema: { tags, summary: 'Send a failed message again', params: idParamsSchema, response: { 200: outboxMessageSchema } } },
      (req) => outbox.retry(actorOf(req), req.params.id),
    );
  };
}
