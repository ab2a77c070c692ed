import { z } from 'zod';
import { isoDate, longText, pageOf, phoneSchema, requiredText } from './common.js';

export const NEED_KINDS = ['need', 'wish'] as const;
export const NEED_STATUSES = ['open', 'matched', 'done', 'closed'] as const;
export const PROJECT_STATUSES = ['open', 'claimed', 'done', 'cancelled'] as const;

export const needSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(NEED_KINDS),
  title: z.string(),
  description: z.string(),
  source: z.enum(['community', 'resident']),
  requesterName: z.string().nullable(),
  requesterPhoneMasked: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  projectId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;

const listQuery = {
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
export const needListQuerySchema = z.strictObject({
  ...listQuery,
  kind: z.enum(NEED_KINDS).optional(),
  status: z.enum(NEED_STATUSES).optional(),
  /** Only the needs of communities one's units are paired with (结对社区), not those of one's own tree. */
  partners: z.enum(['true', 'false']).optional(),
});
export const needPageSchema = pageOf(needSchema);
export const createNeedSchema = z.strictObject({
  orgId: z.uuid(),
  kind: z.enum(NEED_KINDS),
  title: requiredText(100),
  description: longText(2000).default(''),
});
/** A community (or street) paired with one of the actor's units, with the agreements that pair them. */
export const partnerCommunitySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentName: z.string().nullable(),
  partnerships: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /** Open needs posted under it: what is waiting to be claimed. */
  openNeeds: z.number().int(),
});
export const partnerCommunityListSchema = z.object({ items: z.array(partnerCommunitySchema) });
export const closeNeedSchema = z.strictObject({ status: z.literal('closed') });

/** A resident's own order (居民点单), from the public phone page. */
export const publicNeedRequestSchema = z.strictObject({
  orgId: z.uuid(),
  kind: z.enum(NEED_KINDS),
  title: requiredText(100),
  description: longText(1000).default(''),
  name: requiredText(30),
  phone: phoneSchema,
  consent: z.literal(true, { message: 'consent_required' }),
});
export const publicNeedSchema = z.object({
  trackingCode: z.string(),
  title: z.string(),
  orgName: z.string(),
  status: z.enum(NEED_STATUSES),
  project: z.object({ title: z.string(), status: z.enum(PROJECT_STATUSES), dueOn: z.string().nullable(), claimed: z.boolean() }).nullable(),
  createdAt: z.string(),
});
export const trackingCodeParamsSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });
export const communityDirectorySchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), parentName: z.string().nullable() })),
});
export const communityDirectoryQuerySchema = z.strictObject({ q: z.string().trim().min(1).max(30) });

export const resourceSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  available: z.boolean(),
  createdAt: z.string(),
});
export const resourceListQuerySchema = z.strictObject({ ...listQuery, available: z.enum(['true', 'false']).optional() });
export const resourcePageSchema = pageOf(resourceSchema);
export const createResourceSchema = z.strictObject({ orgId: z.uuid(), title: requiredText(100), description: longText(2000).default('') });
export const updateResourceSchema = z.strictObject({
  title: requiredText(100).optional(),
  description: longText(2000).optional(),
  available: z.boolean().optional(),
});

export const projectSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  needId: z.uuid().nullable(),
  needTitle: z.string().nullable(),
  resourceId: z.uuid().nullable(),
  resourceTitle: z.string().nullable(),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  claimedByLogin: z.string().nullable(),
  claimedByName: z.string().nullable(),
  outcome: z.string().nullable(),
  beneficiaryConfirmed: z.boolean(),
  proofNote: z.string().nullable(),
  hasProofPhoto: z.boolean(),
  doneAt: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListQuerySchema = z.strictObject({
  ...listQuery,
  status: z.enum(PROJECT_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const projectPageSchema = pageOf(projectSchema);
export const createProjectSchema = z.strictObject({
  orgId: z.uuid(),
  needId: z.uuid().nullish(),
  resourceId: z.uuid().nullish(),
  title: requiredText(100),
  dueOn: isoDate.nullish(),
});
/** `v` changes when the photo is replaced, so that a browser does not show the old one from its cache. */
export const proofPhotoQuerySchema = z.strictObject({
  size: z.enum(['full', 'thumb']).default('full'),
  v: z.string().max(40).optional(),
});

export const completeProjectSchema = z.strictObject({
  outcome: requiredText(1000),
  beneficiaryConfirmed: z.boolean().default(false),
  proofNote: longText(1000).nullish(),
});
