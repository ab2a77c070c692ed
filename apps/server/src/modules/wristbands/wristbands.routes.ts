import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  batchListSchema,
  batchSchema,
  bindWristbandSchema,
  createBatchSchema,
  finderAlertResultSchema,
  finderAlertSchema,
  idParamsSchema,
  publicWristbandSchema,
  wristbandCodeParamsSchema,
  wristbandDetailSchema,
  wristbandListQuerySchema,
  wristbandPageSchema,
  wristbandStatusSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import type { FinderService } from './finder.service.js';
import type { WristbandsService } from './wristbands.service.js';

export function wristbandsRoutes(bands: WristbandsService, finder: FinderService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['wristbands'];
    r.get(
      '/api/wristband-batches',
      { schema: { tags, summary: 'Batches of wristband codes', response: { 200: batchListSchema } } },
      (req) => bands.listBatches(actorOf(req)),
    );
    r.post(
      '/api/wristband-batches',
      { schema: { tags, summary: 'Generate a batch of wristband codes', body: createBatchSchema, response: { 200: batchSchema } } },
      (req) => bands.createBatch(actorOf(req), req.body),
    );
    r.get(
      '/api/wristband-batches/:id/labels.pdf',
      { schema: { tags, summary: 'Printable labels with QR codes (PDF)', params: idParamsSchema } },
      async (req, reply) => {
        const { pdf, label } = await bands.labels(actorOf(req), req.params.id, `${req.protocol}://${req.headers.host}`);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="labels.pdf"; filename*=UTF-8''${encodeURIComponent(`防走失手环-${label}.pdf`)}`)
          .send(pdf);
      },
    );
    r.get(
      '/api/wristbands',
      {
        schema: {
          tags,
          summary: 'Wristbands with status, wearer (in clear only to those who may reveal them) and scans',
          querystring: wristbandListQuerySchema,
          response: { 200: wristbandPageSchema },
        },
      },
      (req) => bands.list(actorOf(req), req.query),
    );
    r.get(
      '/api/wristbands/:id',
      { schema: { tags, summary: 'A wristband and its scan log', params: idParamsSchema, response: { 200: wristbandDetailSchema } } },
      (req) => bands.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/wristbands/:id/bind',
      {
        schema: {
          tags,
          summary: 'Give the wristband to a care recipient',
          params: idParamsSchema,
          body: bindWristbandSchema,
          response: { 200: wristbandDetailSchema },
        },
      },
      (req) => bands.bind(actorOf(req), req.params.id, req.body.recipientId),
    );
    r.post(
      '/api/wristbands/:id/status',
      {
        schema: {
          tags,
          summary: 'Mark the wristband lost or retired',
          params: idParamsSchema,
          body: wristbandStatusSchema,
          response: { 200: wristbandDetailSchema },
        },
      },
      (req) => bands.setStatus(actorOf(req), req.params.id, req.body.status),
    );
    r.post(
      '/api/wristband-scans/:id/reveal',
      {
        schema: {
          tags,
          summary: 'The finder’s callback number (audited)',
          params: idParamsSchema,
          response: { 200: z.object({ callbackPhone: z.string() }) },
        },
      },
      (req) => bands.revealCallback(actorOf(req), req.params.id),
    );

    // The finder's side: no sign-in. Limits per address keep code-guessing and button-mashing useless.
    r.get(
      '/api/public/wristbands/:code',
      {
        config: rateLimits.lookup,
        schema: {
          tags: ['public'],
          summary: 'A scanned wristband: whether its wearer may need help, nothing about who',
          params: wristbandCodeParamsSchema,
          response: { 200: publicWristbandSchema },
        },
      },
      (req) => finder.scan(req.params.code, req.ip ?? null),
    );
    r.post(
      '/api/public/wristbands/:code/alert',
      {
        config: rateLimits.alert,
        schema: {
          tags: ['public'],
          summary: 'The finder asks for help: the family and the community are notified at once',
          params: wristbandCodeParamsSchema,
          body: finderAlertSchema,
          response: { 200: finderAlertResultSchema },
        },
      },
      (req) => finder.alert(req.params.code, req.body, req.ip ?? null),
    );
  };
}
