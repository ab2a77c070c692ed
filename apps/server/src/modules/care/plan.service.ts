import { eq, inArray, sql } from 'drizzle-orm';
import { CARE_INTERVAL_DAYS, type carePlanSchema, type pairingSchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { careRecipients, persons } from '../../db/schema/index.js';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { invalidField } from '../../platform/errors.js';
import { loadRecipient, type RecipientRow } from './care.access.js';
import { graceDays } from './care.repository.js';

const DAY = 86_400_000;

/**
 * Changing a recipient's care after enrolment: the plan (how often, what help, the family's checklist items) and
 * the pairing (main and backup carrier). Both are for those who manage care in the grid, both are audited with
 * what was there before, and neither touches an anonymous shell left by a withdrawal.
 */
export async function loadManaged(db: Db, actor: Actor, id: string): Promise<RecipientRow> {
  const row = await loadRecipient(db, id);
  requireAccess(actor, 'care.manage', row?.orgPath);
  if (row!.r.status !== 'active') throw invalidField('status', 'custom', 'transition_not_allowed');
  return row!;
}

export function createPlanService<R>(db: Db, get: (actor: Actor, id: string) => Promise<R>) {
  async function checkVolunteers(main: string | null | undefined, backup: string | null | undefined) {
    if (main && backup && main === backup) throw invalidField('backupVolunteerId', 'custom', 'same_volunteer');
    const ids = [main, backup].filter((x): x is string => Boolean(x));
    if (!ids.length) return;
    const found = await db.select({ id: persons.id }).from(persons).where(inArray(persons.id, ids));
    for (const [field, value] of [
      ['mainVolunteerId', main],
      ['backupVolunteerId', backup],
    ] as const)
      if (value && !found.some((f) => f.id === value)) throw invalidField(field, 'custom', 'not_a_person');
  }

  /**
   * The route page and the visit check read the pairing from the row each time, so a new carrier sees the person
   * on their round (and the old one no longer may log visits) from the next request on.
   */
  async function setPairing(actor: Actor, id: string, input: z.infer<typeof pairingSchema>) {
    const row = await loadManaged(db, actor, id);
    await checkVolunteers(input.mainVolunteerId, input.backupVolunteerId);
    await db.transaction(async (tx) => {
      await tx
        .update(careRecipients)
        .set({ mainVolunteerId: input.mainVolunteerId, backupVolunteerId: input.backupVolunteerId, updatedAt: sql`now()` })
        .where(eq(careRecipients.id, id));
      await recordAudit(tx, actor, {
        action: 'care.pairing',
        entity: 'care_recipient',
        entityId: id,
        org: { id: row.r.orgId, path: row.orgPath },
        details: { before: { mainVolunteerId: row.r.mainVolunteerId, backupVolunteerId: row.r.backupVolunteerId }, after: input },
      });
    });
    return get(actor, id);
  }

  /**
   * A new frequency moves the plan's clock: the next visit is due one new interval after the last (the route's
   * "due today" follows at once), and "missed" comes after that plus the new grace. If the new plan is already
   * overdue by that reckoning (monthly made weekly three weeks after a visit), the carriers get one grace period
   * from now rather than an alert raised by an office edit before anyone could go.
   */
  async function setPlan(actor: Actor, id: string, input: z.infer<typeof carePlanSchema>) {
    const row = await loadManaged(db, actor, id);
    const { r } = row;
    const intervalDays = CARE_INTERVAL_DAYS[input.frequency];
    const grace = graceDays(intervalDays);
    const base = (r.lastVisitAt ?? r.createdAt).getTime();
    const missedAfter = new Date(Math.max(base + (intervalDays + grace) * DAY, Date.now() + grace * DAY));
    const plan = {
      frequency: input.frequency,
      intervalDays,
      helpWanted: [...new Set(input.helpWanted)],
      extraItems: [...new Set(input.extraItems)],
    };
    await db.transaction(async (tx) => {
      await tx
        .update(careRecipients)
        .set({ ...plan, missedAfter, updatedAt: sql`now()` })
        .where(eq(careRecipients.id, id));
      await recordAudit(tx, actor, {
        action: 'care.plan',
        entity: 'care_recipient',
        entityId: id,
        org: { id: r.orgId, path: row.orgPath },
        details: { before: { frequency: r.frequency, helpWanted: r.helpWanted, extraItems: r.extraItems }, after: plan },
      });
    });
    return get(actor, id);
  }

  return { setPairing, setPlan, checkVolunteers };
}
