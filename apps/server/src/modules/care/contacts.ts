import { and, asc, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CONSENT_PURPOSES } from '@youshe/shared';
import type { Db, Executor } from '../../db/client.js';
import { careConsents, careContacts, careRecipients } from '../../db/schema/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { maskAddressOf } from '../../platform/notify.js';
import { maskName } from './care.access.js';

type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface FamilyContact {
  name: string;
  channel: 'email' | 'webhook';
  to: string;
}

/** A contact's name in clear: a neighbour's is kept encrypted (rows from before that have it in `name`). */
export const contactName = (crypto: FieldCrypto, c: { name: string; nameEnc: string | null }) =>
  c.nameEnc ? crypto.decrypt(c.nameEnc) : c.name;

/**
 * Neighbours enrolled before their names were sealed (migration 0031) still have the name in clear: run at
 * start, this seals them a batch at a time. Each row is sealed by one conditional update, so instances
 * starting together never seal one twice. Returns how many it sealed.
 */
export async function sealLegacyNeighbourNames(db: Db, crypto: FieldCrypto): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await db
      .select({ id: careContacts.id, name: careContacts.name })
      .from(careContacts)
      .where(and(eq(careContacts.kind, 'neighbour'), isNull(careContacts.nameEnc)))
      .limit(200);
    if (rows.length === 0) return sealed;
    for (const r of rows) {
      const done = await db
        .update(careContacts)
        .set({ name: maskName(r.name), nameEnc: crypto.encrypt(r.name) })
        .where(and(eq(careContacts.id, r.id), isNull(careContacts.nameEnc)))
        .returning({ id: careContacts.id });
      sealed += done.length;
    }
  }
}

/**
 * The columns of a trusted neighbour: name and phone encrypted, masked copies for pages. The phone is the address
 * the SMS gateway texts, as a family contact's is.
 */
export function sealNeighbour(crypto: FieldCrypto, n: { name: string; phone: string }) {
  return {
    name: maskName(n.name),
    nameEnc: crypto.encrypt(n.name),
    channel: 'webhook' as const,
    addressEnc: crypto.encrypt(n.phone),
    addressMasked: maskAddressOf('webhook', n.phone),
    shares: 'summary' as const,
    tokenEnc: null,
    tokenHash: null,
  };
}

/**
 * The recipient's consent stands and covers `purpose`: asked wherever news about them leaves the platform,
 * since the purposes ticked at enrolment are what they (or their proxy) agreed to.
 */
export const consentCovers = (recipientId: SQL | AnyColumn, purpose: ConsentPurpose) =>
  sql`exists (select 1 from ${careConsents} c where c.recipient_id = ${recipientId}
    and c.withdrawn_at is null and ${purpose}::text = any(c.purposes))`;

/**
 * A recipient's contacts of one kind, in their slots (1–3), decrypted for the notifier: none once consent was
 * withdrawn (the contacts are erased with the rest of the person's data), and, given a purpose, none unless
 * the consent covers it.
 */
async function contactsOf(
  executor: Executor,
  crypto: FieldCrypto,
  recipientId: string,
  kind: 'family' | 'neighbour',
  purpose: ConsentPurpose | undefined,
) {
  const rows = await executor
    .select({
      name: careContacts.name,
      nameEnc: careContacts.nameEnc,
      channel: careContacts.channel,
      position: careContacts.position,
      addressEnc: careContacts.addressEnc,
    })
    .from(careContacts)
    .innerJoin(careRecipients, eq(careRecipients.id, careContacts.recipientId))
    .where(
      and(
        eq(careContacts.recipientId, recipientId),
        eq(careContacts.kind, kind),
        eq(careRecipients.status, 'active'),
        purpose ? consentCovers(careContacts.recipientId, purpose) : undefined,
      ),
    )
    .orderBy(asc(careContacts.position));
  return rows.map((r) => ({ name: contactName(crypto, r), channel: r.channel, position: r.position, to: crypto.decrypt(r.addressEnc) }));
}

/**
 * The family contacts who get a recipient's reports and alerts. Used by wristbands too, without a purpose:
 * a found person's family is told whatever was ticked.
 */
export async function familyContactsOf(
  executor: Executor,
  crypto: FieldCrypto,
  recipientId: string,
  purpose?: ConsentPurpose,
): Promise<FamilyContact[]> {
  const rows = await contactsOf(executor, crypto, recipientId, 'family', purpose);
  return rows.map((r) => ({ name: r.name, channel: r.channel as 'email' | 'webhook', to: r.to }));
}

/**
 * Trusted neighbours to call on in an emergency, only under consent for alerts: telling a neighbour that
 * someone needs help shares something about them. Each keeps its slot, which names its message for the
 * outbox's once-only key.
 */
export async function neighboursToAlert(executor: Executor, crypto: FieldCrypto, recipientId: string) {
  return (await contactsOf(executor, crypto, recipientId, 'neighbour', 'alerts')).map(({ name, position, to }) => ({ name, position, to }));
}

/** The grid organisation a recipient lives in, or null if there is no such recipient. */
export async function recipientOrgId(executor: Executor, recipientId: string): Promise<string | null> {
  const [row] = await executor.select({ orgId: careRecipients.orgId }).from(careRecipients).where(eq(careRecipients.id, recipientId));
  return row?.orgId ?? null;
}
