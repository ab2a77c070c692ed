import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { fieldMessage } from '@youshe/shared';
import type { z } from 'zod';
import { ApiError } from './api';
import { currentLocale } from './i18n';

/**
 * An antd rule that checks a field with the same zod schema the server uses, and words the problem
 * the way the server would. Empty values are left to `required`.
 */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const issue = result.error.issues[0]!;
      throw new Error(fieldMessage(currentLocale(), issue.code, issue as unknown as Record<string, unknown>, issue.message));
    },
  };
}

/**
 * Puts the server's field problems beside the fields they concern. A field is named by its dotted
 * path ('grant.role' for a nested field); an issue deeper than any named field goes to its nearest
 * named ancestor. Returns the issues that match no field on the form, so the caller can show them in
 * a general message.
 */
export function applyServerErrors(form: Pick<FormInstance, 'setFields'>, error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError) || error.details.length === 0) return [];
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const issue of error.details) {
    const parts = issue.path.split('.');
    let field = '';
    for (let n = parts.length; n > 0 && !field; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (known.has(candidate)) field = candidate;
    }
    if (field) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else unmatched.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return unmatched;
}

/** Empty strings from inputs become null, so optional fields are cleared rather than sent blank. */
export function blankToNull<T extends object>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}
