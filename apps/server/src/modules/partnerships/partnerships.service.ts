import { eq, inArray, sql } from 'drizzle-orm';
import type {
  GoalMetric,
  Partnership,
  createPartnershipSchema,
  goalRequestSchema,
  partnershipListQuerySchema,
  renewPartnershipSchema,
  updatePartnershipSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { activityKinds, orgs, partnerships } from '../../db/schema/index.js';
import { requireAccess, requireAccessAny, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { partnershipsRepository as repo } from './partnerships.repository.js';

type GoalInput = z.infer<typeof goalRequestSchema>;
const DAY = 86400_000;

/**
 * Partnerships are co-construction records: whoever may plan activities for a member organisation
 * may read and keep its agreements (the activity permissions).
 */
export function createPartnershipsService(db: Db) {
  async function present(ids: string[]): Promise<Partnership[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({
        p: partnerships,
        orgName: orgs.name,
        // Written out in full: inside a sub-select drizzle would print the outer column unqualified.
        renewedById: sql<string | null>`(select r.id from partnerships r where r.renewed_from_id = partnerships.id)`,
      })
      .from(partnerships)
      .innerJoin(orgs, eq(orgs.id, partnerships.orgId))
      .where(inArray(partnerships.id, ids));
    const [members, goals] = await Promise.all([repo.members(db, ids), repo.goalsWithProgress(db, ids)]);
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    const byId = new Map(rows.map((r) => [r.p.id, r]));
    return ids.map((id) => {
      const { p, orgName } = byId.get(id)!;
      return {
        id: p.id,
        orgId: p.orgId,
        orgName,
        title: p.title,
        signedOn: p.signedOn,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        daysLeft: Math.round((Date.parse(p.endsOn) - today) / DAY),
        members: members.filter((m) => m.partnershipId === id).map((m) => ({ id: m.id, name: m.name })),
        goals: goals
          .filter((g) => g.partnershipId === id)
          .map((g) => ({
            id: g.id,
            title: g.title,
            metric: g.metric as GoalMetric,
            kindId: g.kindId,
            target: g.target,
            progress: Number(g.progress),
          })),
        renewedFromId: p.renewedFromId,
        renewedById: byId.get(id)!.renewedById,
        archivedAt: p.archivedAt ? p.archivedAt.toISOString() : null,
        agreementFile:
          p.agreementFileKey && p.agreementFileName && p.agreementFileType
            ? { name: p.agreementFileName, type: p.agreementFileType, bytes: p.agreementFileBytes ?? 0 }
            : null,
      };
    });
  }

  async function authorised(actor: Actor, id: string, permission: 'activity.read' | 'activity.write') {
    const p = await repo.findById(db, id);
    const members = p ? await repo.members(db, [id]) : [];
    requireAccessAny(
      actor,
      permission,
      members.map((m) => m.path),
    );
    return p!;
  }

  async function get(actor: Actor, id: string) {
    await authorised(actor, id, 'activity.read');
    return (await present([id]))[0]!;
  }

  async function list(actor: Actor, query: z.infer<typeof partnershipListQuerySchema>) {
    const underPath = await narrowedPath(db, actor, 'activity.read', query.orgId);
    const where = repo.condition({
      scope: scopeOf(actor, 'activity.read'),
      underPath,
      q: query.q,
      endingWithinDays: query.endingWithinDays,
    });
    const { rows, total } = await repo.list(db, where, query.page, query.pageSize);
    return { items: await present(rows.map((r) => r.p.id)), total, page: query.page, pageSize: query.pageSize };
  }

  async function checkMembers(tx: Executor, ids: string[]) {
    const found = await tx.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, ids));
    if (found.length !== ids.length) throw invalidField('memberIds', 'custom', 'invalid_value');
  }

  async function checkGoals(tx: Executor, goals: GoalInput[]) {
    const kindIds = [...new Set(goals.map((g) => g.kindId).filter((k): k is string => Boolean(k)))];
    if (!kindIds.length) return;
    const found = await tx.select({ id: activityKinds.id }).from(activityKinds).where(inArray(activityKinds.id, kindIds));
    if (found.length !== kindIds.length) throw invalidField('goals', 'custom', 'unknown_kind');
  }

  const goalRows = (partnershipId: string, goals: GoalInput[], from = 0) =>
    goals.map((g, i) => ({
      id: uuidv7(),
      partnershipId,
      title: g.title,
      metric: g.metric,
      kindId: g.kindId ?? null,
      target: g.target,
      sort: (from + i) * 10,
    }));

  async function create(actor: Actor, input: z.infer<typeof createPartnershipSchema>, renewedFromId: string | null = null) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'activity.write', org?.path);
    if (input.endsOn < input.startsOn) throw invalidField('endsOn', 'custom', 'ends_before_start');
    const id = uuidv7();
    const memberIds = [...new Set([input.orgId, ...input.memberIds])];
    await db.transaction(async (tx) => {
      await checkMembers(tx, memberIds);
      await checkGoals(tx, input.goals);
      await repo.insert(tx, {
        id,
        orgId: input.orgId,
        title: input.title,
        signedOn: input.signedOn ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        renewedFromId,
      });
      await repo.setMembers(tx, id, memberIds);
      await repo.insertGoals(tx, goalRows(id, input.goals));
      await recordAudit(tx, actor, {
        action: renewedFromId ? 'partnership.renew' : 'partnership.create',
        entity: 'partnership',
        entityId: id,
        org: org!,
        details: { title: input.title },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, patch: z.infer<typeof updatePartnershipSchema>) {
    const p = await authorised(actor, id, 'activity.write');
    const startsOn = patch.startsOn ?? p.startsOn;
    const endsOn = patch.endsOn ?? p.endsOn;
    if (endsOn < startsOn) throw invalidField('endsOn', 'custom', 'ends_before_start');
    const { memberIds, ...plain } = patch;
    await db.transaction(async (tx) => {
      if (memberIds) {
        const all = [...new Set([p.orgId, ...memberIds])];
        await checkMembers(tx, all);
        await repo.setMembers(tx, id, all);
      }
      await repo.update(tx, id, plain);
      await recordAudit(tx, actor, {
        action: 'partnership.update',
        entity: 'partnership',
        entityId: id,
        details: { fields: Object.keys(patch) },
      });
    });
    return get(actor, id);
  }

  /** A new period for the same pairing: same members and goals, progress counted afresh. */
  async function renew(actor: Actor, id: string, input: z.infer<typeof renewPartnershipSchema>) {
    const current = await get(actor, id);
    if (input.startsOn <= current.startsOn) throw invalidField('startsOn', 'custom', 'invalid_value');
    if (current.renewedById) throw invalidField('startsOn', 'custom', 'already_renewed');
    const goals = current.goals.map((g) => ({ title: g.title, metric: g.metric, kindId: g.kindId, target: g.target }));
    return create(
      actor,
      {
        orgId: current.orgId,
        title: current.title,
        signedOn: input.signedOn ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        memberIds: current.members.map((m) => m.id),
        goals,
      },
      id,
    );
  }

  async function addGoal(actor: Actor, id: string, goal: GoalInput) {
    await authorised(actor, id, 'activity.write');
    await db.transaction(async (tx) => {
      await checkGoals(tx, [goal]);
      await repo.insertGoals(tx, goalRows(id, [goal], 1000));
      await recordAudit(tx, actor, { action: 'partnership.goal_add', entity: 'partnership', entityId: id, details: { title: goal.title } });
    });
    return get(actor, id);
  }

  async function updateGoal(actor: Actor, id: string, goalId: string, goal: GoalInput) {
    await authorised(actor, id, 'activity.write');
    const existing = await repo.findGoal(db, goalId);
    if (!existing || existing.partnershipId !== id) throw new AppError('not_found');
    await db.transaction(async (tx) => {
      await checkGoals(tx, [goal]);
      await repo.updateGoal(tx, goalId, { title: goal.title, metric: goal.metric, kindId: goal.kindId ?? null, target: goal.target });
      await recordAudit(tx, actor, { action: 'partnership.goal_update', entity: 'partnership', entityId: id, details: { goalId } });
    });
    return get(actor, id);
  }

  async function removeGoal(actor: Actor, id: string, goalId: string) {
    await authorised(actor, id, 'activity.write');
    const existing = await repo.findGoal(db, goalId);
    if (!existing || existing.partnershipId !== id) throw new AppError('not_found');
    await db.transaction(async (tx) => {
      await repo.deleteGoal(tx, goalId);
      await recordAudit(tx, actor, {
        action: 'partnership.goal_remove',
        entity: 'partnership',
        entityId: id,
        details: { goalId, title: existing.title },
      });
    });
    return get(actor, id);
  }

  return {
    authorised,
    get,
    list,
    create: (actor: Actor, input: z.infer<typeof createPartnershipSchema>) => create(actor, input),
    update,
    renew,
    addGoal,
    updateGoal,
    removeGoal,
  };
}

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;
