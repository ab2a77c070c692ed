import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  errorMessage,
  fieldMessage,
  VISIT_MAX_PAST_DAYS,
  visitInputSchema,
  WELLBEING_ITEMS,
  type FieldIssue,
  type Locale,
  type VisitInput,
} from '@youshe/shared';
import type { Db, Tx } from '../../db/client.js';
import { careAlerts, careContacts, careRecipients, careVisits, persons } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { Notifier, OutgoingMessage } from '../../platform/notify.js';
import { recordHours } from '../volunteers/hours.js';
import type { AlertsService } from './alerts.service.js';
import { clearName, isPaired, type RecipientRow } from './care.access.js';
import { careRepository as repo } from './care.repository.js';
import { consentCovers } from './contacts.js';
import { visitReports } from './family.js';
import { createRouteService, requireVolunteer } from './route.service.js';

const DAY = 86_400_000;
/** A phone's clock may run a little ahead; beyond this a visit "in the future" needs a reason. */
const FUTURE_SLACK_MS = 10 * 60_000;
const CONCERN_SUMMARY: Record<string, string> = {
  watch: '探访时发现需要留意的情况',
  needs_help: '探访时发现老人需要帮助',
  urgent: '探访时发现紧急情况',
};

type VisitResult = { id: string; recipientId: string; visitedAt: string; status: 'created' | 'duplicate'; alertId: string | null };

/**
 * Visits logged on a phone, one at a time or a whole offline queue at once; a resend never makes a second visit.
 * A queue is written in one transaction with set-based statements, so a phone coming back online after a day of
 * rounds costs the database a handful of statements, not a few per visit.
 */
