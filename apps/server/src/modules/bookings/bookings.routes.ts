import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bookingCodeParamsSchema,
  bookingListQuerySchema,
  bookingPageSchema,
  bookingRequestSchema,
  bookingSchema,
  campaignListQuerySchema,
  campaignPageSchema,
  campaignSchema,
  campaignStatusChangeSchema,
  campaignTokenParamsSchema,
  changeSlotSchema,
  counterBookingSchema,
  counterLookupSchema,
  createCampaignSchema,
  dueRemindersSchema,
  idParamsSchema,
  publicCampaignSchema,
} from '@youshe/shared';
import { z } from 'zod';
import { requestLocale, send } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import { BookingInputError, type BookingsService } from './bookings.service.js';
import { campaignAdminRoutes } from './campaign-admin.routes.js';
import type { CampaignsService } from './campaigns.service.js';
import type { CounterService } from './counter.service.js';

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/)
    .optional(),
});

/** Eligibility values in the wrong format: 400, each issue already worded in the resident's language. */
async function fieldErrors<T>(req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BookingInputError) return send(reply, requestLocale(req), 'validation_failed', err.issues);
    throw err;
  }
}

export function bookingsRoutes(bookings: BookingsService, campaigns: CampaignsService, counter: CounterService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['bookings'];
    campaignAdminRoutes(app, campaigns);
    r.get(
      '/api/booking-campaigns',
      {
        schema: {
          tags,
          summary: 'Booking campaigns in one’s subtree',
          querystring: campaignListQuerySchema,
          response: { 200: campaignPageSchema },
        },
      },
      (req) => campaigns.list(actorOf(req), req.query),
    );
    r.post(
      '/api/booking-campaigns',
      {
        schema: {
          tags,
          summary: 'Set up a campaign: eligibility fields, the identity field, outlets and slots with capacity',
          body: createCampaignSchema,
          response: { 200: campaignSchema },
        },
      },
      (req) => campaigns.create(actorOf(req), req.body),
    );
    r.get(
      '/api/booking-campaigns/:id',
      { schema: { tags, summary: 'One campaign with its outlets and slots', params: idParamsSchema, response: { 200: campaignSchema } } },
      (req) => campaigns.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/booking-campaigns/:id/status',
      {
        schema: {
          tags,
          summary: 'Publish a draft campaign, or close a published one',
          params: idParamsSchema,
          body: campaignStatusChangeSchema,
          response: { 200: campaignSchema },
        },
      },
      (req) => campaigns.setStatus(actorOf(req), req.params.id, req.body.status),
    );
    r.get(
      '/api/booking-campaigns/:id/bookings',
      {
        schema: {
          tags,
          summary: 'The bookings of a campaign, personal data masked',
          params: idParamsSchema,
          querystring: bookingListQuerySchema,
          response: { 200: bookingPageSchema },
        },
      },
      (req) => campaigns.listBookings(actorOf(req), req.params.id, req.query),
    );
    r.get(
      '/api/booking-campaigns/:id/export.xlsx',
      { schema: { tags, summary: 'Every booking of the campaign as an Excel file (an audited reveal)', params: idParamsSchema } },
      async (req, reply) => {
        const { buffer, title } = await counter.exportXlsx(actorOf(req), req.params.id, requestLocale(req));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="bookings.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`)
          .send(buffer);
      },
    );
    r.get(
      '/api/booking-campaigns/:id/reminders',
      {
        schema: {
          tags,
          summary: 'Confirmed bookings starting within a day that have had no reminder',
          params: idParamsSchema,
          response: { 200: dueRemindersSchema },
        },
      },
      (req) => counter.dueReminders(actorOf(req), req.params.id, false),
    );
    r.post(
      '/api/booking-campaigns/:id/reminders',
      {
        schema: {
          tags,
          summary: 'Send the due reminders through the notifier (once per booking and slot)',
          params: idParamsSchema,
          response: { 200: dueRemindersSchema },
        },
      },
      (req) => counter.dueReminders(actorOf(req), req.params.id, true),
    );
    r.post(
      '/api/bookings/counter/lookup',
      {
        schema: {
          tags,
          summary: 'A scanned or typed confirmation code: the booking, masked',
          body: counterLookupSchema,
          response: { 200: counterBookingSchema },
        },
      },
      (req) => counter.lookup(actorOf(req), req.body.code),
    );
    r.post(
      '/api/bookings/counter/fulfil',
      {
        schema: {
          tags,
          summary: 'Mark a booking fulfilled, exactly once',
          body: counterLookupSchema,
          response: { 200: counterBookingSchema },
        },
      },
      (req) => counter.fulfil(actorOf(req), req.body.code),
    );

    // The resident's side: no account, the campaign's token and one's own code. Generous limits: a
    // school hands the link to a whole class at once.
    const pub = ['public'];
    r.get(
      '/api/public/booking-campaigns/:token',
      {
        config: rateLimits.crowd,
        schema: {
          tags: pub,
          summary: 'A campaign’s public page: outlets, slots and places left',
          params: campaignTokenParamsSchema,
          response: { 200: publicCampaignSchema },
        },
      },
      (req) => bookings.publicView(req.params.token),
    );
    r.post(
      '/api/public/booking-campaigns/:token/bookings',
      {
        config: rateLimits.crowd,
        schema: {
          tags: pub,
          summary:
            'Book a slot; a retry (same Idempotency-Key or same person) answers the same booking; a full slot answers capacity_full with alternatives',
          params: campaignTokenParamsSchema,
          headers: idempotencyHeaders,
          body: bookingRequestSchema,
          response: { 200: bookingSchema },
        },
      },
      (req, reply) =>
        fieldErrors(req, reply, () =>
          bookings.book(req.params.token, req.body, requestLocale(req), req.headers['idempotency-key'] ?? null),
        ),
    );
    r.get(
      '/api/public/bookings/:code',
      {
        config: rateLimits.crowd,
        schema: { tags: pub, summary: 'Your booking', params: bookingCodeParamsSchema, response: { 200: bookingSchema } },
      },
      (req) => bookings.mine(req.params.code),
    );
    r.post(
      '/api/public/bookings/:code/slot',
      {
        config: rateLimits.crowd,
        schema: {
          tags: pub,
          summary: 'Move your booking to another slot (capacity_full with alternatives when it has no room)',
          params: bookingCodeParamsSchema,
          body: changeSlotSchema,
          response: { 200: bookingSchema },
        },
      },
      (req) => bookings.changeSlot(req.params.code, req.body.slotId),
    );
    r.post(
      '/api/public/bookings/:code/cancel',
      {
        config: rateLimits.crowd,
        schema: {
          tags: pub,
          summary: 'Cancel your booking; the place goes to the next person waiting',
          params: bookingCodeParamsSchema,
          response: { 200: bookingSchema },
        },
      },
      (req) => bookings.cancel(req.params.code),
    );
    r.post(
      '/api/public/bookings/:code/accept',
      {
        config: rateLimits.crowd,
        schema: {
          tags: pub,
          summary: 'Take up a place offered from the waiting list',
          params: bookingCodeParamsSchema,
          response: { 200: bookingSchema },
        },
      },
      (req) => bookings.accept(req.params.code),
    );
  };
}
