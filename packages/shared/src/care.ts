import { z } from 'zod';
import {
  idSchema,
  isoDateTime,
  longText,
  pageOf,
  pageQuerySchema,
  phoneSchema,
  requiredText,
  text,
  dateRangeFields,
  rangeInOrder,
} from './common.js';

export const CARE_CIRCUMSTANCES = ['living_alone', 'children_away', 'disabled', 'frail', 'in_difficulty'] as const;
export const CARE_FREQUENCIES = ['daily', 'weekly', 'fortnightly', 'monthly'] as const;
export type CareFrequency = (typeof CARE_FREQUENCIES)[number];
export const CARE_INTERVAL_DAYS: Record<CareFrequency, number> = { daily: 1, weekly: 7, fortnightly: 14, monthly: 30 };

/** The seven fixed questions of every visit (as Japan Post's みまもり訪問 asks them). */
export const WELLBEING_ITEMS = ['health', 'meals', 'sleep', 'exercise', 'going_out', 'daily_life', 'worries'] as const;
/** The catalogue a family picks up to three extra questions from. */
export const EXTRA_ITEMS = [
  'medication',
  'blood_pressure',
  'home_safety',
  'heating_cooling',
  'hygiene',
  'mood',
  'hearing',
  'eyesight',
  'walking',
  'appetite',
  'scam_calls',
  'mail_backlog',
  'gas_stove',
  'family_contact',
] as const;
export const HELP_KINDS = [
  'cleaning',
  'shopping',
  'postal_errands',
  'utility_repair',
  'mailbox_lock',
  'haircut',
  'visit_for_children',
  'other',
] as const;
export const CONCERN_LEVELS = ['none', 'watch', 'needs_help', 'urgent'] as const;
export const VISIT_PRESENCE = ['visited', 'not_home_reached', 'not_home_unreachable'] as const;
export const VISIT_CONFIRMATION = ['signature', 'verbal', 'none'] as const;
export const CONSENT_PURPOSES = ['visits', 'family_reports', 'alerts', 'wristband'] as const;
export const ALERT_KINDS = ['concern', 'unreachable', 'missed_visit'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
/** A visit dated further back than this needs a reason (a phone that was offline for a week is normal, a month is not). */
export const VISIT_MAX_PAST_DAYS = 7;

const email = z
  .string()
  .trim()
  .max(200)
  .pipe(z.email({ message: 'email_format' }));

export const familyContactInputSchema = z
  .strictObject({
    name: requiredText(40),
    relation: requiredText(20),
    channel: z.enum(['email', 'webhook']),
    /** An e-mail address, or a mobile number for the SMS / WeChat gateway. */
    to: z.string().trim().min(1).max(200),
    shares: z.enum(['summary', 'checklist']).default('summary'),
  })
  .superRefine((c, ctx) => {
    const ok = c.channel === 'email' ? email.safeParse(c.to).success : phoneSchema.safeParse(c.to).success;
    if (!ok) ctx.addIssue({ code: 'custom', path: ['to'], message: c.channel === 'email' ? 'email_format' : 'phone_format' });
  });

export const neighbourInputSchema = z.strictObject({ name: requiredText(40), relation: requiredText(20), phone: phoneSchema });
/** Trusted neighbours a recipient may name, as the family contacts: three slots, which the database enforces too. */
export const MAX_NEIGHBOURS = 3;
/**
 * A neighbour changed after enrolment. Name and phone are shown masked, so the form cannot hold them: left out,
 * they stay as they were.
 */
export const neighbourUpdateSchema = z.strictObject({
  name: requiredText(40).optional(),
  relation: requiredText(20),
  phone: phoneSchema.optional(),
});
export type NeighbourInput = z.infer<typeof neighbourInputSchema>;
export type NeighbourUpdate = z.infer<typeof neighbourUpdateSchema>;
export const contactParamsSchema = z.strictObject({ id: idSchema, contactId: idSchema });

export const consentInputSchema = z
  .strictObject({
    givenBy: requiredText(40),
    byProxy: z.boolean(),
    proxyRelation: text(20).optional(),
    purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1).max(CONSENT_PURPOSES.length),
    givenAt: isoDateTime.optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.purposes.includes('visits')) ctx.addIssue({ code: 'custom', path: ['purposes'], message: 'consent_visits_required' });
    if (c.byProxy && !c.proxyRelation) ctx.addIssue({ code: 'custom', path: ['proxyRelation'], message: 'proxy_relation_required' });
  });

