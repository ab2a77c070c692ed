import { and, eq, or, sql } from 'drizzle-orm';
import type { Project, completeProjectSchema, createProjectSchema, projectListQuerySchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { needs, orgs, projects, resources } from '../../db/schema/index.js';
import { can, inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { listsRepository as repo, needVisible, under } from './lists.repository.js';

type Row = Awaited<ReturnType<typeof repo.projectRows>>[number];

const toProject = (r: Row): Project => ({
  id: r.p.id,
  orgId: r.p.orgId,
  orgName: r.orgName,
  needId: r.p.needId,
  needTitle: r.needTitle,
  resourceId: r.p.resourceId,
  resourceTitle: r.resourceTitle,
  title: r.p.title,
  dueOn: r.p.dueOn,
  status: r.p.status as Project['status'],
  claimedByLogin: r.claimedByLogin,
  claimedByName: r.claimedByName,
  outcome: r.p.outcome,
  beneficiaryConfirmed: r.p.beneficiaryConfirmed,
  proofNote: r.p.proofNote,
  hasProofPhoto: r.p.proofPhotoKey !== null,
  doneAt: r.p.doneAt ? r.p.doneAt.toISOString() : null,
});

/** The third list: a need matched with a resource becomes a project (社区下单 → 党员接单), claimed by a member and fulfilled with proof. */
export function createProjectsService(db: Db) {
  const visible = (actor: Actor) => {
    const scope = scopeOf(actor, 'activity.read');
    return or(
      inScope(orgs.path, scope),
      sql`${projects.needId} is not null and ${needVisible(scope, sql`(select org_id from needs where needs.id = ${projects.needId})`)}`,
    );
  };

  async function get(actor: Actor, id: string) {
    const [row] = await repo.projectRows(db, and(eq(projects.id, id), visible(actor)), 1, 1);
    if (!row) throw new AppError('not_found');
    return toProject(row);
  }

  async function list(actor: Actor, q: z.infer<typeof projectListQuerySchema>) {
    const path = await narrowedPath(db, actor, 'activity.read', q.orgId);
    const where = and(
      visible(actor),
      under(orgs.path, path),
      q.status ? eq(projects.status, q.status) : undefined,
      q.mine === 'true' ? eq(projects.claimedBy, actor.accountId) : undefined,
    );
    const [rows, total] = await Promise.all([repo.projectRows(db, where, q.page, q.pageSize), repo.count(db, projects, where, 'org')]);
    return { items: rows.map(toProject), total, page: q.page, pageSize: q.pageSize };
  }

  async function markNeed(tx: Executor, needId: string | null, status: string) {
    if (needId)
      await tx
        .update(needs)
        .set({ status, updatedAt: sql`now()` })
        .where(eq(needs.id, needId));
  }

  async function create(actor: Actor, input: z.infer<typeof createProjectSchema>, claimNow = false) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, claimNow ? 'activity.read' : 'activity.write', org?.path);
    if (input.needId) {
      const [need] = await db
        .select({ id: needs.id, status: needs.status })
        .from(needs)
        .where(and(eq(needs.id, input.needId), needVisible(scopeOf(actor, 'activity.read'), needs.orgId)));
      if (!need) throw new AppError('not_found');
      if (need.status !== 'open') throw invalidField('needId', 'custom', 'need_not_open');
    }
    if (input.resourceId && !(await db.query.resources.findFirst({ where: eq(resources.id, input.resourceId) })))
      throw invalidField('resourceId', 'custom', 'invalid_value');
    const id = uuidv7();
    await db.transaction(async (tx) => {
      // The unique index on live projects per need decides a race: the second one fails as already claimed.
      const inserted = await tx
        .insert(projects)
        .values({
          id,
          orgId: input.orgId,
          needId: input.needId ?? null,
          resourceId: input.resourceId ?? null,
          title: input.title,
          dueOn: input.dueOn ?? null,
          ...(claimNow ? { status: 'claimed', claimedBy: actor.accountId, claimedAt: new Date() } : {}),
        })
        .onConflictDoNothing()
        .returning({ id: projects.id });
      if (!inserted.length) throw invalidField('needId', 'custom', 'already_claimed');
      await markNeed(tx, input.needId ?? null, 'matched');
      await recordAudit(tx, actor, {
        action: claimNow ? 'project.claim' : 'project.create',
        entity: 'project',
        entityId: id,
        org: org!,
        details: { title: input.title, needId: input.needId ?? null },
      });
    });
    return get(actor, id);
  }

  /** A member takes on an open project themselves. */
  async function claim(actor: Actor, id: string) {
    await get(actor, id);
    const claimed = await db.transaction(async (tx) => {
      const ok = await repo.claim(tx, id, actor.accountId);
      if (ok) await recordAudit(tx, actor, { action: 'project.claim', entity: 'project', entityId: id });
      return ok;
    });
    if (!claimed) {
      // Read again: whoever got there first has changed it since we looked.
      const now = await get(actor, id);
      throw invalidField('id', 'custom', now.status === 'claimed' ? 'already_claimed' : 'transition_not_allowed');
    }
    return get(actor, id);
  }

  /** A micro-wish is claimed straight from the list: the claim makes the project, run by the claimant's own unit. */
  async function claimWish(actor: Actor, needId: string) {
    const [need] = await db
      .select({ title: needs.title })
      .from(needs)
      .where(and(eq(needs.id, needId), needVisible(scopeOf(actor, 'activity.read'), needs.orgId)));
    if (!need) throw new AppError('not_found');
    const home = actor.grants.find((g) => g.orgId && can(actor, 'activity.read', g.orgPath!));
    if (!home?.orgId) throw new AppError('forbidden');
    return create(actor, { orgId: home.orgId, needId, title: need.title }, true);
  }

  async function complete(actor: Actor, id: string, input: z.infer<typeof completeProjectSchema>) {
    const [row] = await repo.projectRows(db, eq(projects.id, id), 1, 1);
    if (!row) throw new AppError('not_found');
    // The member who claimed it, or whoever runs the project's unit, may report it done.
    if (row.p.claimedBy !== actor.accountId) requireAccess(actor, 'activity.write', row.orgPath);
    const proven = input.beneficiaryConfirmed || Boolean(input.proofNote?.trim()) || row.p.proofPhotoKey !== null;
    if (!proven) throw invalidField('proofNote', 'custom', 'proof_required');
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .update(projects)
        .set({
          status: 'done',
          outcome: input.outcome,
          beneficiaryConfirmed: input.beneficiaryConfirmed,
          proofNote: input.proofNote ?? null,
          doneAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(projects.id, id), eq(projects.status, 'claimed')))
        .returning({ id: projects.id });
      if (rows.length) {
        await markNeed(tx, row.p.needId, 'done');
        await recordAudit(tx, actor, {
          action: 'project.complete',
          entity: 'project',
          entityId: id,
          details: { beneficiaryConfirmed: input.beneficiaryConfirmed },
        });
      }
      return rows.length === 1;
    });
    if (!done) throw invalidField('id', 'custom', 'transition_not_allowed');
    return get(actor, id);
  }

  /** The project's row for its proof photo: readable by whoever sees it; writable by its claimer or its unit. */
  async function proofTarget(actor: Actor, id: string, write: boolean) {
    const [row] = await repo.projectRows(db, and(eq(projects.id, id), visible(actor)), 1, 1);
    if (!row) throw new AppError('not_found');
    if (write && row.p.claimedBy !== actor.accountId) requireAccess(actor, 'activity.write', row.orgPath);
    return row.p;
  }

  return {
    get,
    proofTarget,
    list,
    create: (actor: Actor, input: z.infer<typeof createProjectSchema>) => create(actor, input),
    claim,
    claimWish,
    complete,
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
