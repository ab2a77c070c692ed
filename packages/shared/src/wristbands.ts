import { z } from 'zod';
import { pageOf, phoneSchema, requiredText, text } from './common.js';

export const WRISTBAND_STATUSES = ['unbound', 'bound', 'lost', 'retired'] as const;
export type WristbandStatus = (typeof WRISTBAND_STATUSES)[number];

/** Codes are base32 (no 0/1/8/9 look-alikes to misread): 20 characters of random bytes, 100 bits. */
export const WRISTBAND_CODE_LENGTH = 20;
/**
 * What a public URL may carry: a code as printed (any case, dashes between groups). Anything else is refused
 * here, and the finder's page shows the same calm "not registered" page for it as for an unknown code.
 */
export const wristbandCodeParamsSchema = z.strictObject({
  code: z
    .string()
    .max(32)
    .regex(/^[A-Za-z2-7-]{20,29}$/, { message: 'invalid_value' }),
});

export const createBatchSchema = z.strictObject({
  orgId: z.uuid(),
  label: requiredText(60),
  size: z.coerce.number().int().min(1).max(500),
});
export const batchSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  label: z.string(),
  size: z.number().int(),
  bound: z.number().int(),
  createdAt: z.string(),
});
export const batchListSchema = z.object({ items: z.array(batchSchema) });

export const wristbandSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  batchId: z.uuid(),
  orgName: z.string(),
  status: z.enum(WRISTBAND_STATUSES),
  recipientId: z.uuid().nullable(),
  recipientName: z.string().nullable(),
  boundAt: z.string().nullable(),
  scans: z.number().int(),
  lastScanAt: z.string().nullable(),
});
export type Wristband = z.infer<typeof wristbandSchema>;
export const wristbandListQuerySchema = z.strictObject({
  batchId: z.uuid().optional(),
  status: z.enum(WRISTBAND_STATUSES).optional(),
  recipientId: z.uuid().optional(),
  code: text(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const wristbandPageSchema = pageOf(wristbandSchema);

export const scanSchema = z.object({
  id: z.uuid(),
  scannedAt: z.string(),
  notifiedAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  accuracyM: z.number().int().nullable(),
  callbackPhoneMasked: z.string().nullable(),
  note: z.string().nullable(),
});
export const wristbandDetailSchema = wristbandSchema.extend({ scanLog: z.array(scanSchema) });

export const bindWristbandSchema = z.strictObject({ recipientId: z.uuid() });
export const wristbandStatusSchema = z.strictObject({ status: z.enum(['lost', 'retired']) });

/** The finder's page: whether this is a wristband someone may need help with — and nothing about who. */
export const publicWristbandSchema = z.object({
  active: z.boolean(),
  /** Ties the button press to this page view, so the scan log shows one line per finding. */
  scanId: z.uuid().nullable(),
});
export const finderAlertSchema = z.strictObject({
  scanId: z.uuid().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracy: z.number().min(0).max(100000).optional(),
  callbackPhone: phoneSchema.optional(),
  note: text(200).optional(),
});
export const finderAlertResultSchema = z.object({ notified: z.boolean() });
