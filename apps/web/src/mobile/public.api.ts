import type {
  Signup,
  communityDirectorySchema,
  publicActivitySchema,
  publicNeedSchema,
  publicQuizSchema,
  quizEntryResultSchema,
  selfCheckinResultSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, ApiError } from '../app/api';

/** The resident's side of the API: no account, only the activity's token and one's own sign-up code. */
export type PublicActivity = z.infer<typeof publicActivitySchema>;
export type CheckinResult = z.infer<typeof selfCheckinResultSchema>;
export type PublicNeed = z.infer<typeof publicNeedSchema>;
export type Community = z.infer<typeof communityDirectorySchema>['items'][number];
export type PublicQuiz = z.infer<typeof publicQuizSchema>;
export type QuizEntryResult = z.infer<typeof quizEntryResultSchema>;

export const publicKeys = {
  activity: (token: string) => ['public', 'activity', token] as const,
  signup: (code: string) => ['public', 'signup', code] as const,
  communities: (q: string) => ['public', 'communities', q] as const,
  need: (code: string) => ['public', 'need', code] as const,
  quiz: (token: string) => ['public', 'quiz', token] as const,
};

const enc = encodeURIComponent;

export const publicApi = {
  activity: (token: string) => api.get<PublicActivity>(`/api/public/activities/${enc(token)}`),
  signUp: (token: string, body: { name: string; phone: string; consent: true }) =>
    api.post<Signup>(`/api/public/activities/${enc(token)}/signups`, body),
  signup: (code: string) => api.get<Signup>(`/api/public/signups/${enc(code)}`),
  cancel: (code: string) => api.post<Signup>(`/api/public/signups/${enc(code)}/cancel`),
  accept: (code: string) => api.post<Signup>(`/api/public/signups/${enc(code)}/accept`),
  checkIn: (token: string, code: string) => api.post<CheckinResult>(`/api/public/activities/${enc(token)}/checkins`, { code }),
  checkInByPhone: (token: string, body: { name: string; phone: string }) =>
    api.post<CheckinResult>(`/api/public/activities/${enc(token)}/checkins/by-phone`, body),
  communities: (q: string) => api.get<{ items: Community[] }>('/api/public/communities', { q }),
  order: (body: { orgId: string; kind: 'need' | 'wish'; title: string; description: string; name: string; phone: string; consent: true }) =>
    api.post<PublicNeed>('/api/public/needs', body),
  need: (code: string) => api.get<PublicNeed>(`/api/public/needs/${enc(code)}`),
  quiz: (token: string) => api.get<PublicQuiz>(`/api/public/activities/${enc(token)}/quiz`),
  answerQuiz: (token: string, body: { name: string; phone: string; answers: number[] }) =>
    api.post<QuizEntryResult>(`/api/public/activities/${enc(token)}/quiz`, body),
};

/** A dropped connection is worth another try; a 4xx answer is not. */
export const retryNetworkOnly = (count: number, error: unknown) => error instanceof ApiError && error.code === 'network' && count < 2;

export const isNotFound = (e: unknown) => e instanceof ApiError && e.code === 'not_found';
export const isNetwork = (e: unknown) => e instanceof ApiError && e.code === 'network';
