import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addMemberSchema,
  checkInSchema,
  createTeamSchema,
  decideHoursSchema,
  growthQuerySchema,
  growthSchema,
  hoursEntrySchema,
  hoursPageSchema,
  hoursQuerySchema,
  idParamsSchema,
  leaveTeamSchema,
  memberParamsSchema,
  openShiftSchema,
  personParamsSchema,
  shiftSchema,
  teamDetailSchema,
  teamListQuerySchema,
  teamListSchema,
  volunteerRecordSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { HoursService } from './hours.service.js';
import type { TeamsService } from './teams.service.js';

export function volunteersRoutes(teams: TeamsService, hours: HoursService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['volunteers'];
    r.get(
      '/api/volunteer-teams',
      {
        schema: {
          tags,
          summary: 'Volunteer teams with their current size',
          querystring: teamListQuerySchema,
          response: { 200: teamListSchema },
        },
      },
      (req) => teams.list(actorOf(req), req.query.orgId),
    );
    r.get(
      '/api/volunteer-teams/growth',
      {
        schema: {
          tags,
          summary: 'Volunteers of an organisation’s teams, month by month',
          querystring: growthQuerySchema,
          response: { 200: growthSchema },
        },
      },
      (req) => teams.growth(actorOf(req), req.query.orgId),
    );
    r.get(
      '/api/volunteer-teams/:id',
      {
        schema: {
          tags,
          summary: 'A team, its roster over time and its growth',
          params: idParamsSchema,
          response: { 200: teamDetailSchema },
        },
      },
      (req) => teams.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/volunteer-teams',
      { schema: { tags, summary: 'Create a team', body: createTeamSchema, response: { 200: teamDetailSchema } } },
      (req) => teams.create(actorOf(req), req.body),
    );
    r.post(
      '/api/volunteer-teams/:id/members',
      {
        schema: {
          tags,
          summary: 'A person joins the team',
          params: idParamsSchema,
          body: addMemberSchema,
          response: { 200: teamDetailSchema },
        },
      },
      (req) => teams.addMember(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/volunteer-teams/:id/members/:personId/leave',
      {
        schema: {
          tags,
          summary: 'A person leaves the team (the stretch is kept)',
          params: memberParamsSchema,
          body: leaveTeamSchema,
          response: { 200: teamDetailSchema },
        },
      },
      (req) => teams.leave(actorOf(req), req.params.id, req.params.personId, req.body.leftOn),
    );
    r.get('/api/volunteer-shifts/open', { schema: { tags, summary: 'My open shift, if any', response: { 200: openShiftSchema } } }, (req) =>
      hours.openShift(actorOf(req)),
    );
    r.post(
      '/api/volunteer-shifts',
      {
        schema: {
          tags,
          summary: 'Check in for a shift (oneself, or a volunteer as coordinator)',
          body: checkInSchema,
          response: { 200: shiftSchema },
        },
      },
      (req) => hours.checkIn(actorOf(req), req.body),
    );
    r.post(
      '/api/volunteer-shifts/:id/check-out',
      {
        schema: {
          tags,
          summary: 'Check out: the shift’s hours are recorded for approval',
          params: idParamsSchema,
          response: { 200: shiftSchema },
        },
      },
      (req) => hours.checkOut(actorOf(req), req.params.id),
    );
    r.get(
      '/api/volunteer-hours',
      {
        schema: {
          tags,
          summary: 'Hours to approve, or one volunteer’s hours',
          querystring: hoursQuerySchema,
          response: { 200: hoursPageSchema },
        },
      },
      (req) => hours.listHours(actorOf(req), req.query),
    );
    r.post(
      '/api/volunteer-hours/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve or reject hours (once)',
          params: idParamsSchema,
          body: decideHoursSchema,
          response: { 200: hoursEntrySchema },
        },
      },
      (req) => hours.decide(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/volunteers/:personId',
      {
        schema: {
          tags,
          summary: 'A volunteer’s record: teams and hours',
          params: personParamsSchema,
          response: { 200: volunteerRecordSchema },
        },
      },
      (req) => hours.record(actorOf(req), req.params.personId),
    );
    r.get(
      '/api/volunteers/:personId/certificate.pdf',
      { schema: { tags, summary: 'Certificate of approved hours (PDF)', params: personParamsSchema } },
      async (req, reply) => {
        const { pdf, name } = await hours.certificate(actorOf(req), req.params.personId);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(`志愿服务时长证明-${name}.pdf`)}`,
          )
          .send(pdf);
      },
    );
  };
}
