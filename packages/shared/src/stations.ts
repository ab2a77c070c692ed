import { z } from 'zod';
import { isoDate, pageOf, phoneSchema, requiredText, text, dateRangeFields, rangeInOrder } from './common.js';

/** The three positionings of a 龙城先锋 red station (DOMAIN.md §6). */
export const STATION_POSITIONINGS = ['red_station', 'live_classroom', 'service_platform'] as const;
export const STATION_POSITIONING_LABELS: Record<(typeof STATION_POSITIONINGS)[number], string> = {
  red_station: '红色驿站',
  live_classroom: '实境课堂',
  service_platform: '服务平台',
};

/** The five groups the 15 functions fall under. */
export const FUNCTION_GROUPS = ['image', 'resources', 'activities', 'education', 'service'] as const;
export const FUNCTION_GROUP_LABELS: Record<(typeof FUNCTION_GROUPS)[number], string> = {
  image: '形象展示',
  resources: '资源整合',
  activities: '党群活动',
  education: '教育宣传',
  service: '服务群众',
};

/**
 * What a station or outlet offers (DOMAIN.md §7). `tally` services are counted per day with a tap;
 * the others keep a record per person: storage (with a claim code), lending (due back), agency.
 */
export const SERVICE_KINDS = [
  'rest',
  'hot_water',
  'food_heating',
  'newspapers',
  'charging',
  'wifi',
  'parcel_pickup',
  'storage',
  'lend_umbrella',
  'lend_first_aid',
  'lend_toolbox',
  'agency_traffic',
  'agency_tax',
  'agency_police',
  'agency_ebike_plate',
  'agency_property',
  'agency_tax_receipt_mail',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type ServiceMode = 'tally' | 'storage' | 'lending' | 'agency';

export function serviceMode(kind: ServiceKind): ServiceMode {
  if (kind === 'storage') return 'storage';
  if (kind.startsWith('lend_')) return 'lending';
  if (kind.startsWith('agency_')) return 'agency';
  return 'tally';
}
export const TALLY_KINDS = SERVICE_KINDS.filter((k) => serviceMode(k) === 'tally') as ServiceKind[];
export const RECORD_KINDS = SERVICE_KINDS.filter((k) => serviceMode(k) !== 'tally') as ServiceKind[];

/** Names for the printed contact card (zh-CN); the console and phone pages use their locale files. */
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  rest: '歇脚休息',
  hot_water: '免费热水',
  food_heating: '饭菜加热',
  newspapers: '报刊阅读',
  charging: '手机充电',
  wifi: '无线上网',
  parcel_pickup: '包裹自提',
  storage: '物品暂存',
  lend_umbrella: '借雨伞',
  lend_first_aid: '借小药箱',
  lend_toolbox: '借工具箱',
  agency_traffic: '交管代办',
  agency_tax: '税邮代办',
  agency_police: '警邮代办',
  agency_ebike_plate: '电动车免费上牌',
  agency_property: '不动产登记代办',
  agency_tax_receipt_mail: '税票无接触寄递',
};

export const RECORD_STATUSES = ['stored', 'claimed', 'lent', 'returned', 'lost', 'received', 'done'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

const functionId = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'invalid_value' });

export const stationFunctionSchema = z.object({
  id: z.string(),
  groupKey: z.enum(FUNCTION_GROUPS),
  name: z.string(),
  description: z.string(),
  sort: z.number().int(),
  archived: z.boolean(),
  /** How many stations have it enabled. */
  stationCount: z.number().int(),
});
export type StationFunction = z.infer<typeof stationFunctionSchema>;
export const functionCatalogueSchema = z.object({ items: z.array(stationFunctionSchema) });
export const createFunctionSchema = z.strictObject({
  id: functionId,
  groupKey: z.enum(FUNCTION_GROUPS),
  name: requiredText(40),
  description: text(200).default(''),
  sort: z.number().int().min(0).max(10000).default(0),
});
export const updateFunctionSchema = z.strictObject({
  groupKey: z.enum(FUNCTION_GROUPS).optional(),
  name: requiredText(40).optional(),
  description: text(200).optional(),
  sort: z.number().int().min(0).max(10000).optional(),
  archived: z.boolean().optional(),
});
export const functionIdParamsSchema = z.strictObject({ id: functionId });

/** A station's counter line: a mobile or a landline such as 0519-86661234. Published, so not personal data. */
const contactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'contact_phone_format' });

export const stationSummarySchema = z.object({
  placeId: z.uuid(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  address: z.string().nullable(),
  communityName: z.string().nullable(),
  headName: z.string().nullable(),
  functionCount: z.number().int(),
  serviceCount: z.number().int(),
  todayCount: z.number().int(),
  canLog: z.boolean(),
});
export const stationListSchema = z.object({ items: z.array(stationSummarySchema) });
export const stationListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  loggable: z.enum(['true', 'false']).optional(),
});

