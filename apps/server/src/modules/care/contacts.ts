import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CONSENT_PURPOSES } from '@youshe/shared';
import type { Executor } from '../../db/client.js';
import { careConsents, careContacts, careRecipients } from '../../db/schema/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';

type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface FamilyContact {
  name: string;
  channel: 'email' | 'webhook';
  to: string;
}

/**
 * The recipient's consent stands and covers `purpose`: asked wherever news about them leaves the platform,
 * since the purposes ticked at enrolment are what they (or their proxy) agreed to.
 */
export const consentCovers = (recipientId: SQL | AnyColumn, purpose: ConsentPurpose) =>
  sql`exists (select 1 from ${careConsents} c where c.recipient_id = ${recipientId}
    and c.withdrawn_at is null and ${purpose}::text = any(c.purposes))`;

/**
 * The family contacts who get a recipient's reports and alerts, decrypted for the notifier. Empty once consent
 * was withdrawn (the contacts are erased with the rest of the person's data), and, given a purpose, unless the
 * consent covers it. Used by wristbands too (a found person's family is told whatever was ticked).
 */
export async function familyContactsOf(
  executor: Executor,
  crypto: FieldCrypto,
  recipientId: string,
  purpose?: ConsentPurpose,
): Promise<FamilyContact[]> {
  const rows = await executor
    .select({ name: careContacts.name, channel: careContacts.channel, addressEnc: careContacts.addressEnc })
    .from(careContacts)
    .innerJoin(careRecipients, eq(careRecipients.id, careContacts.recipientId))
    .where(
      and(
        eq(careContacts.recipientId, recipientId),
        eq(careContacts.kind, 'family'),
        eq(careRecipients.status, 'active'),
        purpose ? consentCovers(careContacts.recipientId, purpose) : undefined,
      ),
    )
    .orderBy(asc(careContacts.position));
  return rows.map((r) => ({ name: r.name, channel: r.channel as 'email' | 'webhook', to: crypto.decrypt(r.addressEnc) }));
}

/**
 * Trusted neighbours to call on in an emergency: only while the recipient's consent stands and covers alerts,
 * since telling a neighbour that someone needs help shares something about them. Each keeps its slot (1–3),
 * which names its message for the outbox's once-only key.
 */
export async function neighboursToAlert(executor: Executor, crypto: FieldCrypto, recipientId: string) {
  const rows = await executor
    .select({ name: careContacts.name, position: careContacts.position, addressEnc: careContacts.addressEnc })
    .from(careContacts)
    .innerJoin(careRecipients, eq(careRecipients.id, careContacts.recipientId))
    .where(
      and(
        eq(careContacts.recipientId, recipientId),
        eq(careContacts.kind, 'neighbour'),
        eq(careRecipients.status, 'active'),
        consentCovers(careContacts.recipientId, 'alerts'),
      ),
    )
    .orderBy(asc(careContacts.position));
  return rows.map((r) => ({ name: r.name, position: r.position, to: crypto.decrypt(r.addressEnc) }));
}

/** The grid organisation a recipient lives in, or null if there is no such recipient. */
export async function recipientOrgId(executor: Executor, recipientId: string): Promise<string | null> {
  const [row] = await executor.select({ orgId: careRecipients.orgId }).from(careRecipients).where(eq(careRecipients.id, recipientId));
  return row?.orgId ?? null;
}
