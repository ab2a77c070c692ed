import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, partnershipSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { readUpload } from '../../platform/uploads.js';
import type { AgreementFiles } from './agreement-file.js';

export function agreementFileRoutes(agreements: AgreementFiles) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['partnerships'];
    r.put(
      '/api/partnerships/:id/agreement',
      {
        schema: {
          tags,
          summary: 'Attach the signed agreement (multipart field "file": PDF, JPEG or PNG, up to 10 MB); replaces an earlier one',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 200: partnershipSchema },
        },
      },
      async (req) => {
        const upload = await readUpload(req, 'agreement_file_too_large');
        return agreements.attach(actorOf(req), req.params.id, upload);
      },
    );
    r.get(
      '/api/partnerships/:id/agreement',
      { schema: { tags, summary: 'The signed agreement as it was attached', params: idParamsSchema } },
      async (req, reply) => {
        const file = await agreements.download(actorOf(req), req.params.id);
        return reply
          .header('content-type', file.type)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="agreement"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.body);
      },
    );
    r.delete(
      '/api/partnerships/:id/agreement',
      { schema: { tags, summary: 'Remove the attached agreement file', params: idParamsSchema, response: { 200: partnershipSchema } } },
      (req) => agreements.detach(actorOf(req), req.params.id),
    );
  };
}
