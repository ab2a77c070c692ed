import { z } from 'zod';
import { idNumberSchema, isoDate, pageOf, phoneSchema, requiredText, text } from './common.js';

export const PERSON_KINDS = ['party_member', 'volunteer', 'resident', 'cadre'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const REVEALABLE_FIELDS = ['phone', 'idNumber', 'address'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** As lists show a person: personal data masked. */
export const personSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  kinds: z.array(z.enum(PERSON_KINDS)),
  partyJoinDate: z.string().nullable(),
  partyBranchId: z.uuid().nullable(),
  partyBranchName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  accountLogin: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const personListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  q: text(32).optional(),
  phone: phoneSchema.optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const personPageSchema = pageOf(personSchema);

const personFields = {
  orgId: z.uuid(),
  name: requiredText(50),
  gender: z.enum(['male', 'female']).nullish(),
  kinds: z.array(z.enum(PERSON_KINDS)).min(1).max(4),
  partyJoinDate: isoDate.nullish(),
  partyBranchId: z.uuid().nullish(),
  phone: phoneSchema.nullish(),
  idNumber: idNumberSchema.nullish(),
  address: text(200).nullish(),
};
export const createPersonSchema = z.strictObject(personFields);
export type CreatePerson = z.infer<typeof createPersonSchema>;
export const updatePersonSchema = z.strictObject({
  orgId: personFields.orgId.optional(),
  name: personFields.name.optional(),
  gender: personFields.gender,
  kinds: personFields.kinds.optional(),
  partyJoinDate: personFields.partyJoinDate,
  partyBranchId: personFields.partyBranchId,
  phone: personFields.phone,
  idNumber: personFields.idNumber,
  address: personFields.address,
});

export const revealRequestSchema = z.strictObject({ field: z.enum(REVEALABLE_FIELDS) });
export const revealResponseSchema = z.object({ field: z.enum(REVEALABLE_FIELDS), value: z.string().nullable() });
