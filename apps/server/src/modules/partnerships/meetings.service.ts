import { and, asc, desc, eq, inArray, isNotNull, isNull, not, sql, type SQL } from 'drizzle-orm';
import type { MeetingTaskRow, createMeetingSchema, meetingTaskListQuerySchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { meetingTasks, orgs, partnershipMeetings, partnerships as partnershipsTable } from '../../db/schema/index.js';
import { scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { chinaToday } from '../stations/china-day.js';
import { partnershipsRepository } from './partnerships.repository.js';
import type { PartnershipsService } from './partnerships.service.js';

/** A task is overdue once its due day has passed in China time and it is not done. */
const overdueOn = (today: string) => sql`(${meetingTasks.doneAt} is null and ${meetingTasks.dueOn} < ${today}::date)`;

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
    const today = chinaToday();
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
        // Marked done twice (two tabs, a retry), it keeps the first time it was done.
        .set({ doneAt: done ? sql`coalesce(${meetingTasks.doneAt}, now())` : null })
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

  const taskColumns = {
    t: meetingTasks,
    ownerOrgName: orgs.name,
    heldOn: partnershipMeetings.heldOn,
    partnershipId: partnershipsTable.id,
    partnershipTitle: partnershipsTable.title,
  };
  const taskRows = (where: SQL | undefined) =>
    db
      .select(taskColumns)
      .from(meetingTasks)
      .innerJoin(partnershipMeetings, eq(partnershipMeetings.id, meetingTasks.meetingId))
      .innerJoin(partnershipsTable, eq(partnershipsTable.id, partnershipMeetings.partnershipId))
      .leftJoin(orgs, eq(orgs.id, meetingTasks.ownerOrgId))
      .where(where);
  const presentTask = (r: Awaited<ReturnType<typeof taskRows>>[number], today: string): MeetingTaskRow => ({
    id: r.t.id,
    title: r.t.title,
    ownerOrgId: r.t.ownerOrgId,
    ownerOrgName: r.ownerOrgName,
    ownerName: r.t.ownerName,
    dueOn: r.t.dueOn,
    done: r.t.doneAt !== null,
    doneAt: r.t.doneAt ? r.t.doneAt.toISOString() : null,
    overdue: r.t.doneAt === null && r.t.dueOn < today,
    meetingId: r.t.meetingId,
    heldOn: r.heldOn,
    partnershipId: r.partnershipId,
    partnershipTitle: r.partnershipTitle,
  });

  /**
   * The tasks decided at the joint meetings of every agreement a unit of the actor's tree (or of the
   * chosen unit's subtree) belongs to: open ones first, soonest due first.
   */
  async function listTasks(actor: Actor, q: z.infer<typeof meetingTaskListQuerySchema>) {
    const scope = scopeOf(actor, 'activity.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const underPath = await narrowedPath(db, actor, 'activity.read', q.orgId);
    const today = chinaToday();
    const reach = partnershipsRepository.condition({ scope, underPath });
    const overdue = overdueOn(today);
    const where = and(
      reach,
      q.status === 'open' ? isNull(meetingTasks.doneAt) : q.status === 'done' ? isNotNull(meetingTasks.doneAt) : undefined,
      q.overdue === 'true' ? overdue : q.overdue === 'false' ? not(overdue) : undefined,
    );
    const counted = (filter: SQL) =>
      db
        .select({
          all: sql<number>`count(*)::int`,
          open: sql<number>`(count(*) filter (where ${meetingTasks.doneAt} is null))::int`,
          overdue: sql<number>`(count(*) filter (where ${overdue}))::int`,
        })
        .from(meetingTasks)
        .innerJoin(partnershipMeetings, eq(partnershipMeetings.id, meetingTasks.meetingId))
        .innerJoin(partnershipsTable, eq(partnershipsTable.id, partnershipMeetings.partnershipId))
        .where(filter);
    const [rows, [filtered], [whole]] = await Promise.all([
      taskRows(where)
        .orderBy(sql`${meetingTasks.doneAt} is not null`, asc(meetingTasks.dueOn), asc(meetingTasks.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      counted(where ?? sql`true`),
      counted(reach ?? sql`true`),
    ]);
    return {
      items: rows.map((r) => presentTask(r, today)),
      total: filtered?.all ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      counts: { open: whole?.open ?? 0, overdue: whole?.overdue ?? 0, done: (whole?.all ?? 0) - (whole?.open ?? 0) },
    };
  }

  /** Marks a task done (or open again) from the list across agreements; the same rights as on the agreement's page. */
  async function setTaskDoneById(actor: Actor, taskId: string, done: boolean) {
    const [found] = await db
      .select({ partnershipId: partnershipMeetings.partnershipId })
      .from(meetingTasks)
      .innerJoin(partnershipMeetings, eq(partnershipMeetings.id, meetingTasks.meetingId))
      .where(eq(meetingTasks.id, taskId));
    if (!found) throw new AppError('not_found');
    await setTaskDone(actor, found.partnershipId, taskId, done);
    const [row] = await taskRows(eq(meetingTasks.id, taskId));
    return presentTask(row!, chinaToday());
  }

  return { list: (actor: Actor, id: string) => list(actor, id), create, setTaskDone, listTasks, setTaskDoneById };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
