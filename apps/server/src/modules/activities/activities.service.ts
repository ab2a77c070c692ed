import { eq, inArray } from 'drizzle-orm';
import type {
  OutcomeField,
  activityListQuerySchema,
  activityTransitionSchema,
  createActivitySchema,
  updateActivitySchema,
  upsertActivityKindSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { activities, activityPartnerships, orgs, partnerships } from '../../db/schema/index.js';
import { isPlatformAdmin, requireAccess, requireAccessAny, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError, invalidField, sqlStateOf } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { activitiesRepository as repo } from './activities.repository.js';
import { presentActivities } from './activity-view.js';

type Transition = z.infer<typeof activityTransitionSchema>;
const EDITABLE = ['draft', 'published', 'in_progress'];
/** Which states each transition may start from. */
const FROM: Record<Transition['to'], string[]> = {
  published: ['draft'],
  in_progress: ['published'],
  closed: ['published', 'in_progress'],
  cancelled: ['draft', 'published', 'in_progress'],
};

export function createActivitiesService(db: Db) {
  async function kinds() {
    return (await repo.listKinds(db)).map((k) => ({
      id: k.id,
      name: k.name,
      outcomeFields: k.outcomeFields as { key: OutcomeField; required: boolean }[],
      archived: k.archivedAt !== null,
    }));
  }

  async function upsertKind(actor: Actor, input: z.infer<typeof upsertActivityKindSchema>) {
    if (!isPlatformAdmin(actor)) throw new AppError('forbidden');
    await db.transaction(async (tx) => {
      await repo.upsertKind(tx, {
        id: input.id,
        name: input.name,
        outcomeFields: input.outcomeFields,
        archivedAt: input.archived ? new Date() : null,
      });
      await recordAudit(tx, actor, {
        action: 'activity_kind.upsert',
        entity: 'activity_kind',
        entityId: input.id,
        details: { name: input.name },
      });
    });
    return (await kinds()).find((k) => k.id === input.id)!;
  }

  /** Loads an activity with its organisers' paths and checks the actor may act on it. */
  async function authorised(actor: Actor, id: string, permission: 'activity.read' | 'activity.write' | 'activity.checkin') {
    const activity = await repo.findById(db, id);
    const organisers = activity ? await repo.organisers(db, [id]) : [];
    requireAccessAny(
      actor,
      permission,
      organisers.map((o) => o.path),
    );
    return { activity: activity!, organisers };
  }

  /** For callers that have already decided access (the public page shows only what residents may see). */
  async function getUnchecked(id: string) {
    const [row] = await repo.listRows(db, eq(activities.id, id), 1, 1);
    return { ...(await presentActivities(db, [row!]))[0]!, takenCount: row!.activity.takenCount };
  }

  async function get(actor: Actor, id: string) {
    await authorised(actor, id, 'activity.read');
    const { takenCount: _t, ...activity } = await getUnchecked(id);
    return activity;
  }

  async function list(actor: Actor, query: z.infer<typeof activityListQuerySchema>) {
    const underPath = await narrowedPath(db, actor, 'activity.read', query.orgId);
    const where = repo.filterCondition({
      scope: scopeOf(actor, 'activity.read'),
      underPath,
      status: query.status,
      kindId: query.kindId,
      partnershipId: query.partnershipId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      q: query.q,
    });
    const [rows, total] = await Promise.all([repo.listRows(db, where, query.page, query.pageSize), repo.count(db, where)]);
    return { items: await presentActivities(db, rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Published activities organised within a unit's subtree, for its public calendar feed. */
  async function publicFeed(orgId: string) {
    const org = await orgsRepository.findById(db, orgId);
    if (!org || org.archivedAt) throw new AppError('not_found');
    const where = repo.filterCondition({
      scope: 'all',
      underPath: org.path,
      statuses: ['published', 'in_progress', 'closed'],
      from: new Date(Date.now() - 30 * 86400_000),
      to: new Date(Date.now() + 365 * 86400_000),
    });
    return { name: org.name, items: await presentActivities(db, await repo.listRows(db, where, 1, 500)) };
  }

  /** Co-organisers may sit outside the actor's subtree (a police station, a community): they must exist and be current. */
  async function checkRelations(tx: Executor, organiserIds: string[], partnershipIds: string[]) {
    if (organiserIds.length) {
      const found = await tx.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, organiserIds));
      if (found.length !== new Set(organiserIds).size) throw invalidField('organiserIds', 'custom', 'invalid_value');
    }
    if (partnershipIds.length) {
      const found = await tx.select({ id: partnerships.id }).from(partnerships).where(inArray(partnerships.id, partnershipIds));
      if (found.length !== new Set(partnershipIds).size) throw invalidField('partnershipIds', 'custom', 'invalid_value');
    }
  }

  async function setPartnerships(tx: Executor, activityId: string, ids: string[]) {
    await tx.delete(activityPartnerships).where(eq(activityPartnerships.activityId, activityId));
    if (ids.length) await tx.insert(activityPartnerships).values([...new Set(ids)].map((partnershipId) => ({ activityId, partnershipId })));
  }

  async function create(actor: Actor, input: z.infer<typeof createActivitySchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'activity.write', org?.path);
    if (!(await repo.findKind(db, input.kindId))) throw invalidField('kindId', 'custom', 'unknown_kind');
    if (new Date(input.endsAt) < new Date(input.startsAt)) throw invalidField('endsAt', 'custom', 'ends_before_start');
    const id = uuidv7();
    const organiserIds = [...new Set([input.orgId, ...input.organiserIds])];
    await db.transaction(async (tx) => {
      await checkRelations(tx, organiserIds, input.partnershipIds);
      await repo.insert(tx, {
        id,
        orgId: input.orgId,
        kindId: input.kindId,
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        placeId: input.placeId ?? null,
        location: input.location ?? null,
        description: input.description,
        capacity: input.capacity ?? null,
        publicToken: randomToken().slice(0, 22),
        createdBy: actor.accountId,
      });
      await repo.setOrganisers(tx, id, organiserIds);
      await setPartnerships(tx, id, input.partnershipIds);
      await recordAudit(tx, actor, {
        action: 'activity.create',
        entity: 'activity',
        entityId: id,
        org: org!,
        details: { title: input.title },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, patch: z.infer<typeof updateActivitySchema>) {
    const { activity } = await authorised(actor, id, 'activity.write');
    if (!EDITABLE.includes(activity.status)) throw invalidField('status', 'custom', 'not_editable');
    if (patch.kindId && !(await repo.findKind(db, patch.kindId))) throw invalidField('kindId', 'custom', 'unknown_kind');
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : activity.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : activity.endsAt;
    if (endsAt < startsAt) throw invalidField('endsAt', 'custom', 'ends_before_start');
    const { organiserIds, partnershipIds, startsAt: _s, endsAt: _e, ...plain } = patch;
    await db.transaction(async (tx) => {
      await checkRelations(tx, organiserIds ?? [], partnershipIds ?? []);
      try {
        await repo.update(tx, id, { ...plain, startsAt, endsAt });
      } catch (err) {
        // The capacity check constraint: fewer places than already taken.
        if (sqlStateOf(err) === '23514') throw invalidField('capacity', 'custom', 'capacity_below_taken');
        throw err;
      }
      if (organiserIds) await repo.setOrganisers(tx, id, [...new Set([activity.orgId, ...organiserIds])]);
      if (partnershipIds) await setPartnerships(tx, id, partnershipIds);
      await recordAudit(tx, actor, {
        action: 'activity.update',
        entity: 'activity',
        entityId: id,
        details: { fields: Object.keys(patch) },
      });
    });
    return get(actor, id);
  }

  async function transition(actor: Actor, id: string, input: Transition) {
    const { activity } = await authorised(actor, id, 'activity.write');
    const patch: Partial<typeof activities.$inferInsert> = { status: input.to };
    if (input.to === 'published') patch.publishedAt = new Date();
    if (input.to === 'closed') {
      const kind = await repo.findKind(db, activity.kindId);
      const outcome: Record<string, number> = { ...(activity.outcome as Record<string, number>), ...(input.outcome ?? {}) };
      const missing = (kind!.outcomeFields as { key: string; required: boolean }[]).filter(
        (f) => f.required && outcome[f.key] === undefined,
      );
      if (missing.length) {
        throw new AppError(
          'validation_failed',
          missing.map((f) => ({ path: `outcome.${f.key}`, code: 'custom', message: 'outcome_required' })),
        );
      }
      patch.outcome = outcome;
      if (input.attendanceByHand !== undefined) patch.attendanceByHand = input.attendanceByHand;
      patch.closedAt = new Date();
    } else if (input.attendanceByHand !== undefined) {
      // A headcount is what the door saw once the event is over: taken when it closes, not before.
      throw invalidField('attendanceByHand', 'custom', 'headcount_on_close');
    }
    const moved = await db.transaction(async (tx) => {
      const ok = await repo.transition(tx, id, FROM[input.to], patch);
      if (ok)
        await recordAudit(tx, actor, {
          action: `activity.${input.to}`,
          entity: 'activity',
          entityId: id,
          details:
            input.outcome || input.attendanceByHand !== undefined
              ? { outcome: input.outcome, attendanceByHand: input.attendanceByHand }
              : null,
        });
      return ok;
    });
    if (!moved) throw invalidField('to', 'custom', 'transition_not_allowed');
    return get(actor, id);
  }

  return { kinds, upsertKind, authorised, getUnchecked, get, list, publicFeed, create, update, transition };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
