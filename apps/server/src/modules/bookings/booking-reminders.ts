import { sql } from 'drizzle-orm';
import type { BookingField } from '@youshe/shared';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Notifier, OutgoingMessage } from '../../platform/notify.js';

/** How long before its slot a booking is reminded: within this window, once. */
export const REMIND_WITHIN_HOURS = 24;

/** A moment as people in China read it: 2025-08-20 09:00. */
export const shanghai = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(d)
    .replace(/\//g, '-');

interface Claimed {
  id: string;
  code: string;
  name_masked: string;
  phone_masked: string;
  slot_id: string;
  values_enc: string;
  campaign_id: string;
  title: string;
  fields: BookingField[];
  org_id: string;
  org_path: string;
  place_name: string;
  address: string | null;
  starts_at: string | Date;
}

/**
 * Reminders of bookings whose slot starts within a day, sent once per booking and slot whoever sends them: the job
 * on every instance or an officer's button. A reminder is claimed by a conditional update of the booking
 * (`reminder_at` from null to now, rows another sender holds skipped) in the same transaction that enqueues its
 * message, so of two senders at once exactly one claims each booking; the outbox's dedupe key is a second guard.
 * Changing the slot clears `reminder_at`, so the new slot is reminded too.
 */
export function createBookingReminders(db: Db, decrypt: (enc: string) => Record<string, string>, notifier: Notifier) {
  /** Claims up to `limit` due bookings (of one campaign, or all) and enqueues their messages; returns what was claimed. */
  async function claimBatch(tx: Executor, campaignId: string | null, limit: number) {
    const result = await tx.execute(sql`
      with due as (
        select b.id
        from bookings b
        join booking_slots s on s.id = b.slot_id
        join booking_campaigns c on c.id = b.campaign_id
        where b.status = 'confirmed' and b.reminder_at is null
          and s.starts_at > now() and s.starts_at <= now() + make_interval(hours => ${REMIND_WITHIN_HOURS})
          and c.status <> 'draft'
          and exists (select 1 from jsonb_array_elements(c.fields) f where f->>'kind' = 'phone')
          ${campaignId ? sql`and b.campaign_id = ${campaignId}` : sql``}
        order by s.starts_at, b.id
        limit ${limit}
        for update of b skip locked
      )
      update bookings b set reminder_at = now()
      from due, booking_slots s, places p, booking_campaigns c, orgs o
      where b.id = due.id and b.reminder_at is null
        and s.id = b.slot_id and p.id = s.place_id and c.id = b.campaign_id and o.id = c.org_id
      returning b.id, b.code, b.name_masked, b.phone_masked, b.slot_id, b.values_enc, b.campaign_id, c.title, c.fields, c.org_id, o.path as org_path,
        p.name as place_name, p.address, s.starts_at`);
    const rows = (result as unknown as { rows: Claimed[] }).rows;
    const messages: OutgoingMessage[] = [];
    const sentBy = new Map<string, number>();
    for (const r of rows) {
      const phone = r.fields.find((f) => f.kind === 'phone');
      const to = phone ? decrypt(r.values_enc)[phone.key] : undefined;
      if (!to) continue;
      const when = shanghai(new Date(r.starts_at));
      messages.push({
        kind: 'booking.reminder',
        channel: 'webhook',
        to,
        subject: r.title,
        body: `您预约的「${r.title}」将于 ${when} 在 ${r.place_name}${r.address ? `（${r.address}）` : ''} 办理，请凭预约码前往。`,
        link: `/bk/${r.code}`,
        orgId: r.org_id,
        refType: 'booking',
        refId: r.id,
        dedupeKey: `booking.reminder:${r.id}:${r.slot_id}`,
      });
      sentBy.set(r.campaign_id, (sentBy.get(r.campaign_id) ?? 0) + 1);
    }
    await notifier.enqueue(tx, messages);
    return { rows, sent: messages.length, sentBy };
  }

  /** One audit entry per campaign and round: who (or the job) reminded how many. */
  async function audit(tx: Executor, actor: Actor | null, rows: Claimed[], sent: Map<string, number>) {
    const byCampaign = new Map<string, Claimed>();
    for (const r of rows) byCampaign.set(r.campaign_id, r);
    for (const [id, r] of byCampaign)
      await recordAudit(tx, actor, {
        action: 'booking.remind',
        entity: 'booking_campaign',
        entityId: id,
        org: { id: r.org_id, path: r.org_path },
        details: { count: sent.get(id) ?? 0, by: actor ? 'hand' : 'job' },
      });
  }

  /** Sends everything due (of one campaign, or all), in batches of `batch`, each its own transaction. */
  async function send(actor: Actor | null, campaignId: string | null, batch = 200) {
    const claimed: Claimed[] = [];
    let sent = 0;
    for (;;) {
      const round = await db.transaction(async (tx) => {
        const { rows, sent: n, sentBy } = await claimBatch(tx, campaignId, batch);
        if (rows.length) await audit(tx, actor, rows, sentBy);
        return { rows, n };
      });
      claimed.push(...round.rows);
      sent += round.n;
      if (round.rows.length < batch) break;
    }
    return { claimed, sent };
  }

  /** The job: every campaign's due reminders. Safe on every instance at once. */
  async function runOnce(batch = 200): Promise<{ reminded: number; sent: number }> {
    const { claimed, sent } = await send(null, null, batch);
    return { reminded: claimed.length, sent };
  }

  return { send, runOnce };
}

export type BookingReminders = ReturnType<typeof createBookingReminders>;
