import { z } from 'zod';
import { pageOf, text } from './common.js';

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = z.strictObject({
  actor: text(64).optional(),
  action: text(64).optional(),
  entity: text(32).optional(),
  entityId: text(64).optional(),
  orgId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditPageSchema = pageOf(auditEntrySchema);
