import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { BookingField, CounterBooking, Locale } from '@youshe/shared';
import type { Db } from '../../db/client.js';
import { accounts, bookings, bookingSlots, places } from '../../db/schema/index.js';
import { can, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { invalidField } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notify.js';
import type { BookingsService } from './bookings.service.js';
import type { CampaignsService } from './campaigns.service.js';
import { bookingsRepository as repo } from './bookings.repository.js';
import { maskValues } from './values.js';
import { createBookingReminders, REMIND_WITHIN_HOURS, shanghai } from './booking-reminders.js';

/** A scanned QR holds the resident's link (…/bk/<code>); a typed code is the code itself. */
export function codeFrom(input: string): string | null {
  const m = /([A-Za-z0-9_-]{16,40})\/?$/.exec(input.trim());
  return m ? m[1]! : null;
}

const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    confirmed: '已预约',
    waitlisted: '候补中',
    offered: '候补待确认',
    fulfilled: '已办理',
    cancelled: '已取消',
    expired: '已过期',
  },
  'zh-TW': {
    confirmed: '已預約',
    waitlisted: '候補中',
    offered: '候補待確認',
    fulfilled: '已辦理',
    cancelled: '已取消',
    expired: '已過期',
  },
  en: {
    confirmed: 'Booked',
    waitlisted: 'Waiting',
    offered: 'Offered',
    fulfilled: 'Fulfilled',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
};
const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['网点', '时段', '状态', '预约时间', '办理时间'],
  'zh-TW': ['網點', '時段', '狀態', '預約時間', '辦理時間'],
  en: ['Outlet', 'Slot', 'Status', 'Booked at', 'Fulfilled at'],
};

