import { and, eq, inArray, sql } from 'drizzle-orm';
import type { alertListQuerySchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { careAlerts, careRecipients, orgs } from '../../db/schema/index.js';
import { scopeOf, type Actor, type Scope } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { Notifier, OutgoingMessage } from '../../platform/notify.js';
import { clearName, shownName } from './care.access.js';
import { onChinaDays } from '../stations/china-day.js';
import { careRepository as repo, ESCALATE_AFTER_MINUTES } from './care.repository.js';
import { familyContactsOf, neighboursToAlert } from './contacts.js';
import { familyLinks } from './family.js';

const OWNER_BY_LEVEL = ['grid_leader', 'community', 'branch'] as const;
const LEVEL_WORD: Record<string, string> = { urgent: '紧急', needs_help: '需要帮助', watch: '留意' };

type Level = 'watch' | 'needs_help' | 'urgent';
interface AlertFacts {
  recipientId: string;
  orgId: string;
  visitId: string | null;
  kind: 'concern' | 'unreachable';
  level: Level;
  summary: string;
}

/** Alerts that reach someone: raised, sent up the chain when nobody answers, owned, and closed with an outcome. */
export function createAlertsService(db: Db, crypto: FieldCrypto, notifier: Notifier) {
  async function recipientFacts(tx: Executor, recipientId: string) {
    const [row] = await tx
      .select({ r: careRecipients, orgName: orgs.name })
      .from(careRecipients)
      .innerJoin(orgs, eq(orgs.id, careRecipients.orgId))
      .where(eq(careRecipients.id, recipientId));
    return row!;
  }

  /** Messages to the staff an alert reaches at one level: by SMS gateway to the phone in their directory entry. */
  async function staffMessages(
    tx: Executor,
    alertId: string,
    level: number,
    facts: { orgId: string; orgName: string; mainVolunteerId: string | null; name: string; levelWord: string; summary: string },
  ) {
    const staff = await repo.staffAt(tx, level, facts.orgId, facts.mainVolunteerId);
    return staff
      .filter((s) => s.phone_enc)
      .map((s): OutgoingMessage => ({
        kind: 'care.alert',
        channel: 'webhook',
        to: crypto.decrypt(s.phone_enc!),
        toName: s.name,
        aboutName: facts.name,
        subject: `【关爱提醒·${facts.levelWord}】${facts.orgName} ${facts.name}`,
        body: `${facts.summary}。请尽快联系处理，并在邮社共建平台“关爱提醒”中确认。`,
        link: '/care/alerts',
        orgId: facts.orgId,
        refType: 'care_recipient',
        refId: null,
        dedupeKey: `care.alert:${alertId}:L${level}:${s.id}`,
      }));
  }

  /**
   * Raises an alert in the caller's transaction (the visit's). Urgent alerts and residents nobody could reach
   * go at once to the grid leader, the community partners and the family; lesser ones wait in the inbox.
   */
  async function raise(tx: Executor, facts: AlertFacts): Promise<string> {
    const id = uuidv7();
    const [inserted] = await tx
      .insert(careAlerts)
      .values({
        id,
        recipientId: facts.recipientId,
        orgId: facts.orgId,
        visitId: facts.visitId,
        kind: facts.kind,
        level: facts.level,
        summary: facts.summary,
        escalateAt: new Date(Date.now() + ESCALATE_AFTER_MINUTES[facts.level]! * 60_000),
      })
      .onConflictDoNothing({ target: careAlerts.visitId })
      .returning({ id: careAlerts.id });
    if (!inserted) return (await tx.select({ id: careAlerts.id }).from(careAlerts).where(eq(careAlerts.visitId, facts.visitId!)))[0]!.id;
    const { r, orgName } = await recipientFacts(tx, facts.recipientId);
    // Sent text: the people told need to know whom it is about (the outbox keeps it sealed, shown by the same rule).
    const name = clearName(crypto, r);
    const base = {
      orgId: facts.orgId,
      orgName,
      mainVolunteerId: r.mainVolunteerId,
      name,
      levelWord: LEVEL_WORD[facts.level]!,
      summary: facts.summary,
    };
    const messages = await staffMessages(tx, id, 0, base);
    if (facts.level === 'urgent') {
      messages.push(...(await staffMessages(tx, id, 1, base)));
      const links = await familyLinks(tx, crypto, facts.recipientId);
      const family = await familyContactsOf(tx, crypto, facts.recipientId, 'alerts');
      family.forEach((f, i) =>
        messages.push({
          kind: 'care.alert',
          channel: f.channel,
          to: f.to,
          toName: f.name,
          aboutName: name,
          subject: `【关爱提醒】${name}需要关注`,
          body: `${f.name}您好：${facts.summary}。社区网格长和社区已同时收到提醒，正在联系处理。`,
          link: links[i] ?? null,
          orgId: facts.orgId,
          refType: 'care_recipient',
          refId: facts.recipientId,
          dedupeKey: `care.alert:${id}:family:${i}`,
        }),
      );
      // Neighbours live next door: in an emergency they may be the first who can knock. By SMS, no private link.
      for (const n of await neighboursToAlert(tx, crypto, facts.recipientId))
        messages.push({
          kind: 'care.alert',
          channel: 'webhook',
          to: n.to,
          toName: n.name,
          aboutName: name,
          subject: `【关爱提醒】请帮忙看看${name}`,
          body: `${n.name}您好：您是${name}登记的信任邻居。${facts.summary}。如方便，请上门或打电话看看老人是否安好；社区网格长和社区已同时收到提醒。`,
          link: null,
          orgId: facts.orgId,
          refType: 'care_recipient',
          refId: facts.recipientId,
          dedupeKey: `care.alert:${id}:neighbour:${n.position}`,
        });
    }
    await notifier.enqueue(
      tx,
      messages.map((m) => ({ ...m, refId: facts.recipientId })),
    );
    return id;
  }

  function toAlert(actor: Actor, row: Awaited<ReturnType<typeof repo.alertRows>>[number]) {
    const { a } = row;
    return {
      id: a.id,
      recipientId: a.recipientId,
      recipientName: shownName(crypto, actor, row),
      orgId: a.orgId,
      orgName: row.orgName,
      kind: a.kind as 'concern',
      level: a.level as Level,
      summary: a.summary,
      status: a.status as 'open',
      escalationLevel: a.escalationLevel,
      owner: row.ownerLogin ?? OWNER_BY_LEVEL[a.escalationLevel] ?? 'branch',
      createdAt: a.createdAt.toISOString(),
      escalateAt: a.escalateAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      outcome: a.outcome,
    };
  }

  const visible = (actor: Actor) => repo.alertVisible(scopeOf(actor, 'care.read'), actor.personId);

  async function inbox(actor: Actor, q: z.infer<typeof alertListQuerySchema>) {
    const where = and(visible(actor), q.status ? eq(careAlerts.status, q.status) : undefined, onChinaDays(careAlerts.createdAt, q));
    const [rows, total] = await Promise.all([repo.alertRows(db, where, q.page, q.pageSize), repo.countAlerts(db, where)]);
    return { items: rows.map((row) => toAlert(actor, row)), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const [row] = await repo.alertRows(db, and(eq(careAlerts.id, id), visible(actor)), 1, 1);
    if (!row) throw new AppError('not_found');
    return toAlert(actor, row);
  }

  /** Taking an alert on: only an open one, and of two people tapping at once one becomes the owner. */
  async function acknowledge(actor: Actor, id: string) {
    const before = await get(actor, id);
    await db.transaction(async (tx) => {
      const done = await tx
        .update(careAlerts)
        .set({ status: 'acknowledged', ownerAccountId: actor.accountId, acknowledgedAt: sql`now()` })
        .where(and(eq(careAlerts.id, id), eq(careAlerts.status, 'open')))
        .returning({ id: careAlerts.id });
      if (!done.length) throw invalidField('status', 'custom', 'transition_not_allowed');
      await recordAudit(tx, actor, {
        action: 'care.alert_acknowledge',
        entity: 'care_alert',
        entityId: id,
        org: await orgRef(tx, before.orgId),
      });
    });
    return get(actor, id);
  }

  async function resolve(actor: Actor, id: string, outcome: string) {
    const before = await get(actor, id);
    await db.transaction(async (tx) => {
      const done = await tx
        .update(careAlerts)
        .set({
          status: 'resolved',
          outcome,
          resolvedAt: sql`now()`,
          resolvedBy: actor.accountId,
          ownerAccountId: sql`coalesce(${careAlerts.ownerAccountId}, ${actor.accountId}::uuid)`,
          acknowledgedAt: sql`coalesce(${careAlerts.acknowledgedAt}, now())`,
        })
        .where(and(eq(careAlerts.id, id), inArray(careAlerts.status, ['open', 'acknowledged'])))
        .returning({ id: careAlerts.id });
      if (!done.length) throw invalidField('status', 'custom', 'transition_not_allowed');
      await recordAudit(tx, actor, {
        action: 'care.alert_resolve',
        entity: 'care_alert',
        entityId: id,
        org: await orgRef(tx, before.orgId),
      });
    });
    return get(actor, id);
  }

  async function orgRef(tx: Executor, orgId: string) {
    const [o] = await tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
    return o!;
  }

  /** Alerts nobody acknowledged in time climb one level; the people of the new level are told. */
  async function escalate(): Promise<number> {
    return db.transaction(async (tx) => {
      const moved = await repo.escalateDue(tx);
      for (const m of moved) {
        const [a] = await tx.select().from(careAlerts).where(eq(careAlerts.id, m.id));
        const { r, orgName } = await recipientFacts(tx, a!.recipientId);
        const facts = {
          orgId: a!.orgId,
          orgName,
          mainVolunteerId: r.mainVolunteerId,
          // Sent text names the elder, as when the alert was raised: the people a level up are told so that they act.
          name: clearName(crypto, r),
          levelWord: LEVEL_WORD[a!.level]!,
          summary: `${a!.summary}（无人确认，已上报）`,
        };
        const messages = await staffMessages(tx, m.id, m.escalation_level, facts);
        await notifier.enqueue(
          tx,
          messages.map((x) => ({ ...x, refId: a!.recipientId })),
        );
      }
      return moved.length;
    });
  }

  /** The missed-visit scan, within a scope (the job runs it over everything). */
  async function scanMissed(scope: Scope): Promise<number> {
    return (await repo.missedScan(db, scope)).length;
  }

  /** An operator's "check now" button: missed visits in their scope, then escalation. */
  async function runNow(actor: Actor) {
    const scope = scopeOf(actor, 'care.manage');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const missed = await scanMissed(scope);
    const escalated = await escalate();
    await recordAudit(db, actor, { action: 'care.scan', entity: 'care_alert', details: { missed, escalated } });
    return { missed, escalated };
  }

  return { raise, inbox, get, acknowledge, resolve, escalate, scanMissed, runNow };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