const named = z.object({ id: z.uuid(), name: z.string() });
export const stationSchema = z.object({
  placeId: z.uuid(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  positionings: z.array(z.enum(STATION_POSITIONINGS)),
  functionIds: z.array(z.string()),
  head: z
    .object({
      personId: z.uuid(),
      name: z.string(),
      /** The head's current posts elsewhere, read from appointments (e.g. 社区党支部副书记). */
      appointments: z.array(z.object({ orgName: z.string(), post: z.string() })),
    })
    .nullable(),
  community: named.nullable(),
  grid: named.nullable(),
  contactPhone: z.string().nullable(),
  intro: z.string(),
  services: z.array(z.object({ kind: z.enum(SERVICE_KINDS), note: z.string() })),
  canEdit: z.boolean(),
  canLog: z.boolean(),
});
export type Station = z.infer<typeof stationSchema>;

export const updateStationSchema = z.strictObject({
  positionings: z.array(z.enum(STATION_POSITIONINGS)).max(3).optional(),
  functionIds: z.array(functionId).max(60).optional(),
  headPersonId: z.uuid().nullish(),
  communityOrgId: z.uuid().nullish(),
  gridOrgId: z.uuid().nullish(),
  contactPhone: contactPhone.nullish(),
  intro: text(500).optional(),
  openingHours: text(200).nullish(),
  services: z
    .array(z.strictObject({ kind: z.enum(SERVICE_KINDS), note: text(100).default('') }))
    .max(SERVICE_KINDS.length)
    .optional(),
});
export type UpdateStation = z.input<typeof updateStationSchema>;

export const placeIdParamsSchema = z.strictObject({ placeId: z.uuid() });

/** What anyone may see without signing in: the station's functions, services, hours and contact. */
export const publicStationSchema = z.object({
  placeId: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  positionings: z.array(z.enum(STATION_POSITIONINGS)),
  functionGroups: z.array(
    z.object({ groupKey: z.enum(FUNCTION_GROUPS), functions: z.array(z.object({ name: z.string(), description: z.string() })) }),
  ),
  services: z.array(z.enum(SERVICE_KINDS)),
  contactPhone: z.string().nullable(),
  headName: z.string().nullable(),
  communityName: z.string().nullable(),
  orgName: z.string(),
});
export type PublicStation = z.infer<typeof publicStationSchema>;

// ---------------------------------------------------------------------------------------------
// The service log

export const tapRequestSchema = z.strictObject({
  kind: z.enum(SERVICE_KINDS),
  /** +1 per use; -1 undoes a mistaken tap. A batch of several at once is allowed. */
  delta: z
    .number()
    .int()
    .min(-1)
    .max(50)
    .refine((d) => d !== 0, { message: 'invalid_value' }),
  /** Made by the phone: a retried tap with the same id counts once. */
  tapId: z.uuid().optional(),
});
export const tapResultSchema = z.object({ kind: z.enum(SERVICE_KINDS), day: z.string(), count: z.number().int(), counted: z.boolean() });

export const dayLogQuerySchema = z.strictObject({ day: isoDate.optional() });
export const dayLogSchema = z.object({
  placeId: z.uuid(),
  day: z.string(),
  tallies: z.array(z.object({ kind: z.enum(SERVICE_KINDS), count: z.number().int() })),
  /** Person records opened that day, by kind. */
  records: z.array(z.object({ kind: z.enum(SERVICE_KINDS), count: z.number().int() })),
});
export type DayLog = z.infer<typeof dayLogSchema>;

export const createRecordSchema = z.strictObject({
  kind: z.enum(SERVICE_KINDS),
  personName: requiredText(40),
  phone: phoneSchema.optional(),
  item: text(100).default(''),
  dueOn: isoDate.optional(),
  note: text(200).default(''),
  /** Made by the phone: a retried submission returns the first record. */
  recordId: z.uuid().optional(),
});
export type CreateRecord = z.input<typeof createRecordSchema>;

export const serviceRecordSchema = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  status: z.enum(RECORD_STATUSES),
  personName: z.string(),
  phoneMasked: z.string().nullable(),
  item: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  note: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;
/** Only when an item is stored: the claim code, shown this once to hand to the owner. */
export const createdRecordSchema = serviceRecordSchema.extend({ claimCode: z.string().nullable() });
export const recordPageSchema = pageOf(serviceRecordSchema);
export const recordListQuerySchema = z
  .strictObject({
    open: z.enum(['true', 'false']).optional(),
    kind: z.enum(SERVICE_KINDS).optional(),
    /** Days (China time) on which the record was made. */
    ...dateRangeFields,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(rangeInOrder);
export const closeRecordSchema = z.strictObject({ outcome: z.enum(['returned', 'lost', 'done']) });
export const claimRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'claim_code_format' }),
});
export const revealPhoneSchema = z.object({ phone: z.string().nullable() });
