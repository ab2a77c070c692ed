import { BOOKING_FIELD_MESSAGES, type BookingField, type FieldIssue, type Locale } from '@youshe/shared';
import { maskIdNumber, maskPhone } from '../../platform/crypto.js';

const PHONE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

/** Trimmed; full-width digits and letters (typed on a Chinese keyboard) made half-width; ID numbers upper-cased. */
export function normalise(field: BookingField, raw: string): string {
  const v = raw.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (field.kind === 'phone') return v.replace(/[\s-]/g, '');
  if (field.kind === 'id_number') return v.replace(/\s/g, '').toUpperCase();
  return v;
}

/** The value that tells people apart: spaces and case do not make a second person. */
export const identityValue = (v: string) => v.replace(/\s+/g, '').toUpperCase();

const say = (locale: Locale, key: keyof (typeof BOOKING_FIELD_MESSAGES)['en'], field: BookingField) =>
  BOOKING_FIELD_MESSAGES[locale][key]
    .replace('{label}', field.label)
    .replace('{hint}', field.hint ? (locale === 'en' ? `: ${field.hint}` : `：${field.hint}`) : '');

/**
 * Checks a resident's answers against the campaign's own fields. Returns the normalised values, or the
 * issues: one per field, naming it (`values.<key>`) and saying why, in the resident's language.
 */
export function checkValues(
  fields: BookingField[],
  input: Record<string, string>,
  locale: Locale,
): { values: Record<string, string> } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const values: Record<string, string> = {};
  for (const key of Object.keys(input)) {
    if (!fields.some((f) => f.key === key))
      issues.push({ path: `values.${key}`, code: 'unknown_field', message: BOOKING_FIELD_MESSAGES[locale].unknown });
  }
  for (const field of fields) {
    const v = normalise(field, input[field.key] ?? '');
    const path = `values.${field.key}`;
    if (!v) {
      if (field.required) issues.push({ path, code: 'required', message: say(locale, 'required', field) });
      continue;
    }
    if (field.kind === 'phone' && !PHONE.test(v)) issues.push({ path, code: 'invalid_format', message: say(locale, 'phone', field) });
    else if (field.kind === 'id_number' && !ID_NUMBER.test(v))
      issues.push({ path, code: 'invalid_format', message: say(locale, 'id_number', field) });
    else if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(v))
      issues.push({ path, code: 'invalid_format', message: say(locale, 'format', field) });
    else values[field.key] = v;
  }
  return issues.length ? { issues } : { values };
}

function maskText(v: string): string {
  const chars = [...v];
  if (chars.length <= 1) return '*';
  if (chars.length <= 3) return chars[0] + '*'.repeat(chars.length - 1);
  const keep = chars.length >= 8 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep * 2) + chars.slice(-keep).join('');
}

/** How a value shows on the resident's page and at the counter: enough to recognise, not enough to misuse. */
export function maskValue(field: BookingField | undefined, v: string): string {
  switch (field?.kind) {
    case 'phone':
      return maskPhone(v);
    case 'id_number':
      return maskIdNumber(v);
    case 'name':
      return [...v][0] + '*'.repeat(Math.max(1, [...v].length - 1));
    default:
      return maskText(v);
  }
}

export function maskValues(fields: BookingField[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (values[f.key] !== undefined) out[f.key] = maskValue(f, values[f.key]!);
  return out;
}
