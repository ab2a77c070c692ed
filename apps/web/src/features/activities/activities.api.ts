import type {
  CreateQuote,
  Quote,
  Activity,
  ActivityKind,
  ActivityStatus,
  OutcomeField,
  photoSchema,
  quizSchema,
  upsertQuizSchema,
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
export type Photo = z.infer<typeof photoSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type UpsertQuiz = z.input<typeof upsertQuizSchema>;
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
  photos: (id: string) => ['activities', 'photos', id] as const,
  quotes: (id: string) => ['activities', 'quotes', id] as const,
  quiz: (id: string) => ['activities', 'quiz', id] as const,
  byPartnership: (partnershipId: string) => ['activities', 'by-partnership', partnershipId] as const,
};

export const activitiesApi = {
  kinds: () => api.get<{ items: ActivityKind[] }>('/api/activity-kinds'),
  list: (f: ActivityFilters) => api.get<Page<Activity>>('/api/activities', { ...f }),
  get: (id: string) => api.get<Activity>(`/api/activities/${id}`),
  create: (body: CreateActivity) => api.post<Activity>('/api/activities', body),
  update: (id: string, body: UpdateActivity) => api.patch<Activity>(`/api/activities/${id}`, body),
  transition: (id: string, to: TransitionTo, outcome?: Partial<Record<OutcomeField, number>>, attendanceByHand?: number) =>
    api.post<Activity>(`/api/activities/${id}/transition`, {
      to,
      ...(outcome ? { outcome } : {}),
      ...(attendanceByHand !== undefined ? { attendanceByHand } : {}),
    }),
  signups: (id: string) => api.get<{ items: SignupListItem[] }>(`/api/activities/${id}/signups`),
  checkInCode: (id: string, code: string) => api.post<CheckinResult>(`/api/activities/${id}/checkins`, { code }),
  checkInWalkin: (id: string, walkin: { name: string; phone?: string | null }) =>
    api.post<CheckinResult>(`/api/activities/${id}/checkins`, { walkin }),
  byPartnership: (partnershipId: string) => api.get<Page<Activity>>('/api/activities', { partnershipId, page: 1, pageSize: 100 }),
  photos: (id: string) => api.get<{ items: Photo[] }>(`/api/activities/${id}/photos`),
  quotes: (id: string) => api.get<{ items: Quote[] }>(`/api/activities/${id}/quotes`),
  addQuote: (id: string, body: CreateQuote) => api.post<Quote>(`/api/activities/${id}/quotes`, body),
  removeQuote: (id: string, quoteId: string) => api.delete<{ ok: true }>(`/api/activities/${id}/quotes/${quoteId}`),
  uploadPhoto: (id: string, file: File, caption?: string) => {
    const form = new FormData();
    // The caption first: the server reads the fields that come before the file.
    if (caption) form.append('caption', caption);
    form.append('file', file);
    return api.upload<Photo>(`/api/activities/${id}/photos`, form);
  },
  removePhoto: (id: string, photoId: string) => api.delete<{ ok: true }>(`/api/activities/${id}/photos/${photoId}`),
  /** The activity's prize quiz, or null when none was written yet. */
  quiz: (id: string) => api.get<Quiz | null>(`/api/activities/${id}/quiz`),
  saveQuiz: (id: string, body: UpsertQuiz) => api.put<Quiz>(`/api/activities/${id}/quiz`, body),
  setQuizStatus: (id: string, status: 'open' | 'closed') => api.post<Quiz>(`/api/activities/${id}/quiz/status`, { status }),
  drawQuiz: (id: string) => api.post<Quiz>(`/api/activities/${id}/quiz/draw`),
  /** The ledger (台账) of a subtree and period as an Excel file, downloaded. */
  exportLedger: (q: { orgId?: string | null; from: string; to: string }) => api.download('/api/activities/ledger.xlsx', q, 'ledger.xlsx'),
};

export const photoUrl = (activityId: string, photoId: string, size: 'thumb' | 'full') =>
  `/api/activities/${activityId}/photos/${photoId}?size=${size}`;
export const posterUrl = (activityId: string) => `/api/activities/${activityId}/poster.pdf`;
/** The iCalendar feed of a unit's published activities, for a phone's or a computer's calendar. */
export const calendarUrl = (orgId: string, origin = window.location.origin) => `${origin}/api/public/orgs/${orgId}/calendar.ics`;

/** Where residents sign up, and where the poster's QR code sends them to check themselves in. */
export function publicLinks(token: string, origin = window.location.origin) {
  return { signup: `${origin}/a/${token}`, checkin: `${origin}/a/${token}/checkin`, quiz: `${origin}/a/${token}/quiz` };
}
