import { z } from 'zod';
import { isoDateTime, longText, pageOf, phoneSchema, requiredText, text } from './common.js';

/** What an activity kind asks to be recorded when it closes. Money is in fen. */
export const OUTCOME_FIELDS = [
  'people_served',
  'households_visited',
  'value_donated_fen',
  'sales_fen',
  'new_customers',
  'subscriptions',
  'materials_handed_out',
  'blood_donors',
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

export const activityKindSchema = z.object({
  id: z.string(),
  name: z.string(),
  outcomeFields: z.array(z.object({ key: z.enum(OUTCOME_FIELDS), required: z.boolean() })),
  archived: z.boolean(),
});
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const upsertActivityKindSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'invalid_format' }),
  name: requiredText(40),
  outcomeFields: z.array(z.strictObject({ key: z.enum(OUTCOME_FIELDS), required: z.boolean() })).max(OUTCOME_FIELDS.length),
  archived: z.boolean().default(false),
});

export const ACTIVITY_STATUSES = ['draft', 'published', 'in_progress', 'closed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const activitySchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeId: z.uuid().nullable(),
  placeName: z.string().nullable(),
  location: z.string().nullable(),
  description: z.string(),
  capacity: z.number().int().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  publicToken: z.string(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** Everyone who took part: the sign-ups checked in plus attendanceByHand. */
  attendanceCount: z.number().int(),
  /** People who took part without a sign-up of their own, counted by hand (a street stand's headcount). */
  attendanceByHand: z.number().int(),
  photoCount: z.number().int(),
  outcome: z.record(z.string(), z.number()),
  organisers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  partnershipIds: z.array(z.uuid()),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  partnershipId: z.uuid().optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  kindId: z.string().max(40).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: text(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const activityPageSchema = pageOf(activitySchema);

const activityFields = {
  orgId: z.uuid(),
  kindId: z.string().max(40),
  title: requiredText(100),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  placeId: z.uuid().nullish(),
  location: text(200).nullish(),
  description: longText(5000).default(''),
  capacity: z.number().int().min(1).max(100000).nullish(),
  organiserIds: z.array(z.uuid()).max(20).default([]),
  partnershipIds: z.array(z.uuid()).max(20).default([]),
};
export const createActivitySchema = z.strictObject(activityFields);
export const updateActivitySchema = z.strictObject({
  kindId: activityFields.kindId.optional(),
  title: activityFields.title.optional(),
  startsAt: activityFields.startsAt.optional(),
  endsAt: activityFields.endsAt.optional(),
  placeId: activityFields.placeId,
  location: activityFields.location,
  description: longText(5000).optional(),
  capacity: activityFields.capacity,
  organiserIds: z.array(z.uuid()).max(20).optional(),
  partnershipIds: z.array(z.uuid()).max(20).optional(),
});
export const activityTransitionSchema = z.strictObject({
  to: z.enum(['published', 'in_progress', 'closed', 'cancelled']),
  outcome: z.partialRecord(z.enum(OUTCOME_FIELDS), z.number().int().min(0).max(1e12)).optional(),
  /** On closing: people who took part without signing up or checking in, counted by hand. */
  attendanceByHand: z.number().int().min(0).max(1_000_000).optional(),
});

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** What a resident sees of an activity on its public page: no personal data of anyone. */
export const publicActivitySchema = z.object({
  title: z.string(),
  kindName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  description: z.string(),
  organisers: z.array(z.string()),
  status: z.enum(ACTIVITY_STATUSES),
  capacity: z.number().int().nullable(),
  placesLeft: z.number().int().nullable(),
  waitlistCount: z.number().int(),
});

export const signupRequestSchema = z.strictObject({
  name: requiredText(30),
  phone: phoneSchema,
  consent: z.literal(true, { message: 'consent_required' }),
});

/** Checking in without the code on this phone: the name and phone number given at sign-up. */
export const phoneCheckinSchema = z.strictObject({
  name: requiredText(30),
  phone: phoneSchema,
});

export const signupSchema = z.object({
  code: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  name: z.string(),
  phoneMasked: z.string(),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  checkedIn: z.boolean(),
  activityToken: z.string(),
});
export type Signup = z.infer<typeof signupSchema>;
export const signupCodeParamsSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });
export const publicTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });

export const staffCheckinSchema = z.union([
  z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) }),
  z.strictObject({ walkin: z.strictObject({ name: requiredText(30), phone: phoneSchema.nullish() }) }),
]);
/** What a resident's phone is told: who was checked in, and whether this scan did it. */
export const selfCheckinResultSchema = z.object({
  name: z.string(),
  method: z.enum(['self', 'staff', 'walkin']),
  /** False when this person had already checked in: a repeat scan changes nothing. */
  firstTime: z.boolean(),
});
/** What the staff at the door see after a scan or a walk-in: also the activity's attendance now. */
export const checkinResultSchema = selfCheckinResultSchema.extend({
  attendanceCount: z.number().int(),
});

export const signupListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(SIGNUP_STATUSES),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
  walkin: z.boolean(),
});
export const signupListSchema = z.object({ items: z.array(signupListItemSchema) });

export const OUTCOME_LABELS: Record<'zh-CN' | 'zh-TW' | 'en', Record<OutcomeField, string>> = {
  'zh-CN': {
    people_served: '服务人数',
    households_visited: '走访户数',
    value_donated_fen: '捐赠价值（元）',
    sales_fen: '销售额（元）',
    new_customers: '新增客户',
    subscriptions: '报刊订阅',
    materials_handed_out: '发放资料',
    blood_donors: '献血人数',
  },
  'zh-TW': {
    people_served: '服務人數',
    households_visited: '走訪戶數',
    value_donated_fen: '捐贈價值（元）',
    sales_fen: '銷售額（元）',
    new_customers: '新增客戶',
    subscriptions: '報刊訂閱',
    materials_handed_out: '發放資料',
    blood_donors: '捐血人數',
  },
  en: {
    people_served: 'People served',
    households_visited: 'Households visited',
    value_donated_fen: 'Value donated (yuan)',
    sales_fen: 'Sales (yuan)',
    new_customers: 'New customers',
    subscriptions: 'Subscriptions',
    materials_handed_out: 'Materials handed out',
    blood_donors: 'Blood donors',
  },
};

/** Money is kept in fen; people read yuan. */
export function formatOutcome(key: OutcomeField, value: number): string {
  return key.endsWith('_fen') ? (value / 100).toFixed(2) : String(value);
}

export const ledgerQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  from: isoDateTime,
  to: isoDateTime,
});

export const photoSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  caption: z.string().nullable(),
  createdAt: z.string(),
});
export const photoListSchema = z.object({ items: z.array(photoSchema) });
export const photoParamsSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
export const photoFileQuerySchema = z.strictObject({ size: z.enum(['full', 'thumb']).default('full') });

export const quoteSchema = z.object({
  id: z.uuid(),
  speaker: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export const quoteListSchema = z.object({ items: z.array(quoteSchema) });
export const createQuoteSchema = z.strictObject({
  speaker: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(500),
  /** The speaker agreed to be quoted by this name. */
  consent: z.literal(true, { message: 'quote_consent_required' }),
});
export const quoteParamsSchema = z.strictObject({ id: z.uuid(), quoteId: z.uuid() });
export type Quote = z.infer<typeof quoteSchema>;
export type CreateQuote = z.infer<typeof createQuoteSchema>;
