import type { Booking, BookingField, BookingStatus, FieldIssue, Locale, SlotAlternative, bookingRequestSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { randomToken, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField, sqlStateOf } from '../../platform/errors.js';
import { createWriteBatcher } from '../../platform/write-batcher.js';
import { bookingsRepository as repo, type BatchItem, type BatchOutcome, type BookingRow, type CampaignRow } from './bookings.repository.js';
import { checkValues, identityValue, maskValues } from './values.js';

export interface BookingOptions {
  /** How long a freed place is held for the next person on a slot's waiting list. */
  offerMinutes: number;
  /** Bookings arriving together: how long an idle lane waits for company. */
  batchWaitMs?: number;
}

/** An eligibility value in the wrong format: answered 400 with one issue per field, worded already. */
export class BookingInputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super('validation_failed');
  }
}

interface SlotInfo {
  id: string;
  placeId: string;
  placeName: string;
  address: string | null;
  startsAt: string;
  endsAt: string;
}
/** What a published campaign shows every resident and does not change: kept a few seconds to spare a query per booking. */
interface CampaignInfo {
  row: CampaignRow;
  fields: BookingField[];
  slots: Map<string, SlotInfo>;
  at: number;
}

export const isOpen = (c: CampaignRow, now = Date.now()) =>
  c.status === 'published' && c.opensAt.getTime() <= now && now < c.closesAt.getTime();

/** Long and random: a code is the only key to a booking, so it must not be guessable. */
export const newBookingCode = () => randomToken().slice(0, 24);

