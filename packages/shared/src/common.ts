import { z } from 'zod';

export const idSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: idSchema });

/** Short single-line text: trimmed, bounded, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'no_control_chars' });
export const requiredText = (max: number) => text(max).min(1);
export const longText = (max: number) => z.string().max(max);

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okSchema = z.object({ ok: z.literal(true) });

/** Mainland mobile number: 11 digits starting with 1. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'phone_format' });

/** Resident identity card number: 17 digits and a digit or X. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { message: 'id_number_format' });

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

/** A list filter's period: whole days in China time (Asia/Shanghai), both ends included, either end open. */
export const dateRangeFields = { from: isoDate.optional(), to: isoDate.optional() };
/** Refinement for a schema with dateRangeFields: an end before the start is told beside `to`. */
export function rangeInOrder(v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'range_to_before_from' });
}

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