export function createVisitsService(db: Db, crypto: FieldCrypto, notifier: Notifier, alerts: AlertsService) {
  /** Visits that already arrived, answered as the first time: the same ids, the same alert. */
  async function arrived(actor: Actor, ids: string[]) {
    if (!ids.length) return new Map<string, VisitResult | AppError>();
    const rows = await db
      .select({ v: careVisits, alertId: careAlerts.id })
      .from(careVisits)
      .leftJoin(careAlerts, eq(careAlerts.visitId, careVisits.id))
      .where(inArray(careVisits.id, ids));
    return new Map<string, VisitResult | AppError>(
      rows.map(({ v, alertId }) => [
        v.id,
        // Someone else's visit id: a resend always comes from the phone that made it.
        v.accountId !== actor.accountId
          ? new AppError('conflict')
          : { id: v.id, recipientId: v.recipientId, visitedAt: v.visitedAt.toISOString(), status: 'duplicate' as const, alertId },
      ]),
    );
  }

  /** The rules a visit must pass before anything is written; an AppError says which and where. */
  function check(actor: Actor, input: VisitInput, row: RecipientRow | undefined, now: number): AppError | null {
    if (!row) return new AppError('not_found');
    if (!isPaired(actor, row.r)) return new AppError('forbidden', [{ path: 'recipientId', code: 'custom', message: 'not_paired' }]);
    if (row.r.status !== 'active') return invalidField('recipientId', 'custom', 'recipient_withdrawn');
    const allowed = new Set<string>([...WELLBEING_ITEMS, ...row.r.extraItems]);
    const unknown = Object.keys(input.answers).find((k) => !allowed.has(k));
    if (unknown) return invalidField(`answers.${unknown}`, 'custom', 'unknown_checklist_item');
    const at = new Date(input.visitedAt).getTime();
    const odd = at > now + FUTURE_SLACK_MS || at < now - VISIT_MAX_PAST_DAYS * DAY;
    if (odd && !input.lateReason) return invalidField('lateReason', 'custom', 'late_reason_required');
    return null;
  }

  /** The core of both endpoints: each input gets its result or its error, in order. */
  async function record(actor: Actor, inputs: VisitInput[]): Promise<(VisitResult | AppError)[]> {
    requireVolunteer(actor);
    const unique = [...new Map(inputs.map((v) => [v.id, v])).values()];
    const before = await arrived(
      actor,
      unique.map((v) => v.id),
    );
    const fresh = unique.filter((v) => !before.has(v.id));
    const recipientIds = [...new Set(fresh.map((v) => v.recipientId))];
    const [rows, contacts, volunteer] = await Promise.all([
      recipientIds.length ? repo.recipientRows(db, inArray(careRecipients.id, recipientIds), 1, recipientIds.length) : [],
      recipientIds.length
        ? db
            .select()
            .from(careContacts)
            .where(
              and(
                inArray(careContacts.recipientId, recipientIds),
                eq(careContacts.kind, 'family'),
                // Visit reports go to the family only if the consent covers them.
                consentCovers(careContacts.recipientId, 'family_reports'),
              ),
            )
            .orderBy(asc(careContacts.position))
        : [],
      actor.personId ? db.select({ orgId: persons.orgId }).from(persons).where(eq(persons.id, actor.personId)) : [],
    ]);
    const byId = new Map(rows.map((r) => [r.r.id, r]));
    const now = Date.now();
    const refused = new Map<string, AppError>();
    const accepted = fresh.filter((v) => {
      const problem = check(actor, v, byId.get(v.recipientId), now);
      if (problem) refused.set(v.id, problem);
      return !problem;
    });

    const created = new Map<string, VisitResult>();
    if (accepted.length) {
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(careVisits)
          .values(
            accepted.map((v) => ({
              id: v.id,
              recipientId: v.recipientId,
              orgId: byId.get(v.recipientId)!.r.orgId,
              volunteerId: actor.personId,
              accountId: actor.accountId,
              visitedAt: new Date(v.visitedAt),
              minutes: v.minutes,
              presence: v.presence,
              answers: v.answers,
              helpGiven: v.helpGiven,
              noteEnc: v.note ? crypto.encrypt(v.note) : null,
              concern: v.concern,
              confirmation: v.confirmation,
              signatureEnc: v.signature ? crypto.encrypt(v.signature) : null,
              lateReason: v.lateReason ?? null,
            })),
          )
          .onConflictDoNothing({ target: careVisits.id })
          .returning({ id: careVisits.id });
        const mine = new Set(inserted.map((i) => i.id));
        const done = accepted.filter((v) => mine.has(v.id));
        if (!done.length) return;
        await bumpRecipients(tx, done);
        const messages: OutgoingMessage[] = [];
        for (const v of done) {
          const row = byId.get(v.recipientId)!;
          const visitedAt = new Date(v.visitedAt);
          let alertId: string | null = null;
          const unreachable = v.presence === 'not_home_unreachable';
          if (unreachable || v.concern !== 'none') {
            alertId = await alerts.raise(tx, {
              recipientId: row.r.id,
              orgId: row.r.orgId,
              visitId: v.id,
              kind: unreachable ? 'unreachable' : 'concern',
              level: unreachable ? 'urgent' : (v.concern as 'watch'),
              summary: unreachable ? '上门未见到老人，电话也联系不上' : CONCERN_SUMMARY[v.concern]!,
            });
          }
          messages.push(
            ...visitReports(
              crypto,
              contacts,
              { ...v, orgId: row.r.orgId, visitedAt },
              { recipient: clearName(crypto, row.r), volunteer: actor.personName },
            ),
          );
          if (volunteer[0])
            await recordHours(tx, {
              personId: actor.personId!,
              orgId: volunteer[0].orgId,
              source: 'visit',
              sourceId: v.id,
              startedAt: visitedAt,
              minutes: v.minutes,
            });
          created.set(v.id, { id: v.id, recipientId: v.recipientId, visitedAt: visitedAt.toISOString(), status: 'created', alertId });
        }
        await notifier.enqueue(tx, messages);
      });
    }
    // Sent twice at the same moment: the other request's copy is committed by now, and answers as a resend.
    const raced = accepted.filter((v) => !created.has(v.id)).map((v) => v.id);
    const after = await arrived(actor, raced);
    const seen = new Set<string>();
    return inputs.map((v) => {
      const r = created.get(v.id) ?? before.get(v.id) ?? after.get(v.id) ?? refused.get(v.id) ?? new AppError('conflict');
      // The same visit twice in one queue: the second copy is a resend of the first.
      const again = seen.has(v.id) && !(r instanceof AppError);
      seen.add(v.id);
      return again ? { ...(r as VisitResult), status: 'duplicate' as const } : r;
    });
  }

  /**
   * Counts the new visits on each recipient and moves the plan's clock, for all of them in one statement. Only a
   * visit that saw the person (or reached them by phone) resets the clock, measured from the latest such visit,
   * so a visit logged late never moves it backwards.
   */
  async function bumpRecipients(tx: Tx, done: VisitInput[]) {
    const per = new Map<string, { n: number; seen: number | null }>();
    for (const v of done) {
      const e = per.get(v.recipientId) ?? { n: 0, seen: null };
      e.n++;
      if (v.presence !== 'not_home_unreachable') e.seen = Math.max(e.seen ?? 0, new Date(v.visitedAt).getTime());
      per.set(v.recipientId, e);
    }
    const values = sql.join(
      // In id order, so that two queues touching the same recipients lock them in the same order.
      [...per]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, e]) => sql`(${id}::uuid, ${e.n}::int, ${e.seen === null ? null : new Date(e.seen).toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`update care_recipients r set
        visit_count = r.visit_count + v.n,
        last_visit_at = coalesce(greatest(r.last_visit_at, v.seen), r.last_visit_at),
        missed_after = case when v.seen is null then r.missed_after
          else greatest(r.last_visit_at, v.seen) + make_interval(days => r.interval_days + greatest(1, round(r.interval_days / 4.0)::int)) end
      from (values ${values}) as v(id, n, seen) where r.id = v.id`);
  }

  async function log(actor: Actor, input: VisitInput): Promise<VisitResult> {
    const [result] = await record(actor, [input]);
    if (result instanceof AppError) throw result;
    return result!;
  }

  /** A phone's whole queue in one request: each visit is answered on its own, so one bad visit holds back none. */
  async function logBatch(actor: Actor, raw: unknown[], locale: Locale) {
    requireVolunteer(actor);
    const parsed = raw.map((item) => visitInputSchema.safeParse(item));
    const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));
    const results = await record(actor, valid);
    let next = 0;
    return {
      results: parsed.map((p, i) => {
        const item = raw[i] as { id?: unknown } | null;
        const id = typeof item === 'object' && item && typeof item.id === 'string' ? item.id : null;
        if (!p.success) {
          const details: FieldIssue[] = p.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            code: issue.code,
            message: fieldMessage(locale, issue.code, issue as unknown as Record<string, unknown>, issue.message),
          }));
          return {
            id,
            status: 'rejected' as const,
            alertId: null,
            code: 'validation_failed',
            message: errorMessage(locale, 'validation_failed'),
            details,
          };
        }
        const r = results[next++]!;
        if (r instanceof AppError) {
          const details = Array.isArray(r.details)
            ? (r.details as FieldIssue[]).map((d) => ({ ...d, message: fieldMessage(locale, d.code, {}, d.message) }))
            : undefined;
          return { id, status: 'rejected' as const, alertId: null, code: r.code, message: errorMessage(locale, r.code), details };
        }
        return { id: r.id, status: r.status, alertId: r.alertId, code: null, message: null };
      }),
    };
  }

  return { log, logBatch, ...createRouteService(db, crypto) };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
