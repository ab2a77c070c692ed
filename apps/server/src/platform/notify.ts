import { uuidv7 } from './ids.js';
import type { Executor } from '../db/client.js';
import { outboxMessages } from '../db/schema/index.js';
import { maskName, maskPhone, type FieldCrypto } from './crypto.js';

export type NotifyChannel = 'email' | 'webhook';

export interface OutgoingMessage {
  /** What the message is about, e.g. `care.visit_report`, `care.alert`, `wristband.found`. */
  kind: string;
  channel: NotifyChannel;
  /** An e-mail address for `email`, a phone number for `webhook` (the SMS / WeChat gateway). */
  to: string;
  /** The name to address them by; the outbox keeps it masked for pages and encrypted for delivery only. */
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

/** Stands for the recipient's name in a stored subject or body; migration 0036_outbox_names_masked writes it too. */
export const NAME_SLOT = '{{toName}}';

/**
 * A message's recipient name as the outbox keeps it. Recipients include family contacts, whose names are sealed
 * everywhere else, so the outbox holds the name masked (for pages) and encrypted (for delivery), and its subject
 * and body hold NAME_SLOT where the caller wrote the name (a greeting, 王小明您好). `withName` with the clear name
 * gives back exactly the caller's text.
 */
export function sealRecipientName(crypto: FieldCrypto, name: string | null | undefined, text: { subject: string; body: string }) {
  if (!name) return { recipientNameMasked: null, recipientNameEnc: null, subject: text.subject, body: text.body };
  return {
    recipientNameMasked: maskName(name),
    recipientNameEnc: crypto.encrypt(name),
    subject: text.subject.split(name).join(NAME_SLOT),
    body: text.body.split(name).join(NAME_SLOT),
  };
}

/** A stored subject or body with the name put back: the clear one for delivery, the masked one for pages. */
export const withName = (text: string, name: string | null) => text.split(NAME_SLOT).join(name ?? '');

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
          ...sealRecipientName(crypto, m.toName, m),
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
