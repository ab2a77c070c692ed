import { and, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { CONSENT_PURPOSES, type ConsentAmendment, type ConsentPurpose } from '@youshe/shared';
import type { Db, Executor } from '../../db/client.js';
import { accounts, careConsents, careRecipients, outboxMessages } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { sealed, type FieldCrypto } from '../../platform/crypto.js';
import { invalidField } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { forgetRecipientWristbands } from '../wristbands/for-care.js';
import { loadRecipient, mayReveal, requireSee } from './care.access.js';
import { nameAsShown } from './contacts.js';
import { loadManaged } from './plan.service.js';

/** Messages to the family or the neighbours still waiting in the outbox, by the purpose that allowed them. */
const queuedFor: Partial<Record<ConsentPurpose, string[]>> = {
  family_reports: ['care.visit_report:%'],
  alerts: ['care.alert:%:family:%', 'care.alert:%:neighbour:%'],
};

/**
 * Amending what a recipient agreed to (个人信息保护法: consent may be changed as it may be withdrawn): for those
 * who manage care in the grid, as the plan and the pairing are. The record in force ends, marked superseded, and a
 * new one holds the new purposes, who agreed and whether by proxy; the audit log has the purposes before and after.
 * Whatever is no longer covered stops at once: the family's reports and alert texts are checked as they are sent
 * (and those still queued are dropped here), a dropped wristband retires the person's bands as a withdrawal does.
 */
export function createConsentService<R>(db: Db, crypto: FieldCrypto, get: (actor: Actor, id: string) => Promise<R>) {
  async function amendConsent(actor: Actor, id: string, input: ConsentAmendment) {
    const row = await loadManaged(db, actor, id);
    const purposes = CONSENT_PURPOSES.filter((p) => input.purposes.includes(p));
    await db.transaction(async (tx) => {
      // Two amendments (or an amendment and a withdrawal) queue up on the recipient's row; the later sees the earlier.
      const [r] = await tx.select({ status: careRecipients.status }).from(careRecipients).where(eq(careRecipients.id, id)).for('update');
      if (r?.status !== 'active') throw invalidField('status', 'custom', 'transition_not_allowed');
      const [current] = await tx
        .select()
        .from(careConsents)
        .where(and(eq(careConsents.recipientId, id), isNull(careConsents.withdrawnAt)));
      if (!current) throw invalidField('status', 'custom', 'transition_not_allowed');
      const now = new Date();
      const givenBy = sealed(crypto, input.givenBy);
      const next = {
        id: uuidv7(),
        recipientId: id,
        givenBy: givenBy.masked,
        givenByEnc: givenBy.enc,
        byProxy: input.byProxy,
        proxyRelation: input.byProxy ? (input.proxyRelation ?? null) : null,
        purposes,
        givenAt: input.givenAt ? new Date(input.givenAt) : now,
        recordedBy: actor.accountId,
      };
      await tx
        .update(careConsents)
        .set({ withdrawnAt: now, supersededAt: now, supersededBy: next.id })
        .where(eq(careConsents.id, current.id));
      await tx.insert(careConsents).values(next);
      const dropped = current.purposes.filter((p) => !purposes.includes(p as ConsentPurpose)) as ConsentPurpose[];
      if (dropped.includes('wristband')) await forgetRecipientWristbands(tx, id);
      await dropQueued(tx, id, dropped);
      await recordAudit(tx, actor, {
        action: 'care.consent_amend',
        entity: 'care_recipient',
        entityId: id,
        org: { id: row.r.orgId, path: row.orgPath },
        details: {
          consentId: next.id,
          supersededId: current.id,
          before: { byProxy: current.byProxy, proxyRelation: current.proxyRelation, purposes: current.purposes },
          after: { byProxy: next.byProxy, proxyRelation: next.proxyRelation, purposes },
        },
      });
    });
    return get(actor, id);
  }

  async function dropQueued(tx: Executor, id: string, dropped: ConsentPurpose[]) {
    const patterns = dropped.flatMap((p) => queuedFor[p] ?? []);
    if (!patterns.length) return;
    await tx
      .delete(outboxMessages)
      .where(
        and(
          eq(outboxMessages.refType, 'care_recipient'),
          eq(outboxMessages.refId, id),
          eq(outboxMessages.status, 'pending'),
          or(...patterns.map((p) => like(outboxMessages.dedupeKey, p))),
        ),
      );
  }

  /** Every consent record of a recipient, the one in force first, then newest first; for whoever may see them. */
  async function consentHistory(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireSee(actor, row);
    const open = mayReveal(actor, row);
    const rows = await db
      .select({ c: careConsents, login: accounts.login })
      .from(careConsents)
      .leftJoin(accounts, eq(accounts.id, careConsents.recordedBy))
      .where(eq(careConsents.recipientId, id))
      .orderBy(sql`${careConsents.supersededAt} is not null`, desc(careConsents.supersededAt), desc(careConsents.givenAt));
    return {
      items: rows.map(({ c, login }) => ({
        id: c.id,
        // As on the recipient's page: in clear for those who may see the address, masked for the rest.
        givenBy: nameAsShown(crypto, c.givenBy, c.givenByEnc, open),
        byProxy: c.byProxy,
        proxyRelation: c.proxyRelation,
        purposes: c.purposes,
        givenAt: c.givenAt.toISOString(),
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
        supersededAt: c.supersededAt?.toISOString() ?? null,
        recordedBy: login,
      })),
    };
  }

  return { amendConsent, consentHistory };
}
