import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createPersonSchema,
  idParamsSchema,
  personListQuerySchema,
  personPageSchema,
  personSchema,
  revealRequestSchema,
  revealResponseSchema,
  updatePersonSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { PeopleService } from './people.service.js';

export function peopleRoutes(people: PeopleService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['people'];
    r.get(
      '/api/people',
      {
        schema: {
          tags,
          summary: 'Search people by name or exact phone; personal data masked',
          querystring: personListQuerySchema,
          response: { 200: personPageSchema },
        },
      },
      (req) => people.list(actorOf(req), req.query),
    );
    r.get(
      '/api/people/:id',
      { schema: { tags, summary: 'One person, masked', params: idParamsSchema, response: { 200: personSchema } } },
      (req) => people.get(actorOf(req), req.params.id),
    );
    r.post('/api/people', { schema: { tags, summary: 'Add a person', body: createPersonSchema, response: { 200: personSchema } } }, (req) =>
      people.create(actorOf(req), req.body),
    );
    r.patch(
      '/api/people/:id',
      { schema: { tags, summary: 'Edit a person', params: idParamsSchema, body: updatePersonSchema, response: { 200: personSchema } } },
      (req) => people.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/people/:id/archive',
      { schema: { tags, summary: 'Archive a person', params: idParamsSchema, response: { 200: personSchema } } },
      (req) => people.setArchived(actorOf(req), req.params.id, true),
    );
    r.post(
      '/api/people/:id/restore',
      { schema: { tags, summary: 'Restore an archived person', params: idParamsSchema, response: { 200: personSchema } } },
      (req) => people.setArchived(actorOf(req), req.params.id, false),
    );
    r.post(
      '/api/people/:id/reveal',
      {
        schema: {
          tags,
          summary: 'Reveal one personal field in clear; written to the audit log',
          params: idParamsSchema,
          body: revealRequestSchema,
          response: { 200: revealResponseSchema },
        },
      },
      (req) => people.reveal(actorOf(req), req.params.id, req.body.field),
    );
  };
}
