import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appointmentListQuerySchema,
  appointmentListSchema,
  appointmentSchema,
  coverageQuerySchema,
  coverageSchema,
  createAppointmentSchema,
  createZoneSchema,
  endRequestSchema,
  idParamsSchema,
  zoneListQuerySchema,
  zoneListSchema,
  zoneSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { ZonesService } from './zones.service.js';

export function zonesRoutes(zones: ZonesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['appointments and zones'];
    r.get(
      '/api/appointments',
      {
        schema: {
          tags,
          summary: 'Cross-appointments, seen from either side',
          querystring: appointmentListQuerySchema,
          response: { 200: appointmentListSchema },
        },
      },
      (req) => zones.listAppointments(actorOf(req), req.query),
    );
    r.post(
      '/api/appointments',
      {
        schema: {
          tags,
          summary: 'Record a post held in another organisation',
          body: createAppointmentSchema,
          response: { 200: appointmentSchema },
        },
      },
      (req) => zones.createAppointment(actorOf(req), req.body),
    );
    r.post(
      '/api/appointments/:id/end',
      {
        schema: {
          tags,
          summary: 'End an appointment',
          params: idParamsSchema,
          body: endRequestSchema,
          response: { 200: appointmentSchema },
        },
      },
      (req) => zones.endAppointment(actorOf(req), req.params.id, req.body.endsOn),
    );
    r.get(
      '/api/zones',
      {
        schema: { tags, summary: 'Responsibility zones (党员责任区)', querystring: zoneListQuerySchema, response: { 200: zoneListSchema } },
      },
      (req) => zones.listZones(actorOf(req), req.query),
    );
    r.post(
      '/api/zones',
      {
        schema: {
          tags,
          summary: 'A party member takes on an outlet without a member',
          body: createZoneSchema,
          response: { 200: zoneSchema },
        },
      },
      (req) => zones.createZone(actorOf(req), req.body),
    );
    r.post(
      '/api/zones/:id/end',
      {
        schema: {
          tags,
          summary: 'End a responsibility zone',
          params: idParamsSchema,
          body: endRequestSchema,
          response: { 200: zoneSchema },
        },
      },
      (req) => zones.endZone(actorOf(req), req.params.id, req.body.endsOn),
    );
    r.get(
      '/api/coverage',
      {
        schema: {
          tags,
          summary: 'Outlets without a member, and which are covered by a zone',
          querystring: coverageQuerySchema,
          response: { 200: coverageSchema },
        },
      },
      (req) => zones.coverage(actorOf(req), req.query),
    );
  };
}
