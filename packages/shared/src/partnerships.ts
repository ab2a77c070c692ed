import { z } from 'zod';
import { OUTCOME_FIELDS } from './activities.js';
import { isoDate, pageOf, requiredText, text } from './common.js';

/**
 * How a goal's progress is counted from the records: closed activities, their attendance, or the
 * sum of one outcome figure. Nobody types progress.
 */
export const GOAL_METRICS = ['activities', 'attendance', ...OUTCOME_FIELDS] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export const goalSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  metric: z.enum(GOAL_METRICS),
  kindId: z.string().nullable(),
  target: z.number().int(),
  progress: z.number(),
});

export const partnershipSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  signedOn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Days until the period ends (negative once it has ended): the console reminds from 30 days before. */
  daysLeft: z.number().int(),
  members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  goals: z.array(goalSchema),
  renewedFromId: z.uuid().nullable(),
  /** The agreement that renewed this one, once it has been renewed. */
  renewedById: z.uuid().nullable(),
  archivedAt: z.string().nullable(),
  /** The signed agreement's file, once attached. */
  agreementFile: z.object({ name: z.string(), type: z.string(), bytes: z.number().int() }).nullable(),
});
export type Partnership = z.infer<typeof partnershipSchema>;

export const partnershipListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  q: text(64).optional(),
  endingWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const partnershipPageSchema = pageOf(partnershipSchema);

const goalFields = {
  title: requiredText(100),
  metric: z.enum(GOAL_METRICS),
  kindId: z.string().max(40).nullish(),
  target: z.number().int().min(1).max(1e12),
};
export const goalRequestSchema = z.strictObject(goalFields);

export const createPartnershipSchema = z.strictObject({
  orgId: z.uuid(),
  title: requiredText(100),
  signedOn: isoDate.nullish(),
  startsOn: isoDate,
  endsOn: isoDate,
  memberIds: z.array(z.uuid()).min(1).max(20),
  goals: z.array(goalRequestSchema).max(30).default([]),
});
export const updatePartnershipSchema = z.strictObject({
  title: requiredText(100).optional(),
  signedOn: isoDate.nullish(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  memberIds: z.array(z.uuid()).min(1).max(20).optional(),
});
export const renewPartnershipSchema = z.strictObject({ startsOn: isoDate, endsOn: isoDate, signedOn: isoDate.nullish() });
export const goalParamsSchema = z.strictObject({ id: z.uuid(), goalId: z.uuid() });

export const meetingTaskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerOrgId: z.uuid().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  done: z.boolean(),
  overdue: z.boolean(),
});
export const meetingSchema = z.object({
  id: z.uuid(),
  partnershipId: z.uuid(),
  heldOn: z.string(),
  location: z.string().nullable(),
  attendees: z.string(),
  minutes: z.string(),
  tasks: z.array(meetingTaskSchema),
});
export const meetingListSchema = z.object({ items: z.array(meetingSchema) });
const taskRequest = z.strictObject({
  title: requiredText(200),
  ownerOrgId: z.uuid().nullish(),
  ownerName: requiredText(50),
  dueOn: isoDate,
});
export const createMeetingSchema = z.strictObject({
  heldOn: isoDate,
  location: text(100).nullish(),
  attendees: z.string().max(1000).default(''),
  minutes: z.string().max(20000).default(''),
  tasks: z.array(taskRequest).max(50).default([]),
});
export const taskParamsSchema = z.strictObject({ id: z.uuid(), taskId: z.uuid() });
export const taskDoneSchema = z.strictObject({ done: z.boolean() });

/** A meeting task seen across a unit's agreements, with the meeting and agreement it came from. */
export const meetingTaskRowSchema = meetingTaskSchema.extend({
  ownerOrgName: z.string().nullable(),
  doneAt: z.string().nullable(),
  meetingId: z.uuid(),
  heldOn: z.string(),
  partnershipId: z.uuid(),
  partnershipTitle: z.string(),
});
export type MeetingTaskRow = z.infer<typeof meetingTaskRowSchema>;
export const meetingTaskListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  status: z.enum(['open', 'done']).optional(),
  /** Only open tasks past their due date (China time). */
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const meetingTaskPageSchema = pageOf(meetingTaskRowSchema).extend({
  /** Counts over the whole scope whatever the filters, for the filter's badges. */
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
});
export const meetingTaskParamsSchema = z.strictObject({ taskId: z.uuid() });
