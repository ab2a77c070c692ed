import type {
  Activity,
  ActivityKind,
  ActivityStatus,
  OutcomeField,
  SignupStatus,
  checkinResultSchema,
  createActivitySchema,
  updateActivitySchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export interface ActivityFilters {
  orgId?: string | null;
  status?: ActivityStatus;
  kindId?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export type CreateActivity = z.input<typeof createActivitySchema>;
export type UpdateActivity = z.input<typeof updateActivitySchema>;
export type CheckinResult = z.infer<typeof checkinResultSchema>;
export type TransitionTo = 'published' | 'in_progress' | 'closed' | 'cancelled';

export interface SignupListItem {
  id: string;
  name: string;
  phoneMasked: string | null;
  status: SignupStatus;
  createdAt: string;
  checkedInAt: string | null;
  walkin: boolean;
}

export const activityKeys = {
  all: ['activities'] as const,
  kinds: ['activity-kinds'] as const,
  list: (f: ActivityFilters) => ['activities', 'list', f] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  signups: (id: string) => ['activities', 'signups', id] as const,
};

export const activitiesApi = {
  kinds: () => api.get<{ items: ActivityKind[] }>('/api/activity-kinds'),
  list: (f: ActivityFilters) => api.get<Page<Activity>>('/api/activities', { ...f }),
  get: (id: string) => api.get<Activity>(`/api/activities/${id}`),
  create: (body: CreateActivity) => api.post<Activity>('/api/activities', body),
  update: (id: string, body: UpdateActivity) => api.patch<Activity>(`/api/activities/${id}`, body),
  transition: (id: string, to: TransitionTo, outcome?: Partial<Record<OutcomeField, number>>) =>
    api.post<Activity>(`/api/activities/${id}/transition`, outcome ? { to, outcome } : { to }),
  signups: (id: string) => api.get<{ items: SignupListItem[] }>(`/api/activities/${id}/signups`),
  checkInCode: (id: string, code: string) => api.post<CheckinResult>(`/api/activities/${id}/checkins`, { code }),
  checkInWalkin: (id: string, walkin: { name: string; phone?: string | null }) =>
    api.post<CheckinResult>(`/api/activities/${id}/checkins`, { walkin }),
};

/** Where residents sign up, and where the poster's QR code sends them to check themselves in. */
export function publicLinks(token: string, origin = window.location.origin) {
  return { signup: `${origin}/a/${token}`, checkin: `${origin}/a/${token}/checkin` };
}
