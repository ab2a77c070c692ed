import { and, asc, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CONSENT_PURPOSES } from '@youshe/shared';
import type { Db, Executor } from '../../db/client.js';
import { careConsents, careContacts, careRecipients } from '../../db/schema/index.js';
import { maskName, sealed, sha256, type FieldCrypto } from '../../platform/crypto.js';
import { maskAddressOf } from '../../platform/notify.js';

type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface FamilyContact {
  name: string;
  channel: 'email' | 'webhook';
  to: string;
}

/** The name in clear from those two columns: rows from before names were sealed have no `enc` and hold it in clear. */
export const opened = (crypto: FieldCrypto, masked: string, enc: string | null) => (enc ? crypto.decrypt(enc) : masked);

/** The masked name from those two columns: a row from before names were sealed holds it in clear, masked here. */
export const maskedName = (masked: string, enc: string | null) => (enc ? masked : maskName(masked));

/** The name as a reader sees it: in clear where they may see it (`open`), masked elsewhere. */
export const nameAsShown = (crypto: FieldCrypto, masked: string, enc: string | null, open: boolean) =>
  open ? opened(crypto, masked, enc) : maskedName(masked, enc);

/**
 * Names written before they were sealed — contacts (family and neighbours) and consent givers — are still in
 * clear: run at start, this seals them a batch at a time. Each row is sealed by one conditional update, so
 * instances starting together never seal one twice. Returns how many it sealed.
 */
export async function sealLegacyNames(db: Db, crypto: FieldCrypto): Promise<number> {
  const contacts = await inBatches(
    () => db.select({ id: careContacts.id, name: careContacts.name }).from(careContacts).where(isNull(careContacts.nameEnc)).limit(200),
    (r) => {
      const name = sealed(crypto, r.name);
      return db
        .update(careContacts)
        .set({ name: name.masked, nameEnc: name.enc })
        .where(and(eq(careContacts.id, r.id), isNull(careContacts.nameEnc)))
        .returning({ id: careContacts.id });
    },
  );
  const givers = await inBatches(
    () =>
      db
        .select({ id: careConsents.id, givenBy: careConsents.givenBy })
        .from(careConsents)
        .where(isNull(careConsents.givenByEnc))
        .limit(200),
    (r) => {
      const givenBy = sealed(crypto, r.givenBy);
      return db
        .update(careConsents)
        .set({ givenBy: givenBy.masked, givenByEnc: givenBy.enc })
        .where(and(eq(careConsents.id, r.id), isNull(careConsents.givenByEnc)))
        .returning({ id: careConsents.id });
    },
  );
  return contacts + givers;
}

/** Takes rows from `next` until it has none, sealing each; counts the rows really sealed. */
async function inBatches<R>(next: () => Promise<R[]>, seal: (row: R) => Promise<unknown[]>): Promise<number> {
  let sealed = 0;
  for (let rows = await next(); rows.length > 0; rows = await next()) {
    for (const r of rows) sealed += (await seal(r)).length;
  }
  return sealed;
}

/**
 * The columns of a trusted neighbour: name and phone encrypted, masked copies for pages. The phone is the address
 * the SMS gateway texts, as a family contact's is.
 */
export function sealNeighbour(crypto: FieldCrypto, n: { name: string; phone: string }) {
  const name = sealed(crypto, n.name);
  return {
    name: name.masked,
    nameEnc: name.enc,
    channel: 'webhook' as const,
    addressEnc: crypto.encrypt(n.phone),
    addressMasked: maskAddressOf('webhook', n.phone),
    shares: 'summary' as const,
    tokenEnc: null,
    tokenHash: null,
  };
}

/**
 * The columns of a family contact: name and address (e-mail or phone) encrypted with masked copies for pages, and
 * the private link of the family's page, whose token is kept encrypted (it goes into every report) and found by hash.
 */
export function sealFamily(
  crypto: FieldCrypto,
  c: { name: string; channel: 'email' | 'webhook'; to: string; shares: 'summary' | 'checklist' },
  token: string,
) {
  const name = sealed(crypto, c.name);
  return {
    name: name.masked,
    nameEnc: name.enc,
    channel: c.channel,
    addressEnc: crypto.encrypt(c.to),
    addressMasked: maskAddressOf(c.channel, c.to),
    shares: c.shares,
    tokenEnc: crypto.encrypt(token),
    tokenHash: sha256(token),
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
  return rows.map((r) => ({
    name: opened(crypto, r.name, r.nameEnc),
    channel: r.channel,
    position: r.position,
    to: crypto.decrypt(r.addressEnc),
  }));
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
