import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamsSchema,
  phoneCheckinSchema,
  publicActivitySchema,
  publicTokenParamsSchema,
  selfCheckinResultSchema,
  signupCodeParamsSchema,
  signupRequestSchema,
  signupSchema,
} from '@youshe/shared';
import { rateLimits } from '../../platform/rate-limits.js';
import type { ActivitiesService } from './activities.service.js';
import { activitiesCalendar } from './calendar.js';
import type { SignupsService } from './signups.service.js';

/**
 * The resident's side: no account, only the unguessable activity token and their own sign-up code.
 * Limits are per address but generous: a whole event may share one venue Wi-Fi.
 */
export function publicActivityRoutes(signups: SignupsService, activities: ActivitiesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    r.get(
      '/api/public/activities/:token',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'An activity’s public page: places left, no personal data',
          params: publicTokenParamsSchema,
          response: { 200: publicActivitySchema },
        },
      },
      (req) => signups.publicView(req.params.token),
    );
    r.post(
      '/api/public/activities/:token/signups',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'Sign up with name, phone and consent; a full activity puts you on the waiting list',
          params: publicTokenParamsSchema,
          body: signupRequestSchema,
          response: { 200: signupSchema },
        },
      },
      (req) => signups.signUp(req.params.token, req.body),
    );
    r.get(
      '/api/public/signups/:code',
      {
        config: rateLimits.crowd,
        schema: { tags, summary: 'Your sign-up and its status', params: signupCodeParamsSchema, response: { 200: signupSchema } },
      },
      (req) => signups.mine(req.params.code),
    );
    r.post(
      '/api/public/signups/:code/cancel',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'Cancel your sign-up; your place goes to the next person waiting',
          params: signupCodeParamsSchema,
          response: { 200: signupSchema },
        },
      },
      (req) => signups.cancel(req.params.code),
    );
    r.post(
      '/api/public/signups/:code/accept',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'Take up a place offered from the waiting list',
          params: signupCodeParamsSchema,
          response: { 200: signupSchema },
        },
      },
      (req) => signups.accept(req.params.code),
    );
    r.post(
      '/api/public/activities/:token/checkins',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'Check yourself in by scanning the activity’s QR code',
          params: publicTokenParamsSchema,
          body: z.strictObject({ code: signupCodeParamsSchema.shape.code }),
          response: { 200: selfCheckinResultSchema },
        },
      },
      (req) => signups.selfCheckIn(req.params.token, req.body.code),
    );
    r.post(
      '/api/public/activities/:token/checkins/by-phone',
      {
        config: rateLimits.crowd,
        schema: {
          tags,
          summary: 'Check yourself in with the name and phone number you signed up with',
          params: publicTokenParamsSchema,
          body: phoneCheckinSchema,
          response: { 200: selfCheckinResultSchema },
        },
      },
      (req) => signups.selfCheckInByPhone(req.params.token, req.body),
    );
    r.get(
      '/api/public/orgs/:id/calendar.ics',
      { config: rateLimits.crowd, schema: { tags, summary: 'iCalendar feed of a unit’s published activities', params: idParamsSchema } },
      async (req, reply) => {
        const feed = await activities.publicFeed(req.params.id);
        const base = `${req.protocol}://${req.headers.host}`;
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .send(activitiesCalendar(feed.name, feed.items, (token) => `${base}/a/${token}`));
      },
    );
  };
}
