import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityKindSchema,
  activityListQuerySchema,
  activityPageSchema,
  activitySchema,
  activityTransitionSchema,
  checkinResultSchema,
  createActivitySchema,
  idParamsSchema,
  ledgerQuerySchema,
  signupListSchema,
  staffCheckinSchema,
  updateActivitySchema,
  upsertActivityKindSchema,
} from '@youshe/shared';
import { requestLocale } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import type { OrgsService } from '../orgs/orgs.service.js';
import { buildLedger } from './ledger.js';
import { activityPoster } from './poster.js';
import type { ActivitiesService } from './activities.service.js';
import type { QuotesService } from './quotes.service.js';
import type { SignupsService } from './signups.service.js';

export function activitiesRoutes(activities: ActivitiesService, signups: SignupsService, orgs: OrgsService, quotes: QuotesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['activities'];
    r.get(
      '/api/activity-kinds',
      {
        schema: {
          tags,
          summary: 'The activity kinds and the outcome figures each records',
          response: { 200: z.object({ items: z.array(activityKindSchema) }) },
        },
      },
      async (req) => {
        actorOf(req);
        return { items: await activities.kinds() };
      },
    );
    r.post(
      '/api/activity-kinds',
      {
        schema: {
          tags,
          summary: 'Create or edit an activity kind (platform admins)',
          body: upsertActivityKindSchema,
          response: { 200: activityKindSchema },
        },
      },
      (req) => activities.upsertKind(actorOf(req), req.body),
    );
    r.get(
      '/api/activities',
      {
        schema: {
          tags,
          summary: 'Activities organised by units in scope',
          querystring: activityListQuerySchema,
          response: { 200: activityPageSchema },
        },
      },
      (req) => activities.list(actorOf(req), req.query),
    );
    r.get(
      '/api/activities/ledger.xlsx',
      { schema: { tags, summary: 'The ledger (台账) of a subtree and period as an Excel file', querystring: ledgerQuerySchema } },
      async (req, reply) => {
        const actor = actorOf(req);
        const scopeName = req.query.orgId ? (await orgs.get(actor, req.query.orgId)).name : '全部';
        const { buffer } = await buildLedger(activities, quotes, actor, req.query, requestLocale(req), scopeName);
        const filename = `ledger-${req.query.from.slice(0, 10)}-${req.query.to.slice(0, 10)}.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(`活动台账-${scopeName}.xlsx`)}`,
          )
          .send(buffer);
      },
    );
    r.get(
      '/api/activities/:id/poster.pdf',
      { schema: { tags, summary: 'An A4 poster with the QR code to sign up and check in', params: idParamsSchema } },
      async (req, reply) => {
        const activity = await activities.get(actorOf(req), req.params.id);
        const pdf = await activityPoster(activity, `${req.protocol}://${req.headers.host}/a/${activity.publicToken}`);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="poster.pdf"; filename*=UTF-8''${encodeURIComponent(`${activity.title}.pdf`)}`)
          .send(pdf);
      },
    );
    r.get(
      '/api/activities/:id',
      { schema: { tags, summary: 'One activity', params: idParamsSchema, response: { 200: activitySchema } } },
      (req) => activities.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/activities',
      { schema: { tags, summary: 'Create an activity (as a draft)', body: createActivitySchema, response: { 200: activitySchema } } },
      (req) => activities.create(actorOf(req), req.body),
    );
    r.patch(
      '/api/activities/:id',
      {
        schema: {
          tags,
          summary: 'Edit an activity',
          params: idParamsSchema,
          body: updateActivitySchema,
          response: { 200: activitySchema },
        },
      },
      (req) => activities.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/activities/:id/transition',
      {
        schema: {
          tags,
          summary: 'Publish, start, close (with outcome figures) or cancel',
          params: idParamsSchema,
          body: activityTransitionSchema,
          response: { 200: activitySchema },
        },
      },
      (req) => activities.transition(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/activities/:id/signups',
      { schema: { tags, summary: 'Sign-ups and attendance, phones masked', params: idParamsSchema, response: { 200: signupListSchema } } },
      (req) => signups.list(actorOf(req), req.params.id),
    );
    r.post(
      '/api/activities/:id/checkins',
      {
        schema: {
          tags,
          summary: 'Staff check a person in by their code, or record a walk-in; repeats change nothing',
          params: idParamsSchema,
          body: staffCheckinSchema,
          response: { 200: checkinResultSchema },
        },
      },
      (req) => signups.staffCheckIn(actorOf(req), req.params.id, req.body),
    );
  };
}
