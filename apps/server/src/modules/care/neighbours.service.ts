import { and, eq } from 'drizzle-orm';
import { MAX_NEIGHBOURS, type NeighbourInput, type NeighbourUpdate } from '@youshe/shared';
import type { Db, Executor } from '../../db/client.js';
import { careContacts, careRecipients } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { maskedName, opened, sealNeighbour } from './contacts.js';
import { loadManaged } from './plan.service.js';

type Contact = typeof careContacts.$inferSelect;

/** What the audit log keeps of a neighbour: the masked copies, never the name or phone themselves. */
const masked = (c: Pick<Contact, 'name' | 'nameEnc' | 'relation' | 'addressMasked' | 'position'>) => ({
  position: c.position,
  name: maskedName(c.name, c.nameEnc),
  relation: c.relation,
  phone: c.addressMasked,
});

/**
 * Trusted neighbours after enrolment: added, changed and removed by those who manage care in the grid (as the plan
 * and the pairing are), each change audited with the masked values before and after, none after a withdrawal.
 */
export function createNeighboursService<R>(db: Db, crypto: FieldCrypto, get: (actor: Actor, id: string) => Promise<R>) {
  /**
   * Holds the recipient's row for the rest of the transaction: two edits of one list queue up (so they cannot both
   * take the last free slot), and a withdrawal that erased the contacts meanwhile is seen.
   */
  async function lockActive(tx: Executor, id: string) {
    const [r] = await tx.select({ status: careRecipients.status }).from(careRecipients).where(eq(careRecipients.id, id)).for('update');
    if (r?.status !== 'active') throw invalidField('status', 'custom', 'transition_not_allowed');
  }

  async function neighbourOf(tx: Executor, id: string, contactId: string): Promise<Contact> {
    const [c] = await tx
      .select()
      .from(careContacts)
      .where(and(eq(careContacts.id, contactId), eq(careContacts.recipientId, id), eq(careContacts.kind, 'neighbour')));
    if (!c) throw new AppError('not_found');
    return c;
  }

  const audit = (tx: Executor, actor: Actor, action: string, org: { id: string; path: string }, details: Record<string, unknown>) =>
    recordAudit(tx, actor, { action, entity: 'care_recipient', entityId: details.recipientId as string, org, details });

  /** Takes the lowest free slot; the database's check on the slot (1–3) and its unique index hold the limit too. */
  async function addNeighbour(actor: Actor, id: string, input: NeighbourInput) {
    const row = await loadManaged(db, actor, id);
    await db.transaction(async (tx) => {
      await lockActive(tx, id);
      const taken = await tx
        .select({ position: careContacts.position })
        .from(careContacts)
        .where(and(eq(careContacts.recipientId, id), eq(careContacts.kind, 'neighbour')));
      const position = Array.from({ length: MAX_NEIGHBOURS }, (_, i) => i + 1).find((p) => !taken.some((t) => t.position === p));
      if (!position) throw invalidField('neighbours', 'custom', 'neighbours_full');
      const contact = {
        id: uuidv7(),
        recipientId: id,
        kind: 'neighbour',
        position,
        relation: input.relation,
        ...sealNeighbour(crypto, input),
      };
      await tx.insert(careContacts).values(contact);
      await audit(
        tx,
        actor,
        'care.neighbour_add',
        { id: row.r.orgId, path: row.orgPath },
        {
          recipientId: id,
          contactId: contact.id,
          before: null,
          after: masked(contact),
        },
      );
    });
    return get(actor, id);
  }

  /** Name and phone are replaced only when given: the form shows them masked and cannot send them back. */
  async function updateNeighbour(actor: Actor, id: string, contactId: string, input: NeighbourUpdate) {
    const row = await loadManaged(db, actor, id);
    await db.transaction(async (tx) => {
      await lockActive(tx, id);
      const before = await neighbourOf(tx, id, contactId);
      const name = input.name ?? opened(crypto, before.name, before.nameEnc);
      const phone = input.phone ?? crypto.decrypt(before.addressEnc);
      const sealed = { relation: input.relation, ...sealNeighbour(crypto, { name, phone }) };
      await tx.update(careContacts).set(sealed).where(eq(careContacts.id, contactId));
      await audit(
        tx,
        actor,
        'care.neighbour_update',
        { id: row.r.orgId, path: row.orgPath },
        {
          recipientId: id,
          contactId,
          before: masked(before),
          after: masked({ ...sealed, position: before.position }),
        },
      );
    });
    return get(actor, id);
  }

  async function removeNeighbour(actor: Actor, id: string, contactId: string) {
    const row = await loadManaged(db, actor, id);
    await db.transaction(async (tx) => {
      await lockActive(tx, id);
      const before = await neighbourOf(tx, id, contactId);
      await tx.delete(careContacts).where(eq(careContacts.id, contactId));
      await audit(
        tx,
        actor,
        'care.neighbour_remove',
        { id: row.r.orgId, path: row.orgPath },
        {
          recipientId: id,
          contactId,
          before: masked(before),
          after: null,
        },
      );
    });
    return get(actor, id);
  }

  return { addNeighbour, updateNeighbour, removeNeighbour };
}
