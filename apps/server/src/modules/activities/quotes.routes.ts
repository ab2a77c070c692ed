import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createQuoteSchema, idParamsSchema, okSchema, quoteListSchema, quoteParamsSchema, quoteSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { QuotesService } from './quotes.service.js';

export function quotesRoutes(quotes: QuotesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['activities'];
    r.get(
      '/api/activities/:id/quotes',
      {
        schema: {
          tags,
          summary: 'What participants said, in the order it was written down',
          params: idParamsSchema,
          response: { 200: quoteListSchema },
        },
      },
      (req) => quotes.list(actorOf(req), req.params.id),
    );
    r.post(
      '/api/activities/:id/quotes',
      {
        schema: {
          tags,
          summary: 'Write down what a participant said, with their consent to be quoted',
          params: idParamsSchema,
          body: createQuoteSchema,
          response: { 200: quoteSchema },
        },
      },
      (req) => quotes.add(actorOf(req), req.params.id, req.body),
    );
    r.delete(
      '/api/activities/:id/quotes/:quoteId',
      { schema: { tags, summary: 'Remove a quote', params: quoteParamsSchema, response: { 200: okSchema } } },
      (req) => quotes.remove(actorOf(req), req.params.id, req.params.quoteId),
    );
  };
}
