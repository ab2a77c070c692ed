import { uuidv7 } from './ids.js';
import type { Executor } from '../db/client.js';
import { outboxMessages } from '../db/schema/index.js';
import { maskPhone, type FieldCrypto } from './crypto.js';

export type NotifyChannel = 'email' | 'webhook';

export interface OutgoingMessage {
  /** What the message is about, e.g. `care.visit_report`, `care.alert`, `wristband.found`. */
  kind: string;
  channel: NotifyChannel;
  /** An e-mail address for `email`, a phone number for `webhook` (the SMS / WeChat gateway). */
  to: string;
  toName?: string | null;
  subject: string;
  body: string;
  /** A link the reader may follow (e.g. a family's private page of recent visits). */
  link?: string | null;
  orgId?: string | null;
  refType?: string | null;
  refId?: string | null;
  /** Enqueueing twice with the same key sends once. */
  dedupeKey?: string | null;
}

export function maskAddressOf(channel: NotifyChannel, to: string): string {
  if (channel === 'webhook') return maskPhone(to);
  const [user = '', domain = ''] = to.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}

/**
 * The notifier's front door. `enqueue` takes the caller's transaction, so a message exists exactly when the
 * fact it reports was committed; delivery (SMTP, webhook, retries) happens later in the delivery job.
 */
export function createNotifier(crypto: FieldCrypto) {
  async function enqueue(tx: Executor, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await tx
      .insert(outboxMessages)
      .values(
        messages.map((m) => ({
          id: uuidv7(),
          kind: m.kind,
          channel: m.channel,
          recipientEnc: crypto.encrypt(m.to),
          recipientMasked: maskAddressOf(m.channel, m.to),
          recipientName: m.toName ?? null,
          subject: m.subject,
          body: m.body,
          link: m.link ?? null,
          orgId: m.orgId ?? null,
          refType: m.refType ?? null,
          refId: m.refId ?? null,
          dedupeKey: m.dedupeKey ?? null,
        })),
      )
      .onConflictDoNothing({ target: outboxMessages.dedupeKey });
  }
  return { enqueue };
}

export type Notifier = ReturnType<typeof createNotifier>;
