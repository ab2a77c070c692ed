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
  signupListSchema,
  staffCheckinSchema,
  updateActivitySchema,
  upsertActivityKindSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { ActivitiesService } from './activities.service.js';
import type { SignupsService } from './signups.service.js';

export function activitiesRoutes(activities: ActivitiesService, signups: SignupsService) {
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
