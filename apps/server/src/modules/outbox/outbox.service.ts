import { and, desc, eq, sql } from 'drizzle-orm';
import type { outboxQuerySchema, OutboxStatus } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgs, outboxMessages } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { withName } from '../../platform/notify.js';
import { revealableAmong } from '../care/care.access.js';

type Row = { m: typeof outboxMessages.$inferSelect; orgName: string | null };

/** `aboutName`: the name of the person the message is about as this reader may see it (see `present`). */
const toMessage = ({ m, orgName }: Row, aboutName: string | null) => ({
  id: m.id,
  kind: m.kind,
  channel: m.channel as 'email' | 'webhook',
  recipientMasked: m.recipientMasked,
  recipientNameMasked: m.recipientNameMasked,
  // The recipient's name only masked, in the texts too (a greeting reads 王**您好 here; delivery writes it in clear).
  subject: withName(m.subject, m.recipientNameMasked, aboutName),
  body: withName(m.body, m.recipientNameMasked, aboutName),
  status: m.status as OutboxStatus,
  attempts: m.attempts,
  lastError: m.lastError,
  orgName,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
  nextAttemptAt: m.nextAttemptAt.toISOString(),
});

/**
 * The outbox as people see it: messages of organisations in the actor's subtree, recipients masked. Messages
 * that belong to no organisation are visible to platform admins only (inScope on a null path is false).
 */
export function createOutboxService(db: Db, crypto: FieldCrypto) {
  const visible = (actor: Actor) => inScope(orgs.path, scopeOf(actor, 'notify.read'));

  /**
   * A page of messages as this reader may see them. The elder a care message is about is named in clear only to
   * those the care module lets reveal that elder (care.access `mayReveal`, one query for the page), masked (张**) to
   * everyone else who may read the outbox. Like the recipient pages, which show the name without an audit entry,
   * showing it here is not audited: care audits the reveal of address, phone and health notes, not of names.
   */
  async function present(actor: Actor, page: Row[]) {
    const about = page.filter(({ m }) => m.refType === 'care_recipient' && m.refId && m.aboutNameEnc);
    const open = await revealableAmong(
      db,
      actor,
      about.map(({ m }) => m.refId!),
    );
    return page.map((row) => {
      const { m } = row;
      const clear = about.includes(row) && open.has(m.refId!);
      return toMessage(row, clear ? crypto.decrypt(m.aboutNameEnc!) : m.aboutNameMasked);
    });
  }

  async function rows(where: ReturnType<typeof and>, page: number, pageSize: number) {
    return db
      .select({ m: outboxMessages, orgName: orgs.name })
      .from(outboxMessages)
      .leftJoin(orgs, eq(orgs.id, outboxMessages.orgId))
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  }

  async function list(actor: Actor, q: z.infer<typeof outboxQuerySchema>) {
    const scope = scopeOf(actor, 'notify.read');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const where = and(
      scope === 'all' ? undefined : visible(actor),
      q.status ? eq(outboxMessages.status, q.status) : undefined,
      q.kind ? eq(outboxMessages.kind, q.kind) : undefined,
      q.refId ? eq(outboxMessages.refId, q.refId) : undefined,
    );
    const [items, [count]] = await Promise.all([
      rows(where, q.page, q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(outboxMessages)
        .leftJoin(orgs, eq(orgs.id, outboxMessages.orgId))
        .where(where),
    ]);
    return { items: await present(actor, items), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  /** Puts a failed message back in the queue with a fresh set of attempts; only a failed one, once, however many press. */
  async function retry(actor: Actor, id: string) {
    const [found] = await rows(eq(outboxMessages.id, id), 1, 1);
    const org = found?.m.orgId ? await db.query.orgs.findFirst({ where: eq(orgs.id, found.m.orgId) }) : undefined;
    requireAccess(actor, 'notify.read', found && !found.m.orgId && scopeOf(actor, 'notify.read') === 'all' ? '/' : org?.path);
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(outboxMessages)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
        .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'failed')))
        .returning({ id: outboxMessages.id });
      if (!updated.length) throw new AppError('conflict');
      await recordAudit(tx, actor, { action: 'outbox.retry', entity: 'outbox_message', entityId: id, org: org ?? null });
    });
    const [row] = await present(actor, await rows(eq(outboxMessages.id, id), 1, 1));
    return row!;
  }

  return { list, retry };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
