import { uuidv7 } from './ids.js';
import type { Executor } from '../db/client.js';
import { outboxMessages } from '../db/schema/index.js';
import { maskPhone, sealed, type FieldCrypto } from './crypto.js';

export type NotifyChannel = 'email' | 'webhook';

export interface OutgoingMessage {
  /** What the message is about, e.g. `care.visit_report`, `care.alert`, `wristband.found`. */
  kind: string;
  channel: NotifyChannel;
  /** An e-mail address for `email`, a phone number for `webhook` (the SMS / WeChat gateway). */
  to: string;
  /** The name to address them by; the outbox keeps it masked for pages and encrypted for delivery only. */
  toName?: string | null;
  /**
   * The name of the person the message is about, where the text names them (the elder in care's messages): kept
   * like `toName`, because outbox readers may see that person's name only where the care module would show it.
   */
  aboutName?: string | null;
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
/** Stands for the name of the person the message is about (see OutgoingMessage.aboutName). */
export const ABOUT_SLOT = '{{aboutName}}';

const sealedOrNone = (crypto: FieldCrypto, name: string | null | undefined) => (name ? sealed(crypto, name) : { masked: null, enc: null });

/**
 * A message's names as the outbox keeps them. Recipients include family contacts, and messages name the elder in
 * care, whose names are sealed everywhere else; so the outbox holds each name masked (for pages) and encrypted (for
 * delivery), and its subject and body hold a slot where the caller wrote the name (王小明您好, 张桂英的探访报告).
 * `withName` with the clear names gives back exactly the caller's text.
 */
export function sealNames(
  crypto: FieldCrypto,
  names: { toName?: string | null | undefined; aboutName?: string | null | undefined },
  text: { subject: string; body: string },
) {
  let { subject, body } = text;
  // The longer name first: a name inside the other (张三 in 张三丰) must not cut it in two, half of it left in clear.
  const slots = [
    [NAME_SLOT, names.toName],
    [ABOUT_SLOT, names.aboutName],
  ]
    .filter((pair): pair is [string, string] => !!pair[1])
    .sort((a, b) => b[1].length - a[1].length);
  for (const [slot, name] of slots) {
    subject = subject.split(name).join(slot);
    body = body.split(name).join(slot);
  }
  const to = sealedOrNone(crypto, names.toName);
  const about = sealedOrNone(crypto, names.aboutName);
  return {
    recipientNameMasked: to.masked,
    recipientNameEnc: to.enc,
    aboutNameMasked: about.masked,
    aboutNameEnc: about.enc,
    subject,
    body,
  };
}

/** A stored subject or body with the names put back: the clear ones for delivery, masked ones for pages. */
export const withName = (text: string, toName: string | null, aboutName: string | null = null) =>
  text
    .split(ABOUT_SLOT)
    .join(aboutName ?? '')
    .split(NAME_SLOT)
    .join(toName ?? '');

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
          ...sealNames(crypto, m, m),
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
