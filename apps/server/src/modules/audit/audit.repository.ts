import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog, orgs } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';

export interface AuditFilter {
  scope: Scope;
  underPath?: string;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export const auditRepository = {
  async list(db: Executor, f: AuditFilter, page: number, pageSize: number) {
    const where: SQL[] = [inScope(auditLog.orgPath, f.scope)];
    if (f.underPath) where.push(sql`${auditLog.orgPath} like ${f.underPath + '%'}`);
    if (f.actor) where.push(eq(auditLog.actorLogin, f.actor.toLowerCase()));
    // An action filter matches the action itself or a whole family ("person" matches person.reveal, person.update…).
    if (f.action) where.push(sql`(${auditLog.action} = ${f.action} or ${auditLog.action} like ${f.action + '.%'})`);
    if (f.entity) where.push(eq(auditLog.entity, f.entity));
    if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
    if (f.from) where.push(gte(auditLog.at, new Date(f.from)));
    if (f.to) where.push(lte(auditLog.at, new Date(f.to)));
    const cond = and(...where);
    const [items, [count]] = await Promise.all([
      db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actorLogin: auditLog.actorLogin,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          orgId: auditLog.orgId,
          orgName: orgs.name,
          ip: auditLog.ip,
          details: auditLog.details,
        })
        .from(auditLog)
        .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
        .where(cond)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(cond),
    ]);
    return { items, total: count?.n ?? 0 };
  },
};
