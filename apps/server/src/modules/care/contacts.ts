import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { careContacts, careRecipients } from '../../db/schema/index.js';
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

/** The grid organisation a recipient lives in, or null if there is no such recipient. */
export async function recipientOrgId(executor: Executor, recipientId: string): Promise<string | null> {
  const [row] = await executor.select({ orgId: careRecipients.orgId }).from(careRecipients).where(eq(careRecipients.id, recipientId));
  return row?.orgId ?? null;
}
