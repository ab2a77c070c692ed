import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  BookingField,
  Campaign,
  addSlotsSchema,
  campaignOutletInputSchema,
  updateCampaignSchema,
  updateSlotSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { bookingCampaigns, bookings, bookingSlots, orgs, places } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { BookingsService } from './bookings.service.js';
import { bookingsRepository as repo, type CampaignRow } from './bookings.repository.js';
import { fieldListIssues, lockedFieldChanges } from './field-changes.js';

type Outlets = z.infer<typeof campaignOutletInputSchema>[];
type Authorised = (
  actor: Actor,
  id: string,
  permission: 'booking.read' | 'booking.write',
) => Promise<{ c: CampaignRow; orgName: string; orgPath: string }>;

const issuesError = (issues: { path: string; message: string }[]) =>
  new AppError(
    'validation_failed',
    issues.map((i) => ({ path: i.path, code: 'custom', message: i.message })),
  );
/** Two officers at once: the second save was based on what the first one changed. */
const stale = () => new AppError('conflict', [{ path: 'version', code: 'custom', message: 'stale_version' }]);

/**
 * Outlets must lie within the campaign's organisation (and so within the actor's reach); any other place is
 * "not in the organisation", whether or not it exists. Every slot must end after it starts.
 */
export async function checkOutlets(db: Executor, orgPath: string, outlets: Outlets, prefix = 'outlets') {
  const placeIds = [...new Set(outlets.map((o) => o.placeId))];
  const found = await db
    .select({ id: places.id, path: orgs.path })
    .from(places)
    .innerJoin(orgs, eq(orgs.id, places.orgId))
    .where(and(inArray(places.id, placeIds), sql`${places.archivedAt} is null`));
  for (const id of placeIds) {
    const place = found.find((p) => p.id === id);
    if (!place || !place.path.startsWith(orgPath)) throw invalidField(prefix, 'custom', 'place_not_in_org');
  }
  outlets.forEach((o, i) =>
    o.slots.forEach((s, j) => {
      if (new Date(s.endsAt) <= new Date(s.startsAt)) throw invalidField(`${prefix}.${i}.slots.${j}.endsAt`, 'custom', 'ends_before_start');
    }),
  );
}

export const slotRows = (campaignId: string, outlets: Outlets) =>
  outlets.flatMap((o) =>
    o.slots.map((s) => ({
      id: uuidv7(),
      campaignId,
      placeId: o.placeId,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      capacity: s.capacity,
    })),
  );

/**
 * Editing a campaign after it was set up: its wording and period (versioned: of two officers saving at once,
 * the second is told to reload), more slots, and each slot's capacity and whether it takes bookings.
 */
