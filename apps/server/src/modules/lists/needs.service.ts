import { and, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type {
  createNeedSchema,
  createResourceSchema,
  needListQuerySchema,
  publicNeedRequestSchema,
  resourceListQuerySchema,
  updateResourceSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { needs, orgs, projects, resources } from '../../db/schema/index.js';
import { can, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskPhone, randomToken, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { escapeLike } from '../../platform/sql.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { listsRepository as repo, needVisible, orgInScope, pairedWithScope, under } from './lists.repository.js';

type NeedRow = Awaited<ReturnType<typeof repo.needRows>>[number];

const toNeed = ({ n, orgName, projectId }: NeedRow) => ({
  id: n.id,
  orgId: n.orgId,
  orgName,
  kind: n.kind as 'need' | 'wish',
  title: n.title,
  description: n.description,
  source: n.source as 'community' | 'resident',
  requesterName: n.requesterName,
  requesterPhoneMasked: n.requesterPhoneMasked,
  status: n.status as 'open' | 'matched' | 'done' | 'closed',
  projectId,
  createdAt: n.createdAt.toISOString(),
});

/** Needs (and micro-wishes) and resources: two of the three lists. Planning rights (activity.*) govern them. */
export function createNeedsService(db: Db, crypto: FieldCrypto) {
  async function orgPathFor(actor: Actor, orgId: string | undefined, permission: 'activity.read' | 'activity.write') {
    if (!orgId) return undefined;
    const path = (await orgsRepository.findById(db, orgId))?.path;
    requireAccess(actor, permission, path);
    return path;
  }

  async function getNeed(actor: Actor, id: string) {
    const [row] = await repo.needRows(db, and(eq(needs.id, id), needVisible(scopeOf(actor, 'activity.read'), needs.orgId)), 1, 1);
    if (!row) throw new AppError('not_found');
    return toNeed(row);
  }

  /**
   * The list may be narrowed to a unit of one's own tree, or to a community one's unit is paired with
   * (whose needs one may claim); any other unit "does not exist".
   */
  async function needOrgPath(actor: Actor, orgId: string | undefined) {
    if (!orgId) return undefined;
    const org = await orgsRepository.findById(db, orgId);
    if (org && !can(actor, 'activity.read', org.path)) {
      const [paired] = await db
        .select({ ok: sql<boolean>`${pairedWithScope(scopeOf(actor, 'activity.read'), sql`${org.id}::uuid`)}` })
        .from(orgs)
        .where(eq(orgs.id, org.id));
      if (paired?.ok) return org.path;
    }
    requireAccess(actor, 'activity.read', org?.path);
    return org!.path;
  }

  async function listNeeds(actor: Actor, q: z.infer<typeof needListQuerySchema>) {
    const scope = scopeOf(actor, 'activity.read');
    const path = await needOrgPath(actor, q.orgId);
    const where = and(
      needVisible(scope, needs.orgId),
      // 结对社区: what the paired communities asked for, not what one's own tree posted.
      q.partners === 'true' ? and(pairedWithScope(scope, needs.orgId), not(orgInScope(scope, needs.orgId))) : undefined,
      path ? sql`exists (select 1 from orgs o where o.id = ${needs.orgId} and ${under(sql`o.path`, path)})` : undefined,
      q.kind ? eq(needs.kind, q.kind) : undefined,
      q.status ? eq(needs.status, q.status) : undefined,
    );
    const [rows, total] = await Promise.all([repo.needRows(db, where, q.page, q.pageSize), repo.count(db, needs, where)]);
    return { items: rows.map(toNeed), total, page: q.page, pageSize: q.pageSize };
  }

  /** The communities one's units are paired with, for the partner view's filter. */
  async function partnerCommunities(actor: Actor) {
    const scope = scopeOf(actor, 'activity.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const rows = await repo.partnerCommunities(db, scope);
    const byId = new Map<
      string,
      { id: string; name: string; parentName: string | null; partnerships: { id: string; title: string }[]; openNeeds: number }
    >();
    for (const r of rows) {
      const entry = byId.get(r.id) ?? {
        id: r.id,
        name: r.name,
        parentName: r.parent_name,
        partnerships: [],
        openNeeds: Number(r.open_needs),
      };
      if (!entry.partnerships.some((p) => p.id === r.partnership_id))
        entry.partnerships.push({ id: r.partnership_id, title: r.partnership_title });
      byId.set(r.id, entry);
    }
    return { items: [...byId.values()] };
  }

  async function createNeed(actor: Actor, input: z.infer<typeof createNeedSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'activity.write', org?.path);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(needs).values({
        id,
        orgId: input.orgId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        source: 'community',
        createdBy: actor.accountId,
      });
      await recordAudit(tx, actor, { action: 'need.create', entity: 'need', entityId: id, org: org!, details: { title: input.title } });
    });
    return getNeed(actor, id);
  }

  async function closeNeed(actor: Actor, id: string) {
    const row = await db.query.needs.findFirst({ where: eq(needs.id, id) });
    const org = row ? await orgsRepository.findById(db, row.orgId) : undefined;
    requireAccess(actor, 'activity.write', org?.path);
    await db.transaction(async (tx) => {
      await tx
        .update(needs)
        .set({ status: 'closed', updatedAt: sql`now()` })
        .where(eq(needs.id, id));
      await recordAudit(tx, actor, { action: 'need.close', entity: 'need', entityId: id, org: org! });
    });
    return getNeed(actor, id);
  }

  /** Communities a resident can address, by name: the public page's first step. */
  async function communities(q: string) {
    const parent = sql`(select p.name from orgs p where p.id = orgs.parent_id)`;
    const rows = await db
      .select({ id: orgs.id, name: orgs.name, parentName: sql<string | null>`${parent}` })
      .from(orgs)
      .where(
        and(inArray(orgs.kind, ['community', 'street']), isNull(orgs.archivedAt), sql`${orgs.name} ilike ${'%' + escapeLike(q) + '%'}`),
      )
      .orderBy(orgs.name)
      .limit(20);
    return { items: rows };
  }

  /** A resident's order: stored with their consent; they follow it by a private code, nobody else sees their phone. */
  async function publicCreate(input: z.infer<typeof publicNeedRequestSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    if (!org || org.archivedAt || !['community', 'street'].includes(org.kind)) throw invalidField('orgId', 'custom', 'invalid_value');
    const id = uuidv7();
    const trackingCode = randomToken().slice(0, 16);
    await db.transaction(async (tx) => {
      await tx.insert(needs).values({
        id,
        orgId: org.id,
        kind: input.kind,
        title: input.title,
        description: input.description,
        source: 'resident',
        requesterName: input.name,
        requesterPhoneEnc: crypto.encrypt(input.phone),
        requesterPhoneMasked: maskPhone(input.phone),
        consentAt: new Date(),
        trackingCode,
      });
      await recordAudit(tx, null, { action: 'need.public_create', entity: 'need', entityId: id, org });
    });
    return publicStatus(trackingCode);
  }

  async function publicStatus(code: string) {
    const row = await db.query.needs.findFirst({ where: eq(needs.trackingCode, code) });
    if (!row) throw new AppError('not_found');
    const org = (await orgsRepository.findById(db, row.orgId))!;
    const project = await db.query.projects.findFirst({ where: and(eq(projects.needId, row.id), sql`${projects.status} <> 'cancelled'`) });
    return {
      trackingCode: code,
      title: row.title,
      orgName: org.name,
      status: row.status as 'open' | 'matched' | 'done' | 'closed',
      project: project
        ? {
            title: project.title,
            status: project.status as 'open' | 'claimed' | 'done' | 'cancelled',
            dueOn: project.dueOn,
            claimed: project.claimedBy !== null,
          }
        : null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function listResources(actor: Actor, q: z.infer<typeof resourceListQuerySchema>) {
    const scope = scopeOf(actor, 'activity.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const path = await orgPathFor(actor, q.orgId, 'activity.read');
    // Resources are offered to partners: anyone who takes part may browse every current offer.
    const where = and(q.available ? eq(resources.available, q.available === 'true') : undefined, under(orgs.path, path));
    const [rows, total] = await Promise.all([repo.resourceRows(db, where, q.page, q.pageSize), repo.count(db, resources, where, 'org')]);
    return {
      items: rows.map(({ r, orgName }) => ({
        id: r.id,
        orgId: r.orgId,
        orgName,
        title: r.title,
        description: r.description,
        available: r.available,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async function createResource(actor: Actor, input: z.infer<typeof createResourceSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'activity.write', org?.path);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx
        .insert(resources)
        .values({ id, orgId: input.orgId, title: input.title, description: input.description, createdBy: actor.accountId });
      await recordAudit(tx, actor, {
        action: 'resource.create',
        entity: 'resource',
        entityId: id,
        org: org!,
        details: { title: input.title },
      });
    });
    return resourceById(id);
  }

  async function updateResource(actor: Actor, id: string, patch: z.infer<typeof updateResourceSchema>) {
    const row = await db.query.resources.findFirst({ where: eq(resources.id, id) });
    const org = row ? await orgsRepository.findById(db, row.orgId) : undefined;
    requireAccess(actor, 'activity.write', org?.path);
    await db.transaction(async (tx) => {
      await tx
        .update(resources)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(resources.id, id));
      await recordAudit(tx, actor, {
        action: 'resource.update',
        entity: 'resource',
        entityId: id,
        org: org!,
        details: { fields: Object.keys(patch) },
      });
    });
    return resourceById(id);
  }

  async function resourceById(id: string) {
    const [row] = await repo.resourceRows(db, eq(resources.id, id), 1, 1);
    const { r, orgName } = row!;
    return {
      id: r.id,
      orgId: r.orgId,
      orgName,
      title: r.title,
      description: r.description,
      available: r.available,
      createdAt: r.createdAt.toISOString(),
    };
  }

  return {
    getNeed,
    listNeeds,
    partnerCommunities,
    createNeed,
    closeNeed,
    communities,
    publicCreate,
    publicStatus,
    listResources,
    createResource,
    updateResource,
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
