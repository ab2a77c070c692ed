import { z } from 'zod';
import { pageOf, requiredText, text } from './common.js';

/** Postal side, community side and partner units share one tree. */
export const ORG_KINDS = [
  'group',
  'province_committee',
  'city_committee',
  'county_committee',
  'general_branch',
  'branch',
  'district',
  'street',
  'community',
  'grid',
  'police_station',
  'school',
  'hospital',
  'enterprise',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_SIDES = ['postal', 'community', 'partner'] as const;
export type OrgSide = (typeof ORG_SIDES)[number];

export function sideOfKind(kind: OrgKind): OrgSide {
  if (['district', 'street', 'community', 'grid'].includes(kind)) return 'community';
  if (['police_station', 'school', 'hospital', 'enterprise'].includes(kind)) return 'partner';
  return 'postal';
}

export const orgSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(ORG_KINDS),
  side: z.enum(ORG_SIDES),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  archivedAt: z.string().nullable(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgDetailSchema = orgSchema.extend({
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) })),
  placeCount: z.number().int(),
  personCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const orgListQuerySchema = z.strictObject({
  parentId: z.uuid().optional(),
  q: text(64).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const orgPageSchema = pageOf(orgSchema);

export const createOrgSchema = z.strictObject({
  parentId: z.uuid().nullable(),
  kind: z.enum(ORG_KINDS),
  name: requiredText(100),
  shortName: text(40).nullish(),
  code: text(40).nullish(),
});
export type CreateOrg = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z.strictObject({
  kind: z.enum(ORG_KINDS).optional(),
  name: requiredText(100).optional(),
  shortName: text(40).nullish(),
  code: text(40).nullish(),
});
export const moveOrgSchema = z.strictObject({ parentId: z.uuid() });

export const PLACE_KINDS = ['outlet', 'red_station', 'pickup_point', 'village', 'grid'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const placeSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(PLACE_KINDS),
  name: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  openingHours: z.string().nullable(),
  hasPartyMember: z.boolean(),
  archivedAt: z.string().nullable(),
});
export type Place = z.infer<typeof placeSchema>;

export const placeListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  kind: z.enum(PLACE_KINDS).optional(),
  q: text(64).optional(),
  hasPartyMember: z.enum(['true', 'false']).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const placePageSchema = pageOf(placeSchema);

const placeFields = {
  kind: z.enum(PLACE_KINDS),
  name: requiredText(100),
  address: text(200).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  openingHours: text(100).nullish(),
  hasPartyMember: z.boolean().default(false),
};
export const createPlaceSchema = z.strictObject({ orgId: z.uuid(), ...placeFields });
export const updatePlaceSchema = z.strictObject({
  orgId: z.uuid().optional(),
  kind: placeFields.kind.optional(),
  name: placeFields.name.optional(),
  address: placeFields.address,
  lat: placeFields.lat,
  lng: placeFields.lng,
  openingHours: placeFields.openingHours,
  hasPartyMember: z.boolean().optional(),
});

/** Any current unit, by name: for choosing co-organisers and partners outside one's own subtree. Names only. */
export const orgDirectoryQuerySchema = z.strictObject({
  q: text(64).min(1),
  kind: z.enum(ORG_KINDS).optional(),
});
export const orgDirectorySchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS), side: z.enum(ORG_SIDES), parentName: z.string().nullable() }),
  ),
});
