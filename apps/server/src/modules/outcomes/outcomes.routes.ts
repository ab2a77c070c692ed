import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createLeadSchema,
  createOutcomeSchema,
  idParamsSchema,
  leadListQuerySchema,
  leadPageSchema,
  leadSchema,
  outcomeListQuerySchema,
  outcomePageSchema,
  outcomeSchema,
  outcomeSummaryQuerySchema,
  outcomeSummarySchema,
  revealPhoneSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { OutcomesService } from './outcomes.service.js';

export function outcomesRoutes(outcomes: OutcomesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['outcomes'];
    r.get(
      '/api/outcomes',
      {
        schema: {
          tags,
          summary: 'Business outcomes (党建+业务) in scope',
          querystring: outcomeListQuerySchema,
          response: { 200: outcomePageSchema },
        },
      },
      (req) => outcomes.list(actorOf(req), req.query),
    );
    r.post(
      '/api/outcomes',
      {
        schema: {
          tags,
          summary: 'Record a sale, orders, subscriptions, merchants or customers won',
          body: createOutcomeSchema,
          response: { 200: outcomeSchema },
        },
      },
      (req) => outcomes.create(actorOf(req), req.body),
    );
    r.get(
      '/api/outcomes/summary',
      {
        schema: {
          tags,
          summary: 'Outcomes of an organisation’s subtree by month, quarter or year',
          querystring: outcomeSummaryQuerySchema,
          response: { 200: outcomeSummarySchema },
        },
      },
      (req) => outcomes.summary(actorOf(req), req.query),
    );
    r.get(
      '/api/leads',
      {
        schema: {
          tags,
          summary: 'Interested residents (with their consent), phones masked',
          querystring: leadListQuerySchema,
          response: { 200: leadPageSchema },
        },
      },
      (req) => outcomes.listLeads(actorOf(req), req.query),
    );
    r.post(
      '/api/leads',
      { schema: { tags, summary: 'Keep a lead, only with the resident’s consent', body: createLeadSchema, response: { 200: leadSchema } } },
      (req) => outcomes.createLead(actorOf(req), req.body),
    );
    r.post(
      '/api/leads/:id/reveal',
      { schema: { tags, summary: 'Show a lead’s phone number (audited)', params: idParamsSchema, response: { 200: revealPhoneSchema } } },
      (req) => outcomes.revealLead(actorOf(req), req.params.id),
    );
  };
}
