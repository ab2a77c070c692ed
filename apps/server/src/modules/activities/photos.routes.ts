import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, photoFileQuerySchema, photoListSchema, photoParamsSchema, photoSchema } from '@youshe/shared';
import { invalidField } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
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
        let part;
        try {
          part = await req.file();
        } catch {
          throw invalidField('file', 'custom', 'file_required');
        }
        if (!part) throw invalidField('file', 'custom', 'file_required');
        let data: Buffer;
        try {
          data = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalidField('file', 'custom', 'photo_too_large');
          throw err;
        }
        const caption = (part.fields.caption as { value?: unknown } | undefined)?.value;
        return photos.add(
          actor,
          req.params.id,
          { data, truncated: part.file.truncated },
          typeof caption === 'string' ? caption.slice(0, 200) : null,
        );
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
