import { sideOfKind, type CreateOrg, type OrgKind, type orgListQuerySchema, type updateOrgSchema } from '@youshe/shared';
import type { z } from 'zod';
import { uuidv7 } from '../../platform/ids.js';
import type { Db } from '../../db/client.js';
import { isPlatformAdmin, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { orgsRepository as repo, type OrgRow } from './orgs.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toOrg(row: Omit<OrgRow, 'createdAt' | 'updatedAt'> & { childCount: number }) {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as OrgKind,
    side: sideOfKind(row.kind as OrgKind),
    name: row.name,
    shortName: row.shortName,
    code: row.code,
    depth: row.depth,
    childCount: row.childCount,
    archivedAt: iso(row.archivedAt),
  };
}

/** The topmost prefixes of a scope: a grant inside another grant's subtree adds no new root. */
export function scopeRoots(prefixes: string[]): string[] {
  return [...new Set(prefixes)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
}

export function createOrgsService(db: Db) {
  async function load(id: string): Promise<OrgRow | undefined> {
    return repo.findById(db, id);
  }

  async function list(actor: Actor, query: z.infer<typeof orgListQuerySchema>) {
    const scope = scopeOf(actor, 'org.read');
    const base = { scope, q: query.q, kind: query.kind, includeArchived: query.includeArchived === 'true' };
    let filter;
    if (query.parentId) {
      requireAccess(actor, 'org.read', (await load(query.parentId))?.path);
      filter = { ...base, parentId: query.parentId };
    } else if (query.q || query.kind) {
      filter = base;
    } else {
      // The first level of the tree: real roots for admins, otherwise the top of each granted subtree.
      filter = scope === 'all' ? { ...base, scopeRoots: undefined, rootsOnly: true } : { ...base, scopeRoots: scopeRoots(scope) };
    }
    const { items, total } = await repo.list(db, filter, query.page, query.pageSize);
    return { items: items.map(toOrg), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const org = await load(id);
    requireAccess(actor, 'org.read', org?.path);
    const [counts, ancestors] = await Promise.all([repo.counts(db, id), repo.ancestors(db, org!.path)]);
    return {
      ...toOrg({ ...org!, childCount: counts.childCount }),
      ancestors: ancestors.map((a) => ({ ...a, kind: a.kind as OrgKind })),
      placeCount: counts.placeCount,
      personCount: counts.personCount,
      createdAt: org!.createdAt.toISOString(),
      updatedAt: org!.updatedAt.toISOString(),
    };
  }

  async function create(actor: Actor, input: CreateOrg) {
    const parent = input.parentId ? await load(input.parentId) : null;
    if (input.parentId) requireAccess(actor, 'org.write', parent?.path);
    else if (!isPlatformAdmin(actor)) throw new AppError('forbidden');
    if (parent?.archivedAt) throw invalidField('parentId', 'custom', 'parent_archived');
    const created = await db.transaction(async (tx) => {
      const row = await repo.insert(
        tx,
        {
          id: uuidv7(),
          parentId: parent?.id ?? null,
          kind: input.kind,
          side: sideOfKind(input.kind),
          name: input.name,
          shortName: input.shortName ?? null,
          code: input.code ?? null,
        },
        parent ?? null,
      );
      await recordAudit(tx, actor, {
        action: 'org.create',
        entity: 'org',
        entityId: row.id,
        org: row,
        details: { name: row.name, kind: row.kind },
      });
      return row;
    });
    return get(actor, created.id);
  }

  async function update(actor: Actor, id: string, patch: z.infer<typeof updateOrgSchema>) {
    const org = await load(id);
    requireAccess(actor, 'org.write', org?.path);
    await db.transaction(async (tx) => {
      const changes = { ...patch, ...(patch.kind ? { side: sideOfKind(patch.kind) } : {}) };
      await repo.update(tx, id, changes);
      await recordAudit(tx, actor, { action: 'org.update', entity: 'org', entityId: id, org: org!, details: { changes: patch } });
    });
    return get(actor, id);
  }

  async function move(actor: Actor, id: string, parentId: string) {
    const org = await load(id);
    requireAccess(actor, 'org.write', org?.path);
    const parent = await load(parentId);
    requireAccess(actor, 'org.write', parent?.path);
    if (parent!.path.startsWith(org!.path)) throw invalidField('parentId', 'custom', 'move_into_own_subtree');
    if (parent!.archivedAt) throw invalidField('parentId', 'custom', 'parent_archived');
    await db.transaction(async (tx) => {
      const newPath = await repo.moveSubtree(tx, org!, parent!);
      await recordAudit(tx, actor, {
        action: 'org.move',
        entity: 'org',
        entityId: id,
        org: { id, path: newPath },
        details: { from: org!.parentId, to: parent!.id },
      });
    });
    return get(actor, id);
  }

  async function setArchived(actor: Actor, id: string, archived: boolean) {
    const org = await load(id);
    requireAccess(actor, 'org.write', org?.path);
    if (archived === Boolean(org!.archivedAt)) return get(actor, id);
    if (!archived && org!.parentId) {
      const parent = await load(org!.parentId);
      if (parent?.archivedAt) throw invalidField('parentId', 'custom', 'parent_archived');
    }
    await db.transaction(async (tx) => {
      await repo.setArchived(tx, org!, archived);
      await recordAudit(tx, actor, { action: archived ? 'org.archive' : 'org.restore', entity: 'org', entityId: id, org: org! });
    });
    return get(actor, id);
  }

  /** Only a unit nothing points to may be deleted; the database's foreign keys decide, and the answer then says to archive. */
  async function remove(actor: Actor, id: string) {
    const org = await load(id);
    requireAccess(actor, 'org.write', org?.path);
    await db.transaction(async (tx) => {
      await repo.delete(tx, id);
      await recordAudit(tx, actor, { action: 'org.delete', entity: 'org', entityId: id, org: org!, details: { name: org!.name } });
    });
  }

  /** Co-organisers and partners come from anywhere in the tree; whoever may plan activities may look names up. */
  async function directory(actor: Actor, q: string, kind: OrgKind | undefined) {
    const planning = scopeOf(actor, 'activity.write');
    if (planning !== 'all' && planning.length === 0) throw new AppError('forbidden');
    const rows = await repo.directory(db, q, kind);
    return { items: rows.map((r) => ({ ...r, kind: r.kind as OrgKind, side: sideOfKind(r.kind as OrgKind) })) };
  }

  return { directory, list, get, create, update, move, setArchived, remove, load };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
