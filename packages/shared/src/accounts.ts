import { z } from 'zod';
import { pageOf, text } from './common.js';
import { ROLES } from './roles.js';

export const accountGrantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
});

export const accountSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  grants: z.array(accountGrantSchema),
});
export type Account = z.infer<typeof accountSchema>;

export const accountListQuerySchema = z.strictObject({
  q: text(64).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const accountPageSchema = pageOf(accountSchema);

export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'login_format' });

export const grantRequestSchema = z.strictObject({ role: z.enum(ROLES), orgId: z.uuid().nullable() });

export const createAccountSchema = z.strictObject({
  login: loginNameSchema,
  personId: z.uuid().nullish(),
  grant: grantRequestSchema,
});

/** A one-time password is shown once, to the person who created or reset the account. */
export const accountWithPasswordSchema = z.object({ account: accountSchema, initialPassword: z.string() });
export const grantParamsSchema = z.strictObject({ id: z.uuid(), grantId: z.uuid() });
