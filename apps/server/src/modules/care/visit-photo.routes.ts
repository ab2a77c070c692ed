import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { readUpload } from '../../platform/uploads.js';
import type { VisitPhotos } from './visit-photo.js';

export function visitPhotoRoutes(photos: VisitPhotos) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['care'];
    r.put(
      '/api/care/visits/:id/photo',
      {
        schema: {
          tags,
          summary: 'Attach the visit’s photo (multipart field "file"); sent again, it replaces the first',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 200: okSchema },
        },
      },
      async (req) => photos.attach(actorOf(req), req.params.id, await readUpload(req, 'photo_too_large')),
    );
    r.get(
      '/api/care/visits/:id/photo',
      { schema: { tags, summary: 'The visit’s photo as JPEG (audited)', params: idParamsSchema } },
      async (req, reply) => {
        const body = await photos.view(actorOf(req), req.params.id);
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(body);
      },
    );
  };
}