export function createCampaignEditor(
  db: Db,
  bookingsService: BookingsService,
  authorised: Authorised,
  get: (actor: Actor, id: string) => Promise<Campaign>,
) {
  async function update(actor: Actor, id: string, input: z.infer<typeof updateCampaignSchema>) {
    const { c, orgPath } = await authorised(actor, id, 'booking.write');
    if (c.version !== input.version) throw stale();
    const opensAt = input.opensAt ? new Date(input.opensAt) : c.opensAt;
    const closesAt = input.closesAt ? new Date(input.closesAt) : c.closesAt;
    if (closesAt <= opensAt) throw invalidField('closesAt', 'custom', 'ends_before_start');
    const before = { fields: c.fields as BookingField[], identityField: c.identityField };
    const after = { fields: input.fields ?? before.fields, identityField: input.identityField ?? before.identityField };
    const listIssues = fieldListIssues(after.fields, after.identityField);
    if (listIssues.length) throw issuesError(listIssues);
    const fieldsChange = input.fields !== undefined || input.identityField !== undefined;
    await db.transaction(async (tx) => {
      // Whether anyone has booked is read where it is decided. (A booking already on its way was checked with the
      // fields it was sent against; the public page keeps a campaign's fields a few seconds.)
      if (fieldsChange) {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(bookings)
          .where(eq(bookings.campaignId, id));
        const locked = n > 0 ? lockedFieldChanges(before, after) : [];
        if (locked.length) throw issuesError(locked);
      }
      const changed = await tx
        .update(bookingCampaigns)
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          opensAt,
          closesAt,
          fields: after.fields,
          identityField: after.identityField,
          version: sql`${bookingCampaigns.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(bookingCampaigns.id, id), eq(bookingCampaigns.version, input.version)))
        .returning({ id: bookingCampaigns.id });
      if (!changed.length) throw stale();
      await recordAudit(tx, actor, {
        action: 'campaign.update',
        entity: 'booking_campaign',
        entityId: id,
        org: { id: c.orgId, path: orgPath },
        details: { changed: Object.keys(input).filter((k) => k !== 'version') },
      });
    });
    bookingsService.forget(c.publicToken);
    return get(actor, id);
  }

  async function addSlots(actor: Actor, id: string, input: z.infer<typeof addSlotsSchema>) {
    const { c, orgPath } = await authorised(actor, id, 'booking.write');
    await checkOutlets(db, orgPath, input.outlets);
    const rows = slotRows(id, input.outlets);
    await db.transaction(async (tx) => {
      await tx.insert(bookingSlots).values(rows);
      await recordAudit(tx, actor, {
        action: 'campaign.add_slots',
        entity: 'booking_campaign',
        entityId: id,
        org: { id: c.orgId, path: orgPath },
        details: { slots: rows.length },
      });
    });
    // The public page's copy of the campaign learns of the new slots now, not in a few seconds.
    bookingsService.forget(c.publicToken);
    return get(actor, id);
  }

  /**
   * A slot's capacity and whether it is closed, in one conditional update: applied only to the version the
   * officer saw, and only if the new capacity is not below the places taken at that moment (the row lock
   * orders it with bookings; the CHECK constraints back it up). Places that open up go first to those waiting.
   */
  async function updateSlot(actor: Actor, id: string, slotId: string, input: z.infer<typeof updateSlotSchema>) {
    const { c, orgPath } = await authorised(actor, id, 'booking.write');
    await db.transaction(async (tx) => {
      const updated = await tx.execute(sql`
        update booking_slots s set
          capacity = case when coalesce(${input.closed ?? null}::boolean, s.closed_at is not null) then s.booked
                          else coalesce(${input.capacity ?? null}::int, s.open_capacity, s.capacity) end,
          open_capacity = case when coalesce(${input.closed ?? null}::boolean, s.closed_at is not null)
                               then coalesce(${input.capacity ?? null}::int, s.open_capacity, s.capacity) end,
          closed_at = case when coalesce(${input.closed ?? null}::boolean, s.closed_at is not null) then coalesce(s.closed_at, now()) end,
          version = s.version + 1
        where s.id = ${slotId} and s.campaign_id = ${id} and s.version = ${input.version}
          and s.booked <= coalesce(${input.capacity ?? null}::int, s.open_capacity, s.capacity)
        returning s.capacity, s.booked, s.closed_at`);
      const row = (updated as unknown as { rows: { capacity: number; booked: number; closed_at: unknown }[] }).rows[0];
      if (!row) {
        const [now] = await tx
          .select()
          .from(bookingSlots)
          .where(and(eq(bookingSlots.id, slotId), eq(bookingSlots.campaignId, id)));
        if (!now) throw new AppError('not_found');
        if (now.version !== input.version) throw stale();
        throw invalidField('capacity', 'custom', 'slot_capacity_below_booked');
      }
      const offered = row.closed_at ? 0 : await offerFreePlaces(tx, slotId, Number(row.capacity) - Number(row.booked));
      await recordAudit(tx, actor, {
        action: 'campaign.slot_update',
        entity: 'booking_campaign',
        entityId: id,
        org: { id: c.orgId, path: orgPath },
        details: { slotId, capacity: input.capacity ?? null, closed: input.closed ?? null, offered },
      });
    });
    return get(actor, id);
  }

  /** Free places of a slot go to the people waiting there, in their order, held for them as a cancellation's would be. */
  async function offerFreePlaces(tx: Executor, slotId: string, free: number) {
    let offered = 0;
    while (offered < free) {
      const next = await repo.nextWaiting(tx, slotId);
      if (!next || !(await repo.takePlace(tx, slotId))) break;
      await repo.changeStatus(tx, next.id, ['waitlisted'], 'offered', { offerExpiresAt: bookingsService.offerExpiry() });
      offered++;
    }
    return offered;
  }

  return { update, addSlots, updateSlot };
}
