import { z } from 'zod';
import { LOCALES } from './errors.js';
import { ROLES } from './roles.js';

export const loginRequestSchema = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, { message: 'password_too_short' }).max(256),
});

export const grantSchema = z.object({
  role: z.enum(ROLES),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meResponseSchema = z.object({
  account: z.object({
    id: z.uuid(),
    login: z.string(),
    locale: z.enum(LOCALES),
    mustChangePassword: z.boolean(),
  }),
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  grants: z.array(grantSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const updateMeRequestSchema = z.strictObject({ locale: z.enum(LOCALES) });
