import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, projectSchema, proofPhotoQuerySchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { readUpload } from '../../platform/uploads.js';
import type { ProjectProof } from './project-proof.js';

export function projectProofRoutes(proof: ProjectProof) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['lists'];
    r.put(
      '/api/projects/:id/proof-photo',
      {
        schema: {
          tags,
          summary: 'Attach a photo of the help given as proof (multipart field "file"); resized, location data stripped',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 200: projectSchema },
        },
      },
      async (req) => proof.attach(actorOf(req), req.params.id, await readUpload(req, 'photo_too_large')),
    );
    r.get(
      '/api/projects/:id/proof-photo',
      {
        schema: {
          tags,
          summary: 'The proof photo as JPEG (size=thumb for 400 px)',
          params: idParamsSchema,
          querystring: proofPhotoQuerySchema,
        },
      },
      async (req, reply) => {
        const body = await proof.photo(actorOf(req), req.params.id, req.query.size);
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=86400').send(body);
      },
    );
  };
}
