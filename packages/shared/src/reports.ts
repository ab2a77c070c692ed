import { z } from 'zod';
import { isoDate, longText, pageOf, requiredText } from './common.js';
import { LOCALES, type Locale } from './errors.js';

/** A month as YYYY-MM (China time). */
export const monthSchema = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' });

export const dashboardQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  from: monthSchema.optional(),
  to: monthSchema.optional(),
});

/** Figures by metric name: "activities", "activities:<kind>", "attendance", "outcome:<field>", "visits", … */
export const figuresSchema = z.record(z.string(), z.number());

export const dashboardSchema = z.object({
  org: z.object({ id: z.uuid().nullable(), name: z.string(), parentId: z.uuid().nullable() }),
  from: monthSchema,
  to: monthSchema,
  totals: figuresSchema,
  months: z.array(z.object({ month: monthSchema, figures: figuresSchema })),
  kinds: z.array(z.object({ kindId: z.string(), name: z.string() })),
  children: z.array(z.object({ orgId: z.uuid(), name: z.string(), kind: z.string(), hasChildren: z.boolean(), figures: figuresSchema })),
  /** Figures that are states now rather than counts over the period: stations, goals, coverage, open alerts. */
  current: figuresSchema,
  goals: z.array(
    z.object({
      partnershipId: z.uuid(),
      partnershipTitle: z.string(),
      title: z.string(),
      target: z.number(),
      progress: z.number(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const REPORT_PERIODS = ['month', 'quarter', 'year'] as const;
export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export const reportQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  period: z.enum(REPORT_PERIODS),
  /** Any day inside the period; defaults to today. */
  date: isoDate.optional(),
  format: z.enum(REPORT_FORMATS),
  /** The language to write the report in; without it, the caller's Accept-Language (the console's language). */
  lang: z.enum(LOCALES).optional(),
});

/**
 * Names of the activity kinds the platform seeds (migration 0003), in the languages other than the one
 * they are stored in. A kind an admin added later has only its stored name, which is then used as it is.
 */
export const ACTIVITY_KIND_NAMES: Record<Exclude<Locale, 'zh-CN'>, Record<string, string>> = {
  'zh-TW': {
    party_lesson: '黨課',
    stamp_party_lesson: '集郵黨課',
    theme_party_day: '主題黨日',
    oath_renewal: '重溫入黨誓詞',
    reading_session: '讀書會',
    knowledge_contest: '知識競賽',
    welfare_visit: '走訪慰問',
    convenience_service: '便民服務',
    anti_fraud: '反詐宣傳',
    lecture: '健康·金融·急救講座',
    performance: '文藝演出',
    parent_child: '親子活動',
    donation: '愛心捐贈',
    blood_donation: '無償捐血',
    epidemic_duty: '防疫值守',
    moral_lecture: '道德講堂',
    elderly_outing: '老人出遊',
    business: '黨建+業務',
  },
  en: {
    party_lesson: 'Party lesson',
    stamp_party_lesson: 'Stamp-collecting Party lesson',
    theme_party_day: 'Themed Party day',
    oath_renewal: 'Renewing the Party oath',
    reading_session: 'Reading session',
    knowledge_contest: 'Knowledge contest',
    welfare_visit: 'Welfare visits',
    convenience_service: 'Convenience services',
    anti_fraud: 'Anti-fraud awareness',
    lecture: 'Health, finance and first-aid talk',
    performance: 'Performance',
    parent_child: 'Parent-child activity',
    donation: 'Charity donation',
    blood_donation: 'Blood donation',
    epidemic_duty: 'Epidemic duty',
    moral_lecture: 'Moral lecture',
    elderly_outing: 'Outing for older people',
    business: 'Party building + business',
  },
};

/** A kind's name in the reader's language: the seeded translation, else the name it is stored under. */
export function activityKindName(locale: Locale, kindId: string, stored: string): string {
  return locale === 'zh-CN' ? stored : (ACTIVITY_KIND_NAMES[locale][kindId] ?? stored);
}

export const rebuildResultSchema = z.object({ rows: z.number().int() });

export const PRESS_STATUSES = ['draft', 'published'] as const;
export const pressReleaseSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  activityId: z.uuid().nullable(),
  activityTitle: z.string().nullable(),
  title: z.string(),
  lead: z.string(),
  body: z.string(),
  status: z.enum(PRESS_STATUSES),
  outlet: z.string().nullable(),
  publishedOn: z.string().nullable(),
  link: z.string().nullable(),
  version: z.number().int(),
  photoIds: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PressRelease = z.infer<typeof pressReleaseSchema>;
export const pressReleasePageSchema = pageOf(pressReleaseSchema);
export const pressListQuerySchema = z.strictObject({
  orgId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  status: z.enum(PRESS_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const draftPressReleaseSchema = z.strictObject({ activityId: z.uuid() });
export const updatePressReleaseSchema = z.strictObject({
  version: z.number().int().min(1),
  title: requiredText(100),
  lead: longText(1000).refine((s) => s.trim().length > 0, { message: 'required' }),
  body: longText(10000).refine((s) => s.trim().length > 0, { message: 'required' }),
});
export const publishPressReleaseSchema = z.strictObject({
  version: z.number().int().min(1),
  outlet: requiredText(60),
  publishedOn: isoDate,
  link: z
    .url({ protocol: /^https?$/, message: 'invalid_url' })
    .max(500)
    .or(z.literal(''))
    .optional(),
});