export function createBookingsService(db: Db, crypto: FieldCrypto, options: BookingOptions = { offerMinutes: 120 }) {
  // Promises, not values: when an entry runs out, the requests arriving together share one reload.
  const cache = new Map<string, { at: number; info: Promise<CampaignInfo> }>();
  const CACHE_MS = 5_000;

  function campaignInfo(token: string): Promise<CampaignInfo> {
    const hit = cache.get(token);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.info;
    const info = loadCampaign(token);
    if (cache.size > 1000) cache.clear();
    cache.set(token, { at: Date.now(), info });
    info.catch(() => cache.delete(token));
    return info;
  }

  async function loadCampaign(token: string): Promise<CampaignInfo> {
    const row = await repo.campaignByToken(db, token);
    // A draft has no public page yet: for residents it does not exist.
    if (!row || row.status === 'draft') throw new AppError('not_found');
    const slots = new Map<string, SlotInfo>();
    for (const s of await repo.slotsOf(db, row.id))
      slots.set(s.id, {
        id: s.id,
        placeId: s.placeId,
        placeName: s.placeName,
        address: s.address,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      });
    return { row, fields: row.fields as BookingField[], slots, at: Date.now() };
  }

  const forget = (token: string) => cache.delete(token);

  function decryptValues(enc: string): Record<string, string> {
    return JSON.parse(crypto.decrypt(enc)) as Record<string, string>;
  }

  function view(
    info: CampaignInfo,
    // `values`: the plaintext when it is at hand (a booking just made), so it is not decrypted again.
    b: Pick<BookingRow, 'code' | 'status' | 'slotId' | 'valuesEnc' | 'createdAt'> &
      Partial<BookingRow> & { values?: Record<string, string> },
    waitlistPosition: number | null = null,
  ): Booking {
    const slot = info.slots.get(b.slotId)!;
    return {
      code: b.code,
      status: b.status as BookingStatus,
      campaignTitle: info.row.title,
      campaignToken: info.row.publicToken,
      slot: { id: slot.id, placeName: slot.placeName, address: slot.address, startsAt: slot.startsAt, endsAt: slot.endsAt },
      values: maskValues(info.fields, b.values ?? decryptValues(b.valuesEnc)),
      labels: Object.fromEntries(info.fields.map((f) => [f.key, f.label])),
      waitlistPosition,
      offerExpiresAt: b.status === 'offered' && b.offerExpiresAt ? b.offerExpiresAt.toISOString() : null,
      fulfilledAt: b.fulfilledAt ? b.fulfilledAt.toISOString() : null,
      createdAt: b.createdAt.toISOString(),
    };
  }

  async function present(tx: Executor, info: CampaignInfo, row: BookingRow): Promise<Booking> {
    return view(info, row, row.status === 'waitlisted' ? await repo.waitlistPosition(tx, row) : null);
  }

  async function fullError(campaignId: string, slotId: string): Promise<AppError> {
    const alternatives: SlotAlternative[] = await repo.alternatives(db, campaignId, slotId);
    return new AppError('capacity_full', { alternatives });
  }

  /** A freed place goes to the next person waiting at that slot, held for a while; with nobody waiting it is simply free. */
  async function passPlaceOn(tx: Executor, slotId: string) {
    const next = await repo.nextWaiting(tx, slotId);
    if (next) await repo.changeStatus(tx, next.id, ['waitlisted'], 'offered', { offerExpiresAt: offerExpiry() });
    else await repo.releasePlace(tx, slotId);
  }
  const offerExpiry = () => new Date(Date.now() + options.offerMinutes * 60_000);

  /** Offers nobody took up in time lapse, and their places move on down the list. */
  async function expireOffers(tx: Executor, campaignId: string) {
    for (const offer of await repo.expiredOffers(tx, campaignId)) {
      if (await repo.changeStatus(tx, offer.id, ['offered'], 'expired')) await passPlaceOn(tx, offer.slotId);
    }
  }

  async function publicView(token: string) {
    const info = await campaignInfo(token);
    await db.transaction((tx) => expireOffers(tx, info.row.id));
    const org = await db.query.orgs.findFirst({ where: (o, { eq }) => eq(o.id, info.row.orgId) });
    const outlets = new Map<string, { placeId: string; name: string; address: string | null; slots: unknown[] }>();
    for (const s of await repo.slotsOf(db, info.row.id)) {
      // Slots that are over, or closed by the campaign's officers, cannot be booked any more: residents do not see them.
      if (s.endsAt.getTime() <= Date.now() || s.closedAt) continue;
      const outlet = outlets.get(s.placeId) ?? { placeId: s.placeId, name: s.placeName, address: s.address, slots: [] };
      outlet.slots.push({
        id: s.id,
        placeId: s.placeId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.capacity,
        booked: s.booked,
        placesLeft: s.capacity - s.booked,
        waiting: s.waiting,
      });
      outlets.set(s.placeId, outlet);
    }
    const r = info.row;
    return {
      title: r.title,
      description: r.description,
      orgName: org?.name ?? '',
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      status: r.status as 'published' | 'closed',
      open: isOpen(r),
      fields: info.fields,
      outlets: [...outlets.values()] as never,
    };
  }

  /**
   * Bookings arriving together share one statement and one commit. Lanes are keyed by campaign, so one
   * campaign's batches never wait on each other's slot locks within a process; across processes the
   * statement locks slots in id order and the unique index settles a person booking twice at once.
   */
  const batcher = createWriteBatcher<BatchItem, BatchOutcome>({
    keyOf: (item) => item.slotId,
    lanes: 4,
    maxItems: 400,
    maxWaitMs: options.batchWaitMs ?? 0,
    async run(items) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await repo.bookBatch(db, items);
        } catch (err) {
          const code = sqlStateOf(err);
          if (code !== '23505' && code !== '40P01') throw err;
          // Someone else's booking of the same person (or key) committed meanwhile: run again, it is found now.
          // Should it keep failing (one key reused for two people), each item goes alone so only that one fails.
          if (attempt >= 3)
            return Promise.all(
              items.map((i) =>
                repo.bookBatch(db, [i]).then(
                  (r) => r[0]!,
                  (e: Error) => e,
                ),
              ),
            );
        }
      }
    },
  });

  async function book(token: string, input: z.infer<typeof bookingRequestSchema>, locale: Locale, idempotencyKey: string | null) {
    const info = await campaignInfo(token);
    if (!isOpen(info.row)) throw invalidField('campaign', 'custom', 'booking_closed');
    const slot = info.slots.get(input.slotId);
    if (!slot) throw invalidField('slotId', 'custom', 'invalid_value');
    const checked = checkValues(info.fields, input.values, locale);
    if ('issues' in checked) throw new BookingInputError(checked.issues);
    const { values } = checked;
    const nameField = info.fields.find((f) => f.kind === 'name');
    const phoneField = info.fields.find((f) => f.kind === 'phone');
    const masked = maskValues(info.fields, values);
    const item: BatchItem = {
      campaignId: info.row.id,
      slotId: slot.id,
      id: uuidv7(),
      auditId: uuidv7(),
      code: newBookingCode(),
      identityBidx: crypto.blindIndex(`booking:${info.row.identityField}`, identityValue(values[info.row.identityField] ?? '')),
      idempotencyKey,
      valuesEnc: crypto.encrypt(JSON.stringify(values)),
      nameMasked: nameField ? (masked[nameField.key] ?? '') : '',
      phoneMasked: phoneField ? (masked[phoneField.key] ?? '') : '',
    };
    const out = await batcher.submit(item);
    if (out.outcome === 'invalid') {
      forget(token);
      throw invalidField('campaign', 'custom', 'booking_closed');
    }
    if (out.outcome === 'full') {
      if (!input.waitlist) throw await fullError(info.row.id, slot.id);
      return joinWaitlist(info, item);
    }
    if (out.status === 'waitlisted' || out.status === 'offered') return mine(out.code!);
    const own = out.valuesEnc === item.valuesEnc ? values : undefined;
    return view(info, {
      code: out.code!,
      status: out.status!,
      slotId: out.slotId!,
      valuesEnc: out.valuesEnc!,
      createdAt: out.createdAt!,
      values: own,
    });
  }

  /** A full slot, and the resident chose to wait there: a place taken meanwhile is theirs at once. */
  async function joinWaitlist(info: CampaignInfo, item: BatchItem) {
    const code = await db.transaction(async (tx) => {
      const took = await repo.takePlace(tx, item.slotId);
      const inserted = await repo.insertIfNew(tx, {
        id: item.id,
        campaignId: item.campaignId,
        slotId: item.slotId,
        code: item.code,
        identityBidx: item.identityBidx,
        idempotencyKey: item.idempotencyKey,
        valuesEnc: item.valuesEnc,
        nameMasked: item.nameMasked,
        phoneMasked: item.phoneMasked,
        status: took ? 'confirmed' : 'waitlisted',
        consentAt: new Date(),
      });
      if (!inserted) {
        // The same person got there first (a double tap): give back the place and answer with theirs.
        if (took) await repo.releasePlace(tx, item.slotId);
        return (await repo.findLive(tx, item.campaignId, item.identityBidx))?.code;
      }
      await recordAudit(tx, null, { action: 'booking.waitlist', entity: 'booking', entityId: item.id, details: { slotId: item.slotId } });
      return item.code;
    });
    if (!code) throw new AppError('conflict');
    return mine(code, info);
  }

  async function byCode(code: string) {
    const row = await repo.findByCode(db, code);
    if (!row) throw new AppError('not_found');
    const campaign = (await repo.campaignById(db, row.campaignId))!;
    return { row, info: await campaignInfo(campaign.publicToken) };
  }

  async function mine(code: string, known?: CampaignInfo) {
    const { info } = known ? { info: known } : await byCode(code);
    return db.transaction(async (tx) => {
      await expireOffers(tx, info.row.id);
      return present(tx, info, (await repo.findByCode(tx, code))!);
    });
  }

  /** Moves a confirmed booking to another slot: the new place is taken first, then the old one passes on. */
  async function changeSlot(code: string, slotId: string) {
    const { row, info } = await byCode(code);
    if (!isOpen(info.row)) throw invalidField('campaign', 'custom', 'booking_closed');
    if (!info.slots.has(slotId)) throw invalidField('slotId', 'custom', 'invalid_value');
    if (row.status !== 'confirmed') throw invalidField('code', 'custom', 'booking_not_changeable');
    if (row.slotId === slotId) return mine(code, info);
    const moved = await db.transaction(async (tx) => {
      if (!(await repo.takePlace(tx, slotId))) return 'full' as const;
      if (!(await repo.moveSlot(tx, row.id, row.slotId, slotId))) throw invalidField('code', 'custom', 'booking_not_changeable');
      await passPlaceOn(tx, row.slotId);
      await recordAudit(tx, null, {
        action: 'booking.change_slot',
        entity: 'booking',
        entityId: row.id,
        details: { from: row.slotId, to: slotId },
      });
      return 'moved' as const;
    });
    if (moved === 'full') throw await fullError(info.row.id, slotId);
    return mine(code, info);
  }

  async function cancel(code: string) {
    const { row, info } = await byCode(code);
    await db.transaction(async (tx) => {
      await expireOffers(tx, row.campaignId);
      if (await repo.changeStatus(tx, row.id, ['confirmed', 'offered'], 'cancelled')) await passPlaceOn(tx, row.slotId);
      else if (!(await repo.changeStatus(tx, row.id, ['waitlisted'], 'cancelled'))) return;
      await recordAudit(tx, null, { action: 'booking.cancel', entity: 'booking', entityId: row.id, details: { slotId: row.slotId } });
    });
    return mine(code, info);
  }

  /** Takes up a place offered from the waiting list, if the offer still stands. */
  async function accept(code: string) {
    const { row, info } = await byCode(code);
    const accepted = await db.transaction(async (tx) => {
      await expireOffers(tx, row.campaignId);
      return repo.changeStatus(tx, row.id, ['offered'], 'confirmed', { offerExpiresAt: null });
    });
    const now = await mine(code, info);
    if (!accepted && now.status !== 'confirmed') throw invalidField('code', 'custom', 'offer_not_open');
    return now;
  }

  return { publicView, book, mine, changeSlot, cancel, accept, expireOffers, decryptValues, forget, campaignInfo, view, offerExpiry };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
