import { z } from 'zod';
import { pageOf } from './common.js';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'held', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One outgoing message as the outbox page shows it: the recipient's address and name only masked. */
export const outboxMessageSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  channel: z.enum(['email', 'webhook']),
  recipientMasked: z.string(),
  recipientNameMasked: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  orgName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxQuerySchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  kind: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  refId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const outboxPageSchema = pageOf(outboxMessageSchema).extend({ demo: z.boolean() });
