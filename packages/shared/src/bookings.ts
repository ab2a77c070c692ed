import { z } from 'zod';
import type { Locale } from './errors.js';
import { isoDateTime, longText, pageOf, requiredText, text, dateRangeFields, rangeInOrder } from './common.js';

/** Booking campaigns (预约活动): eligibility fields, outlets with time slots of hard capacity, one booking per person. */
export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'offered', 'fulfilled', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** How a field's value is checked (besides an optional pattern) and how it is masked. */
export const BOOKING_FIELD_KINDS = ['text', 'name', 'phone', 'id_number'] as const;

const isRegex = (s: string) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
};

export const bookingFieldSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
  label: requiredText(40),
  kind: z.enum(BOOKING_FIELD_KINDS).default('text'),
  required: z.boolean().default(true),
  /** A regular expression the whole value must match, e.g. ^\d{10}$ for an admission notice number. */
  pattern: z.string().max(200).refine(isRegex, { message: 'invalid_pattern' }).optional(),
  /** Says what the format is, shown when a value does not match: "10 位数字，见录取通知书右上角". */
  hint: text(100).optional(),
});
export type BookingField = z.infer<typeof bookingFieldSchema>;

const slotInput = z.strictObject({
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  capacity: z.number().int().min(1).max(100000),
});
export const campaignOutletInputSchema = z.strictObject({ placeId: z.uuid(), slots: z.array(slotInput).min(1).max(500) });

export const createCampaignSchema = z.strictObject({
  orgId: z.uuid(),
  title: requiredText(100),
  description: longText(4000).default(''),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  fields: z.array(bookingFieldSchema).min(1).max(12),
  /** The key of the field that tells one person from another: one booking per value per campaign. */
  identityField: z.string().max(31),
  outlets: z.array(campaignOutletInputSchema).min(1).max(200),
});
export type CreateCampaign = z.infer<typeof createCampaignSchema>;
export const campaignStatusChangeSchema = z.strictObject({ status: z.enum(['published', 'closed']) });

export const slotSchema = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  placesLeft: z.number().int(),
  waiting: z.number().int(),
});
export const outletSchema = z.object({ placeId: z.uuid(), name: z.string(), address: z.string().nullable(), slots: z.array(slotSchema) });
/** A slot as the campaign's officers see it: closed or not, and the version an edit is based on. */
export const campaignSlotSchema = slotSchema.extend({ closed: z.boolean(), version: z.number().int() });
export type CampaignSlot = z.infer<typeof campaignSlotSchema>;
export const campaignOutletSchema = outletSchema.extend({ slots: z.array(campaignSlotSchema) });

export const campaignSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  fields: z.array(bookingFieldSchema),
  identityField: z.string(),
  publicToken: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  fulfilled: z.number().int(),
  outlets: z.array(campaignOutletSchema),
  createdAt: z.string(),
  /** How many bookings were ever made (any status): once there are some, fields keep their meaning. */
  bookingCount: z.number().int(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignSummarySchema = campaignSchema.omit({ outlets: true, fields: true, bookingCount: true, version: true });

/**
 * An edit of a campaign in the console, based on the version the officer loaded. Once bookings exist, fields may
 * be reworded (label, hint), made optional or joined by optional ones, but not removed or re-checked differently.
 */
export const updateCampaignSchema = z.strictObject({
  version: z.number().int().min(1),
  title: requiredText(100).optional(),
  description: longText(4000).optional(),
  opensAt: isoDateTime.optional(),
  closesAt: isoDateTime.optional(),
  fields: z.array(bookingFieldSchema).min(1).max(12).optional(),
  identityField: z.string().max(31).optional(),
});
export type UpdateCampaign = z.input<typeof updateCampaignSchema>;
/** More slots, at outlets the campaign has or new ones. */
export const addSlotsSchema = z.strictObject({ outlets: z.array(campaignOutletInputSchema).min(1).max(200) });
export type AddSlots = z.input<typeof addSlotsSchema>;
/** A slot's capacity (never below the places already taken) and whether it takes new bookings. */
export const updateSlotSchema = z.strictObject({
  version: z.number().int().min(1),
  capacity: z.number().int().min(1).max(100000).optional(),
  closed: z.boolean().optional(),
});
export type UpdateSlot = z.input<typeof updateSlotSchema>;
export const campaignSlotParamsSchema = z.strictObject({ id: z.uuid(), slotId: z.uuid() });
export const campaignListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const campaignPageSchema = pageOf(campaignSummarySchema);

/** The resident's view of a campaign: no counts of people, only places left. */
export const publicCampaignSchema = z.object({
  title: z.string(),
  description: z.string(),
  orgName: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  open: z.boolean(),
  fields: z.array(bookingFieldSchema),
  outlets: z.array(outletSchema),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;

export const campaignTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });
export const bookingCodeParamsSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/) });

