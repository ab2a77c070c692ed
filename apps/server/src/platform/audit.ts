import { uuidv7 } from './ids.js';
import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './access.js';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  org?: { id: string; path: string } | null;
  details?: Record<string, unknown> | null;
  /** Who acted when there is no signed-in actor yet (a sign-in attempt). */
  by?: { accountId: string | null; login: string };
}

/** Writes one audit entry in the caller's transaction, so the entry exists exactly when the change does. */
export async function recordAudit(
  tx: Executor,
  actor: Actor | null,
  event: AuditEvent,
  from?: { ip: string | null; userAgent: string | null },
) {
  await tx.insert(auditLog).values({
    id: uuidv7(),
    actorAccountId: actor?.accountId ?? event.by?.accountId ?? null,
    actorLogin: actor?.login ?? event.by?.login ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    orgId: event.org?.id ?? null,
    orgPath: event.org?.path ?? null,
    ip: actor?.ip ?? from?.ip ?? null,
    userAgent: (actor?.userAgent ?? from?.userAgent ?? null)?.slice(0, 300) ?? null,
    details: event.details ?? null,
  });
}
