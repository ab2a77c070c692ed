import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createMeetingSchema,
  createPartnershipSchema,
  meetingListSchema,
  meetingSchema,
  meetingTaskListQuerySchema,
  meetingTaskPageSchema,
  meetingTaskParamsSchema,
  meetingTaskRowSchema,
  taskDoneSchema,
  taskParamsSchema,
  goalParamsSchema,
  goalRequestSchema,
  idParamsSchema,
  partnershipListQuerySchema,
  partnershipPageSchema,
  partnershipSchema,
  renewPartnershipSchema,
  updatePartnershipSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { MeetingsService } from './meetings.service.js';
import type { PartnershipsService } from './partnerships.service.js';

export function partnershipsRoutes(partnerships: PartnershipsService, meetings: MeetingsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['partnerships'];
    const one = { response: { 200: partnershipSchema } };
    r.get(
      '/api/partnerships',
      {
        schema: {
          tags,
          summary: 'Pairing agreements with goals and computed progress',
          querystring: partnershipListQuerySchema,
          response: { 200: partnershipPageSchema },
        },
      },
      (req) => partnerships.list(actorOf(req), req.query),
    );
    r.get('/api/partnerships/:id', { schema: { tags, summary: 'One agreement', params: idParamsSchema, ...one } }, (req) =>
      partnerships.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/partnerships',
      { schema: { tags, summary: 'Record an agreement with its members and goals', body: createPartnershipSchema, ...one } },
      (req) => partnerships.create(actorOf(req), req.body),
    );
    r.patch(
      '/api/partnerships/:id',
      { schema: { tags, summary: 'Edit an agreement', params: idParamsSchema, body: updatePartnershipSchema, ...one } },
      (req) => partnerships.update(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/partnerships/:id/renew',
      {
        schema: {
          tags,
          summary: 'Renew for a new period with the same members and goals',
          params: idParamsSchema,
          body: renewPartnershipSchema,
          ...one,
        },
      },
      (req) => partnerships.renew(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/partnerships/:id/goals',
      { schema: { tags, summary: 'Add a goal', params: idParamsSchema, body: goalRequestSchema, ...one } },
      (req) => partnerships.addGoal(actorOf(req), req.params.id, req.body),
    );
    r.put(
      '/api/partnerships/:id/goals/:goalId',
      { schema: { tags, summary: 'Change a goal', params: goalParamsSchema, body: goalRequestSchema, ...one } },
      (req) => partnerships.updateGoal(actorOf(req), req.params.id, req.params.goalId, req.body),
    );
    r.delete(
      '/api/partnerships/:id/goals/:goalId',
      { schema: { tags, summary: 'Remove a goal', params: goalParamsSchema, ...one } },
      (req) => partnerships.removeGoal(actorOf(req), req.params.id, req.params.goalId),
    );
    r.get(
      '/api/partnerships/:id/meetings',
      { schema: { tags, summary: 'Joint meetings with minutes and tasks', params: idParamsSchema, response: { 200: meetingListSchema } } },
      (req) => meetings.list(actorOf(req), req.params.id),
    );
    r.post(
      '/api/partnerships/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Record a joint meeting; its decisions become tasks',
          params: idParamsSchema,
          body: createMeetingSchema,
          response: { 200: meetingSchema },
        },
      },
      (req) => meetings.create(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/partnerships/:id/tasks/:taskId',
      {
        schema: {
          tags,
          summary: 'Mark a meeting task done or open again',
          params: taskParamsSchema,
          body: taskDoneSchema,
          response: { 200: meetingSchema },
        },
      },
      (req) => meetings.setTaskDone(actorOf(req), req.params.id, req.params.taskId, req.body.done),
    );
    r.get(
      '/api/meeting-tasks',
      {
        schema: {
          tags,
          summary: 'Tasks decided at the joint meetings of every agreement in reach, with owner, due date and overdue flag',
          querystring: meetingTaskListQuerySchema,
          response: { 200: meetingTaskPageSchema },
        },
      },
      (req) => meetings.listTasks(actorOf(req), req.query),
    );
    r.post(
      '/api/meeting-tasks/:taskId',
      {
        schema: {
          tags,
          summary: 'Mark a meeting task done or open again, from the list across agreements',
          params: meetingTaskParamsSchema,
          body: taskDoneSchema,
          response: { 200: meetingTaskRowSchema },
        },
      },
      (req) => meetings.setTaskDoneById(actorOf(req), req.params.taskId, req.body.done),
    );
  };
}