export const createRecipientSchema = z.strictObject({
  orgId: idSchema,
  name: requiredText(40),
  phone: phoneSchema.optional(),
  address: requiredText(200),
  healthNotes: longText(2000).optional(),
  circumstances: z.array(z.enum(CARE_CIRCUMSTANCES)).min(1).max(CARE_CIRCUMSTANCES.length),
  frequency: z.enum(CARE_FREQUENCIES),
  helpWanted: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length).default([]),
  extraItems: z.array(z.enum(EXTRA_ITEMS)).max(3).default([]),
  family: z.array(familyContactInputSchema).max(3).default([]),
  neighbours: z.array(neighbourInputSchema).max(MAX_NEIGHBOURS).default([]),
  consent: consentInputSchema,
  mainVolunteerId: idSchema.optional(),
  backupVolunteerId: idSchema.optional(),
});

export const pairingSchema = z.strictObject({ mainVolunteerId: idSchema.nullable(), backupVolunteerId: idSchema.nullable() });

/** The care plan as changed after enrolment: how often, the help wanted, the family's extra checklist items. */
export const carePlanSchema = z.strictObject({
  frequency: z.enum(CARE_FREQUENCIES),
  helpWanted: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length),
  extraItems: z.array(z.enum(EXTRA_ITEMS)).max(3),
});
export type CarePlanInput = z.infer<typeof carePlanSchema>;

const personRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const careContactSchema = z.object({
  id: z.string(),
  kind: z.enum(['family', 'neighbour']),
  name: z.string(),
  relation: z.string(),
  channel: z.enum(['email', 'webhook']),
  addressMasked: z.string(),
  shares: z.enum(['summary', 'checklist']),
});

export const careConsentSchema = z.object({
  givenBy: z.string(),
  byProxy: z.boolean(),
  proxyRelation: z.string().nullable(),
  purposes: z.array(z.string()),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const recipientSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(['active', 'withdrawn']),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  hasHealthNotes: z.boolean(),
  circumstances: z.array(z.string()),
  frequency: z.enum(CARE_FREQUENCIES),
  helpWanted: z.array(z.string()),
  extraItems: z.array(z.string()),
  mainVolunteer: personRef,
  backupVolunteer: personRef,
  lastVisitAt: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  visitCount: z.number().int(),
  contacts: z.array(careContactSchema),
  consent: careConsentSchema.nullable(),
  createdAt: z.string(),
});
export type CareRecipient = z.infer<typeof recipientSchema>;

export const recipientListQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  orgId: idSchema.optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
});
export const recipientPageSchema = pageOf(recipientSchema);

export const recipientSecretsSchema = z.object({
  phone: z.string().nullable(),
  address: z.string().nullable(),
  healthNotes: z.string().nullable(),
});

export const routeStopSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgName: z.string(),
  addressMasked: z.string().nullable(),
  role: z.enum(['main', 'backup']),
  frequency: z.enum(CARE_FREQUENCIES),
  extraItems: z.array(z.string()),
  helpWanted: z.array(z.string()),
  lastVisitAt: z.string().nullable(),
  dueAt: z.string(),
  dueToday: z.boolean(),
  overdue: z.boolean(),
});
export const routeSchema = z.object({ items: z.array(routeStopSchema) });
export type RouteStop = z.infer<typeof routeStopSchema>;
export const routeOrderSchema = z.strictObject({ recipientIds: z.array(idSchema).min(1).max(500) });

/** A signature drawn on the phone's screen, as a PNG data URL (small: a canvas of a few hundred pixels). */
const signaturePng = z
  .string()
  .max(300_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'signature_format' });

export const visitInputSchema = z
  .strictObject({
    /** Made on the phone (UUIDv7) when the visit is saved, so a resend is recognised. */
    id: idSchema,
    recipientId: idSchema,
    visitedAt: isoDateTime,
    minutes: z.number().int().min(1).max(480).default(30),
    presence: z.enum(VISIT_PRESENCE),
    answers: z.record(z.string().max(40), z.enum(['ok', 'concern'])).default({}),
    helpGiven: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length).default([]),
    note: longText(2000).optional(),
    concern: z.enum(CONCERN_LEVELS).default('none'),
    confirmation: z.enum(VISIT_CONFIRMATION),
    signature: signaturePng.optional(),
    lateReason: text(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.confirmation === 'signature' && !v.signature)
      ctx.addIssue({ code: 'custom', path: ['signature'], message: 'signature_required' });
    if (v.presence === 'visited' && v.confirmation === 'none')
      ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'confirmation_required' });
  });
