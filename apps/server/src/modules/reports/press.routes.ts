import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  draftPressReleaseSchema,
  idParamsSchema,
  pressListQuerySchema,
  pressReleasePageSchema,
  pressReleaseSchema,
  publishPressReleaseSchema,
  updatePressReleaseSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { PressService } from './press.service.js';

export function pressRoutes(press: PressService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['publicity'];
    r.get(
      '/api/press-releases',
      {
        schema: {
          tags,
          summary: 'News releases of a subtree',
          querystring: pressListQuerySchema,
          response: { 200: pressReleasePageSchema },
        },
      },
      (req) => press.list(actorOf(req), req.query),
    );
    r.get(
      '/api/press-releases/:id',
      { schema: { tags, summary: 'One news release', params: idParamsSchema, response: { 200: pressReleaseSchema } } },
      (req) => press.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/press-releases',
      {
        schema: {
          tags,
          summary: "Draft a news release from an activity's records",
          body: draftPressReleaseSchema,
          response: { 200: pressReleaseSchema },
        },
      },
      (req) => press.draft(actorOf(req), req.body),
    );
    r.put(
      '/api/press-releases/:id',
      {
        schema: {
          tags,
          summary: 'Edit the text (refused if someone saved in between)',
          params: idParamsSchema,
          body: updatePressReleaseSchema,
          response: { 200: pressReleaseSchema },
        },
      },
      (req) => press.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/press-releases/:id/publish',
      {
        schema: {
          tags,
          summary: 'Record where and when it was published',
          params: idParamsSchema,
          body: publishPressReleaseSchema,
          response: { 200: pressReleaseSchema },
        },
      },
      (req) => press.publish(actorOf(req), req.params.id, req.body),
    );
  };
}