/** The counter: a clerk scans a resident's code, sees the booking masked and marks it fulfilled once. Plus export and reminders. */
export function createCounterService(db: Db, bookingsService: BookingsService, campaigns: CampaignsService, notifier: Notifier | null) {
  const reminders = notifier ? createBookingReminders(db, bookingsService.decryptValues, notifier) : null;
  async function load(actor: Actor, rawCode: string) {
    const code = codeFrom(rawCode);
    if (!code) throw invalidField('code', 'custom', 'booking_code_format');
    const row = await repo.findByCode(db, code);
    const slot = row ? await repo.slotWithPlace(db, row.slotId) : undefined;
    // Served at its outlet: the clerk needs rights over the outlet's organisation. Elsewhere the code "does not exist".
    requireAccess(actor, 'booking.fulfil', slot?.placeOrgPath);
    const campaign = (await repo.campaignById(db, row!.campaignId))!;
    const info = await bookingsService.campaignInfo(campaign.publicToken);
    return { row: row!, info };
  }

  async function present(
    row: NonNullable<Awaited<ReturnType<typeof repo.findByCode>>>,
    info: Awaited<ReturnType<BookingsService['campaignInfo']>>,
    justFulfilled: boolean,
  ): Promise<CounterBooking> {
    const by = row.fulfilledBy ? await db.query.accounts.findFirst({ where: eq(accounts.id, row.fulfilledBy) }) : undefined;
    return {
      ...bookingsService.view(info, row),
      id: row.id,
      fields: info.fields,
      fulfilledBy: by?.login ?? null,
      justFulfilled,
    };
  }

  async function lookup(actor: Actor, code: string) {
    const { row, info } = await load(actor, code);
    return present(row, info, false);
  }

  /** Exactly once: the conditional update decides, so two clerks scanning together get one "fulfilled now". */
  async function fulfil(actor: Actor, code: string) {
    const { row, info } = await load(actor, code);
    if (row.status !== 'confirmed' && row.status !== 'fulfilled') throw invalidField('code', 'custom', 'booking_not_confirmed');
    const done = await db.transaction(async (tx) => {
      const changed = await repo.changeStatus(tx, row.id, ['confirmed'], 'fulfilled', {
        fulfilledAt: new Date(),
        fulfilledBy: actor.accountId,
      });
      if (changed)
        await recordAudit(tx, actor, { action: 'booking.fulfil', entity: 'booking', entityId: row.id, details: { slotId: row.slotId } });
      return changed;
    });
    return present((await repo.findByCode(db, row.code))!, info, done);
  }

  /**
   * Every booking of a campaign as an Excel sheet. Values are written in full only for those who may
   * reveal personal data there (and the export is audited as a reveal); others get them masked.
   */
  async function exportXlsx(actor: Actor, id: string, locale: Locale) {
    const { c, orgPath } = await campaigns.authorised(actor, id, 'booking.read');
    const reveal = can(actor, 'person.reveal', orgPath);
    const fields = c.fields as BookingField[];
    const rows = await db
      .select({ b: bookings, placeName: places.name, startsAt: bookingSlots.startsAt })
      .from(bookings)
      .innerJoin(bookingSlots, eq(bookingSlots.id, bookings.slotId))
      .innerJoin(places, eq(places.id, bookingSlots.placeId))
      .where(eq(bookings.campaignId, id))
      .orderBy(asc(places.name), asc(bookingSlots.startsAt), asc(bookings.createdAt));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(c.title.slice(0, 31).replace(/[*?:\\/[\]]/g, ' '));
    sheet.addRow([...fields.map((f) => f.label), ...HEADERS[locale]]).font = { bold: true };
    for (const { b, placeName, startsAt } of rows) {
      const plain = bookingsService.decryptValues(b.valuesEnc);
      const values = reveal ? plain : maskValues(fields, plain);
      sheet.addRow([
        ...fields.map((f) => values[f.key] ?? ''),
        placeName,
        shanghai(startsAt),
        STATUS[locale][b.status] ?? b.status,
        shanghai(b.createdAt),
        b.fulfilledAt ? shanghai(b.fulfilledAt) : '',
      ]);
    }
    sheet.columns.forEach((col) => (col.width = 18));
    await db.transaction((tx) =>
      recordAudit(tx, actor, {
        action: reveal ? 'booking.export_reveal' : 'booking.export',
        entity: 'booking_campaign',
        entityId: id,
        org: { id: c.orgId, path: orgPath },
        details: { rows: rows.length },
      }),
    );
    return { buffer: Buffer.from(await book.xlsx.writeBuffer()), title: c.title };
  }

  /**
   * Confirmed bookings whose slot starts within the next day and who have had no reminder: what a clerk would
   * otherwise phone through. `send` reminds them now, through the same claim as the reminder job, so a booking the
   * job reached first is not reminded twice (and the other way round).
   */
  async function dueReminders(actor: Actor, id: string, send: boolean) {
    await campaigns.authorised(actor, id, send ? 'booking.write' : 'booking.read');
    let items: { id: string; name: string; phoneMasked: string; placeName: string; slotStartsAt: string }[];
    let enqueued = 0;
    if (send && reminders) {
      const { claimed, sent } = await reminders.send(actor, id);
      enqueued = sent;
      items = claimed.map((r) => ({
        id: r.id,
        name: r.name_masked,
        phoneMasked: r.phone_masked,
        placeName: r.place_name,
        slotStartsAt: new Date(r.starts_at).toISOString(),
      }));
    } else {
      const rows = await db
        .select({ b: bookings, placeName: places.name, startsAt: bookingSlots.startsAt })
        .from(bookings)
        .innerJoin(bookingSlots, eq(bookingSlots.id, bookings.slotId))
        .innerJoin(places, eq(places.id, bookingSlots.placeId))
        .where(
          and(
            eq(bookings.campaignId, id),
            eq(bookings.status, 'confirmed'),
            isNull(bookings.reminderAt),
            sql`${bookingSlots.startsAt} > now() and ${bookingSlots.startsAt} <= now() + make_interval(hours => ${REMIND_WITHIN_HOURS})`,
          ),
        )
        .orderBy(asc(bookingSlots.startsAt));
      items = rows.map(({ b, placeName, startsAt }) => ({
        id: b.id,
        name: b.nameMasked,
        phoneMasked: b.phoneMasked,
        placeName,
        slotStartsAt: startsAt.toISOString(),
      }));
    }
    const [done] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(eq(bookings.campaignId, id), isNotNull(bookings.reminderAt)));
    return { items, enqueued, reminded: done?.n ?? 0 };
  }

  /** The reminder job's round (server.ts runs it on every instance). */
  const remindDue = () => reminders?.runOnce() ?? Promise.resolve({ reminded: 0, sent: 0 });

  return { lookup, fulfil, exportXlsx, dueReminders, remindDue };
}

export type CounterService = ReturnType<typeof createCounterService>;
