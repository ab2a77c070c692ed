import type { BookingField } from '@youshe/shared';

export interface FieldChangeIssue {
  path: string;
  /** A key of the custom field messages (packages/shared field-messages.ts). */
  message: string;
}

/** The checks every field list must pass, with or without bookings: unique keys, the identity field among them. */
export function fieldListIssues(fields: BookingField[], identityField: string): FieldChangeIssue[] {
  const keys = fields.map((f) => f.key);
  const issues: FieldChangeIssue[] = [];
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) issues.push({ path: `fields.${i}.key`, message: 'duplicate_field_key' });
  });
  if (!keys.includes(identityField)) issues.push({ path: 'identityField', message: 'identity_field_missing' });
  return issues;
}

/**
 * What a change of a campaign's fields would break once residents have booked. Their answers are stored by key,
 * were checked by the field's kind and pattern, are masked by its kind, and "one booking per person" compares the
 * identity field: so a field may be reworded (label, hint) or made optional, and optional fields may be added, but
 * nothing that would leave an existing booking unchecked, unreadable or counted as a different person.
 */
export function lockedFieldChanges(
  before: { fields: BookingField[]; identityField: string },
  after: { fields: BookingField[]; identityField: string },
): FieldChangeIssue[] {
  const issues: FieldChangeIssue[] = [];
  if (after.identityField !== before.identityField) issues.push({ path: 'identityField', message: 'booking_identity_locked' });
  const next = new Map(after.fields.map((f, i) => [f.key, { f, i }]));
  for (const old of before.fields) {
    const now = next.get(old.key);
    if (!now) {
      issues.push({ path: 'fields', message: 'booking_field_removed' });
      continue;
    }
    const at = `fields.${now.i}`;
    if ((now.f.kind ?? 'text') !== (old.kind ?? 'text')) issues.push({ path: `${at}.kind`, message: 'booking_field_kind_locked' });
    if ((now.f.pattern ?? '') !== (old.pattern ?? '')) issues.push({ path: `${at}.pattern`, message: 'booking_field_pattern_locked' });
    if (now.f.required !== false && old.required === false)
      issues.push({ path: `${at}.required`, message: 'booking_field_required_locked' });
  }
  const known = new Set(before.fields.map((f) => f.key));
  after.fields.forEach((f, i) => {
    if (!known.has(f.key) && f.required !== false) issues.push({ path: `fields.${i}.required`, message: 'booking_field_new_required' });
  });
  return issues;
}
