import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { careAlerts, careConsents, careContacts, careRecipients, careVisits, outboxMessages } from '../../db/schema/index.js';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { forgetRecipientWristbands } from '../wristbands/for-care.js';
import { loadRecipient } from './care.access.js';
import { careRepository as repo } from './care.repository.js';
import { opened } from './contacts.js';

/**
 * A recipient's rights over their data (个人信息保护法): withdrawing consent erases it, everything held can be
 * exported, and everything can be deleted on request. Each is for the grid's coordinators and is audited.
 */
export function createPrivacyService<R>(db: Db, crypto: FieldCrypto, get: (actor: Actor, id: string) => Promise<R>) {
  /** Everything erasable about a person goes; what is left is an anonymous count of visits. */
  async function erasePersonalData(tx: Executor, id: string) {
    await tx
      .update(careRecipients)
      .set({
        status: 'withdrawn',
        nameEnc: null,
        nameMasked: '已撤回同意',
        phoneEnc: null,
        phoneMasked: null,
        addressEnc: null,
        addressMasked: null,
        healthNotesEnc: null,
        circumstances: [],
        helpWanted: [],
        extraItems: [],
        mainVolunteerId: null,
        backupVolunteerId: null,
        updatedAt: sql`now()`,
      })
      .where(eq(careRecipients.id, id));
    await tx.delete(careContacts).where(eq(careContacts.recipientId, id));
    await tx
      .update(careVisits)
      .set({ answers: null, noteEnc: null, signatureEnc: null, photoEnc: null, lateReason: null })
      .where(eq(careVisits.recipientId, id));
    await tx.update(careAlerts).set({ summary: '（已撤回同意）', outcome: null }).where(eq(careAlerts.recipientId, id));
    await tx.delete(outboxMessages).where(and(eq(outboxMessages.refType, 'care_recipient'), eq(outboxMessages.refId, id)));
    // Their wristbands would otherwise still call the family, and the scans say where they were.
    await forgetRecipientWristbands(tx, id);
  }

  async function withdrawConsent(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireAccess(actor, 'care.manage', row?.orgPath);
    await db.transaction(async (tx) => {
      // Queues behind an amendment of the consent under way, so the record it adds is withdrawn too.
      await tx.select({ id: careRecipients.id }).from(careRecipients).where(eq(careRecipients.id, id)).for('update');
      await tx
        .update(careConsents)
        .set({ withdrawnAt: sql`now()` })
        .where(and(eq(careConsents.recipientId, id), sql`${careConsents.withdrawnAt} is null`));
      await erasePersonalData(tx, id);
      await recordAudit(tx, actor, {
        action: 'care.consent_withdraw',
        entity: 'care_recipient',
        entityId: id,
        org: { id: row!.r.orgId, path: row!.orgPath },
      });
    });
    return get(actor, id);
  }

  /** Everything held about a person, as they may ask for it (个人信息查阅复制权). */
  async function exportData(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireAccess(actor, 'care.manage', row?.orgPath);
    const open = (v: string | null) => (v ? crypto.decrypt(v) : null);
    const [contacts, consents, visits, alerts] = await Promise.all([
      repo.contactsOf(db, [id]),
      repo.consentsOf(db, [id]),
      db.select().from(careVisits).where(eq(careVisits.recipientId, id)).orderBy(desc(careVisits.visitedAt)),
      db.select().from(careAlerts).where(eq(careAlerts.recipientId, id)).orderBy(desc(careAlerts.createdAt)),
    ]);
    const { r } = row!;
    await recordAudit(db, actor, {
      action: 'care.export',
      entity: 'care_recipient',
      entityId: id,
      org: { id: r.orgId, path: row!.orgPath },
    });
    return {
      exportedAt: new Date().toISOString(),
      recipient: {
        id,
        grid: row!.orgName,
        status: r.status,
        name: open(r.nameEnc),
        phone: open(r.phoneEnc),
        address: open(r.addressEnc),
        healthNotes: open(r.healthNotesEnc),
        circumstances: r.circumstances,
        frequency: r.frequency,
        helpWanted: r.helpWanted,
        extraItems: r.extraItems,
        mainVolunteer: row!.mainName,
        backupVolunteer: row!.backupName,
        createdAt: r.createdAt.toISOString(),
      },
      contacts: contacts.map((c) => ({
        kind: c.kind,
        name: opened(crypto, c.name, c.nameEnc),
        relation: c.relation,
        channel: c.channel,
        address: crypto.decrypt(c.addressEnc),
      })),
      consents: consents.map(({ givenByEnc, ...c }) => ({
        ...c,
        givenBy: opened(crypto, c.givenBy, givenByEnc),
        givenAt: c.givenAt.toISOString(),
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
        recordedBy: undefined,
      })),
      visits: visits.map((v) => ({
        id: v.id,
        visitedAt: v.visitedAt.toISOString(),
        presence: v.presence,
        answers: v.answers,
        helpGiven: v.helpGiven,
        note: open(v.noteEnc),
        concern: v.concern,
        confirmation: v.confirmation,
        signature: open(v.signatureEnc),
      })),
      alerts: alerts.map((a) => ({
        kind: a.kind,
        level: a.level,
        summary: a.summary,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        outcome: a.outcome,
      })),
    };
  }

  /** Deletion on request: the person and everything about them; the audit log keeps only that it happened. */
  async function remove(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireAccess(actor, 'care.manage', row?.orgPath);
    await db.transaction(async (tx) => {
      await erasePersonalData(tx, id);
      await tx.delete(careRecipients).where(eq(careRecipients.id, id));
      await recordAudit(tx, actor, {
        action: 'care.delete',
        entity: 'care_recipient',
        entityId: id,
        org: { id: row!.r.orgId, path: row!.orgPath },
      });
    });
    return { ok: true as const };
  }

  return { withdrawConsent, exportData, remove };
}