export type VisitInput = z.infer<typeof visitInputSchema>;

export const visitResultSchema = z.object({
  id: z.string(),
  recipientId: z.string(),
  visitedAt: z.string(),
  /** `duplicate`: this visit had already arrived; the first result is returned. */
  status: z.enum(['created', 'duplicate']),
  alertId: z.string().nullable(),
});

export const visitBatchSchema = z.strictObject({ visits: z.array(z.unknown()).min(1).max(50) });
export const visitBatchResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string().nullable(),
      status: z.enum(['created', 'duplicate', 'rejected']),
      alertId: z.string().nullable(),
      code: z.string().nullable(),
      message: z.string().nullable(),
      details: z.unknown().optional(),
    }),
  ),
});

export const visitSchema = z.object({
  id: z.string(),
  visitedAt: z.string(),
  volunteerName: z.string().nullable(),
  minutes: z.number().int(),
  presence: z.enum(VISIT_PRESENCE),
  answers: z.record(z.string(), z.enum(['ok', 'concern'])).nullable(),
  helpGiven: z.array(z.string()),
  note: z.string().nullable(),
  concern: z.enum(CONCERN_LEVELS),
  confirmation: z.enum(VISIT_CONFIRMATION),
  hasSignature: z.boolean(),
  hasPhoto: z.boolean(),
  /** Whether a note exists: the note itself is shown only on request, and that look is audited. */
  hasNote: z.boolean(),
  lateReason: z.string().nullable(),
});
export type CareVisit = z.infer<typeof visitSchema>;
/** A recipient's visit history, newest first, a page at a time. */
export const visitHistoryQuerySchema = z.strictObject({
  page: pageQuerySchema.shape.page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const visitHistoryPageSchema = pageOf(visitSchema);
export const visitNoteSchema = z.object({ note: z.string().nullable() });

export const alertSchema = z.object({
  id: z.string(),
  recipientId: z.string(),
  recipientName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(ALERT_KINDS),
  level: z.enum(['watch', 'needs_help', 'urgent']),
  summary: z.string(),
  status: z.enum(ALERT_STATUSES),
  escalationLevel: z.number().int(),
  owner: z.string(),
  createdAt: z.string(),
  escalateAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type CareAlert = z.infer<typeof alertSchema>;
/** `from`/`to`: days (China time) on which the alert was raised. */
export const alertListQuerySchema = z
  .strictObject({ ...pageQuerySchema.shape, status: z.enum(ALERT_STATUSES).optional(), ...dateRangeFields })
  .superRefine(rangeInOrder);
export const alertPageSchema = pageOf(alertSchema);
export const resolveAlertSchema = z.strictObject({ outcome: requiredText(500) });

export const careScanResultSchema = z.object({ missed: z.number().int(), escalated: z.number().int() });

export const familyPageSchema = z.object({
  recipientName: z.string(),
  orgName: z.string(),
  contactName: z.string(),
  shares: z.enum(['summary', 'checklist']),
  visits: z.array(
    z.object({
      visitedAt: z.string(),
      volunteerName: z.string().nullable(),
      presence: z.enum(VISIT_PRESENCE),
      helpGiven: z.array(z.string()),
      concern: z.enum(CONCERN_LEVELS),
      answers: z.record(z.string(), z.enum(['ok', 'concern'])).nullable(),
    }),
  ),
});
export const familyTokenParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });

export const volunteerSearchQuerySchema = z.strictObject({ q: text(40).default('') });
export const volunteerSearchSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string() })) });

/**
 * The purposes of a recipient's consent changed after enrolment: who agreed and how, as at enrolment. The record in
 * force is kept, marked superseded, and a new one holds the new purposes.
 */
export const consentAmendmentSchema = consentInputSchema;
export type ConsentAmendment = z.infer<typeof consentAmendmentSchema>;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** One consent record of a recipient's history, newest first: the one in force has neither end. */
export const consentRecordSchema = careConsentSchema.extend({
  id: z.string(),
  /** With `withdrawnAt` (the end of its time in force) when an amendment replaced the record; null after a withdrawal. */
  supersededAt: z.string().nullable(),
  /** The sign-in that recorded it. */
  recordedBy: z.string().nullable(),
});
export const consentHistorySchema = z.object({ items: z.array(consentRecordSchema) });
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
