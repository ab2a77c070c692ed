import type { AuditEntry } from '@youshe/shared';
import { api, type Page } from '../../app/api';

export interface AuditFilters {
  actor?: string;
  action?: string;
  entity?: string;
  orgId?: string | null;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = { list: (f: AuditFilters) => ['audit', 'list', f] as const };

export const auditApi = { list: (f: AuditFilters) => api.get<Page<AuditEntry>>('/api/audit', { ...f }) };

/** Actions the platform records today; the filter also accepts any other text. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'account.create',
  'account.grant',
  'account.revoke',
  'account.disable',
  'account.enable',
  'account.reset_password',
  'account.locale',
  'org.create',
  'org.update',
  'org.move',
  'org.archive',
  'org.restore',
  'org.delete',
  'place.create',
  'place.update',
  'place.archive',
  'place.restore',
  'person.create',
  'person.update',
  'person.archive',
  'person.restore',
  'person.reveal',
  'activity.create',
  'activity.update',
  'activity.published',
  'activity.in_progress',
  'activity.closed',
  'activity.cancelled',
  'activity_kind.upsert',
  'signup.create',
  'signup.cancel',
  'signup.checkin',
  'partnership.create',
  'partnership.update',
  'partnership.renew',
  'partnership.goal_add',
  'partnership.goal_update',
  'partnership.goal_remove',
] as const;

export const KNOWN_ENTITIES = ['account', 'org', 'place', 'person', 'activity', 'activity_kind', 'signup', 'partnership'] as const;
