import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createOrgSchema,
  idParamsSchema,
  moveOrgSchema,
  okSchema,
  orgDetailSchema,
  orgDirectoryQuerySchema,
  orgDirectorySchema,
  orgListQuerySchema,
  orgPageSchema,
  updateOrgSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { OrgsService } from './orgs.service.js';

export function orgsRoutes(orgs: OrgsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['organisations'];
    r.get(
      '/api/orgs',
      {
        schema: {
          tags,
          summary: 'Children of a unit, a search, or the top of what the caller may see',
          querystring: orgListQuerySchema,
          response: { 200: orgPageSchema },
        },
      },
      (req) => orgs.list(actorOf(req), req.query),
    );
    r.get(
      '/api/orgs/directory',
      {
        schema: {
          tags,
          summary: 'Find any current unit by name, to name co-organisers and partners (names only)',
          querystring: orgDirectoryQuerySchema,
          response: { 200: orgDirectorySchema },
        },
      },
      (req) => orgs.directory(actorOf(req), req.query.q, req.query.kind),
    );
    r.get(
      '/api/orgs/:id',
      { schema: { tags, summary: 'One unit with its ancestors and counts', params: idParamsSchema, response: { 200: orgDetailSchema } } },
      (req) => orgs.get(actorOf(req), req.params.id),
    );
    r.post('/api/orgs', { schema: { tags, summary: 'Create a unit', body: createOrgSchema, response: { 200: orgDetailSchema } } }, (req) =>
      orgs.create(actorOf(req), req.body),
    );
    r.patch(
      '/api/orgs/:id',
      { schema: { tags, summary: 'Edit a unit', params: idParamsSchema, body: updateOrgSchema, response: { 200: orgDetailSchema } } },
      (req) => orgs.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/orgs/:id/move',
      {
        schema: {
          tags,
          summary: 'Move a unit and its subtree under another parent',
          params: idParamsSchema,
          body: moveOrgSchema,
          response: { 200: orgDetailSchema },
        },
      },
      (req) => orgs.move(actorOf(req), req.params.id, req.body.parentId),
    );
    r.post(
      '/api/orgs/:id/archive',
      { schema: { tags, summary: 'Archive a unit and its subtree', params: idParamsSchema, response: { 200: orgDetailSchema } } },
      (req) => orgs.setArchived(actorOf(req), req.params.id, true),
    );
    r.post(
      '/api/orgs/:id/restore',
      { schema: { tags, summary: 'Restore an archived unit', params: idParamsSchema, response: { 200: orgDetailSchema } } },
      (req) => orgs.setArchived(actorOf(req), req.params.id, false),
    );
    r.delete(
      '/api/orgs/:id',
      { schema: { tags, summary: 'Delete a unit nothing points to', params: idParamsSchema, response: { 200: okSchema } } },
      async (req) => {
        await orgs.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
