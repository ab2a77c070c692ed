import { z } from 'zod';
import { isoDate, longText, pageOf, requiredText, text, dateRangeFields, rangeInOrder } from './common.js';

/** 驿路阳光 counter staff, 志愿者邮路 carriers, 学雷锋 squads, or another kind of team. */
export const TEAM_KINDS = ['counter', 'carrier', 'leifeng', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const HOURS_SOURCES = ['visit', 'activity', 'shift'] as const;
export const HOURS_STATUSES = ['pending', 'approved', 'rejected'] as const;

export const teamSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(TEAM_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  members: z.number().int(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListQuerySchema = z.strictObject({ orgId: z.uuid().optional() });
export const teamListSchema = z.object({ items: z.array(teamSchema) });
export const createTeamSchema = z.strictObject({
  orgId: z.uuid(),
  kind: z.enum(TEAM_KINDS),
  name: requiredText(60),
  description: longText(500).optional(),
});

/** Size on the last day of each month: the membership chart. */
export const growthPointSchema = z.object({ month: z.string(), members: z.number().int() });
export const growthSchema = z.object({ points: z.array(growthPointSchema) });
export const growthQuerySchema = z.strictObject({ orgId: z.uuid() });

export const memberSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export const teamDetailSchema = teamSchema.extend({ roster: z.array(memberSchema), growth: z.array(growthPointSchema) });
export const addMemberSchema = z.strictObject({ personId: z.uuid(), joinedOn: isoDate });
export const leaveTeamSchema = z.strictObject({ leftOn: isoDate });
export const memberParamsSchema = z.strictObject({ id: z.uuid(), personId: z.uuid() });

export const shiftSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  teamId: z.uuid().nullable(),
  place: z.string().nullable(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
});
export const checkInSchema = z.strictObject({
  /** A coordinator checks someone else in; a volunteer leaves it out to check themselves in. */
  personId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  place: text(100).optional(),
});
export const openShiftSchema = z.object({ shift: shiftSchema.nullable() });

export const hoursEntrySchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  orgName: z.string(),
  source: z.enum(HOURS_SOURCES),
  startedAt: z.string(),
  minutes: z.number().int(),
  status: z.enum(HOURS_STATUSES),
  decisionNote: z.string().nullable(),
});
export type HoursEntry = z.infer<typeof hoursEntrySchema>;
export const hoursQuerySchema = z
  .strictObject({
    status: z.enum(HOURS_STATUSES).optional(),
    personId: z.uuid().optional(),
    /** Days (China time) on which the visit, activity or shift began. */
    ...dateRangeFields,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(rangeInOrder);
export const hoursPageSchema = pageOf(hoursEntrySchema);
export const decideHoursSchema = z.strictObject({ decision: z.enum(['approved', 'rejected']), note: text(200).optional() });

export const volunteerRecordSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  orgName: z.string(),
  teams: z.array(
    z.object({ teamId: z.uuid(), name: z.string(), kind: z.enum(TEAM_KINDS), joinedOn: z.string(), leftOn: z.string().nullable() }),
  ),
  approvedMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  hours: z.array(hoursEntrySchema),
});
export type VolunteerRecord = z.infer<typeof volunteerRecordSchema>;
export const personParamsSchema = z.strictObject({ personId: z.uuid() });
