import type { auditListQuerySchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { scopeOf, type Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { auditRepository as repo } from './audit.repository.js';

/** Admins read the whole log; committee officers read the entries about their subtree (sign-ins have no org, so only admins see those). */
export function createAuditService(db: Db) {
  async function list(actor: Actor, query: z.infer<typeof auditListQuerySchema>) {
    const scope = scopeOf(actor, 'audit.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const underPath = await narrowedPath(db, actor, 'audit.read', query.orgId);
    const { items, total } = await repo.list(db, { ...query, scope, underPath }, query.page, query.pageSize);
    return {
      items: items.map((e) => ({ ...e, at: e.at.toISOString(), details: (e.details as Record<string, unknown> | null) ?? null })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
