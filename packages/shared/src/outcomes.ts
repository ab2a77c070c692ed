import { z } from 'zod';
import { isoDate, pageOf, phoneSchema, requiredText, text } from './common.js';

/** Business through party building (党建+业务, DOMAIN.md §9). */
export const OUTCOME_KINDS = ['produce_sale', 'group_buy', 'newspaper_subscription', 'merchant_qr', 'new_customer'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Ten million yuan in fen: more than any one record could honestly be. */
const MAX_FEN = 1_000_000_000;

export const createOutcomeSchema = z.strictObject({
  /** Where it happened: an activity, a station (place), or both. One of them is required. */
  activityId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  kind: z.enum(OUTCOME_KINDS),
  product: text(60).default(''),
  quantity: z.number().int().min(0).max(10_000_000).default(0),
  unit: text(10).default(''),
  amountFen: z.number().int().min(0).max(MAX_FEN).default(0),
  occurredOn: isoDate,
  note: text(300).default(''),
});
export type CreateOutcome = z.input<typeof createOutcomeSchema>;

export const outcomeSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  activityId: z.uuid().nullable(),
  activityTitle: z.string().nullable(),
  placeId: z.uuid().nullable(),
  placeName: z.string().nullable(),
  kind: z.enum(OUTCOME_KINDS),
  product: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  amountFen: z.number().int(),
  occurredOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type Outcome = z.infer<typeof outcomeSchema>;
export const outcomePageSchema = pageOf(outcomeSchema);

export const outcomeListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  kind: z.enum(OUTCOME_KINDS).optional(),
  activityId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const OUTCOME_PERIODS = ['month', 'quarter', 'year'] as const;
export const outcomeSummaryQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  period: z.enum(OUTCOME_PERIODS).default('month'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const outcomeSummarySchema = z.object({
  period: z.enum(OUTCOME_PERIODS),
  /** One row per period and kind: '2025-03', '2025-Q1' or '2025'. */
  rows: z.array(
    z.object({
      bucket: z.string(),
      kind: z.enum(OUTCOME_KINDS),
      records: z.number().int(),
      quantity: z.number().int(),
      amountFen: z.number().int(),
    }),
  ),
  totals: z.array(
    z.object({ kind: z.enum(OUTCOME_KINDS), records: z.number().int(), quantity: z.number().int(), amountFen: z.number().int() }),
  ),
});
export type OutcomeSummary = z.infer<typeof outcomeSummarySchema>;

export const createLeadSchema = z.strictObject({
  activityId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  name: requiredText(40),
  phone: phoneSchema,
  interest: requiredText(100),
  /** A lead is kept only with the resident's consent, asked at the moment. */
  consent: z.literal(true, { message: 'consent_required' }),
});
export type CreateLead = z.input<typeof createLeadSchema>;

export const leadSchema = z.object({
  id: z.uuid(),
  orgName: z.string(),
  activityTitle: z.string().nullable(),
  placeName: z.string().nullable(),
  name: z.string(),
  phoneMasked: z.string(),
  interest: z.string(),
  consentAt: z.string(),
  createdAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
export const leadPageSchema = pageOf(leadSchema);
export const leadListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
