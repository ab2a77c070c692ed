import { z } from 'zod';
import { isoDate, requiredText } from './common.js';

/** The five roles of a member covering an outlet (DOMAIN.md §4). */
export const ZONE_ROLES = ['policy_speaker', 'errand_runner', 'marketing_partner', 'emotional_support', 'story_teller'] as const;
export const ZONE_ROLE_LABELS: Record<(typeof ZONE_ROLES)[number], string> = {
  policy_speaker: '政策宣讲员',
  errand_runner: '问题代办员',
  marketing_partner: '营销协作员',
  emotional_support: '情绪疏导员',
  story_teller: '经验宣传员',
};

export const appointmentSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  /** The person's own unit, for the host's view of who serves there. */
  personOrgName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  post: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  current: z.boolean(),
  /** Whether the asker may end it (they keep the person's records). */
  editable: z.boolean(),
});
export const appointmentListSchema = z.object({ items: z.array(appointmentSchema) });
export const appointmentListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  personId: z.uuid().optional(),
  current: z.enum(['true', 'false']).optional(),
});
export const createAppointmentSchema = z.strictObject({
  personId: z.uuid(),
  orgId: z.uuid(),
  post: requiredText(40),
  startsOn: isoDate,
  endsOn: isoDate.nullish(),
});
export const endRequestSchema = z.strictObject({ endsOn: isoDate });

export const zoneSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  placeId: z.uuid(),
  placeName: z.string(),
  /** The unit that runs the outlet. */
  orgName: z.string(),
  roles: z.array(z.enum(ZONE_ROLES)),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Whether the asker may end it (they keep the outlet's records). */
  editable: z.boolean(),
});
export const zoneListSchema = z.object({ items: z.array(zoneSchema) });
export const zoneListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  personId: z.uuid().optional(),
  current: z.enum(['true', 'false']).optional(),
});
export const createZoneSchema = z.strictObject({
  personId: z.uuid(),
  placeId: z.uuid(),
  roles: z
    .array(z.enum(ZONE_ROLES))
    .min(1)
    .max(5)
    .default([...ZONE_ROLES]),
  startsOn: isoDate,
});

/** Outlets without a party member of their own, and whether a member's zone covers each. */
export const coverageSchema = z.object({
  outletsWithoutMember: z.number().int(),
  covered: z.number().int(),
  uncovered: z.number().int(),
  items: z.array(
    z.object({
      placeId: z.uuid(),
      placeName: z.string(),
      orgId: z.uuid(),
      orgName: z.string(),
      coveredBy: z.string().nullable(),
      /** The current zone covering the outlet, so that it can be ended from the same row. */
      zoneId: z.uuid().nullable(),
      coveredSince: z.string().nullable(),
      /** Whether the asker may assign or end the outlet's zone. */
      editable: z.boolean(),
    }),
  ),
});
export const coverageQuerySchema = z.strictObject({ orgId: z.uuid().optional(), uncoveredOnly: z.enum(['true', 'false']).optional() });
