import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  BookingField,
  Campaign,
  CampaignStatus,
  bookingListQuerySchema,
  campaignListQuerySchema,
  createCampaignSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { bookingCampaigns, bookings, bookingSlots, orgs, places } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { randomToken } from '../../platform/crypto.js';
import { invalidField } from '../../platform/errors.js';
import type { BookingsService } from './bookings.service.js';
import { bookingsRepository as repo } from './bookings.repository.js';
import { onChinaDays } from '../stations/china-day.js';
import { checkOutlets, createCampaignEditor, slotRows } from './campaign-edit.service.js';

const counts = {
  // A closed slot's capacity is what the officer set, waiting in open_capacity.
  capacity: sql<number>`(select coalesce(sum(coalesce(open_capacity, capacity)), 0)::int from booking_slots s where s.campaign_id = booking_campaigns.id)`,
  booked: sql<number>`(select coalesce(sum(booked), 0)::int from booking_slots s where s.campaign_id = booking_campaigns.id)`,
  fulfilled: sql<number>`(select count(*)::int from bookings b where b.campaign_id = booking_campaigns.id and b.status = 'fulfilled')`,
};

/** Campaigns in the console: set up by an organisation for its subtree, with outlets among its places. */
export function createCampaignsService(db: Db, bookingsService: BookingsService) {
  async function authorised(actor: Actor, id: string, permission: 'booking.read' | 'booking.write') {
    const [row] = await db
      .select({ c: bookingCampaigns, orgName: orgs.name, orgPath: orgs.path })
      .from(bookingCampaigns)
      .innerJoin(orgs, eq(orgs.id, bookingCampaigns.orgId))
      .where(eq(bookingCampaigns.id, id));
    requireAccess(actor, permission, row?.orgPath);
    return row!;
  }

  async function get(actor: Actor, id: string): Promise<Campaign> {
    const { c, orgName } = await authorised(actor, id, 'booking.read');
    const [figures] = await db
      .select({ ...counts, all: sql<number>`(select count(*)::int from bookings b where b.campaign_id = booking_campaigns.id)` })
      .from(bookingCampaigns)
      .where(eq(bookingCampaigns.id, id));
    const outlets = new Map<string, Campaign['outlets'][number]>();
    for (const s of await repo.slotsOf(db, id)) {
      const o = outlets.get(s.placeId) ?? { placeId: s.placeId, name: s.placeName, address: s.address, slots: [] };
      o.slots.push({
        id: s.id,
        placeId: s.placeId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.openCapacity ?? s.capacity,
        booked: s.booked,
        placesLeft: s.capacity - s.booked,
        waiting: s.waiting,
        closed: s.closedAt !== null,
        version: s.version,
      });
      outlets.set(s.placeId, o);
    }
    return {
      ...summary(c, orgName, figures!),
      fields: c.fields as BookingField[],
      identityField: c.identityField,
      outlets: [...outlets.values()],
      bookingCount: figures!.all,
      version: c.version,
    };
  }

  function summary(c: typeof bookingCampaigns.$inferSelect, orgName: string, f: { capacity: number; booked: number; fulfilled: number }) {
    return {
      id: c.id,
      orgId: c.orgId,
      orgName,
      title: c.title,
      description: c.description,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      status: c.status as CampaignStatus,
      identityField: c.identityField,
      publicToken: c.publicToken,
      capacity: f.capacity,
      booked: f.booked,
      fulfilled: f.fulfilled,
      createdAt: c.createdAt.toISOString(),
    };
  }

  async function list(actor: Actor, q: z.infer<typeof campaignListQuerySchema>) {
    const scope = scopeOf(actor, 'booking.read');
    const path = q.orgId ? (await db.query.orgs.findFirst({ where: eq(orgs.id, q.orgId) }))?.path : undefined;
    if (q.orgId) requireAccess(actor, 'booking.read', path);
    const where = and(
      inScope(orgs.path, scope),
      path ? sql`${orgs.path} like ${path + '%'}` : undefined,
      q.status ? eq(bookingCampaigns.status, q.status) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ c: bookingCampaigns, orgName: orgs.name, ...counts })
        .from(bookingCampaigns)
        .innerJoin(orgs, eq(orgs.id, bookingCampaigns.orgId))
        .where(where)
        .orderBy(desc(bookingCampaigns.createdAt), desc(bookingCampaigns.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(bookingCampaigns)
        .innerJoin(orgs, eq(orgs.id, bookingCampaigns.orgId))
        .where(where),
    ]);
    return { items: rows.map((r) => summary(r.c, r.orgName, r)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  async function create(actor: Actor, input: z.infer<typeof createCampaignSchema>) {
    const org = await db.query.orgs.findFirst({ where: eq(orgs.id, input.orgId) });
    requireAccess(actor, 'booking.write', org?.path);
    if (new Date(input.closesAt) <= new Date(input.opensAt)) throw invalidField('closesAt', 'custom', 'ends_before_start');
    const keys = input.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) throw invalidField('fields', 'custom', 'duplicate_field_key');
    if (!keys.includes(input.identityField)) throw invalidField('identityField', 'custom', 'identity_field_missing');
    await checkOutlets(db, org!.path, input.outlets);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(bookingCampaigns).values({
        id,
        orgId: input.orgId,
        title: input.title,
        description: input.description,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        fields: input.fields,
        identityField: input.identityField,
        publicToken: randomToken().slice(0, 22),
        createdBy: actor.accountId,
      });
      await tx.insert(bookingSlots).values(slotRows(id, input.outlets));
      await recordAudit(tx, actor, {
        action: 'campaign.create',
        entity: 'booking_campaign',
        entityId: id,
        org: org!,
        details: { title: input.title },
      });
    });
    return get(actor, id);
  }

  async function setStatus(actor: Actor, id: string, status: 'published' | 'closed') {
    const { c, orgPath } = await authorised(actor, id, 'booking.write');
    const from = status === 'published' ? 'draft' : 'published';
    const rows = await db.transaction(async (tx) => {
      const changed = await tx
        .update(bookingCampaigns)
        .set({ status, updatedAt: sql`now()` })
        .where(and(eq(bookingCampaigns.id, id), eq(bookingCampaigns.status, from)))
        .returning({ id: bookingCampaigns.id });
      if (changed.length)
        await recordAudit(tx, actor, {
          action: `campaign.${status}`,
          entity: 'booking_campaign',
          entityId: id,
          org: { id: c.orgId, path: orgPath },
        });
      return changed.length;
    });
    if (!rows) throw invalidField('status', 'custom', 'transition_not_allowed');
    bookingsService.forget(c.publicToken);
    return get(actor, id);
  }

  async function listBookings(actor: Actor, id: string, q: z.infer<typeof bookingListQuerySchema>) {
    await authorised(actor, id, 'booking.read');
    const where = and(
      eq(bookings.campaignId, id),
      q.status ? eq(bookings.status, q.status) : undefined,
      onChinaDays(bookingSlots.startsAt, q),
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ b: bookings, placeName: places.name, slotStartsAt: bookingSlots.startsAt })
        .from(bookings)
        .innerJoin(bookingSlots, eq(bookingSlots.id, bookings.slotId))
        .innerJoin(places, eq(places.id, bookingSlots.placeId))
        .where(where)
        .orderBy(desc(bookings.createdAt), desc(bookings.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(bookings)
        .innerJoin(bookingSlots, eq(bookingSlots.id, bookings.slotId))
        .where(where),
    ]);
    return {
      items: rows.map(({ b, placeName, slotStartsAt }) => ({
        id: b.id,
        status: b.status as never,
        name: b.nameMasked,
        phoneMasked: b.phoneMasked,
        placeName,
        slotStartsAt: slotStartsAt.toISOString(),
        createdAt: b.createdAt.toISOString(),
        fulfilledAt: b.fulfilledAt ? b.fulfilledAt.toISOString() : null,
      })),
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  const editor = createCampaignEditor(db, bookingsService, authorised, get);
  return { authorised, get, list, create, setStatus, listBookings, ...editor };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
