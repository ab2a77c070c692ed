import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createPlaceSchema, idParamsSchema, placeListQuerySchema, placePageSchema, placeSchema, updatePlaceSchema } from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { PlacesService } from './places.service.js';

export function placesRoutes(places: PlacesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['places'];
    r.get(
      '/api/places',
      {
        schema: {
          tags,
          summary: 'Outlets, red stations, pickup points, villages and grids in scope',
          querystring: placeListQuerySchema,
          response: { 200: placePageSchema },
        },
      },
      (req) => places.list(actorOf(req), req.query),
    );
    r.get('/api/places/:id', { schema: { tags, summary: 'One place', params: idParamsSchema, response: { 200: placeSchema } } }, (req) =>
      places.get(actorOf(req), req.params.id),
    );
    r.post('/api/places', { schema: { tags, summary: 'Create a place', body: createPlaceSchema, response: { 200: placeSchema } } }, (req) =>
      places.create(actorOf(req), req.body),
    );
    r.patch(
      '/api/places/:id',
      { schema: { tags, summary: 'Edit a place', params: idParamsSchema, body: updatePlaceSchema, response: { 200: placeSchema } } },
      (req) => places.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/places/:id/archive',
      { schema: { tags, summary: 'Archive a place', params: idParamsSchema, response: { 200: placeSchema } } },
      (req) => places.setArchived(actorOf(req), req.params.id, true),
    );
    r.post(
      '/api/places/:id/restore',
      { schema: { tags, summary: 'Restore an archived place', params: idParamsSchema, response: { 200: placeSchema } } },
      (req) => places.setArchived(actorOf(req), req.params.id, false),
    );
  };
}
