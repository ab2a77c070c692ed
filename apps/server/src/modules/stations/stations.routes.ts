import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  claimRequestSchema,
  closeRecordSchema,
  createdRecordSchema,
  createFunctionSchema,
  createRecordSchema,
  dayLogQuerySchema,
  dayLogSchema,
  functionCatalogueSchema,
  functionIdParamsSchema,
  idParamsSchema,
  placeIdParamsSchema,
  publicStationSchema,
  recordListQuerySchema,
  recordPageSchema,
  revealPhoneSchema,
  serviceRecordSchema,
  stationFunctionSchema,
  stationListQuerySchema,
  stationListSchema,
  stationSchema,
  tapResultSchema,
  tapRequestSchema,
  updateFunctionSchema,
  updateStationSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import { contactCard } from './contact-card.js';
import type { ServiceLogService } from './service-log.service.js';
import type { StationsService } from './stations.service.js';

export function stationsRoutes(stations: StationsService, log: ServiceLogService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['stations'];
    r.get(
      '/api/station-functions',
      { schema: { tags, summary: 'The catalogue of station functions ("315")', response: { 200: functionCatalogueSchema } } },
      (req) => stations.catalogue(actorOf(req)),
    );
    r.post(
      '/api/station-functions',
      {
        schema: {
          tags,
          summary: 'Add a function to the catalogue (platform admins)',
          body: createFunctionSchema,
          response: { 200: stationFunctionSchema },
        },
      },
      (req) => stations.createFunction(actorOf(req), req.body),
    );
    r.patch(
      '/api/station-functions/:id',
      {
        schema: {
          tags,
          summary: 'Edit or archive a catalogue function (platform admins)',
          params: functionIdParamsSchema,
          body: updateFunctionSchema,
          response: { 200: stationFunctionSchema },
        },
      },
      (req) => stations.updateFunction(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/stations',
      {
        schema: {
          tags,
          summary: 'Red stations in scope, with today’s count',
          querystring: stationListQuerySchema,
          response: { 200: stationListSchema },
        },
      },
      (req) => stations.list(actorOf(req), req.query),
    );
    r.get(
      '/api/stations/:placeId',
      {
        schema: {
          tags,
          summary: 'A station’s profile, functions and services',
          params: placeIdParamsSchema,
          response: { 200: stationSchema },
        },
      },
      (req) => stations.present(actorOf(req), req.params.placeId),
    );
    r.patch(
      '/api/stations/:placeId',
      {
        schema: {
          tags,
          summary: 'Edit a station’s profile, functions, services and hours',
          params: placeIdParamsSchema,
          body: updateStationSchema,
          response: { 200: stationSchema },
        },
      },
      (req) => stations.update(actorOf(req), req.params.placeId, req.body),
    );
    r.get(
      '/api/stations/:placeId/card.pdf',
      { schema: { tags, summary: 'The contact card (便民联系卡) with a QR code to the public page', params: placeIdParamsSchema } },
      async (req, reply) => {
        await stations.present(actorOf(req), req.params.placeId);
        const station = await stations.publicStation(req.params.placeId);
        const pdf = await contactCard(station, `${req.protocol}://${req.headers.host}/station/${station.placeId}`);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `inline; filename="card.pdf"; filename*=UTF-8''${encodeURIComponent(`${station.name}便民联系卡.pdf`)}`,
          )
          .send(pdf);
      },
    );
    r.get(
      '/api/stations/:placeId/log',
      {
        schema: {
          tags,
          summary: 'One day’s service counts at a station',
          params: placeIdParamsSchema,
          querystring: dayLogQuerySchema,
          response: { 200: dayLogSchema },
        },
      },
      (req) => log.dayLog(actorOf(req), req.params.placeId, req.query),
    );
    r.post(
      '/api/stations/:placeId/taps',
      {
        schema: {
          tags,
          summary: 'Count a use of a service today (+1; -1 undoes); a retried tap id counts once',
          params: placeIdParamsSchema,
          body: tapRequestSchema,
          response: { 200: tapResultSchema },
        },
      },
      (req) => log.tap(actorOf(req), req.params.placeId, req.body),
    );
    r.get(
      '/api/stations/:placeId/records',
      {
        schema: {
          tags,
          summary: 'Storage, lending and agency records',
          params: placeIdParamsSchema,
          querystring: recordListQuerySchema,
          response: { 200: recordPageSchema },
        },
      },
      (req) => log.listRecords(actorOf(req), req.params.placeId, req.query),
    );
    r.post(
      '/api/stations/:placeId/records',
      {
        schema: {
          tags,
          summary: 'Record a service for one person (storage answers the claim code once)',
          params: placeIdParamsSchema,
          body: createRecordSchema,
          response: { 200: createdRecordSchema },
        },
      },
      (req) => log.createRecord(actorOf(req), req.params.placeId, req.body),
    );
    r.post(
      '/api/stations/:placeId/claims',
      {
        // Per clerk: a code of six digits must not be guessable by trying.
        config: rateLimits.claim,
        schema: {
          tags,
          summary: 'Hand over a stored item for its claim code; a wrong code reveals nothing',
          params: placeIdParamsSchema,
          body: claimRequestSchema,
          response: { 200: serviceRecordSchema },
        },
      },
      (req) => log.claim(actorOf(req), req.params.placeId, req.body),
    );
    r.post(
      '/api/service-records/:id/close',
      {
        schema: {
          tags,
          summary: 'Returned, lost, or done',
          params: idParamsSchema,
          body: closeRecordSchema,
          response: { 200: serviceRecordSchema },
        },
      },
      (req) => log.closeRecord(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/service-records/:id/reveal',
      { schema: { tags, summary: 'Show the full phone number (audited)', params: idParamsSchema, response: { 200: revealPhoneSchema } } },
      (req) => log.revealPhone(actorOf(req), req.params.id),
    );
    r.get(
      '/api/public/stations/:placeId',
      {
        config: rateLimits.page,
        schema: {
          tags: ['public'],
          summary: 'A station’s public page: functions, services, hours, contact',
          params: placeIdParamsSchema,
          response: { 200: publicStationSchema },
        },
      },
      (req) => stations.publicStation(req.params.placeId),
    );
  };
}
