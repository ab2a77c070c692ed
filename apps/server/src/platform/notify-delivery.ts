import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client.js';
import type { FieldCrypto } from './crypto.js';
import { withName } from './notify.js';

export interface DeliveryOptions {
  smtpUrl?: string | undefined;
  smtpFrom?: string;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  /** Demo mode never sends: every message is held so that the outbox page shows what would have gone out. */
  demo?: boolean;
  maxAttempts?: number;
  /** Messages carry links relative to the server (`/f/…`); readers outside need them whole. */
  publicUrl?: string | undefined;
  /** The first retry waits this long; each next one twice as long (capped at six hours). */
  baseDelayMs?: number;
  /** How long a claimed message is reserved for the instance sending it; after that another instance may retry it. */
  leaseMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

interface Claimed {
  id: string;
  kind: string;
  channel: string;
  recipient_enc: string;
  recipient_name_enc: string | null;
  about_name_enc: string | null;
  subject: string;
  body: string;
  link: string | null;
  attempts: number;
  created_at: Date | string;
}

export interface DeliveryRun {
  sent: number;
  held: number;
  retrying: number;
  failed: number;
}

const MAX_DELAY_MS = 6 * 3600_000;

/** A link as the reader can follow it: a path gets the server's public address in front, when one is configured. */
export function absoluteLink(link: string | null, publicUrl: string | undefined): string | null {
  return link && publicUrl && link.startsWith('/') ? `${publicUrl}${link}` : link;
}

/** The body a gateway receives; the signature covers exactly these bytes. */
export function webhookPayload(m: Claimed, to: string, toName: string | null): string {
  return JSON.stringify({
    id: m.id,
    kind: m.kind,
    to,
    toName,
    subject: m.subject,
    body: m.body,
    link: m.link,
    createdAt: new Date(m.created_at).toISOString(),
  });
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Delivers the outbox. Each run claims due messages with FOR UPDATE SKIP LOCKED and moves their next attempt
 * a lease ahead in the same statement, so several instances share the work without sending anything twice,
 * and a message claimed by an instance that died is picked up again when its lease runs out.
 */
export function createDelivery(db: Db, crypto: FieldCrypto, options: DeliveryOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 60_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const mailer = options.smtpUrl && !options.demo ? nodemailer.createTransport(options.smtpUrl) : null;
  const webhookUrl = options.demo ? undefined : options.webhookUrl;

  // The channels this instance can send; the others' messages are held, never claimed.
  const sendable = [mailer ? 'email' : null, webhookUrl ? 'webhook' : null].filter((c): c is string => c !== null);
  const channelIn = (channels: string[]) =>
    sql.join(
      channels.map((c) => sql`${c}`),
      sql`, `,
    );

  async function claim(): Promise<Claimed[]> {
    if (!sendable.length) return [];
    const res = await db.execute(sql`
      update outbox_messages m
         set status = 'sending', attempts = m.attempts + 1, next_attempt_at = now() + ${`${leaseMs} milliseconds`}::interval
       where m.id in (
         select id from outbox_messages
          where status in ('pending', 'sending') and next_attempt_at <= now() and channel in (${channelIn(sendable)})
          order by next_attempt_at
          limit ${batchSize}
          for update skip locked)
      returning m.id, m.kind, m.channel, m.recipient_enc, m.recipient_name_enc, m.about_name_enc, m.subject, m.body, m.link, m.attempts, m.created_at`);
    return (res as unknown as { rows: Claimed[] }).rows;
  }

  async function holdUnsendable(): Promise<number> {
    // A channel with no transport (or demo mode) holds its messages: they are visible, never silently dropped.
    const channels = ['email', 'webhook'].filter((c) => !sendable.includes(c));
    if (!channels.length) return 0;
    const res = await db.execute(sql`
      update outbox_messages set status = 'held', last_error = null
       where (status = 'pending' or (status = 'sending' and next_attempt_at <= now())) and channel in (${channelIn(channels)})
      returning id`);
    return (res as unknown as { rows: unknown[] }).rows.length;
  }

  async function sendOne(claimed: Claimed): Promise<void> {
    // Address and names are decrypted here only, for the moment of sending; the names go back where the caller wrote them.
    const open = (v: string | null) => (v ? crypto.decrypt(v) : null);
    const to = crypto.decrypt(claimed.recipient_enc);
    const toName = open(claimed.recipient_name_enc);
    const aboutName = open(claimed.about_name_enc);
    const m = {
      ...claimed,
      subject: withName(claimed.subject, toName, aboutName),
      body: withName(claimed.body, toName, aboutName),
      link: absoluteLink(claimed.link, options.publicUrl),
    };
    if (m.channel === 'email') {
      const text = m.link ? `${m.body}\n\n${m.link}` : m.body;
      await mailer!.sendMail({
        from: options.smtpFrom ?? 'Youshe <noreply@youshe.invalid>',
        to: toName ? { name: toName, address: to } : to,
        subject: m.subject,
        text,
        headers: { 'X-Youshe-Message-Id': m.id },
      });
      return;
    }
    const body = webhookPayload(m, to, toName);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(webhookUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // A gateway that saw this id already can drop the repeat (our retry after its answer got lost).
        'idempotency-key': m.id,
        'x-youshe-timestamp': timestamp,
        'x-youshe-signature': signWebhook(options.webhookSecret ?? '', timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    await res.body?.cancel();
  }

  async function settle(m: Claimed, error: unknown): Promise<'sent' | 'retrying' | 'failed'> {
    if (!error) {
      await db.execute(sql`update outbox_messages set status = 'sent', sent_at = now(), last_error = null where id = ${m.id}`);
      return 'sent';
    }
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (m.attempts >= maxAttempts) {
      await db.execute(sql`update outbox_messages set status = 'failed', last_error = ${message} where id = ${m.id}`);
      return 'failed';
    }
    const delay = Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** (m.attempts - 1));
    await db.execute(sql`
      update outbox_messages set status = 'pending', last_error = ${message},
             next_attempt_at = now() + ${`${delay} milliseconds`}::interval
       where id = ${m.id}`);
    return 'retrying';
  }

  /** One pass: holds what cannot be sent, then sends due messages until none are left. Tests call it directly. */
  async function runOnce(): Promise<DeliveryRun> {
    const result: DeliveryRun = { sent: 0, held: await holdUnsendable(), retrying: 0, failed: 0 };
    for (;;) {
      const batch = await claim();
      if (!batch.length) return result;
      const outcomes = await Promise.all(
        batch.map(async (m) => {
          try {
            await sendOne(m);
            return settle(m, null);
          } catch (err) {
            return settle(m, err ?? new Error('send failed'));
          }
        }),
      );
      for (const o of outcomes) result[o]++;
    }
  }

  /** Runs every few seconds on every instance (claims keep them from colliding); returns a stop function. */
  function start(everyMs = 5_000): () => void {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await runOnce();
      } catch {
        // The next tick tries again; a database hiccup must not stop delivery for good.
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      mailer?.close();
    };
  }

  return { runOnce, start, close: () => mailer?.close() };
}

export type Delivery = ReturnType<typeof createDelivery>;