export const bookingRequestSchema = z.strictObject({
  slotId: z.uuid(),
  /** The campaign's eligibility fields by key; checked against the campaign's own rules. */
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/), z.string().max(200)),
  consent: z.literal(true, { message: 'consent_required' }),
  /** When the slot is full: wait for a place there rather than be told where there is room. */
  waitlist: z.boolean().default(false),
});
export type BookingRequest = z.input<typeof bookingRequestSchema>;
export const changeSlotSchema = z.strictObject({ slotId: z.uuid() });

/** One slot with room, offered instead of a full one. */
export const slotAlternativeSchema = z.object({
  slotId: z.uuid(),
  placeId: z.uuid(),
  placeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placesLeft: z.number().int(),
});
export type SlotAlternative = z.infer<typeof slotAlternativeSchema>;

export const bookingSchema = z.object({
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  campaignTitle: z.string(),
  campaignToken: z.string(),
  slot: z.object({ id: z.uuid(), placeName: z.string(), address: z.string().nullable(), startsAt: z.string(), endsAt: z.string() }),
  /** The person's own values, masked: the page is reachable by anyone holding the code. */
  values: z.record(z.string(), z.string()),
  /** Each value's question, by key, to show beside it. */
  labels: z.record(z.string(), z.string()),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** What the counter clerk sees after scanning: masked personal data and whether it was already fulfilled. */
export const counterBookingSchema = bookingSchema.extend({
  id: z.uuid(),
  fields: z.array(bookingFieldSchema),
  fulfilledBy: z.string().nullable(),
  /** True on the scan that marked it fulfilled; false when it was already. */
  justFulfilled: z.boolean(),
});
export type CounterBooking = z.infer<typeof counterBookingSchema>;
export const counterLookupSchema = z.strictObject({ code: z.string().trim().min(1).max(300) });

export const bookingRowSchema = z.object({
  id: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  name: z.string(),
  phoneMasked: z.string(),
  placeName: z.string(),
  slotStartsAt: z.string(),
  createdAt: z.string(),
  fulfilledAt: z.string().nullable(),
});
export const bookingListQuerySchema = z
  .strictObject({
    status: z.enum(BOOKING_STATUSES).optional(),
    /** Days (China time) of the booked slot. */
    ...dateRangeFields,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(rangeInOrder);
export const bookingPageSchema = pageOf(bookingRowSchema);

export const dueRemindersSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), phoneMasked: z.string(), placeName: z.string(), slotStartsAt: z.string() })),
  enqueued: z.number().int(),
  /** Bookings already reminded, by the reminder job or by hand. */
  reminded: z.number().int(),
});

/** The wording of a rejected eligibility value; {label} is the field's label, {hint} the campaign's own explanation. */
export const BOOKING_FIELD_MESSAGES: Record<Locale, Record<'required' | 'format' | 'phone' | 'id_number' | 'unknown', string>> = {
  'zh-CN': {
    required: '请填写{label}',
    format: '{label}格式不正确{hint}',
    phone: '{label}应为 11 位手机号，以 1 开头',
    id_number: '{label}应为 18 位身份证号',
    unknown: '本次预约没有这一项',
  },
  'zh-TW': {
    required: '請填寫{label}',
    format: '{label}格式不正確{hint}',
    phone: '{label}應為 11 位手機號碼，以 1 開頭',
    id_number: '{label}應為 18 位身分證號',
    unknown: '本次預約沒有這一項',
  },
  en: {
    required: 'Please fill in {label}',
    format: '{label} is not in the right format{hint}',
    phone: '{label} must be an 11-digit mobile number starting with 1',
    id_number: '{label} must be an 18-character ID number',
    unknown: 'This booking has no such field',
  },
};
