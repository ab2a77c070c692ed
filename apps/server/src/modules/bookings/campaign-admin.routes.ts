import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addSlotsSchema,
  campaignSchema,
  campaignSlotParamsSchema,
  idParamsSchema,
  updateCampaignSchema,
  updateSlotSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { CampaignsService } from './campaigns.service.js';

/** Editing a campaign after it was set up (the console's side; the residents' routes are in bookings.routes.ts). */
export function campaignAdminRoutes(app: FastifyInstance, campaigns: CampaignsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bookings'];
  r.patch(
    '/api/booking-campaigns/:id',
    {
      schema: {
        tags,
        summary:
          'Edit title, description, period and fields, based on the version loaded (409 when someone saved meanwhile); once bookings exist, fields may only be reworded or joined by optional ones',
        params: idParamsSchema,
        body: updateCampaignSchema,
        response: { 200: campaignSchema },
      },
    },
    (req) => campaigns.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/booking-campaigns/:id/slots',
    {
      schema: {
        tags,
        summary: 'Add slots, at the campaign’s outlets or at new ones within its organisation',
        params: idParamsSchema,
        body: addSlotsSchema,
        response: { 200: campaignSchema },
      },
    },
    (req) => campaigns.addSlots(actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/api/booking-campaigns/:id/slots/:slotId',
    {
      schema: {
        tags,
        summary: 'Change a slot’s capacity (never below the places booked) or close / reopen it; freed places go to those waiting',
        params: campaignSlotParamsSchema,
        body: updateSlotSchema,
        response: { 200: campaignSchema },
      },
    },
    (req) => campaigns.updateSlot(actorOf(req), req.params.id, req.params.slotId, req.body),
  );
}
