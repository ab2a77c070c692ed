import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, photoFileQuerySchema, photoListSchema, photoParamsSchema, photoSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { readUpload } from '../../platform/uploads.js';
import type { PhotosService } from './photos.service.js';

export function photosRoutes(photos: PhotosService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['activities'];
    r.post(
      '/api/activities/:id/photos',
      {
        schema: {
          tags,
          summary: 'Upload a photo (multipart field "file", optional "caption"): resized, location data stripped',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 200: photoSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const upload = await readUpload(req, 'photo_too_large');
        const caption = (upload.fields.caption as { value?: unknown } | undefined)?.value;
        return photos.add(actor, req.params.id, upload, typeof caption === 'string' ? caption.slice(0, 200) : null);
      },
    );
    r.get(
      '/api/activities/:id/photos',
      { schema: { tags, summary: 'Photos of an activity', params: idParamsSchema, response: { 200: photoListSchema } } },
      (req) => photos.list(actorOf(req), req.params.id),
    );
    r.get(
      '/api/activities/:id/photos/:photoId',
      {
        schema: {
          tags,
          summary: 'One photo as JPEG (size=thumb for 400 px)',
          params: photoParamsSchema,
          querystring: photoFileQuerySchema,
        },
      },
      async (req, reply) => {
        const body = await photos.file(actorOf(req), req.params.id, req.params.photoId, req.query.size);
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=86400').send(body);
      },
    );
    r.delete(
      '/api/activities/:id/photos/:photoId',
      { schema: { tags, summary: 'Remove a photo', params: photoParamsSchema, response: { 200: okSchema } } },
      async (req) => {
        await photos.remove(actorOf(req), req.params.id, req.params.photoId);
        return { ok: true as const };
      },
    );
  };
}
