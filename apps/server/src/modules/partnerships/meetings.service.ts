import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { createMeetingSchema } from '@youshe/shared';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { meetingTasks, partnershipMeetings } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { PartnershipsService } from './partnerships.service.js';

/** Joint meetings (联席会议): minutes, and decisions that become tasks with owners and due dates. */
export function createMeetingsService(db: Db, partnerships: PartnershipsService) {
  async function list(actor: Actor, partnershipId: string, only?: string) {
    await partnerships.authorised(actor, partnershipId, 'activity.read');
    const meetings = await db
      .select()
      .from(partnershipMeetings)
      .where(and(eq(partnershipMeetings.partnershipId, partnershipId), only ? eq(partnershipMeetings.id, only) : undefined))
      .orderBy(desc(partnershipMeetings.heldOn), desc(partnershipMeetings.id));
    const ids = meetings.map((m) => m.id);
    const tasks = ids.length
      ? await db
          .select()
          .from(meetingTasks)
          .where(inArray(meetingTasks.meetingId, ids))
          .orderBy(asc(meetingTasks.dueOn), asc(meetingTasks.id))
      : [];
    const today = new Date().toISOString().slice(0, 10);
    return {
      items: meetings.map((m) => ({
        id: m.id,
        partnershipId: m.partnershipId,
        heldOn: m.heldOn,
        location: m.location,
        attendees: m.attendees,
        minutes: m.minutes,
        tasks: tasks
          .filter((t) => t.meetingId === m.id)
          .map((t) => ({
            id: t.id,
            title: t.title,
            ownerOrgId: t.ownerOrgId,
            ownerName: t.ownerName,
            dueOn: t.dueOn,
            done: t.doneAt !== null,
            overdue: t.doneAt === null && t.dueOn < today,
          })),
      })),
    };
  }

  async function create(actor: Actor, partnershipId: string, input: z.infer<typeof createMeetingSchema>) {
    await partnerships.authorised(actor, partnershipId, 'activity.write');
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(partnershipMeetings).values({
        id,
        partnershipId,
        heldOn: input.heldOn,
        location: input.location ?? null,
        attendees: input.attendees,
        minutes: input.minutes,
      });
      if (input.tasks.length) {
        await tx.insert(meetingTasks).values(
          input.tasks.map((t) => ({
            id: uuidv7(),
            meetingId: id,
            title: t.title,
            ownerOrgId: t.ownerOrgId ?? null,
            ownerName: t.ownerName,
            dueOn: t.dueOn,
          })),
        );
      }
      await recordAudit(tx, actor, {
        action: 'partnership.meeting',
        entity: 'partnership',
        entityId: partnershipId,
        details: { meetingId: id, tasks: input.tasks.length },
      });
    });
    return (await list(actor, partnershipId, id)).items[0]!;
  }

  async function setTaskDone(actor: Actor, partnershipId: string, taskId: string, done: boolean) {
    await partnerships.authorised(actor, partnershipId, 'activity.write');
    const [task] = await db
      .select({ meetingId: meetingTasks.meetingId })
      .from(meetingTasks)
      .innerJoin(partnershipMeetings, eq(partnershipMeetings.id, meetingTasks.meetingId))
      .where(and(eq(meetingTasks.id, taskId), eq(partnershipMeetings.partnershipId, partnershipId)));
    if (!task) throw new AppError('not_found');
    await db.transaction(async (tx) => {
      await tx
        .update(meetingTasks)
        .set({ doneAt: done ? sql`now()` : null })
        .where(eq(meetingTasks.id, taskId));
      await recordAudit(tx, actor, {
        action: done ? 'partnership.task_done' : 'partnership.task_reopen',
        entity: 'partnership',
        entityId: partnershipId,
        details: { taskId },
      });
    });
    return (await list(actor, partnershipId, task.meetingId)).items[0]!;
  }

  return { list: (actor: Actor, id: string) => list(actor, id), create, setTaskDone };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
