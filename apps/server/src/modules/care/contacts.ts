import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { careConsents, careContacts, careRecipients } from '../../db/schema/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';

export interface FamilyContact {
  name: string;
  channel: 'email' | 'webhook';
  to: string;
}

/**
 * The family contacts who get a recipient's reports and alerts, decrypted for the notifier. Empty once consent
 * was withdrawn (the contacts are erased with the rest of the person's data). Used by wristbands too.
 */
export async function familyContactsOf(executor: Executor, crypto: FieldCrypto, recipientId: string): Promise<FamilyContact[]> {
  const rows = await executor
    .select({ name: careContacts.name, channel: careContacts.channel, addressEnc: careContacts.addressEnc })
    .from(careContacts)
    .innerJoin(careRecipients, eq(careRecipients.id, careContacts.recipientId))
    .where(and(eq(careContacts.recipientId, recipientId), eq(careContacts.kind, 'family'), eq(careRecipients.status, 'active')))
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
        sql`exists (select 1 from ${careConsents} c where c.recipient_id = ${careContacts.recipientId}
          and c.withdrawn_at is null and 'alerts' = any(c.purposes))`,
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
